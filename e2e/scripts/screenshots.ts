/**
 * Screenshots of the built SPA for design review: every shell page at desktop and phone width, in
 * light and dark. Not a test and not committed; run after `pnpm --filter @content-studio/web build`:
 *   pnpm --filter @content-studio/e2e exec tsx scripts/screenshots.ts [outDir]
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openPage } from '../support/browser.ts';
import { startStack } from '../support/stack.ts';

const outDir = process.argv[2] ?? path.join(tmpdir(), 'content-studio-screenshots');
const pages = (process.env.PAGES ?? '/,/studio,/privacy,/terms,/auth/callback,/nope').split(',');
const widths = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 360, height: 740 } },
];

await mkdir(outDir, { recursive: true });
const stack = await startStack();
const browser = await launchBrowser();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const { name, viewport } of widths) {
      const { page, close } = await openPage(browser, { viewport, colorScheme, reducedMotion: 'reduce' });
      for (const route of pages) {
        await page.goto(`${stack.webOrigin}${route}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        const slug = route === '/' ? 'home' : route.replace(/^\//, '').replaceAll('/', '-');
        const file = path.join(outDir, `${slug}-${name}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
        console.log(file);
      }
      await close();
    }
  }
} finally {
  await browser.close();
  await stack.stop();
}
