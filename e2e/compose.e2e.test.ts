import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, requestsLeavingLoopback, type RecordedPage } from './support/browser.ts';
import { openCompose, signIn, type AccountName } from './support/sign-in.ts';
import { startFullStack, type FullStack } from './support/stack.ts';
import { makeTestVideos, sha256File, type TestVideos } from './support/videos.ts';

/**
 * Issue 7, "Done when": the compose screen TikTok's auditors judge, driven in Chromium against the
 * built SPA, the built proxy and the TikTok sandbox (audited app), signed in on the sandbox's real
 * consent page, with real MP4s made by ffmpeg. Each rule is its own test; the sandbox is reset
 * before each, so counts (`stats().inits`) belong to that test alone.
 */

// TikTok's prescribed wording and links (TikTok's Content Sharing Guidelines), written out here on purpose: the test
// pins the text the creator reads, not whatever the SPA's constants happen to say.
const DISCLOSURE_NEEDS_CHOICE = 'You need to indicate if your content promotes yourself, a third party, or both.';
const BRANDED_NOT_PRIVATE = 'Branded content visibility cannot be set to private.';
const LABEL_PROMOTIONAL = "Your photo/video will be labeled as 'Promotional content'";
const LABEL_PAID_PARTNERSHIP = "Your photo/video will be labeled as 'Paid partnership'";
const MUSIC_USAGE_URL = 'https://www.tiktok.com/legal/page/global/music-usage-confirmation/en';
const BRANDED_CONTENT_POLICY_URL = 'https://www.tiktok.com/legal/page/global/bc-policy/en';
const INBOX_TEXT = 'Delivered to your TikTok inbox — open the notification in the TikTok app to finish the post';
const POST_URL = /^https:\/\/www\.tiktok\.com\/@ava\.creates\/video\/(\d{19})$/;

let stack: FullStack;
let browser: Browser;
let videos: TestVideos;
let current: RecordedPage | undefined;

beforeAll(async () => {
  [stack, browser, videos] = await Promise.all([
    // Quick processing, so a post is "published" at the SPA's first status check (5 s after upload).
    startFullStack({ sandbox: { processingDelayMs: 50, moderationDelayMs: 50 } }),
    launchBrowser(),
    makeTestVideos(),
  ]);
});

afterAll(async () => {
  await current?.close();
  await browser?.close();
  await stack?.stop();
  await videos?.remove();
});

beforeEach(() => {
  // Fresh counts, tokens, rate windows and faults; the start options (short delays) come back too.
  stack.sandbox.reset();
});

afterEach(async () => {
  await current?.close();
  current = undefined;
});

/** A fresh tab, signed in as `account` on the consent page, on the compose screen. */
async function composeAs(account: AccountName): Promise<RecordedPage> {
  current = await openPage(browser);
  await signIn(current.page, stack, account);
  await openCompose(current.page);
  // The form appears once the latest creator info is in; a creator who cannot post gets the stop notice instead.
  await form(current.page).or(stopNotice(current.page)).waitFor();
  return current;
}

function stopNotice(page: Page): Locator {
  return page.getByRole('heading', { level: 2, name: "TikTok isn't accepting posts from this account right now" });
}

/**
 * Presses the Post button from the keyboard while it is blocked. It stays focusable on purpose
 * (`aria-disabled`, not `disabled`), so Enter really submits the form, which must then do nothing.
 */
async function pressBlockedPost(page: Page): Promise<void> {
  expect(await isPostBlocked(page)).toBe(true);
  await postButton(page).focus();
  await page.keyboard.press('Enter');
  // Give a (wrong) submit the time to reach the network.
  await page.waitForTimeout(300);
}

function form(page: Page): Locator {
  return page.getByRole('form', { name: 'New TikTok post' });
}

function postButton(page: Page): Locator {
  return form(page).getByRole('button', { name: 'Post', exact: true });
}

