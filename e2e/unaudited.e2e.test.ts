import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { openCompose, signIn } from './support/sign-in.ts';
import { startFullStack, type FullStack } from './support/stack.ts';
import { makeTestVideos, sha256File, type TestVideos } from './support/videos.ts';

/**
 * An app TikTok has not audited yet (the stack's proxy gets TIKTOK_APP_AUDITED=false from the
 * sandbox's own setting): the creator learns of TikTok's limit before the first post, can choose
 * only "Only me", and the post goes through as TikTok allows it.
 */
let stack: FullStack;
let browser: Browser;
let videos: TestVideos;

beforeAll(async () => {
  [stack, browser, videos] = await Promise.all([
    startFullStack({ sandbox: { audited: false, processingDelayMs: 50 } }),
    launchBrowser(),
    makeTestVideos(['short']),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await videos?.remove();
});

describe('an unaudited app', () => {
  it('says so before the first post, offers only “Only me”, and publishes privately', async () => {
    const { page, close } = await openPage(browser);
    try {
      await signIn(page, stack, 'pia');
      await openCompose(page);
      const form = page.getByRole('form', { name: 'New TikTok post' });
      await form.waitFor();
      // Before anything was sent: no post was refused to reveal it.
      await page.getByRole('region', { name: 'TikTok limits this app for now' }).waitFor();
      expect(stack.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });

      const audience = form.getByLabel('Who can see this video');
      const options = await audience
        .locator('option')
        .evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent })));
      expect(options.filter((o) => o.value !== '').map((o) => o.label)).toEqual(['Only me']);
      expect(await audience.inputValue()).toBe('');

      await form.getByLabel(/^Choose (a|another) video$/).setInputFiles(videos.short);
      await audience.selectOption({ label: 'Only me' });
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/uploads',
      );
      await form.getByRole('button', { name: 'Post', exact: true }).click();
      const { publishId } = (await (await created).json()) as { publishId: string };
      await page
        .getByRole('article', { name: 'short.mp4' })
        .getByText('Published', { exact: true })
        .waitFor({ timeout: 30_000 });
      expect(stack.sandbox.upload(publishId)).toMatchObject({
        status: 'PUBLISH_COMPLETE',
        effectivePrivacyLevel: 'SELF_ONLY',
        sha256: await sha256File(videos.short),
      });
    } finally {
      await close();
    }
  });
});
