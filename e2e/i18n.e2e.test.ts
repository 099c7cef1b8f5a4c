import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openPage, requestsLeavingLoopback, type RecordedPage } from './support/browser.ts';
import { ACCOUNTS } from './support/sign-in.ts';
import { startFullStack, type FullStack } from './support/stack.ts';
import { makeTestVideos, type TestVideos } from './support/videos.ts';

/**
 * Every screen in each of the five languages, in the built SPA against the proxy and the TikTok
 * sandbox, signed in on the sandbox's consent page with a video picked: the page says which
 * language it is in, no message is missing (the built app logs a missing one as a console error),
 * no English is left on a translated screen except what docs/decisions/023-languages-with-lingui.md
 * keeps English (marked `lang="en"`), nothing scrolls sideways at 360 px, and axe finds nothing
 * serious. One browser, and one context per language that visits every screen in turn.
 */

const LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR'] as const;
type Locale = (typeof LOCALES)[number];
/** What the browser says it reads; the app matches on the language alone. */
const BROWSER_LOCALE: Record<Locale, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', 'pt-BR': 'pt-BR' };
const WIDTH = 360;

type Catalog = Record<string, string>;
const catalogs = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(
      readFileSync(new URL(`../apps/web/src/lib/i18n/catalogs/${locale}.json`, import.meta.url), 'utf8'),
    ) as Catalog,
  ]),
) as Record<Locale, Catalog>;

/** A message with no ICU arguments, as the page shows it. */
function plain(locale: Locale, key: string): string {
  const message = catalogs[locale][key];
  if (message === undefined || /[{<]/.test(message)) throw new Error(`"${key}" is not a plain message`);
  return message;
}

/**
 * The literal runs of an English message long enough to be unmistakably English on another
 * language's page: arguments, plural bodies and tags are cut out, runs of three words or more kept.
 */
function englishRuns(message: string): string[] {
  const runs: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of message.replace(/<\/?\d+\/?>/g, '\u0000')) {
    if (char === '{') {
      depth++;
      current += '\u0000';
    } else if (char === '}') depth--;
    else if (depth === 0) current += char;
  }
  for (const run of current.split('\u0000')) {
    const text = run.trim().replace(/^[\s.,:;–—·()“”"']+|[\s.,:;–—·()“”"']+$/g, '');
    if (text.length >= 12 && text.split(/\s+/).length >= 3) runs.push(text);
  }
  return runs;
}

/** A message whose only arguments are plain `{name}` ones, filled in as the page fills them. */
function filled(locale: Locale, key: string, values: Record<string, string>): string {
  const message = catalogs[locale][key];
  if (message === undefined || /[<#]|\{\w+,/.test(message)) throw new Error(`"${key}" is not a simple message`);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const englishCatalogRuns = Object.values(catalogs.en).flatMap(englishRuns);

type PageText = { lang: string; texts: string[]; title: string };

/**
 * Everything on the page a creator reads or hears: the visible and screen-reader text, labels,
 * tooltips, alt and placeholder texts, and the tab title. Text in an element marked as English on a
 * page that is not is left out: that is English on purpose (TikTok's declaration, support details).
 */
function readPageText(page: Page): Promise<PageText> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const markedEnglish = (element: Element | null) => {
      const tagged = element?.closest('[lang]');
      return lang !== 'en' && tagged !== document.documentElement && tagged?.getAttribute('lang') === 'en';
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!text || !parent || parent.closest('script, style, code')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true }) || markedEnglish(parent)) continue;
      texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-valuetext]')) {
      if (markedEnglish(element)) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return { lang, texts, title: document.title };
  });
}

/**
 * What a translated page shows in English: runs of the English catalog, and text nodes of the same
 * screen in English. A run is excused only where the page's language really says it too, in a
 * message that is translated (one copied over from the English excuses nothing).
 */
function englishLeft(locale: Locale, shown: PageText, englishOfScreen: readonly string[]): string[] {
  const all = [...shown.texts, shown.title];
  const joined = all.join('\n');
  const translated = Object.entries(catalogs[locale])
    .filter(([key, message]) => message !== catalogs.en[key])
    .map(([, message]) => message)
    .join('\n');
  const fromCatalog = englishCatalogRuns.filter((run) => joined.includes(run) && !translated.includes(run));
  // The same screen's English text nodes: catches English outside the catalog too (the policies).
  const fromScreen = all.filter(
    (text) =>
      text.length >= 12 && text.split(' ').length >= 3 && englishOfScreen.includes(text) && !translated.includes(text),
  );
  return [...new Set([...fromCatalog, ...fromScreen])];
}

