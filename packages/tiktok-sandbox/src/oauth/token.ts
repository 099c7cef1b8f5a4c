import { createHash, timingSafeEqual } from 'node:crypto';
import { type Reply, jsonReply, mediaType, readBody } from '../http-io';
import { accessToken, clientToken, logId, refreshToken } from '../ids';
import type { RouteContext } from '../route-context';
import type { GrantRecord, SandboxState } from '../state';

export type OAuthError =
  | 'access_denied'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_request'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable';

/** TikTok's OAuth Error Handling page: a flat shape, unlike the v2 envelope; HTTP status configurable because TikTok often sends 200. */
export function oauthError(st: SandboxState, error: OAuthError, description: string, status?: number): Reply {
  return jsonReply(status ?? st.options.oauthErrorStatus, {
    error,
    error_description: description,
    log_id: logId(st.now()),
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type FormResult = { ok: true; form: URLSearchParams } | { ok: false; reply: Reply };

/** Both OAuth endpoints take form bodies and check the client the same way. */
async function readClientForm(ctx: RouteContext): Promise<FormResult> {
  const st = ctx.state;
  if (mediaType(ctx.req.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    return {
      ok: false,
      reply: oauthError(st, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.'),
    };
  }
  const body = await readBody(ctx.req, 64 * 1024);
  if (!body.ok) return { ok: false, reply: oauthError(st, 'invalid_request', 'The request body could not be read.') };
  const form = new URLSearchParams(body.body.toString('utf8'));
  const key = form.get('client_key') ?? '';
  const secret = form.get('client_secret') ?? '';
  if (!safeEqual(key, st.options.clientKey) || !safeEqual(secret, st.options.clientSecret)) {
    return { ok: false, reply: oauthError(st, 'invalid_client', 'Client key or secret is invalid.') };
  }
  return { ok: true, form };
}

/**
 * @param refreshExpiresAt when the refresh token being rotated dies: TikTok's "Refresh a user access
 *   token" page (newer edition) rotates the token but keeps its deadline, so a creator who refreshes
 *   every two hours must still sign in again when the first refresh token's lifetime runs out.
 */
function issueTokens(st: SandboxState, grant: GrantRecord, refreshExpiresAt?: number): Reply {
  const now = st.now();
  const at = accessToken();
  const rt = refreshToken();
  const rtExpiresAt = refreshExpiresAt ?? now + st.options.refreshTokenTtlSec * 1000;
  st.accessTokens.set(at, { grant, expiresAt: now + st.options.accessTokenTtlSec * 1000 });
  st.refreshTokens.set(rt, { grant, expiresAt: rtExpiresAt, rotated: false });
  // Key order as in TikTok's documented example (TikTok's Manage User Access Tokens page); no data wrapper, no log_id on success.
  return jsonReply(200, {
    access_token: at,
    expires_in: st.options.accessTokenTtlSec,
    open_id: grant.openId,
    refresh_expires_in: Math.max(1, Math.floor((rtExpiresAt - now) / 1000)),
    refresh_token: rt,
    scope: grant.scopes.join(','),
    token_type: 'Bearer',
  });
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

function exchangeCode(ctx: RouteContext, form: URLSearchParams): Reply {
  const st = ctx.state;
  const code = form.get('code');
  if (!code) return oauthError(st, 'invalid_request', 'code is required.');
  const record = st.codes.get(code);
  if (!record || record.clientKey !== st.options.clientKey) {
    return oauthError(st, 'invalid_grant', 'Authorization code is invalid.');
  }
  if (record.used) return oauthError(st, 'invalid_grant', 'Authorization code has been used.');
  if (st.now() >= record.expiresAt) return oauthError(st, 'invalid_grant', 'Authorization code is expired.');
  if (form.get('redirect_uri') !== record.redirectUri) {
    return oauthError(st, 'invalid_grant', 'Redirect_uri is not matched with the uri when requesting code.');
  }
  // TikTok's Login Kit Overview: PKCE only when the authorize request carried a challenge, and TikTok's is hex, not base64url.
  if (record.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier') ?? '';
    const expected = VERIFIER.test(verifier) ? createHash('sha256').update(verifier).digest('hex') : '';
    if (!expected || !safeEqual(expected, record.codeChallenge)) {
      return oauthError(st, 'invalid_request', 'Code verifier or code challenge is invalid.');
    }
  }
  record.used = true;
  st.stats.tokenExchanges += 1;
  ctx.logNote = `authorization_code account=${record.openId}`;
  return issueTokens(st, st.newGrant(record.clientKey, record.openId, record.scopes));
}

function refresh(ctx: RouteContext, form: URLSearchParams): Reply {
  const st = ctx.state;
  const rt = form.get('refresh_token');
  if (!rt) return oauthError(st, 'invalid_request', 'refresh_token is required.');
  const record = st.refreshTokens.get(rt);
  if (!record || record.rotated || record.grant.revoked || record.grant.clientKey !== st.options.clientKey) {
    return oauthError(st, 'invalid_grant', 'Refresh token is invalid or expired.');
  }
  if (st.now() >= record.expiresAt) return oauthError(st, 'invalid_grant', 'Refresh token is invalid or expired.');
  // Rotation (TikTok's "Refresh a user access token" page, newer edition): the presented token dies now, so a second concurrent refresh fails.
  record.rotated = true;
  st.stats.refreshes += 1;
  ctx.logNote = `refresh_token account=${record.grant.openId}`;
  return issueTokens(st, record.grant, record.expiresAt);
}

function clientCredentials(st: SandboxState): Reply {
  const issued = clientToken();
  st.clientTokens.set(issued, st.now() + 7200 * 1000);
  return jsonReply(200, { access_token: issued, expires_in: 7200, token_type: 'Bearer' });
}

export async function token(ctx: RouteContext): Promise<Reply> {
  const read = await readClientForm(ctx);
  if (!read.ok) return read.reply;
  const grantType = read.form.get('grant_type');
  switch (grantType) {
    case 'authorization_code':
      return exchangeCode(ctx, read.form);
    case 'refresh_token':
      return refresh(ctx, read.form);
    case 'client_credentials':
      return clientCredentials(ctx.state);
    default:
      return oauthError(ctx.state, 'unsupported_grant_type', 'grant_type is missing or not supported.');
  }
}

/**
 * TikTok's "Revoke a user access token" page. Kills every token issued under the same authorization (the access token, its current
 * refresh token and older access tokens of the chain). Unknown tokens answer `{}` as RFC 7009 does,
 * so revoking twice is harmless.
 */
export async function revoke(ctx: RouteContext): Promise<Reply> {
  const read = await readClientForm(ctx);
  if (!read.ok) return read.reply;
  const presented = read.form.get('token');
  if (!presented) return oauthError(ctx.state, 'invalid_request', 'token is required.');
  const record = ctx.state.accessTokens.get(presented);
  if (record && !record.grant.revoked) {
    record.grant.revoked = true;
    ctx.state.stats.revokes += 1;
    ctx.logNote = `account=${record.grant.openId}`;
  }
  return jsonReply(200, {});
}
