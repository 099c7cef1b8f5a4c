import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, requestsLeavingLoopback, type RecordedPage } from './support/browser.ts';
import { ACCOUNTS, openCompose, signIn, type AccountName } from './support/sign-in.ts';
import { startFullStack, type FullStack } from './support/stack.ts';
import { makeTestVideos, type TestVideos } from './support/videos.ts';

/**
 * Several TikTok accounts in one tab, end to end: the built SPA in Chromium, the built proxy and
 * the TikTok sandbox (audited app), every account connected on the sandbox's real consent page.
 * One video goes to two accounts with different settings, each followed to its own outcome, and
 * an account TikTok's rules refuse never stops the other.
 */

let stack: FullStack;
let browser: Browser;
let videos: TestVideos;
let current: RecordedPage | undefined;

beforeAll(async () => {
  [stack, browser, videos] = await Promise.all([
    // Quick processing, so a post is "published" at the SPA's first status check.
    startFullStack({ sandbox: { processingDelayMs: 50, moderationDelayMs: 50 } }),
    launchBrowser(),
    makeTestVideos(['short', 'long']),
  ]);
});

afterAll(async () => {
  await current?.close();
  await browser?.close();
  await stack?.stop();
  await videos?.remove();
});

beforeEach(() => {
  stack.sandbox.reset();
});

afterEach(async () => {
  await current?.close();
  current = undefined;
});

function accountButton(page: Page, name: string | RegExp): Locator {
  return page.getByRole('button', {
    name: new RegExp(`^Connected TikTok account ${typeof name === 'string' ? name : name.source}`),
  });
}

