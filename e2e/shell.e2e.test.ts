import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, requestsLeavingLoopback, type RecordedPage } from './support/browser.ts';
import { startStack, type Stack } from './support/stack.ts';

/**
 * Each route of the shell, its one main heading and its tab title, for a visitor who is not signed
 * in: the studio sends them home (connect.e2e.test.ts covers the signed-in studio), and a callback
 * this tab did not start is refused.
 */
const routes = [
  { path: '/', heading: 'Publish to TikTok from your desk.', title: 'Content Studio Pro' },
  { path: '/studio', heading: 'Publish to TikTok from your desk.', title: 'Content Studio Pro' },
  { path: '/privacy', heading: 'Privacy Policy', title: 'Privacy Policy · Content Studio Pro' },
  { path: '/terms', heading: 'Terms of Service', title: 'Terms of Service · Content Studio Pro' },
  {
    path: '/auth/callback',
    heading: "We couldn't confirm this sign-in",
    title: "We couldn't confirm this sign-in · Content Studio Pro",
  },
  { path: '/this/page/does/not/exist', heading: 'Page not found', title: 'Page not found · Content Studio Pro' },
] as const;

let stack: Stack;
let browser: Browser;
const opened: RecordedPage[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(opened.map((page) => page.close()));
  await browser?.close();
  await stack?.stop();
});

/** Opens `path` as a fresh visitor and waits for the page's main heading. */
async function visit(path: string, options: Parameters<typeof openPage>[1] = {}): Promise<RecordedPage> {
  const recorded = await openPage(browser, options);
  opened.push(recorded);
  await recorded.page.goto(`${stack.webOrigin}${path}`);
  await recorded.page.getByRole('heading', { level: 1 }).waitFor();
  return recorded;
}

/** One assertion over everything, so a failure's diff names what went wrong. */
function expectCleanRun({ record }: RecordedPage) {
  expect({
    consoleErrors: record.consoleErrors,
    pageErrors: record.pageErrors,
    failedRequests: record.failedRequests,
    errorResponses: record.errorResponses,
    requestsLeavingLoopback: requestsLeavingLoopback(record.requests),
  }).toEqual({
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errorResponses: [],
    requestsLeavingLoopback: [],
  });
}

describe('the SPA shell in Chromium', () => {
  it.each(routes)('$path renders its main heading and title, cleanly and offline', async (route) => {
    const recorded = await visit(route.path);
    const { page } = recorded;

    const headings = page.getByRole('heading', { level: 1 });
    expect(await headings.count()).toBe(1);
    expect((await headings.textContent())?.trim()).toBe(route.heading);
    expect(await page.title()).toBe(route.title);
    // Landmarks and the legal links on every page.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    const footer = page.getByRole('contentinfo');
    expect(await footer.getByRole('link', { name: 'Privacy Policy' }).getAttribute('href')).toBe('/privacy');
    expect(await footer.getByRole('link', { name: 'Terms of Service' }).getAttribute('href')).toBe('/terms');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.waitForLoadState('networkidle');
    expectCleanRun(recorded);
  });

  it("keeps zod, the contract and the api client out of the landing page's first load", async () => {
    const recorded = await visit('/');
    await recorded.page.waitForLoadState('networkidle');

    const scripts = recorded.record.requests.filter((url) => new URL(url).pathname.endsWith('.js'));
    const bodies = await Promise.all(scripts.map(async (url) => (await fetch(url)).text()));
    expect(scripts.length).toBeGreaterThan(0);
    // The contract's error codes travel with its schemas; Connect TikTok loads them on click.
    expect(scripts.filter((_, i) => bodies[i]?.includes('OAUTH_REFRESH_INVALID'))).toEqual([]);
  });

  it('shows the contact address as a mailto link on the privacy page', async () => {
    const { page } = await visit('/privacy');

    const contact = page.getByRole('link', { name: 'ilias.kalalou@gmail.com' }).first();
    await contact.waitFor({ state: 'visible' });
    expect(await contact.getAttribute('href')).toBe('mailto:ilias.kalalou@gmail.com');
    await page.getByText('Last updated: May 2026').waitFor({ state: 'visible' });
  });

  it('navigates between pages without a reload, loading the lazy pages on demand', async () => {
    const recorded = await visit('/');
    const { page } = recorded;
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same document';
    });

    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy Policy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy Policy' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio' }).click();
    // Not signed in: the studio sends the visitor home and says why.
    await page.getByText('Connect TikTok to open your studio').waitFor();

    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
    expectCleanRun(recorded);
  });

  it('runs under a strict Content-Security-Policy: no inline script or style is needed', async () => {
    const csp =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    const strict = await startStack({ webHeaders: { 'content-security-policy': csp } });
    try {
      for (const path of ['/', '/privacy', '/studio']) {
        const recorded = await openPage(browser);
        opened.push(recorded);
        const response = await recorded.page.goto(`${strict.webOrigin}${path}`);
        expect(response?.headers()['content-security-policy']).toBe(csp);
        await recorded.page.getByRole('heading', { level: 1 }).waitFor();
        await recorded.page.waitForLoadState('networkidle');
        // A CSP violation shows up as a console error in Chromium.
        expectCleanRun(recorded);
      }
    } finally {
      await strict.stop();
    }
  });
});

describe('small screens', () => {
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

  it.each(routes)('$path fits 360 px without horizontal scrolling', async (route) => {
    const { page } = await visit(route.path, phone);

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });

  it('shows the Connect TikTok button inside the first screen', async () => {
    const { page } = await visit('/', phone);

    const connect = page.getByRole('button', { name: /connect tiktok/i });
    await connect.waitFor({ state: 'visible' });
    const box = await connect.boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, and the skip link moves focus to main', async () => {
    const { page } = await visit('/');

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(focused).toEqual({ text: 'Skip to main content', href: '#main' });
    // Visible once focused, not just present for screen readers (it slides in, so poll).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getBoundingClientRect().top ?? -1))
      .toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('reaches the Connect TikTok button and shows a focus ring', async () => {
    const { page } = await visit('/');
    const connect = page.getByRole('button', { name: /connect tiktok/i });

    for (let i = 0; i < 10 && !(await connect.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }

    expect(await connect.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await connect.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
});

describe('motion', () => {
  it('stops the spinner for people who ask for reduced motion', async () => {
    // Spinners show only while something loads, too briefly to catch; the rule lives in the
    // initial stylesheet, so check it on a spinner of our own.
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const { page } = await visit('/', { reducedMotion });
      const animation = await page.evaluate(() => {
        const spinner = document.createElement('span');
        spinner.className = 'spinner';
        document.body.append(spinner);
        return getComputedStyle(spinner).animationName;
      });
      expect({ reducedMotion, animation }).toEqual({
        reducedMotion,
        animation: reducedMotion === 'reduce' ? 'none' : 'spinner-turn',
      });
    }
  });
});

describe('accessibility (axe-core)', () => {
  const cases = ['/', '/privacy', '/terms', '/studio', '/auth/callback', '/nope'].flatMap((path) =>
    (['light', 'dark'] as const).map((colorScheme) => ({ path, colorScheme })),
  );

  it.each(cases)('$path in $colorScheme mode has no serious or critical violations', async ({ path, colorScheme }) => {
    const { page } = await visit(path, { colorScheme, reducedMotion: 'reduce' });

    expect(await axeViolations(page)).toEqual([]);
  });
});
