import { isLoopbackHostname } from '@content-studio/contract';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Debian's Chromium, as installed by `apt-get install chromium`; playwright's own browser downloads
 * are not used. The flags keep Chromium from calling home (updates, sync, field trials), so the
 * "no request leaves the machine" check only sees what the app itself requests.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did while a test drove it. */
export type PageRecord = {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that got no response at all (refused, aborted, blocked). */
  failedRequests: string[];
  /** Responses with status >= 400. */
  errorResponses: string[];
  /** Every request URL, in order. */
  requests: string[];
};

export type RecordedPage = {
  page: Page;
  context: BrowserContext;
  record: PageRecord;
  close(): Promise<void>;
};

/**
 * Opens a page in a fresh context (own sessionStorage, own cache) and records its console errors,
 * uncaught errors, failed requests and every request URL.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const record: PageRecord = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errorResponses: [],
    requests: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      record.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.stack ?? error.message));
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    record.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) record.errorResponses.push(`${response.status()} ${response.url()}`);
  });
  return { page, context, record, close: () => context.close() };
}

/**
 * The requested URLs that went anywhere but this machine. `data:` and `blob:` URLs never touch the
 * network and are ignored.
 */
export function requestsLeavingLoopback(urls: readonly string[]): string[] {
  return urls.filter((raw) => {
    const url = new URL(raw);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
    return !isLoopbackHostname(url.hostname);
  });
}
