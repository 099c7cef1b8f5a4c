import {
  MAX_TITLE_LENGTH,
  PostSettingsSchema,
  type CreatorInfo,
  type PostSettings,
  type PrivacyLevel,
  type UploadMode,
} from '@content-studio/contract';
import { t } from '@/lib/i18n';

/**
 * The compose screen's rules, kept apart from its components so each TikTok audit rule (TikTok's Content Sharing Guidelines)
 * is one named piece of logic with its own wording. Every creator-facing text TikTok prescribes is a
 * constant here in TikTok's English; the screen says it through the catalog (`composer.*`), whose
 * English must be these very strings (composer-schema.test.ts), and the other languages say it the
 * way TikTok's own app does in that language.
 */

// ── TikTok's prescribed texts and links (TikTok's Content Sharing Guidelines) ─────────────────────────────────────

export const MUSIC_USAGE_URL = 'https://www.tiktok.com/legal/page/global/music-usage-confirmation/en';
export const BRANDED_CONTENT_POLICY_URL = 'https://www.tiktok.com/legal/page/global/bc-policy/en';

export const DISCLOSURE_NEEDS_CHOICE =
  'You need to indicate if your content promotes yourself, a third party, or both.';
export const BRANDED_CONTENT_NOT_PRIVATE = 'Branded content visibility cannot be set to private.';
export const LABEL_PROMOTIONAL = "Your photo/video will be labeled as 'Promotional content'";
export const LABEL_PAID_PARTNERSHIP = "Your photo/video will be labeled as 'Paid partnership'";
export const PROCESSING_NOTICE =
  'After publishing, it may take a few minutes for your video to appear on your profile.';

/** English labels for TikTok's privacy levels, in the words TikTok's own app uses. */
export const PRIVACY_LABELS: Record<PrivacyLevel, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

/** A privacy level as TikTok's app names it in the creator's language. */
export function privacyLabel(level: PrivacyLevel): string {
  return t(`composer.privacy.${level}`);
}

/** TikTok's sentences in the creator's language (their English is the constants above). */
export const prescribed = {
  disclosureNeedsChoice: () => t('composer.disclosureNeedsChoice'),
  brandedContentNotPrivate: () => t('composer.brandedNotPrivate'),
  processingNotice: () => t('composer.processingNotice'),
};

// ── Form state ───────────────────────────────────────────────────────────────────────────────────

export type ComposerFields = {
  title: string;
  /** '' until the creator chooses: TikTok forbids a default (docs/requirements/tiktok-rules.md#privacy-no-default). */
  privacyLevel: PrivacyLevel | '';
  allowComment: boolean;
  allowDuet: boolean;
  allowStitch: boolean;
  /** The "Disclose commercial content" switch; off by default (docs/requirements/tiktok-rules.md#commercial-disclosure). */
  disclose: boolean;
  brandOrganic: boolean;
  brandedContent: boolean;
  isAigc: boolean;
  /** Cover frame; null while the video's length is unknown (TikTok then uses the first frame). */
  coverTimestampMs: number | null;
};

/** TikTok's required defaults: nothing chosen, nothing allowed, nothing disclosed. */
export const EMPTY_FIELDS: ComposerFields = {
  title: '',
  privacyLevel: '',
  allowComment: false,
  allowDuet: false,
  allowStitch: false,
  disclose: false,
  brandOrganic: false,
  brandedContent: false,
  isAigc: false,
  coverTimestampMs: null,
};

/** What the form hands to its `onSubmit` (the route passes the upload engine's `enqueue`). */
export type ComposerSubmission = {
  file: File;
  mode: UploadMode;
  /** Present exactly for Direct Post: TikTok ignores post settings for drafts (docs/requirements/tiktok-rules.md#inbox-init). */
  post?: PostSettings;
  creatorUsername?: string;
};

// ── Derived rules ────────────────────────────────────────────────────────────────────────────────

type DisclosureChoice = Pick<ComposerFields, 'disclose' | 'brandOrganic' | 'brandedContent'>;

/** Branded content is only ticked while the disclosure is on; a hidden tick never counts. */
export function isBranded(fields: DisclosureChoice): boolean {
  return fields.disclose && fields.brandedContent;
}

