/**
 * Screenshots of the built SPA for design review: every shell page at desktop and phone width, in
 * light and dark, plus the signed-in studio (menu closed and open) and the notice after Disconnect,
 * signed in through the TikTok sandbox and the built proxy. Not a test and not committed; run after
 * `pnpm -r build`:
 *   pnpm --filter @content-studio/e2e screenshots [outDir]
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser.ts';
import { startFullStack } from '../support/stack.ts';

const outDir = process.argv[2] ?? path.join(tmpdir(), 'content-studio-screenshots');
const pages = (process.env.PAGES ?? '/,/privacy,/terms,/auth/callback,/nope').split(',').filter(Boolean);
const signedIn = process.env.SIGNED_IN !== '0';
const widths = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 360, height: 740 } },
];

await mkdir(outDir, { recursive: true });
const stack = await startFullStack();
const browser = await launchBrowser();

async function shoot(page: Page, slug: string, width: string, colorScheme: string) {
  const file = path.join(outDir, `${slug}-${width}-${colorScheme}.png`);
  await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
  console.log(file);
}

try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { name, viewport } of widths) {
      const { page, close } = await openPage(browser, { viewport, colorScheme, reducedMotion: 'reduce' });
      for (const route of pages) {
        await page.goto(`${stack.webOrigin}${route}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const slug = route === '/' ? 'home' : route.replace(/^\//, '').replaceAll('/', '-');
        await shoot(page, slug, name, colorScheme);
      }
      if (signedIn) {
        await page.goto(`${stack.webOrigin}/`);
        await page.getByRole('button', { name: 'Connect TikTok' }).click();
        await page.waitForURL((url) => url.href.startsWith(stack.sandbox.authorizeUrl));
        await page.getByLabel(/Pia Private/).check();
        await page.getByLabel('(video.publish)', { exact: false }).uncheck();
        await page.getByRole('button', { name: 'Authorize' }).click();
        const account = page.getByRole('button', { name: /connected tiktok account pia private/i });
        await account.waitFor();
        await page.getByRole('img', { name: 'Pia Private' }).evaluate((img) => (img as HTMLImageElement).decode());
        await shoot(page, 'studio', name, colorScheme);
        await account.click();
        await page.getByRole('menuitem', { name: 'Disconnect' }).waitFor();
        await shoot(page, 'studio-menu', name, colorScheme);
        await page.getByRole('menuitem', { name: 'Disconnect' }).click();
        await page.getByText("You're disconnected", { exact: true }).waitFor();
        await shoot(page, 'disconnected', name, colorScheme);
      }
      await close();
    }
  }
} finally {
  await browser.close();
  await stack.stop();
}
