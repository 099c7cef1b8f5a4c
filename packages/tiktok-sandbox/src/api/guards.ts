import type { SandboxAccount } from '../accounts';
import { type Reply, mediaType, readBody } from '../http-io';
import type { RouteContext } from '../route-context';
import type { GrantRecord } from '../state';
import { apiError } from './envelope';
import { RATE_LIMITS, type RateBucket } from './rate-limit';

export interface Caller {
  token: string;
  grant: GrantRecord;
  account: SandboxAccount;
}

type Guarded<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/**
 * The order matters and mirrors TikTok's gateway: who are you, may you call this at all, and only
 * then are you calling too often. A request rejected by the limiter is not counted against it.
 */
export function guard(ctx: RouteContext, anyOfScopes: string[], bucket: RateBucket | undefined): Guarded<Caller> {
  const st = ctx.state;
  const match = /^Bearer +(\S+)\s*$/i.exec(ctx.req.headers.authorization ?? '');
  const token = match?.[1] ?? '';
  const record = token ? st.accessTokens.get(token) : undefined;
  if (!record) {
    return {
      ok: false,
      reply: apiError(st, 401, 'access_token_invalid', 'The access token is invalid or not found in the request.'),
    };
  }
  if (record.grant.revoked) {
    return { ok: false, reply: apiError(st, 401, 'access_token_invalid', 'The access token has been revoked.') };
  }
  if (st.now() >= record.expiresAt) {
    return { ok: false, reply: apiError(st, 401, 'access_token_invalid', 'The access token has expired.') };
  }
  const account = st.accounts.get(record.grant.openId);
  if (!account) {
    return { ok: false, reply: apiError(st, 401, 'access_token_invalid', 'The user of this token no longer exists.') };
  }
  if (!anyOfScopes.some((s) => record.grant.scopes.includes(s))) {
    return {
      ok: false,
      reply: apiError(
        st,
        401,
        'scope_not_authorized',
        `The user did not authorize the scope required for completing this request (${anyOfScopes.join(' or ')}).`,
      ),
    };
  }
  if (bucket && !st.limiter.tryHit(`${bucket}:${token}`, RATE_LIMITS[bucket], st.now())) {
    return {
      ok: false,
      reply: apiError(st, 429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.'),
    };
  }
  ctx.logNote = `account=${account.openId}`;
  return { ok: true, value: { token, grant: record.grant, account } };
}

/**
 * JSON endpoints demand `Content-Type: application/json` (charset optional). `allowEmpty` is for
 * creator_info, which documents "no body, or an empty body".
 */
export async function readJson(ctx: RouteContext, allowEmpty: boolean): Promise<Guarded<unknown>> {
  const st = ctx.state;
  const body = await readBody(ctx.req, 256 * 1024);
  if (!body.ok) {
    return body.reason === 'too-large'
      ? { ok: false, reply: apiError(st, 413, 'request_too_large', 'The request body is too large.') }
      : { ok: false, reply: apiError(st, 400, 'invalid_params', 'The request body could not be read.') };
  }
  const text = body.body.toString('utf8');
  if (allowEmpty && text.trim() === '') return { ok: true, value: undefined };
  if (mediaType(ctx.req.headers['content-type']) !== 'application/json') {
    return {
      ok: false,
      reply: apiError(st, 400, 'invalid_params', 'Content-Type must be application/json; charset=UTF-8.'),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reply: apiError(st, 400, 'invalid_params', 'The request body is not valid JSON.') };
  }
}