/** What the Post button waits for, as listed under it (and as its description); [] when it is free. */
async function blockers(page: Page): Promise<string[]> {
  const list = form(page).getByRole('list', { name: 'Before you can send' });
  if ((await list.count()) === 0) return [];
  return (await list.getByRole('listitem').allTextContents()).map((text) => text.trim());
}

async function isPostBlocked(page: Page): Promise<boolean> {
  return (await postButton(page).getAttribute('aria-disabled')) === 'true';
}

/** Picks a file through the form's own file input, then waits until the browser has read its metadata. */
async function pickVideo(page: Page, file: string): Promise<void> {
  await form(page)
    .getByLabel(/^Choose (a|another) video$/)
    .setInputFiles(file);
  await expect.poll(() => blockers(page)).not.toContain('Checking your video…');
}

function privacySelect(page: Page): Locator {
  return form(page).getByLabel('Who can see this video');
}

/** Waits for the answer to the upload's init, to learn the publish id the sandbox knows it by. */
function publishIdOfNextUpload(page: Page): Promise<string> {
  return page
    .waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/uploads',
    )
    .then(async (response) => ((await response.json()) as { publishId: string }).publishId);
}

function jobCard(page: Page, fileName: string): Locator {
  return page.getByRole('article', { name: fileName });
}

/** Chromium asks the sandbox's consent page (TikTok's stand-in) for /favicon.ico, which it does not serve. */
function isSandboxFavicon(message: string): boolean {
  return message.includes(`${stack.sandbox.url}/favicon.ico`);
}

function expectNoErrors({ record }: RecordedPage): void {
  expect({
    consoleErrors: record.consoleErrors.filter((message) => !isSandboxFavicon(message)),
    pageErrors: record.pageErrors,
    requestsLeavingLoopback: requestsLeavingLoopback(record.requests),
  }).toEqual({ consoleErrors: [], pageErrors: [], requestsLeavingLoopback: [] });
}

function uploadRequests({ record }: RecordedPage): string[] {
  return record.requests.filter((url) => new URL(url).pathname.startsWith('/api/v1/uploads'));
}

/**
 * Posts the multi-chunk video with TikTok's upload host slowed down, and returns once TikTok holds
 * its first chunk but not all: where a reload lands in the middle of the upload. (The SPA asks for
 * the largest chunks, so this ~74 MiB video goes in two halves of ~39 MB, ~2 s each at this speed.)
 */
