import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxAccount } from '../accounts';
import type { Reply } from '../http-io';
import type { RouteContext } from '../route-context';
import type { SandboxState } from '../state';
import { apiError, ok } from './envelope';
import { guard } from './guards';

/** TikTok's Get User Info page: every field and the scope that unlocks it. */
const USER_FIELDS = {
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

/**
 * TikTok's avatar URLs are signed CDN links that stop working after a while (creator info's
 * `creator_avatar_url` is documented with a 2 h TTL on TikTok's Query Creator Info page): the
 * sandbox's expire too, so a client that keeps one past its time sees the failure a real one would.
 */
export function avatarUrl(st: SandboxState, openId: string, size?: number): string {
  const expires = Math.floor(st.now() / 1000) + st.options.avatarUrlTtlSec;
  const path = `/__sandbox/avatars/${encodeURIComponent(openId)}.svg`;
  const params = new URLSearchParams({ ...(size ? { size: String(size) } : {}), 'x-expires': String(expires) });
  params.set('x-signature', avatarSignature(st, path, params));
  return `${st.baseUrl}${path}?${params.toString()}`;
}

function avatarSignature(st: SandboxState, path: string, params: URLSearchParams): string {
  const signed = `${path}|${params.get('size') ?? ''}|${params.get('x-expires') ?? ''}`;
  return createHmac('sha256', st.avatarKey).update(signed).digest('hex').slice(0, 32);
}

/** Whether an avatar request carries this sandbox's signature and is not past its expiry. */
export function avatarUrlValid(st: SandboxState, path: string, params: URLSearchParams): boolean {
  const expires = Number(params.get('x-expires'));
  const given = Buffer.from(params.get('x-signature') ?? '');
  const expected = Buffer.from(avatarSignature(st, path, params));
  return (
    Number.isSafeInteger(expires) &&
    st.now() < expires * 1000 &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  );
}

function fieldValue(st: SandboxState, a: SandboxAccount, f: UserField): string | number | boolean {
  const baseUrl = st.baseUrl;
  switch (f) {
    case 'open_id':
      return a.openId;
    case 'union_id':
      return a.unionId;
    case 'avatar_url':
      return avatarUrl(st, a.openId);
    case 'avatar_url_100':
      return avatarUrl(st, a.openId, 100);
    case 'avatar_large_url':
      return avatarUrl(st, a.openId, 720);
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
  const fields = [
    ...new Set(
      raw
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
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
  for (const f of known) user[f] = fieldValue(st, g.value.account, f);
  return ok(st, { user });
}
