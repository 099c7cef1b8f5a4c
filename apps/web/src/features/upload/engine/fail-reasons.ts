import { t } from '@/lib/i18n';

/**
 * TikTok's `fail_reason` values (TikTok's Get Post Status page) in words a creator can act on. `canPostAgain` says
 * whether posting the same video again may work; it never triggers anything by itself.
 */
export interface FailReasonText {
  message: string;
  canPostAgain: boolean;
}

/** Whether posting again may work, per reason; the words are the catalog's `failReason.<reason>`. */
const FAIL_REASONS = {
  // TikTok's media checks after the last chunk (its Media Transfer Guide's restrictions). The compose
  // screen checks the same things before sending, so these reach a creator when a file got past
  // those checks (a browser that could not read it, a client other than ours) or TikTok reads it
  // differently; each says what to change before posting again.
  file_format_check_failed: false,
  duration_check_failed: false,
  frame_rate_check_failed: false,
  picture_size_check_failed: false,
  internal: true,
  video_pull_failed: true,
  photo_pull_failed: true,
  publish_cancelled: true,
  auth_removed: false,
  spam_risk_too_many_posts: false,
  spam_risk_user_banned_from_posting: false,
  spam_risk_text: false,
  spam_risk: false,
} as const satisfies Record<string, boolean>;

type KnownReason = keyof typeof FAIL_REASONS;

export function describeFailReason(reason: string | null | undefined): FailReasonText {
  if (reason && Object.hasOwn(FAIL_REASONS, reason)) {
    const known = reason as KnownReason;
    return { message: t(`failReason.${known}`), canPostAgain: FAIL_REASONS[known] };
  }
  // New spam_risk_* variants appear without notice; they share the "don't retry" meaning.
  if (reason?.startsWith('spam_risk')) return { message: t('failReason.spam_risk'), canPostAgain: false };
  return {
    message: reason ? t('failReason.other', { reason }) : t('failReason.none'),
    canPostAgain: false,
  };
}