async function postBigVideoAndCatchItMidway(page: Page) {
  await pickVideo(page, videos.big);
  await privacySelect(page).selectOption({ label: 'Everyone' });
  stack.sandbox.setOptions({ uploadBytesPerSecond: 16 * 1024 * 1024 });
  const publishId = publishIdOfNextUpload(page);
  await postButton(page).click();
  const id = await publishId;
  const report = () => stack.sandbox.upload(id);
  await expect.poll(() => report()?.chunks.length ?? 0, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(1);
  const before = report();
  if (!before || before.complete) throw new Error('the upload finished before the reload');
  expect(before.totalChunkCount).toBeGreaterThan(1);
  return { report, before };
}

/** After a reload: the creator picks the same file again, at full speed, and the post is published. */
async function chooseBigVideoAgainUntilPublished(page: Page) {
  const card = jobCard(page, 'big.mp4');
  await card.getByText('Choose the file again to continue').waitFor();
  stack.sandbox.setOptions({ uploadBytesPerSecond: 0 });
  await card.getByLabel('Choose “big.mp4” again').setInputFiles(videos.big);
  await card.getByText('Published', { exact: true }).waitFor({ timeout: 45_000 });
}

describe('the compose screen (TikTok audit rules)', () => {
  it('has no default audience, and Post stays disabled until one is chosen', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    await pickVideo(page, videos.short);

    const select = privacySelect(page);
    expect(await select.inputValue()).toBe('');
    expect(await select.locator('option:checked').textContent()).toBe('Choose who can see this');
    expect(await select.locator('option:checked').isDisabled()).toBe(true);
    expect(await select.locator('option').allTextContents()).toEqual([
      'Choose who can see this',
      'Everyone',
      'Friends',
      'Only me',
    ]);
    expect(await isPostBlocked(page)).toBe(true);
    expect(await blockers(page)).toEqual(['Choose who can see this video.']);

    // Pressing the blocked button sends nothing.
    await pressBlockedPost(page);
    expect(uploadRequests(recorded)).toEqual([]);

    await select.selectOption({ label: 'Everyone' });
    expect(await isPostBlocked(page)).toBe(false);
    expect(await blockers(page)).toEqual([]);
    expect(stack.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
    expectNoErrors(recorded);
  });

  const interactionCases: { account: AccountName; disabled: string[] }[] = [
    { account: 'ava', disabled: [] },
    { account: 'nico', disabled: ['Allow Comment'] },
    { account: 'pia', disabled: ['Allow Duet', 'Allow Stitch'] },
  ];

  it.each(interactionCases)(
    'starts with every interaction unticked, and greys out what $account’s settings turn off ($disabled)',
    async ({ account, disabled }) => {
      const recorded = await composeAs(account);
      const { page } = recorded;
      const group = form(page).getByRole('group', { name: 'Allow users to' });
      // The text colour the group's labels inherit when nothing greys them out.
      const enabledLabelColor = await group.evaluate((fieldset) => getComputedStyle(fieldset).color);

      for (const name of ['Allow Comment', 'Allow Duet', 'Allow Stitch']) {
        const box = group.getByRole('checkbox', { name });
        const isDisabled = disabled.includes(name);
        expect({ name, checked: await box.isChecked(), disabled: await box.isDisabled() }).toEqual({
          name,
          checked: false,
          disabled: isDisabled,
        });
        const labelColor = await group
          .getByText(name, { exact: true })
          .evaluate((label) => getComputedStyle(label).color);
        // Greyed: a disabled box's label is drawn in the muted colour, an enabled one in the normal text colour.
        expect({ name, greyed: labelColor !== enabledLabelColor }).toEqual({ name, greyed: isDisabled });
        // A greyed box says why (its description), and a click on it changes nothing; an enabled one ticks.
        expect({ name, explained: (await box.getAttribute('aria-describedby')) !== null }).toEqual({
          name,
          explained: isDisabled,
        });
        await box.click({ force: true });
        expect({ name, checked: await box.isChecked() }).toEqual({ name, checked: !isDisabled });
      }
      expectNoErrors(recorded);
    },
  );

  it('enforces the commercial content disclosure: a choice is required, labels, declaration and links, Branded content ↔ Only me', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    await pickVideo(page, videos.short);
    const select = privacySelect(page);
    await select.selectOption({ label: 'Everyone' });
    expect(await isPostBlocked(page)).toBe(false);

    const declaration = form(page).getByText(/^By posting, you agree to TikTok's/);
    const declarationLinks = async () =>
      declaration
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => ({ text: link.textContent, href: link.getAttribute('href') })));
    // Off by default; the declaration is there anyway, with the Music Usage Confirmation alone.
    const disclose = form(page).getByRole('switch', { name: 'Disclose commercial content' });
    expect(await disclose.isChecked()).toBe(false);
    expect(await declaration.textContent()).toBe("By posting, you agree to TikTok's Music Usage Confirmation.");
    expect(await declarationLinks()).toEqual([{ text: 'Music Usage Confirmation', href: MUSIC_USAGE_URL }]);

    // On with nothing ticked: blocked, and says exactly what is missing.
    await disclose.check();
    const choices = form(page).getByRole('group', { name: 'What does this content promote?' });
    const ownBrand = choices.getByRole('checkbox', { name: 'Your brand' });
    const branded = choices.getByRole('checkbox', { name: 'Branded content' });
    const labelNotice = choices.getByRole('status');
    expect(await ownBrand.isChecked()).toBe(false);
    expect(await branded.isChecked()).toBe(false);
    expect(await isPostBlocked(page)).toBe(true);
    expect(await blockers(page)).toEqual([DISCLOSURE_NEEDS_CHOICE]);
    expect(await labelNotice.textContent()).toBe(DISCLOSURE_NEEDS_CHOICE);
    expect(await postButton(page).getAttribute('title')).toBe(DISCLOSURE_NEEDS_CHOICE);
    await pressBlockedPost(page);
    expect(uploadRequests(recorded)).toEqual([]);
    // What each choice means, in TikTok's words.
    expect(await choices.getByText(/^You are promoting yourself/).textContent()).toContain(
      "labeled as 'Promotional content'",
    );
    expect(await choices.getByText(/^You are promoting another brand/).textContent()).toContain(
      "labeled as 'Paid partnership'",
    );

    // Your brand → Promotional content, Music Usage only.
    await ownBrand.check();
    expect(await labelNotice.textContent()).toBe(LABEL_PROMOTIONAL);
    expect(await isPostBlocked(page)).toBe(false);
    expect(await declarationLinks()).toEqual([{ text: 'Music Usage Confirmation', href: MUSIC_USAGE_URL }]);

    // Branded content (with or without Your brand) → Paid partnership, and the Branded Content Policy joins.
    await branded.check();
    expect(await labelNotice.textContent()).toBe(LABEL_PAID_PARTNERSHIP);
    expect(await declaration.textContent()).toBe(
      "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation.",
    );
    expect(await declarationLinks()).toEqual([
      { text: 'Branded Content Policy', href: BRANDED_CONTENT_POLICY_URL },
      { text: 'Music Usage Confirmation', href: MUSIC_USAGE_URL },
    ]);
    for (const link of await declaration.getByRole('link').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    await ownBrand.uncheck();
    expect(await labelNotice.textContent()).toBe(LABEL_PAID_PARTNERSHIP);

    // Branded content ticked → "Only me" is disabled, with the reason.
    const onlyMe = select.getByRole('option', { name: 'Only me' });
    expect(await onlyMe.isDisabled()).toBe(true);
    expect(await onlyMe.getAttribute('title')).toBe(BRANDED_NOT_PRIVATE);
    await form(page).getByText(`“Only me” is not available: ${BRANDED_NOT_PRIVATE}`).waitFor({ state: 'visible' });

    // "Only me" chosen → Branded content is disabled, with the reason; the privacy is never changed for the creator.
    await branded.uncheck();
    expect(await onlyMe.isDisabled()).toBe(false);
    await select.selectOption({ label: 'Only me' });
    expect(await branded.isDisabled()).toBe(true);
    expect(await branded.getAttribute('title')).toBe(BRANDED_NOT_PRIVATE);
    expect(
      await choices.getByText(`${BRANDED_NOT_PRIVATE} Choose another audience to tick Branded content.`).isVisible(),
    ).toBe(true);
    expect(await select.inputValue()).toBe('SELF_ONLY');
    // Nothing ticked again: blocked with the same sentence.
    expect(await blockers(page)).toEqual([DISCLOSURE_NEEDS_CHOICE]);
    await ownBrand.check();
    expect(await isPostBlocked(page)).toBe(false);

    // Back to Everyone: Branded content can be ticked again.
    await select.selectOption({ label: 'Everyone' });
    expect(await branded.isDisabled()).toBe(false);
    expect(uploadRequests(recorded)).toEqual([]);
    expectNoErrors(recorded);
  });

  it('blocks a video longer than the creator’s limit (nico: 1:00) before anything is sent', async () => {
    const recorded = await composeAs('nico');
    const { page } = recorded;
    expect(
      await form(page)
        .getByText(/up to 1:00 long/)
        .count(),
    ).toBe(1);
    await privacySelect(page).selectOption({ label: 'Everyone' });
    await pickVideo(page, videos.long);

    expect(
      await form(page)
        .getByText('This video is 1:02 long; your TikTok account can post videos up to 1:00.')
        .isVisible(),
    ).toBe(true);
    expect(await isPostBlocked(page)).toBe(true);
    expect(await blockers(page)).toEqual([
      'Choose another video: this one doesn’t meet TikTok’s requirements (see above).',
    ]);
    await pressBlockedPost(page);
    expect(uploadRequests(recorded)).toEqual([]);

    // The same creator with a short video: allowed.
    await pickVideo(page, videos.short);
    expect(await isPostBlocked(page)).toBe(false);
    expect(stack.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
    expectNoErrors(recorded);
  });

  it('stops a creator who reached TikTok’s posting cap (cap) before composing', async () => {
    const recorded = await composeAs('cap');
    const { page } = recorded;

    await stopNotice(page).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toBeTruthy();
    expect(await form(page).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Post', exact: true }).count()).toBe(0);
    expect(stack.sandbox.stats().requests['POST /v2/post/publish/creator_info/query/']).toBeGreaterThanOrEqual(1);
    expect(stack.sandbox.stats().inits).toEqual({ direct: 0, inbox: 0 });
    expect(await axeViolations(page)).toEqual([]);
    // The proxy answers creator-info with 403 CREATOR_CANNOT_POST, which Chromium logs as a failed
    // resource; that answer is the point of this test.
    const creatorInfo403 = (message: string) => message.includes('403') && message.includes('/api/v1/creator-info');
    expect(
      recorded.record.consoleErrors.filter((message) => !isSandboxFavicon(message) && !creatorInfo403(message)),
    ).toEqual([]);
    expect(recorded.record.pageErrors).toEqual([]);
  });
});

describe('posting through the whole stack', () => {
  it('publishes a real MP4 directly (ava, Everyone) and links to it on TikTok', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    await pickVideo(page, videos.short);
    await privacySelect(page).selectOption({ label: 'Everyone' });
    const publishId = publishIdOfNextUpload(page);
    await postButton(page).click();

    const card = jobCard(page, 'short.mp4');
    await card.getByText('Published', { exact: true }).waitFor({ timeout: 30_000 });
    const link = card.getByRole('link', { name: /View on TikTok/ });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(POST_URL);

    const report = stack.sandbox.upload(await publishId);
    expect(report).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      complete: true,
      sha256: await sha256File(videos.short),
      effectivePrivacyLevel: 'PUBLIC_TO_EVERYONE',
    });
    // The 19-digit id survived JSON intact (it is above 2^53): the link names the very post.
    expect(POST_URL.exec(href)?.[1]).toBe(report?.postIds[0]);
    expect(stack.sandbox.stats().inits).toEqual({ direct: 1, inbox: 0 });
    expectNoErrors(recorded);
  });

  it('sends a draft that reaches the creator’s TikTok inbox', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    await form(page)
      .getByRole('radio', { name: /Send to TikTok inbox/ })
      .check();
    await pickVideo(page, videos.short);
    const publishId = publishIdOfNextUpload(page);
    await form(page).getByRole('button', { name: 'Send draft' }).click();

    await jobCard(page, 'short.mp4').getByText(INBOX_TEXT).waitFor({ timeout: 30_000 });
    expect(stack.sandbox.upload(await publishId)).toMatchObject({
      mode: 'inbox',
      status: 'SEND_TO_USER_INBOX',
      complete: true,
      sha256: await sha256File(videos.short),
    });
    expect(stack.sandbox.stats().inits).toEqual({ direct: 0, inbox: 1 });
    expectNoErrors(recorded);
  });

  it('resumes a multi-chunk upload after a reload, with the same file picked again and no second init', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    const { report, before } = await postBigVideoAndCatchItMidway(page);

    await page.reload();
    await chooseBigVideoAgainUntilPublished(page);
    const after = report();
    expect(after).toMatchObject({ complete: true, status: 'PUBLISH_COMPLETE', sha256: await sha256File(videos.big) });
    // The chunks TikTok had before the reload were not sent again.
    expect(after?.chunks.slice(0, before.chunks.length)).toEqual(before.chunks);
    expect(stack.sandbox.stats().inits).toEqual({ direct: 1, inbox: 0 });
    expect(stack.sandbox.stats().requests['POST /v2/post/publish/video/init/']).toBe(1);
  });

  it('resumes after a reload that follows a token refresh: the session is re-bound, no second init', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    const { report } = await postBigVideoAndCatchItMidway(page);

    // Make the tab's token due for refresh, as if it had been open for an hour: after the reload
    // the SPA refreshes first, so the upload session (sealed for the old token) no longer matches.
    const tokenBefore = await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('csp.session') ?? '{}') as {
        accessToken: string;
        issuedAt: number;
        expiresAt: number;
      };
      sessionStorage.setItem(
        'csp.session',
        JSON.stringify({ ...session, issuedAt: Date.now() - 3_600_000, expiresAt: Date.now() + 60_000 }),
      );
      return session.accessToken;
    });
    let renewals = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/session')) renewals++;
    });
    await page.reload();
    await expect
      .poll(
        () =>
          page.evaluate(
            () => (JSON.parse(sessionStorage.getItem('csp.session') ?? '{}') as { accessToken?: string }).accessToken,
          ),
        {
          timeout: 10_000,
        },
      )
      .not.toBe(tokenBefore);

    await chooseBigVideoAgainUntilPublished(page);
    expect(report()).toMatchObject({
      complete: true,
      status: 'PUBLISH_COMPLETE',
      sha256: await sha256File(videos.big),
    });
    expect(renewals).toBe(1);
    expect(stack.sandbox.stats().requests['POST /v2/post/publish/video/init/']).toBe(1);
    // The only errors the browser saw are chunk answers the engine acts on: the 403 that led to
    // the re-bind and, when the reload cut a chunk off mid-way, TikTok's 409 "out of sync".
    expect(recorded.record.pageErrors.map(String)).toEqual([]);
    const expected = /status of (403|409) .*\/chunks\/\d+/;
    expect(
      recorded.record.consoleErrors.filter((message) => !isSandboxFavicon(message) && !expected.test(message)),
    ).toEqual([]);
  });

  it('retries a chunk TikTok answered with 503, and the post completes intact', async () => {
    const recorded = await composeAs('ava');
    const { page } = recorded;
    await pickVideo(page, videos.short);
    await privacySelect(page).selectOption({ label: 'Everyone' });
    stack.sandbox.injectFault({ target: 'upload', kind: 'status', httpStatus: 503 });
    const publishId = publishIdOfNextUpload(page);
    await postButton(page).click();

    await jobCard(page, 'short.mp4').getByText('Published', { exact: true }).waitFor({ timeout: 30_000 });
    const stats = stack.sandbox.stats();
    expect(stats.faultsApplied).toBe(1);
    expect(stats.requests['PUT /upload/video/']).toBe(2);
    // The browser's upload engine did the retry: it sent chunk 0 twice.
    expect(
      recorded.record.requests.filter((url) => /\/api\/v1\/uploads\/[^/]+\/chunks\/0$/.test(new URL(url).pathname)),
    ).toHaveLength(2);
    expect(stats.inits).toEqual({ direct: 1, inbox: 0 });
    expect(stack.sandbox.upload(await publishId)).toMatchObject({
      complete: true,
      status: 'PUBLISH_COMPLETE',
      sha256: await sha256File(videos.short),
    });
    expect(recorded.record.pageErrors).toEqual([]);
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations on the studio and on the compose screen with a video and the disclosure on', async () => {
    current = await openPage(browser);
    const { page } = current;
    await signIn(page, stack, 'ava');
    await page.getByRole('img', { name: 'Ava Public' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await openCompose(page);
    await pickVideo(page, videos.short);
    await privacySelect(page).selectOption({ label: 'Everyone' });
    await form(page).getByRole('switch', { name: 'Disclose commercial content' }).check();
    // The error state: on with nothing ticked.
    expect(await axeViolations(page)).toEqual([]);
    await form(page).getByRole('checkbox', { name: 'Branded content' }).check();
    expect(await axeViolations(page)).toEqual([]);
    expectNoErrors(current);
  });
});