/** The label TikTok will put on the post (docs/requirements/tiktok-rules.md#commercial-disclosure), or null while there is nothing (valid) to label. */
export function disclosureLabel(fields: DisclosureChoice): string | null {
  if (!fields.disclose) return null;
  if (fields.brandedContent) return t('composer.labelPaidPartnership');
  if (fields.brandOrganic) return t('composer.labelPromotional');
  return null;
}

/** With the switch on (docs/requirements/tiktok-rules.md#commercial-disclosure), at least one of "Your brand" / "Branded content" must be ticked. */
export function disclosureIncomplete(fields: DisclosureChoice): boolean {
  return fields.disclose && !fields.brandOrganic && !fields.brandedContent;
}

/**
 * "Branded content" cannot be ticked while "Only me" is chosen (we disable it, never switch privacy):
 * docs/requirements/tiktok-rules.md#branded-content-not-private.
 */
export function isBrandedContentDisabled(fields: Pick<ComposerFields, 'privacyLevel'>): boolean {
  return fields.privacyLevel === 'SELF_ONLY';
}

/** A private account's options include "Followers"; a public one's include "Everyone" (TikTok's Query Creator Info page). */
export function isPrivateAccount(info: CreatorInfo): boolean {
  return info.privacyLevelOptions.includes('FOLLOWER_OF_CREATOR');
}

/**
 * Unaudited apps may only post "Only me" from private accounts (TikTok's Content Sharing Guidelines). TikTok says so by
 * offering nothing but SELF_ONLY; a post refused with UNAUDITED_APP_RESTRICTION says it too.
 */
export function looksUnaudited(info: CreatorInfo | undefined): boolean {
  return info?.privacyLevelOptions.length === 1 && info.privacyLevelOptions[0] === 'SELF_ONLY';
}

export function captionTooLong(title: string): boolean {
  return title.length > MAX_TITLE_LENGTH;
}

/**
 * The post settings exactly as chosen (docs/requirements/product-promises.md#settings-as-chosen), checked against the contract. An
 * interaction the creator's TikTok settings turn off is never sent as allowed, whatever the box said
 * before creator info changed.
 */
export function toPostSettings(fields: ComposerFields, info: CreatorInfo): PostSettings {
  const post = {
    title: fields.title,
    privacyLevel: fields.privacyLevel,
    allowComment: fields.allowComment && !info.commentDisabled,
    allowDuet: fields.allowDuet && !info.duetDisabled,
    allowStitch: fields.allowStitch && !info.stitchDisabled,
    brandOrganic: fields.disclose && fields.brandOrganic,
    brandedContent: fields.disclose && fields.brandedContent,
    isAigc: fields.isAigc,
    ...(fields.coverTimestampMs === null ? {} : { coverTimestampMs: fields.coverTimestampMs }),
  };
  return PostSettingsSchema.parse(post);
}

// ── Caption tokens (hashtags and mentions, for highlighting) ─────────────────────────────────────

export type CaptionToken = { kind: 'text' | 'hashtag' | 'mention'; text: string };

// TikTok splits hashtags and mentions on spaces and newlines (TikTok's Direct Post reference); a tag is letters,
// digits and underscores, a mention may also hold dots (usernames like "ava.creates").
const TAG_PATTERN = /([#＃][\p{L}\p{N}\p{M}_]+)|(@[\p{L}\p{N}_.]*[\p{L}\p{N}_])/gu;

export function tokenizeCaption(title: string): CaptionToken[] {
  const tokens: CaptionToken[] = [];
  let last = 0;
  for (const match of title.matchAll(TAG_PATTERN)) {
    const start = match.index;
    // Only at the start or after whitespace: "mail@example.com" is not a mention.
    if (start > 0 && !/\s/u.test(title[start - 1] ?? '')) continue;
    if (start > last) tokens.push({ kind: 'text', text: title.slice(last, start) });
    tokens.push({ kind: match[1] ? 'hashtag' : 'mention', text: match[0] });
    last = start + match[0].length;
  }
  if (last < title.length) tokens.push({ kind: 'text', text: title.slice(last) });
  return tokens;
}
