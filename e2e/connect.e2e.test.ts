import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, requestsLeavingLoopback, type RecordedPage } from './support/browser.ts';
import { startFullStack, type FullStack } from './support/stack.ts';

/**
 * Connecting a TikTok account, end to end: the built SPA in Chromium, the built proxy as its own
 * process and the TikTok sandbox's real consent page, all on loopback.
 */

const SESSION_KEY = 'csp.session';

type StoredSession = { accessToken: string; sealedRefresh: string; scopes: string[]; openId: string };

let stack: FullStack;
let browser: Browser;
const opened: RecordedPage[] = [];
/** Every code and token the tests saw; none of them may appear in the proxy's logs. */
const secrets = new Set<string>();

beforeAll(async () => {
  stack = await startFullStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(opened.map((page) => page.close()));
  await browser?.close();
  await stack?.stop();
});

async function newPage(options: Parameters<typeof openPage>[1] = {}): Promise<RecordedPage> {
  const recorded = await openPage(browser, options);
  opened.push(recorded);
  return recorded;
}

async function readSession(page: Page): Promise<StoredSession | null> {
  const raw = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
  return raw ? (JSON.parse(raw) as StoredSession) : null;
}

/** Remembers the codes TikTok sent back and the tokens now in the tab, for the log scan. */
async function collectSecrets({ page, record }: RecordedPage): Promise<void> {
  for (const url of record.requests) {
    const code = new URL(url).searchParams.get('code');
    if (code) secrets.add(code);
  }
  const session = await readSession(page).catch(() => null);
  if (session) {
    secrets.add(session.accessToken);
    secrets.add(session.sealedRefresh);
  }
}

/** From the home page to TikTok's consent page, as a creator clicking Connect TikTok. */
async function goToConsent(recorded: RecordedPage): Promise<void> {
  const { page } = recorded;
  await page.goto(`${stack.webOrigin}/`);
  await page.getByRole('button', { name: 'Connect TikTok' }).click();
  await page.waitForURL((url) => url.href.startsWith(stack.sandbox.authorizeUrl));
}

