import type { SandboxAccount } from '../accounts';
import type { Reply } from '../http-io';
import type { RouteContext } from '../route-context';
import { apiError, ok } from './envelope';
import { guard } from './guards';

/** Spec §2: every field and the scope that unlocks it. */
export const USER_FIELDS = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
} as const;

type UserField = keyof typeof USER_FIELDS;

function isUserField(f: string): f is UserField {
  return Object.hasOwn(USER_FIELDS, f);
}

export function avatarUrl(baseUrl: string, openId: string, size?: number): string {
  const path = `${baseUrl}/__sandbox/avatars/${encodeURIComponent(openId)}.svg`;
  return size ? `${path}?size=${size}` : path;
}

function fieldValue(baseUrl: string, a: SandboxAccount, f: UserField): string | number | boolean {
  switch (f) {
    case 'open_id':
      return a.openId;
    case 'union_id':
      return a.unionId;
    case 'avatar_url':
      return avatarUrl(baseUrl, a.openId);
    case 'avatar_url_100':
      return avatarUrl(baseUrl, a.openId, 100);
    case 'avatar_large_url':
      return avatarUrl(baseUrl, a.openId, 720);
    case 'display_name':
      return a.displayName;
    case 'bio_description':
      return a.bioDescription ?? '';
    case 'profile_deep_link':
      // Local on purpose: a link that leaves 127.0.0.1 would break offline browser tests.
      return `${baseUrl}/__sandbox/profiles/${encodeURIComponent(a.openId)}`;
    case 'is_verified':
      return a.isVerified ?? false;
    case 'username':
      return a.username;
    case 'follower_count':
      return a.followerCount ?? 0;
    case 'following_count':
      return a.followingCount ?? 0;
    case 'likes_count':
      return a.likesCount ?? 0;
    case 'video_count':
      return a.videoCount ?? 0;
  }
}

export async function userInfo(ctx: RouteContext): Promise<Reply> {
  const st = ctx.state;
  const g = guard(ctx, ['user.info.basic'], 'user_info');
  if (!g.ok) return g.reply;
  const raw = ctx.url.searchParams.get('fields') ?? '';
  const fields = [...new Set(raw.split(',').map((f) => f.trim()).filter(Boolean))];
  if (fields.length === 0) return apiError(st, 400, 'invalid_params', 'fields is required.');
  const unknown = fields.filter((f) => !isUserField(f));
  if (unknown.length > 0) return apiError(st, 400, 'invalid_params', `Invalid fields: ${unknown.join(',')}.`);
  const known = fields.filter(isUserField);
  const missing = [...new Set(known.map((f) => USER_FIELDS[f]).filter((s) => !g.value.grant.scopes.includes(s)))];
  if (missing.length > 0) {
    return apiError(
      st,
      400,
      'scope_permission_missed',
      `The fields you requested need scopes the user did not grant: ${missing.join(',')}.`,
    );
  }
  const user: Record<string, string | number | boolean> = {};
  for (const f of known) user[f] = fieldValue(st.baseUrl, g.value.account, f);
  return ok(st, { user });
}
