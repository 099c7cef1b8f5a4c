import { REQUESTED_SCOPES } from '@content-studio/contract';

export type RequestedScope = (typeof REQUESTED_SCOPES)[number];

/**
 * A creator can untick permissions on TikTok's consent page (TikTok's Login Kit for Web), so what was granted
 * is checked, never assumed. user.info.basic is always granted by TikTok.
 */
export function missingScopes(granted: readonly string[]): RequestedScope[] {
  return REQUESTED_SCOPES.filter((scope) => !granted.includes(scope));
}