/** "Add another TikTok account" in the account menu, then the same consent page as the first sign-in. */
async function addAccount(page: Page, account: AccountName, activeName: string): Promise<void> {
  await accountButton(page, activeName).click();
  await page.getByRole('menuitem', { name: 'Add another TikTok account' }).click();
  await page.waitForURL((url) => url.href.startsWith(stack.sandbox.authorizeUrl));
  await page.getByLabel(ACCOUNTS[account]).check();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${stack.webOrigin}/studio`);
  await page.getByRole('heading', { level: 1, name: 'Your studio' }).waitFor();
}

/** A fresh tab with Ava connected first and then `second`, which is the active one afterwards. */
async function connectTwo(second: AccountName, secondName: string, options: Parameters<typeof openPage>[1] = {}) {
  current = await openPage(browser, options);
  const { page } = current;
  await signIn(page, stack, 'ava');
  await accountButton(page, 'Ava Public').waitFor();
  await addAccount(page, second, 'Ava Public');
  await accountButton(page, secondName).waitFor();
  return current;
}

type StoredSession = { openId: string; accessToken: string };

async function storedSessions(page: Page): Promise<{ active: StoredSession | null; others: StoredSession[] }> {
  return page.evaluate(() => {
    const active = sessionStorage.getItem('csp.session');
    const accounts = sessionStorage.getItem('csp.accounts');
    return {
      active: active ? (JSON.parse(active) as StoredSession) : null,
      others: accounts ? (JSON.parse(accounts) as { others: StoredSession[] }).others : [],
    };
  });
}

function form(page: Page): Locator {
  return page.getByRole('form', { name: 'New TikTok post' });
}

function accountBlock(page: Page, name: RegExp): Locator {
  return form(page).getByRole('region', { name });
}

async function pickVideo(page: Page, file: string): Promise<void> {
  await form(page)
    .getByLabel(/^Choose (a|another) video$/)
    .setInputFiles(file);
  const list = form(page).getByRole('list', { name: 'Before you can send' });
  await expect
    .poll(async () => ((await list.count()) === 0 ? '' : await list.textContent()))
    .not.toContain('Checking your video…');
}

/** Every upload init the page sends, answered with its publish id. */
function publishIds(page: Page): string[] {
  const ids: string[] = [];
  page.on('response', (response) => {
    if (response.request().method() !== 'POST' || new URL(response.url()).pathname !== '/api/v1/uploads') return;
    void response
      .json()
      .then((body: { publishId?: string }) => body.publishId && ids.push(body.publishId))
      .catch(() => undefined);
  });
  return ids;
}

function isSandboxFavicon(message: string): boolean {
  return message.includes(`${stack.sandbox.url}/favicon.ico`);
}

/** `expected` lets through the console errors a test provokes on purpose (Chromium logs each failed answer). */
function expectNoErrors({ record }: RecordedPage, expected: (message: string) => boolean = () => false): void {
  expect({
    consoleErrors: record.consoleErrors.filter((message) => !isSandboxFavicon(message) && !expected(message)),
    pageErrors: record.pageErrors,
    requestsLeavingLoopback: requestsLeavingLoopback(record.requests),
  }).toEqual({ consoleErrors: [], pageErrors: [], requestsLeavingLoopback: [] });
}

describe('several accounts in one tab', () => {
  it('connects a second account without losing the first, lists both and switches between them', async () => {
    const recorded = await connectTwo('nico', 'Nico NoComments');
    const { page } = recorded;
    const sessions = await storedSessions(page);
    expect(sessions.active?.openId).toBe('sb-open-nico');
    expect(sessions.others.map((session) => session.openId)).toEqual(['sb-open-ava']);
    expect(stack.sandbox.stats().tokenExchanges).toBe(2);

    const button = accountButton(page, 'Nico NoComments');
    await button.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('group', { name: 'Your TikTok accounts' });
    const ava = list.getByRole('menuitemradio', { name: 'Ava Public @ava.creates' });
    const nico = list.getByRole('menuitemradio', { name: 'Nico NoComments @nico.nocomments' });
    await ava.waitFor();
    await nico.waitFor();
    expect(await nico.getAttribute('aria-checked')).toBe('true');
    expect(await ava.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => ava.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await accountButton(page, 'Ava Public').waitFor();
    expect((await storedSessions(page)).active?.openId).toBe('sb-open-ava');
    // Both stay signed in, and a reload is the same tab: still both.
    await page.reload();
    await accountButton(page, 'Ava Public').waitFor();
    expect((await storedSessions(page)).others.map((session) => session.openId)).toEqual(['sb-open-nico']);
    expectNoErrors(recorded);
  });

  it('disconnects one account: only its grant is revoked, the other stays signed in', async () => {
    const recorded = await connectTwo('nico', 'Nico NoComments');
    const { page } = recorded;
    const { active, others } = await storedSessions(page);
    const revokesBefore = stack.sandbox.stats().revokes;

    await accountButton(page, 'Nico NoComments').click();
    await page.getByRole('menuitem', { name: 'Disconnect Nico NoComments' }).click();

    await page.getByRole('region', { name: 'Nico NoComments is disconnected' }).waitFor();
    await accountButton(page, 'Ava Public').waitFor();
    expect(new URL(page.url()).pathname).toBe('/studio');
    expect(stack.sandbox.stats().revokes).toBe(revokesBefore + 1);
    // TikTok itself (the sandbox) is asked with each account's token: only Nico's grant is gone.
    const userInfo = (token: string | undefined) =>
      fetch(`${stack.sandbox.url}/v2/user/info/?fields=open_id`, { headers: { authorization: `Bearer ${token}` } });
    const [nicoAnswer, avaAnswer] = await Promise.all([
      userInfo(active?.accessToken),
      userInfo(others[0]?.accessToken),
    ]);
    expect(active?.openId).toBe('sb-open-nico');
    expect(nicoAnswer.status).toBe(401);
    expect(avaAnswer.status).toBe(200);
    expect(((await avaAnswer.json()) as { data: { user: { open_id: string } } }).data.user.open_id).toBe('sb-open-ava');
    // Ava's session still works through the whole stack (her compose screen asks TikTok for her
    // creator info), and no second revoke follows.
    await openCompose(page);
    await form(page).getByLabel('Who can see this video').waitFor();
    expect(stack.sandbox.stats().revokes).toBe(revokesBefore + 1);
    expect(await axeViolations(page)).toEqual([]);
    expectNoErrors(recorded);
  });

  it('posts one video to both accounts with different audiences, each followed to its outcome in its own queue', async () => {
    const recorded = await connectTwo('nico', 'Nico NoComments');
    const { page } = recorded;
    await openCompose(page);
    const picker = form(page).getByRole('group', { name: 'Post to' });
    await picker.getByRole('checkbox', { name: /Ava Public/ }).check();
    const ava = accountBlock(page, /^Ava Public/);
    const nico = accountBlock(page, /^Nico NoComments/);
    await ava.getByLabel('Who can see this video').waitFor();
    await nico.getByLabel('Who can see this video').waitFor();
    // Each account's own rules: Nico turned comments off, Ava did not.
    expect(await nico.getByRole('checkbox', { name: 'Allow Comment' }).isDisabled()).toBe(true);
    expect(await ava.getByRole('checkbox', { name: 'Allow Comment' }).isDisabled()).toBe(false);
    const ids = publishIds(page);

    await pickVideo(page, videos.short);
    await ava.getByLabel('Who can see this video').selectOption({ label: 'Everyone' });
    await nico.getByLabel('Who can see this video').selectOption({ label: 'Friends' });
    await ava.getByRole('checkbox', { name: 'Allow Comment' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await form(page).getByRole('button', { name: 'Post', exact: true }).click();

    for (const name of ['Ava Public', 'Nico NoComments']) {
      const queue = page.getByRole('region', { name: `Uploads to ${name}` });
      await queue
        .getByRole('article', { name: 'short.mp4' })
        .getByText('Published', { exact: true })
        .waitFor({ timeout: 30_000 });
    }
    expect(stack.sandbox.stats().inits).toEqual({ direct: 2, inbox: 0 });
    await expect.poll(() => ids.length).toBe(2);
    const reports = ids.map((id) => stack.sandbox.upload(id));
    const byAccount = Object.fromEntries(reports.map((report) => [report?.openId, report]));
    expect(byAccount['sb-open-ava']).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      postInfo: expect.objectContaining({ privacy_level: 'PUBLIC_TO_EVERYONE', disable_comment: false }),
    });
    expect(byAccount['sb-open-nico']).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      postInfo: expect.objectContaining({ privacy_level: 'MUTUAL_FOLLOW_FRIENDS', disable_comment: true }),
    });
    expect(await axeViolations(page)).toEqual([]);
    expectNoErrors(recorded);
  });

  it('follows each post to its own outcome: TikTok turns one account’s post down while processing, the other is published', async () => {
    const recorded = await connectTwo('pia', 'Pia Private');
    const { page } = recorded;
    // Processing long enough for TikTok's moderation to turn one post down before it is published.
    stack.sandbox.setOptions({ processingDelayMs: 3_000 });
    await openCompose(page);
    await form(page)
      .getByRole('group', { name: 'Post to' })
      .getByRole('checkbox', { name: /Ava Public/ })
      .check();
    const ava = accountBlock(page, /^Ava Public/);
    const pia = accountBlock(page, /^Pia Private/);
    await ava.getByLabel('Who can see this video').waitFor();
    await pia.getByLabel('Who can see this video').waitFor();
    const ids = publishIds(page);

    await pickVideo(page, videos.short);
    await ava.getByLabel('Who can see this video').selectOption({ label: 'Only me' });
    await pia.getByLabel('Who can see this video').selectOption({ label: 'Followers' });
    await form(page).getByRole('button', { name: 'Post', exact: true }).click();

    await expect.poll(() => ids.length).toBe(2);
    const idOf = (openId: string) => ids.find((id) => stack.sandbox.upload(id)?.openId === openId) ?? '';
    const [avaId, piaId] = [idOf('sb-open-ava'), idOf('sb-open-pia')];
    await expect.poll(() => stack.sandbox.upload(piaId)?.complete).toBe(true);
    const refused = await fetch(`${stack.sandbox.url}/__sandbox/uploads/${piaId}/fail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failReason: 'spam_risk_text' }),
    });
    expect(refused.status).toBe(200);

    const piaCard = page
      .getByRole('region', { name: 'Uploads to Pia Private' })
      .getByRole('article', { name: 'short.mp4' });
    await piaCard.getByText('TikTok flagged the caption as risky. Change the caption before posting again.').waitFor();
    await page
      .getByRole('region', { name: 'Uploads to Ava Public' })
      .getByRole('article', { name: 'short.mp4' })
      .getByText('Published', { exact: true })
      .waitFor({ timeout: 30_000 });
    expect(await piaCard.getByText('Published', { exact: true }).count()).toBe(0);
    expect(stack.sandbox.upload(avaId)).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      postInfo: expect.objectContaining({ privacy_level: 'SELF_ONLY' }),
    });
    expect(stack.sandbox.upload(piaId)).toMatchObject({
      status: 'FAILED',
      failReason: 'spam_risk_text',
      postInfo: expect.objectContaining({ privacy_level: 'FOLLOWER_OF_CREATOR' }),
    });
    // Pia's refusal ended nothing: both accounts are still connected.
    const sessions = await storedSessions(page);
    expect([sessions.active?.openId, ...sessions.others.map((session) => session.openId)].sort()).toEqual([
      'sb-open-ava',
      'sb-open-pia',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expectNoErrors(recorded);
  });

  it('leaves out the account whose limit the video exceeds, and still posts to the other', async () => {
    const recorded = await connectTwo('nico', 'Nico NoComments');
    const { page } = recorded;
    await openCompose(page);
    await form(page)
      .getByRole('group', { name: 'Post to' })
      .getByRole('checkbox', { name: /Ava Public/ })
      .check();
    const ava = accountBlock(page, /^Ava Public/);
    const nico = accountBlock(page, /^Nico NoComments/);
    await ava.getByLabel('Who can see this video').waitFor();

    // 62 s: over Nico's 60 s Direct Post limit, under Ava's 10 minutes.
    await pickVideo(page, videos.long);
    await nico
      .getByRole('alert')
      .getByText(/This video is 1:02 long; your TikTok account can post videos up to 1:00/)
      .waitFor();
    await ava.getByLabel('Who can see this video').selectOption({ label: 'Only me' });
    await form(page)
      .getByText(/^Not to Nico NoComments:/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form(page).getByRole('button', { name: 'Post', exact: true }).click();

    const avaQueue = page.getByRole('region', { name: 'Uploads to Ava Public' });
    await avaQueue
      .getByRole('article', { name: 'long.mp4' })
      .getByText('Published', { exact: true })
      .waitFor({ timeout: 30_000 });
    // Nothing went to Nico: no init, no job.
    expect(stack.sandbox.stats().inits).toEqual({ direct: 1, inbox: 0 });
    expect(await page.getByRole('region', { name: 'Uploads to Nico NoComments' }).count()).toBe(0);
    expectNoErrors(recorded);
  });

  it('shows an account TikTok is not accepting posts from as left out, while the other one posts', async () => {
    const recorded = await connectTwo('cap', 'Casey Capped');
    const { page } = recorded;
    await openCompose(page);
    await form(page)
      .getByRole('group', { name: 'Post to' })
      .getByRole('checkbox', { name: /Ava Public/ })
      .check();
    const ids = publishIds(page);
    const cap = accountBlock(page, /^Casey Capped/);
    await cap
      .getByRole('heading', { level: 4, name: "TikTok isn't accepting posts from this account right now" })
      .waitFor();
    const ava = accountBlock(page, /^Ava Public/);
    await pickVideo(page, videos.short);
    await ava.getByLabel('Who can see this video').selectOption({ label: 'Friends' });
    expect(await axeViolations(page)).toEqual([]);

    await form(page).getByRole('button', { name: 'Post', exact: true }).click();

    await page
      .getByRole('region', { name: 'Uploads to Ava Public' })
      .getByRole('article', { name: 'short.mp4' })
      .getByText('Published', { exact: true })
      .waitFor({ timeout: 30_000 });
    expect(stack.sandbox.stats().inits).toEqual({ direct: 1, inbox: 0 });
    await expect.poll(() => ids.length).toBe(1);
    expect(stack.sandbox.upload(ids[0] ?? '')?.openId).toBe('sb-open-ava');
    expect(await page.getByRole('region', { name: 'Uploads to Casey Capped' }).count()).toBe(0);
    // The proxy answers Casey's creator info with 403 CREATOR_CANNOT_POST, which Chromium logs as a
    // failed resource; that answer is the point of this test.
    expectNoErrors(recorded, (message) => message.includes('403') && message.includes('/api/v1/creator-info'));
  });

  it('fits a 360 px screen: the account menu and each account’s settings', async () => {
    const recorded = await connectTwo('nico', 'Nico NoComments', {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const { page } = recorded;
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth);

    await accountButton(page, 'Nico NoComments').click();
    const item = page.getByRole('menuitemradio', { name: 'Ava Public @ava.creates' });
    await item.waitFor();
    expect(await fits()).toBeLessThanOrEqual(360);
    const box = await item.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await page.keyboard.press('Escape');

    await openCompose(page);
    await form(page)
      .getByRole('group', { name: 'Post to' })
      .getByRole('checkbox', { name: /Ava Public/ })
      .check();
    await accountBlock(page, /^Ava Public/)
      .getByLabel('Who can see this video')
      .waitFor();
    await accountBlock(page, /^Nico NoComments/)
      .getByLabel('Who can see this video')
      .waitFor();
    expect(await fits()).toBeLessThanOrEqual(360);
    // With a video too long for one of them: its notice, the cut offer and who gets it still fit.
    await pickVideo(page, videos.long);
    await form(page)
      .getByText(/^Not to Nico NoComments:/)
      .waitFor();
    expect(await fits()).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    expectNoErrors(recorded);
  });
});