/** Catalog and policy chunks are named after their language (de_shell-…, privacy-policy.de-…). */
function languagesDownloaded(record: RecordedPage['record']): string[] {
  const found = new Set<string>();
  for (const url of record.requests) {
    const file = new URL(url).pathname.split('/').pop() ?? '';
    const match = /^(?:(en|de|fr|es|pt-BR)_(?:shell|app)|(?:privacy-policy|terms-of-service)\.(de|fr|es|pt-BR))-/.exec(
      file,
    );
    const language = match?.[1] ?? match?.[2];
    if (language) found.add(language);
  }
  return [...found].sort();
}

/** Chromium asks the sandbox's consent page (TikTok's stand-in) for /favicon.ico, which it does not serve. */
function isSandboxFavicon(message: string): boolean {
  return message.includes(`${stack.sandbox.url}/favicon.ico`);
}

let stack: FullStack;
let browser: Browser;
let videos: TestVideos;
/** Each screen's text in English, gathered first, to compare the other languages against. */
const englishTexts = new Map<string, string[]>();

beforeAll(async () => {
  [stack, browser, videos] = await Promise.all([
    startFullStack({ sandbox: { processingDelayMs: 50, moderationDelayMs: 50 } }),
    launchBrowser(),
    makeTestVideos(['short']),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await videos?.remove();
});

describe.each(LOCALES)('in %s', (locale) => {
  let recorded: RecordedPage;
  const say = (key: string) => plain(locale, key);

  beforeAll(async () => {
    recorded = await openPage(browser, {
      locale: BROWSER_LOCALE[locale],
      viewport: { width: WIDTH, height: 740 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
  });

  afterAll(async () => {
    await recorded?.close();
  });

  /** What every screen must hold to, as found where it stands; `clean` is what it must be. */
  async function report(screen: string) {
    const { page, record } = recorded;
    await page.waitForLoadState('networkidle');
    const shown = await readPageText(page);
    if (locale === 'en') englishTexts.set(screen, shown.texts);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    // Taken, so that each screen answers only for what happened on it.
    const consoleErrors = record.consoleErrors.splice(0).filter((message) => !isSandboxFavicon(message));
    const pageErrors = record.pageErrors.splice(0);
    return {
      lang: shown.lang,
      // A missing message is one of these ('No "de" message "…"').
      consoleErrors,
      pageErrors,
      englishLeft: locale === 'en' ? [] : englishLeft(locale, shown, englishTexts.get(screen) ?? []),
      overflowPx: Math.max(0, scrollWidth - WIDTH),
      axe: await axeViolations(page),
    };
  }
  const clean = { lang: locale, consoleErrors: [], pageErrors: [], englishLeft: [], overflowPx: 0, axe: [] };

  async function heading(name: string): Promise<void> {
    await recorded.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  it('the landing page', async () => {
    await recorded.page.goto(`${stack.webOrigin}/`);
    await recorded.page.getByRole('button', { name: say('connect.label') }).waitFor();
    expect(await report('landing')).toEqual(clean);
  });

  it('the privacy policy, which says the English original decides', async () => {
    await recorded.page.goto(`${stack.webOrigin}/privacy`);
    await heading(say('shell.privacyLink'));
    const notice = recorded.page.locator('.legal__translation-notice');
    const linkToEnglish = (await notice.count()) === 0 ? null : await notice.getByRole('link').getAttribute('href');
    expect(linkToEnglish).toBe(locale === 'en' ? null : '/privacy?lang=en');
    expect(await report('privacy')).toEqual(clean);
  });

  it('the terms of service', async () => {
    await recorded.page.goto(`${stack.webOrigin}/terms`);
    await heading(say('shell.termsLink'));
    expect(await report('terms')).toEqual(clean);
  });

  it('the not-found page', async () => {
    await recorded.page.goto(`${stack.webOrigin}/this/page/does/not/exist`);
    await heading(say('notFound.title'));
    expect(await report('not-found')).toEqual(clean);
  });

  it('the studio, signed in on the consent page, with the account menu open', async () => {
    const { page } = recorded;
    await page.goto(`${stack.webOrigin}/`);
    await page.getByRole('button', { name: say('connect.label') }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.sandbox.authorizeUrl));
    await page.getByLabel(ACCOUNTS.ava).check();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL(`${stack.webOrigin}/studio`);
    await heading(say('studio.title'));
    await page.getByText('Ava Public').first().waitFor();
    await page.getByRole('button', { name: new RegExp(say('account.label')) }).click();
    await page.getByRole('menuitem', { name: say('account.disconnect') }).waitFor();
    expect(await report('studio')).toEqual(clean);
    await page.keyboard.press('Escape');
  });

  it('the compose screen with a video picked, its checks and its settings', async () => {
    const { page } = recorded;
    await page.getByRole('link', { name: say('studio.newPost') }).click();
    await heading(say('compose.title'));
    const form = page.getByRole('form', { name: say('composer.formLabel') });
    await form.getByLabel(say('composer.picker.choose')).setInputFiles(videos.short);
    await form.getByText(say('composer.picker.chooseAnother')).waitFor();
    await form.getByRole('switch', { name: say('composer.disclose.label') }).check();
    await form.getByText(say('composer.disclosureNeedsChoice')).first().waitFor();
    expect(await report('compose')).toEqual(clean);
  });

  it('the upload queue with the video on its way', async () => {
    const { page } = recorded;
    const form = page.getByRole('form', { name: say('composer.formLabel') });
    await form.getByRole('switch', { name: say('composer.disclose.label') }).uncheck();
    await form.getByLabel(say('composer.privacy.label')).selectOption('SELF_ONLY');
    await form.getByRole('button', { name: say('composer.post'), exact: true }).click();
    const card = page.getByRole('article', { name: 'short.mp4' });
    await card
      .getByText(say('upload.processingDirect'))
      .or(card.getByText(say('upload.published'), { exact: true }))
      .waitFor();
    expect(await report('uploads')).toEqual(clean);
  });

  it('a second account added from the account menu, both listed', async () => {
    const { page } = recorded;
    await page
      .getByRole('link', { name: say('studio.title') })
      .first()
      .click();
    await heading(say('studio.title'));
    await page.getByRole('button', { name: new RegExp(say('account.label')) }).click();
    await page.getByRole('menuitem', { name: say('accounts.add') }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.sandbox.authorizeUrl));
    await page.getByLabel(ACCOUNTS.nico).check();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL(`${stack.webOrigin}/studio`);
    await heading(say('studio.title'));
    await page.getByRole('button', { name: new RegExp(`${say('account.label')}.*Nico NoComments`) }).click();
    const list = page.getByRole('group', { name: say('accounts.listLabel') });
    await list.getByRole('menuitemradio', { name: 'Ava Public @ava.creates' }).waitFor();
    await page
      .getByRole('menuitem', { name: filled(locale, 'accounts.disconnectNamed', { name: 'Nico NoComments' }) })
      .waitFor();
    expect(await report('accounts-menu')).toEqual(clean);
    await page.keyboard.press('Escape');
  });

  it('the compose screen for both accounts, each with its own settings and what it still needs', async () => {
    const { page } = recorded;
    await page.getByRole('link', { name: say('studio.newPost') }).click();
    await heading(say('compose.title'));
    const form = page.getByRole('form', { name: say('composer.formLabel') });
    await form
      .getByRole('group', { name: say('accounts.compose.pickerLegend') })
      .getByRole('checkbox', { name: /Ava Public/ })
      .check();
    const ava = form.getByRole('region', { name: /^Ava Public/ });
    const nico = form.getByRole('region', { name: /^Nico NoComments/ });
    await ava.getByLabel(say('composer.privacy.label')).waitFor();
    await nico.getByLabel(say('composer.privacy.label')).waitFor();
    await form.getByLabel(say('composer.picker.choose')).setInputFiles(videos.short);
    await form.getByText(say('composer.picker.chooseAnother')).waitFor();
    await ava.getByLabel(say('composer.privacy.label')).selectOption('SELF_ONLY');
    await ava.getByText(say('accounts.compose.ready')).waitFor();
    await nico
      .getByRole('list', { name: filled(locale, 'accounts.compose.stillNeeded', { name: 'Nico NoComments' }) })
      .waitFor();
    expect(await report('compose-accounts')).toEqual(clean);
  });

  it("each account's own upload queue", async () => {
    const { page } = recorded;
    const form = page.getByRole('form', { name: say('composer.formLabel') });
    await form
      .getByRole('region', { name: /^Nico NoComments/ })
      .getByLabel(say('composer.privacy.label'))
      .selectOption('SELF_ONLY');
    await form.getByRole('button', { name: say('composer.post'), exact: true }).click();
    for (const name of ['Ava Public', 'Nico NoComments']) {
      const card = page
        .getByRole('region', { name: filled(locale, 'accounts.uploadsFor', { name }) })
        .getByRole('article', { name: 'short.mp4' })
        .first();
      await card
        .getByText(say('upload.processingDirect'))
        .or(card.getByText(say('upload.published'), { exact: true }))
        .first()
        .waitFor();
    }
    expect(await report('uploads-accounts')).toEqual(clean);
  });

  it('downloaded only its own language, and nothing from off this machine', () => {
    const { record } = recorded;
    expect({
      languages: languagesDownloaded(record),
      leaving: requestsLeavingLoopback(record.requests),
    }).toEqual({ languages: [locale], leaving: [] });
  });
});
