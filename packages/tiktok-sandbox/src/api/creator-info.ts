import { interactionSettings, privacyLevelOptions, type SandboxAccount } from '../accounts';
import type { Reply } from '../http-io';
import type { RouteContext } from '../route-context';
import type { SandboxState } from '../state';
import { type ApiErrorCode, apiError, ok } from './envelope';
import { guard, readJson } from './guards';
import { avatarUrl } from './user-info';

export interface Block {
  code: ApiErrorCode;
  message: string;
}

/**
 * TikTok's Content Sharing Guidelines cap the creators an app may post for per 24 h: five while
 * unaudited, and after the audit a number set from the audit application's usage estimate.
 */
export function activeUserCapBlock(st: SandboxState, a: SandboxAccount): Block | undefined {
  const cap = st.options.audited ? st.options.auditedActiveUserCap : st.options.activeUserCap;
  const active = st.activePosters();
  if (!active.has(a.openId) && active.size >= cap) {
    return {
      code: 'reached_active_user_cap',
      message: st.options.audited
        ? 'The daily quota of users who can post through this app has been reached.'
        : 'The daily quota of users who can post through this unaudited app has been reached.',
    };
  }
  return undefined;
}

/** Posts through any client count (the cap is shared across apps): the account's preset plus ours. */
export function postsCapBlock(st: SandboxState, a: SandboxAccount): Block | undefined {
  if (a.postsLast24h + st.countSince(st.posts, a.openId) >= st.options.postsPerDayCap) {
    return {
      code: 'spam_risk_too_many_posts',
      message: 'The creator has reached the daily post cap. Try again later.',
    };
  }
  return undefined;
}

export function bannedBlock(a: SandboxAccount): Block | undefined {
  return a.banned
    ? { code: 'spam_risk_user_banned_from_posting', message: 'The creator is banned from posting.' }
    : undefined;
}

/**
 * TikTok's Query Creator Info page: these three come back with HTTP 200 ("intentional"), so a client that trusts the
 * status instead of error.code goes on to show a composer for a creator who cannot post.
 */
export async function creatorInfo(ctx: RouteContext): Promise<Reply> {
  const st = ctx.state;
  const g = guard(ctx, ['video.publish'], 'creator_info');
  if (!g.ok) return g.reply;
  const body = await readJson(ctx, true);
  if (!body.ok) return body.reply;
  const a = g.value.account;
  const block = activeUserCapBlock(st, a) ?? postsCapBlock(st, a) ?? bannedBlock(a);
  if (block) return apiError(st, 200, block.code, block.message);
  const disabled = interactionSettings(a);
  return ok(st, {
    creator_avatar_url: avatarUrl(st, a.openId),
    creator_username: a.username,
    creator_nickname: a.displayName,
    privacy_level_options: privacyLevelOptions(a),
    comment_disabled: disabled.comment,
    duet_disabled: disabled.duet,
    stitch_disabled: disabled.stitch,
    max_video_post_duration_sec: a.maxVideoPostDurationSec,
  });
}
