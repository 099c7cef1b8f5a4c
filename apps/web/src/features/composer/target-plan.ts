import type { CreatorInfo, PrivacyLevel, UploadMode } from '@content-studio/contract';
import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { EMPTY_FIELDS, disclosureIncomplete, isBranded, prescribed, type ComposerFields } from './composer-schema';
import type { VideoFacts } from './media/video-facts';
import { checkVideoFacts, type VideoProblem } from './video-checks';

/**
 * One video to several accounts: every TikTok rule is the account's own (its creator info, its
 * audiences with no default, its interaction settings, its longest video, its disclosure), so each
 * account the video goes to gets its own settings and its own readiness, worked out here
 * (docs/decisions/025-several-accounts.md). What the video is and says (the file, its cover, the
 * caption, the AI label) is the same for all of them.
 */

/** An account the form can post to, as the composer container found it. */
export type ComposeTarget = {
  /** The account's open_id. */
  id: string;
  /** The account's name: the creator info's nickname once it is here. */
  name: string;
  username?: string | undefined;
  avatarUrl?: string | undefined;
  /**
   * Fresh creator info (privacy options, interaction settings, longest video). Undefined when it
   * cannot be had (the creator did not grant video.publish): then only drafts can be sent.
   */
  creatorInfo: CreatorInfo | undefined;
  /** Why a mode cannot be used for this account right now (a missing permission, say); null when it can. */
  unavailable: Record<UploadMode, string | null>;
  /** A post of this account was refused because TikTok has not audited this app yet. */
  unauditedRestriction?: boolean;
  /** Several accounts only: the account's creator info is still on its way. */
  loading?: boolean;
  /** Several accounts only: nothing can go to this account now (TikTok said so); the notice says why. */
  stopped?: { reason: string; notice: ReactNode } | undefined;
};

/** The settings that are each account's own. */
export type AccountFields = Pick<
  ComposerFields,
  'privacyLevel' | 'allowComment' | 'allowDuet' | 'allowStitch' | 'disclose' | 'brandOrganic' | 'brandedContent'
>;
/** The settings of the video itself, the same for every account. */
export type SharedFields = Pick<ComposerFields, 'title' | 'isAigc' | 'coverTimestampMs'>;

const SHARED_KEYS: readonly (keyof SharedFields)[] = ['title', 'isAigc', 'coverTimestampMs'];

export const EMPTY_SHARED_FIELDS: SharedFields = {
  title: EMPTY_FIELDS.title,
  isAigc: EMPTY_FIELDS.isAigc,
  coverTimestampMs: EMPTY_FIELDS.coverTimestampMs,
};

/** A change to the form, split into the video's part and the account's part. */
export function splitChange(change: Partial<ComposerFields>): {
  shared: Partial<SharedFields>;
  account: Partial<AccountFields>;
} {
  const shared: Partial<SharedFields> = {};
  const account: Partial<AccountFields> = {};
  for (const [key, value] of Object.entries(change)) {
    if ((SHARED_KEYS as readonly string[]).includes(key)) Object.assign(shared, { [key]: value });
    else Object.assign(account, { [key]: value });
  }
  return { shared, account };
}

/** Why the account cannot be sent the video in this mode; null when it can. */
export function modeReasonOf(target: ComposeTarget, mode: UploadMode): string | null {
  if (mode === 'draft') return target.unavailable.draft;
  return target.unavailable.direct ?? (target.creatorInfo ? null : t('composer.loadingSettings'));
}

export type TargetPlan = {
  target: ComposeTarget;
  /** The account's settings with the video's, the audience cleared when no longer one of its options. */
  fields: ComposerFields;
  /** The audiences offered: the account's own, or only "Only me" while TikTok has not audited the app. */
  privacyOptions: readonly PrivacyLevel[];
  /** The account gets a Direct Post (the mode is Post now and its creator info is here). */
  direct: boolean;
  /** The video is longer than this account may post. */
  tooLong: VideoProblem | null;
  /** Several accounts: its creator info is still on its way, so nothing can be sent yet. */
  waiting: boolean;
  /** Several accounts: why this account will not get the video; the others still will. */
  excluded: string | null;
  /** What the creator still has to choose for this account (audience, disclosure). */
  blockers: string[];
};

export type PlanContext = {
  mode: UploadMode;
  shared: SharedFields;
  account: Partial<AccountFields> | undefined;
  appAudited: boolean | undefined;
  /** What the video's container says; null until it is read (or when it is no video). */
  facts: VideoFacts | null;
};

export function planTarget(
  target: ComposeTarget,
  { mode, shared, account, appAudited, facts }: PlanContext,
): TargetPlan {
  const info = target.creatorInfo;
  // TikTok's Content Sharing Guidelines restrict an unaudited app's posts to SELF_ONLY; whether TikTok
  // refuses another audience or silently makes it private is not documented. Offering only "Only me"
  // (still chosen by the creator, never preselected) is right under both readings.
  const privacyOptions =
    appAudited === false
      ? (info?.privacyLevelOptions.filter((level) => level === 'SELF_ONLY') ?? [])
      : (info?.privacyLevelOptions ?? []);
  const chosen: ComposerFields = { ...EMPTY_FIELDS, ...account, ...shared };
  const privacyLevel: PrivacyLevel | '' =
    info && chosen.privacyLevel !== '' && privacyOptions.includes(chosen.privacyLevel) ? chosen.privacyLevel : '';
  const fields = { ...chosen, privacyLevel };
  const direct = mode === 'direct' && info !== undefined;

  const tooLong =
    direct && facts
      ? (checkVideoFacts(facts, { mode, maxDirectDurationSec: info.maxVideoPostDurationSec }).find(
          (problem) => problem.id === 'too-long',
        ) ?? null)
      : null;
  const waiting = target.loading === true;
  const excluded = waiting ? null : (target.stopped?.reason ?? modeReasonOf(target, mode) ?? tooLong?.message ?? null);

  const blockers: string[] = [];
  if (direct) {
    if (privacyLevel === '') blockers.push(t('composer.choosePrivacy'));
    if (disclosureIncomplete(fields)) blockers.push(prescribed.disclosureNeedsChoice());
    if (isBranded(fields) && privacyLevel === 'SELF_ONLY') blockers.push(prescribed.brandedContentNotPrivate());
  }
  return { target, fields, privacyOptions, direct, tooLong, waiting, excluded, blockers };
}

/**
 * With several accounts, a mode is offered while any chosen account could take it (or might, its
 * creator info still loading); otherwise the first chosen account's reason says why not.
 */
export function sharedModeReason(chosen: readonly ComposeTarget[], mode: UploadMode): string | null {
  const open = chosen.filter((target) => !target.stopped);
  if (open.length === 0 || open.some((target) => target.loading || modeReasonOf(target, mode) === null)) return null;
  return open[0] ? modeReasonOf(open[0], mode) : null;
}