async function signIn(
  options: { account?: RegExp; untick?: string[]; page?: Parameters<typeof openPage>[1] } = {},
): Promise<RecordedPage> {
  const recorded = await newPage(options.page);
  const { page } = recorded;
  await goToConsent(recorded);
  await page.getByLabel(options.account ?? /Pia Private/).check();
  for (const scope of options.untick ?? []) await page.getByLabel(`(${scope})`, { exact: false }).uncheck();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${stack.webOrigin}/studio`);
  await page.getByRole('heading', { level: 1, name: 'Your studio' }).waitFor();
  await collectSecrets(recorded);
  return recorded;
}

/**
 * Chromium asks the sandbox's consent page (TikTok's stand-in, not our app) for /favicon.ico, which
 * the sandbox does not serve; that one 404 is not the product's doing.
 */
function isSandboxFavicon(message: string): boolean {
  return message.includes(`${stack.sandbox.url}/favicon.ico`);
}

function expectCleanRun({ record }: RecordedPage) {
  expect({
    consoleErrors: record.consoleErrors.filter((message) => !isSandboxFavicon(message)),
    pageErrors: record.pageErrors,
    failedRequests: record.failedRequests,
    errorResponses: record.errorResponses.filter((response) => !isSandboxFavicon(response)),
    requestsLeavingLoopback: requestsLeavingLoopback(record.requests),
  }).toEqual({
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errorResponses: [],
    requestsLeavingLoopback: [],
  });
}

async function avatarLoaded(page: Page, name: string): Promise<boolean> {
  const avatar = page.getByRole('img', { name });
  await avatar.waitFor();
  return avatar.evaluate((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0);
}

describe('connecting a TikTok account', () => {
  it('signs in on TikTok’s consent page and shows who is connected', async () => {
    const exchangesBefore = stack.sandbox.stats().tokenExchanges;
    const recorded = await signIn({ account: /Pia Private/ });
    const { page } = recorded;

    const account = page.getByRole('button', { name: /connected tiktok account pia private/i });
    await account.waitFor({ state: 'visible' });
    expect(await account.getAttribute('aria-haspopup')).toBe('menu');
    await expect.poll(() => avatarLoaded(page, 'Pia Private')).toBe(true);
    expect(stack.sandbox.stats().tokenExchanges).toBe(exchangesBefore + 1);
    // No code or state left in the address bar.
    expect(page.url()).toBe(`${stack.webOrigin}/studio`);
    expect(await readSession(page)).toMatchObject({
      openId: 'sb-open-pia',
      scopes: expect.arrayContaining(['user.info.basic', 'video.publish', 'video.upload']),
    });
    // Everything was granted: no notice about switched-off features.
    expect(await page.getByRole('region', { name: 'Some features are switched off' }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expectCleanRun(recorded);
  });

  it('keeps the token in sessionStorage only: not in localStorage, cookies or IndexedDB, and not in a new context', async () => {
    const recorded = await signIn();
    const { page, context } = recorded;

    const session = await readSession(page);
    expect(session?.accessToken).toBeTruthy();
    const elsewhere = await page.evaluate(async () => ({
      localStorage: Object.keys(localStorage),
      cookie: document.cookie,
      indexedDB: (await indexedDB.databases()).map((db) => db.name),
      sessionKeys: Object.keys(sessionStorage),
    }));
    expect(elsewhere).toEqual({ localStorage: [], cookie: '', indexedDB: [], sessionKeys: ['csp.session'] });
    expect(await context.cookies()).toEqual([]);

    // A reload is the same tab: still signed in, same session. (Let the avatar finish first, or
    // the reload aborts its request.)
    await expect.poll(() => avatarLoaded(page, 'Pia Private')).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: /connected tiktok account pia private/i }).waitFor();
    await expect.poll(() => avatarLoaded(page, 'Pia Private')).toBe(true);
    expect((await readSession(page))?.accessToken).toBe(session?.accessToken);

    // A new browser context (think: another browser profile, or the tab closed) starts signed out.
    const stranger = await newPage();
    await stranger.page.goto(`${stack.webOrigin}/studio`);
    await stranger.page.getByText('Connect TikTok to open your studio').waitFor();
    expect(new URL(stranger.page.url()).pathname).toBe('/');
    expect(await readSession(stranger.page)).toBeNull();
    expectCleanRun(recorded);
    expectCleanRun(stranger);
  });

  it('lands on a clear message with a way back when the creator cancels on TikTok', async () => {
    const recorded = await newPage();
    const { page } = recorded;
    const exchangesBefore = stack.sandbox.stats().tokenExchanges;
    await goToConsent(recorded);

    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('heading', { level: 1, name: 'You cancelled the connection' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: 'Try again' }).waitFor({ state: 'visible' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Publish to TikTok from your desk.' }).waitFor();
    expect(stack.sandbox.stats().tokenExchanges).toBe(exchangesBefore);
    expectCleanRun(recorded);
  });

  it('refuses a callback with a tampered state and sends no code anywhere', async () => {
    const recorded = await newPage();
    const { page, record } = recorded;
    await goToConsent(recorded); // a real sign-in is under way: this tab holds a genuine state
    const exchangesBefore = stack.sandbox.stats().tokenExchanges;

    await page.goto(`${stack.webOrigin}/auth/callback?code=attacker-code&state=tampered`);

    await page.getByRole('heading', { level: 1, name: "We couldn't confirm this sign-in" }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(stack.sandbox.stats().tokenExchanges).toBe(exchangesBefore);
    expect(record.requests.filter((url) => url.includes('/api/v1/auth/token'))).toEqual([]);
    expect(await readSession(page)).toBeNull();
    expectCleanRun(recorded);
  });

  it('explains that an account outside the sandbox’s test users cannot connect', async () => {
    const recorded = await newPage();
    const { page } = recorded;
    await goToConsent(recorded);
    await page.getByLabel(/Olga Outsider/).check();
    await page.getByRole('button', { name: 'Authorize' }).click();

    await page.getByRole('heading', { level: 1, name: "This TikTok account isn't a test user of this app" }).waitFor();
    expect(await readSession(page)).toBeNull();
    expectCleanRun(recorded);
  });

  it('tells a creator who unticked video.publish that only drafts are possible', async () => {
    const recorded = await signIn({ account: /Ava Public/, untick: ['video.publish'] });
    const { page } = recorded;

    const notice = page.getByRole('region', { name: 'Some features are switched off' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/can't post directly/);
    expect((await readSession(page))?.scopes).not.toContain('video.publish');
    expectCleanRun(recorded);
  });
});

describe('a connected session', () => {
  it('refreshes itself before the token expires, and the old refresh token is dead afterwards', async () => {
    // A 10 s token: the SPA refreshes at expiry − min(5 min, 20 % of the lifetime), i.e. after 8 s.
    stack.sandbox.setOptions({ accessTokenTtlSec: 10 });
    let recorded: RecordedPage | undefined;
    try {
      recorded = await signIn();
      const { page } = recorded;
      const before = await readSession(page);
      if (!before) throw new Error('no session after sign-in');
      const refreshesBefore = stack.sandbox.stats().refreshes;

      await expect
        .poll(async () => (await readSession(page))?.sealedRefresh, { timeout: 20_000, interval: 250 })
        .not.toBe(before.sealedRefresh);

      expect(stack.sandbox.stats().refreshes).toBeGreaterThanOrEqual(refreshesBefore + 1);
      const after = await readSession(page);
      expect(after?.accessToken).not.toBe(before.accessToken);
      await collectSecrets(recorded);

      // TikTok rotated the refresh token: the one the tab held before is refused now.
      const replay = await fetch(`${stack.webOrigin}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-content-studio': '1' },
        body: JSON.stringify({ sealedRefresh: before.sealedRefresh }),
      });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('OAUTH_REFRESH_INVALID');

      // And the studio still works with the new token.
      await expect.poll(() => avatarLoaded(page, 'Pia Private')).toBe(true);
      await page.reload();
      await page.getByRole('button', { name: /connected tiktok account pia private/i }).waitFor();
      await expect.poll(() => avatarLoaded(page, 'Pia Private')).toBe(true);
      expect(await readSession(page)).not.toBeNull();
      expectCleanRun(recorded);
    } finally {
      await recorded?.close();
      stack.sandbox.setOptions({ accessTokenTtlSec: 7200 });
    }
  });

  it('disconnects from the keyboard: revokes at TikTok, clears the tab and explains Manage apps', async () => {
    const recorded = await signIn();
    const { page, context } = recorded;
    const session = await readSession(page);
    if (!session) throw new Error('no session after sign-in');
    const revokesBefore = stack.sandbox.stats().revokes;
    const button = page.getByRole('button', { name: /connected tiktok account pia private/i });
    const addAccount = page.getByRole('menuitem', { name: 'Add another TikTok account' });
    const disconnect = page.getByRole('menuitem', { name: 'Disconnect' });
    const isFocused = (locator: typeof button) => locator.evaluate((el) => el === document.activeElement);

    // Enter opens the menu on its first item (adding another account), Disconnect being the last.
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => isFocused(addAccount)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(button)).toBe(true);

    // ArrowUp opens it on its last item.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => isFocused(disconnect)).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByText("You're disconnected", { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(stack.sandbox.stats().revokes).toBe(revokesBefore + 1);
    const steps = page.getByRole('list', { name: 'Steps in the TikTok app' });
    expect(await steps.getByRole('listitem').allTextContents()).toEqual([
      'Settings and privacy',
      'Security and login',
      'Manage apps',
      'Content Studio Pro',
      'Disconnect',
    ]);
    expect(
      await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) })),
    ).toEqual({ session: [], local: [] });
    expect(await context.cookies()).toEqual([]);

    // The old access token is dead at TikTok, not just forgotten by the tab.
    const me = await fetch(`${stack.proxy.origin}/api/v1/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('TIKTOK_TOKEN_INVALID');

    expect(await axeViolations(page)).toEqual([]);
    expectCleanRun(recorded);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious accessibility violations in the studio (%s)',
    async (colorScheme) => {
      const recorded = await signIn({ page: { colorScheme, reducedMotion: 'reduce' } });
      const { page } = recorded;
      await expect.poll(() => avatarLoaded(page, 'Pia Private')).toBe(true);

      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('fits a 360 px screen with the name and avatar in view', async () => {
    const recorded = await signIn({ page: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } });
    const { page } = recorded;

    // The name arrives with the profile request, after the studio itself has rendered.
    const name = page.getByText('Pia Private', { exact: true });
    await name.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = await name.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  });
});

describe('the proxy’s logs', () => {
  it('never contain an authorization code or a token seen in these tests', () => {
    const logs = stack.proxy.output();
    // The scan means something only if the proxy really logged the sign-in traffic.
    expect(logs).toContain('/api/v1/auth/token');
    expect(secrets.size).toBeGreaterThan(4);
    expect([...secrets].filter((secret) => logs.includes(secret))).toEqual([]);
  });
});
