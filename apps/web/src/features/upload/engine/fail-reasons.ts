/**
 * TikTok's `fail_reason` values (TikTok's Get Post Status page) in words a creator can act on. `canPostAgain` says
 * whether posting the same video again may work; it never triggers anything by itself.
 */
export interface FailReasonText {
  message: string;
  canPostAgain: boolean;
}

const FAIL_REASONS: Record<string, FailReasonText> = {
  // TikTok's media checks after the last chunk (its Media Transfer Guide's restrictions). The compose
  // screen checks the same things before sending, so these reach a creator when a file got past
  // those checks (a browser that could not read it, a client other than ours) or TikTok reads it
  // differently; each says what to change before posting again.
  file_format_check_failed: {
    message:
      "TikTok couldn't read this video: it has to be a complete MP4, MOV or WebM file with a picture in H.264, H.265, VP8 or VP9. Export it again as MP4 (H.264) and post that.",
    canPostAgain: false,
  },
  duration_check_failed: {
    message:
      'The video is longer than TikTok allows for your account (drafts: 10 minutes). Choose it again here and cut it to your limit, or trim it in your editor, then post it again.',
    canPostAgain: false,
  },
  frame_rate_check_failed: {
    message:
      'TikTok accepts videos at 23 to 60 frames per second. Export the video again at 24, 25, 30 or 60 frames per second and post that.',
    canPostAgain: false,
  },
  picture_size_check_failed: {
    message:
      "The video's picture is outside what TikTok accepts: each side must be 360 to 4096 pixels. Export it again at 720p or 1080p and post that.",
    canPostAgain: false,
  },
  internal: {
    message: 'TikTok had a problem on its side while processing the video. Posting it again usually works.',
    canPostAgain: true,
  },
  video_pull_failed: {
    message: "TikTok couldn't fetch the video in time. Posting it again usually works.",
    canPostAgain: true,
  },
  photo_pull_failed: {
    message: "TikTok couldn't fetch the photos in time. Posting them again usually works.",
    canPostAgain: true,
  },
  publish_cancelled: {
    message: 'The post was cancelled before TikTok published it.',
    canPostAgain: true,
  },
  auth_removed: {
    message:
      "Content Studio Pro's access to your TikTok account was removed while the video was processing. Connect again if you want to post.",
    canPostAgain: false,
  },
  spam_risk_too_many_posts: {
    message: "You've reached TikTok's daily limit for posts from apps. Try again tomorrow.",
    canPostAgain: false,
  },
  spam_risk_user_banned_from_posting: {
    message: "TikTok doesn't allow this account to post right now. Check your TikTok notifications for details.",
    canPostAgain: false,
  },
  spam_risk_text: {
    message: 'TikTok flagged the caption as risky. Change the caption before posting again.',
    canPostAgain: false,
  },
  spam_risk: {
    message: 'TikTok declined this post as risky.',
    canPostAgain: false,
  },
};

export function describeFailReason(reason: string | null | undefined): FailReasonText {
  if (reason && Object.hasOwn(FAIL_REASONS, reason)) return FAIL_REASONS[reason] as FailReasonText;
  // New spam_risk_* variants appear without notice; they share the "don't retry" meaning.
  if (reason?.startsWith('spam_risk')) return { message: 'TikTok declined this post as risky.', canPostAgain: false };
  return {
    message: reason
      ? `TikTok couldn't publish this video (reason given: ${reason}).`
      : "TikTok couldn't publish this video and gave no reason.",
    canPostAgain: false,
  };
}
