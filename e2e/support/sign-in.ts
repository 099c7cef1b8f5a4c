import type { Page } from 'playwright-core';
import type { FullStack } from './stack.ts';

/** The sandbox's test users, as their consent-page labels start. */
export const ACCOUNTS = {
  ava: /^Ava Public/,
  pia: /^Pia Private/,
  nico: /^Nico NoComments/,
  cap: /^Casey Capped/,
  ben: /^Ben Banned/,
} as const;

export type AccountName = keyof typeof ACCOUNTS;

/**
 * Signs in as a creator does: Connect TikTok on the home page, the sandbox's real consent page
 * (every scope left ticked), Authorize, and back on the studio.
 */
export async function signIn(page: Page, stack: FullStack, account: AccountName): Promise<void> {
  await page.goto(`${stack.webOrigin}/`);
  await page.getByRole('button', { name: 'Connect TikTok' }).click();
  await page.waitForURL((url) => url.href.startsWith(stack.sandbox.authorizeUrl));
  await page.getByLabel(ACCOUNTS[account]).check();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${stack.webOrigin}/studio`);
  await page.getByRole('heading', { level: 1, name: 'Your studio' }).waitFor();
}

/** From the studio to the compose screen through its "New post" link. */
export async function openCompose(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'New post' }).click();
  await page.waitForURL((url) => url.pathname === '/studio/compose');
  await page.getByRole('heading', { level: 1, name: 'New post' }).waitFor();
}
