import { REQUESTED_SCOPES } from '@content-studio/contract';

/**
 * The facts of the owner's privacy policy that the Privacy and Terms pages state, and that tests
 * assert against. Change a fact here and both pages and their tests follow.
 */
export const policyFacts = {
  productName: 'Content Studio Pro',
  siteHost: 'contentstudiopro.com',
  contactEmail: 'ilias.kalalou@gmail.com',
  /** The owner's date; change it only together with the text. */
  lastUpdated: 'May 2026',
  lastUpdatedIso: '2026-05',
  /** Exactly what the app asks TikTok for (docs/requirements/product-promises.md#scopes), from the shared contract. */
  scopes: REQUESTED_SCOPES,
  profileFields: ['display name', 'avatar', 'open id', 'union id'],
  host: { name: 'Render', region: 'Frankfurt, EU' },
  /** Where a creator removes the app inside TikTok, step by step. */
  tiktokDisconnectSteps: [
    'Settings and privacy',
    'Security and login',
    'Manage apps',
    'Content Studio Pro',
    'Disconnect',
  ],
  minimumAge: 13,
  minimumAgeWhereRequired: 16,
} as const;

export type Scope = (typeof REQUESTED_SCOPES)[number];

/** What each scope lets Content Studio Pro do, in the creator's terms. */
export const scopePurposes: Record<Scope, string> = {
  'user.info.basic': 'Read your display name, avatar, open id and union id, so you can see which account is connected.',
  'video.publish': 'Post a video straight to your TikTok profile, when you choose to publish directly.',
  'video.upload': 'Send a video to your TikTok inbox as a draft, for you to finish in the TikTok app.',
};
