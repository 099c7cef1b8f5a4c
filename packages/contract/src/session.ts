import { z } from 'zod';

/** Exactly the scopes the product asks TikTok for (docs/requirements/product-promises.md#scopes): nothing more, nothing less. */
export const REQUESTED_SCOPES = ['user.info.basic', 'video.publish', 'video.upload'] as const;
export const ScopeSchema = z.string().min(1).max(64);

/** Body of `POST /api/v1/auth/token`. The redirect URI is deliberately absent: the proxy uses its own. */
export const TokenExchangeRequestSchema = z.strictObject({
  code: z.string().min(1).max(2048),
});
export type TokenExchangeRequest = z.infer<typeof TokenExchangeRequestSchema>;

/** Body of `POST /api/v1/auth/refresh`. */
export const RefreshRequestSchema = z.strictObject({
  sealedRefresh: z.string().min(1).max(4096),
});
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

/**
 * What the browser keeps in sessionStorage after sign-in or refresh. The refresh token arrives only
 * sealed by the proxy (AES-256-GCM), so a leaked session cannot be refreshed elsewhere.
 */
export const SessionGrantSchema = z.object({
  accessToken: z.string().min(1),
  /** Seconds from now; the browser turns it into an absolute time with its own clock. */
  expiresIn: z.number().int().positive(),
  openId: z.string().min(1),
  scopes: z.array(ScopeSchema),
  sealedRefresh: z.string().min(1),
  refreshExpiresIn: z.number().int().positive(),
});
export type SessionGrant = z.infer<typeof SessionGrantSchema>;

export const RevokeResponseSchema = z.object({ revoked: z.literal(true) });
export type RevokeResponse = z.infer<typeof RevokeResponseSchema>;

/** `GET /api/v1/me`: only `user.info.basic` fields (docs/requirements/product-promises.md#profile-fields). */
export const ProfileSchema = z.object({
  openId: z.string(),
  unionId: z.string(),
  displayName: z.string(),
  avatarUrl: z.string(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * `GET /api/v1/auth/config`: what the SPA needs to send the creator to TikTok's consent page. Served
 * by the proxy so TikTok settings live in one place (the proxy's env) and the SPA bundle holds none.
 */
export const AuthConfigSchema = z.object({
  authorizeUrl: z.url(),
  clientKey: z.string().min(1),
  redirectUri: z.url(),
  scopes: z.array(ScopeSchema),
  /**
   * Whether TikTok has audited this app for Direct Post (the operator's TIKTOK_APP_AUDITED). Until
   * then TikTok restricts its posts to private viewing, which the compose screen says up front.
   */
  appAudited: z.boolean(),
});
export type AuthConfig = z.infer<typeof AuthConfigSchema>;
