import { PostSettingsSchema, type PostSettings } from './posting';

/**
 * Fixtures for tests of every workspace (`@content-studio/contract/testing`); production code never
 * imports this entry.
 */

/**
 * Valid post settings: TikTok's required defaults (every interaction and disclosure off, no caption)
 * and "Only me", the one audience every account is offered. A test names only what it is about; the
 * result is checked against the contract, so a fixture can never be settings the proxy would refuse.
 */
export function postSettings(overrides: Partial<PostSettings> = {}): PostSettings {
  return PostSettingsSchema.parse({
    title: '',
    privacyLevel: 'SELF_ONLY',
    allowComment: false,
    allowDuet: false,
    allowStitch: false,
    brandOrganic: false,
    brandedContent: false,
    isAigc: false,
    ...overrides,
  });
}
