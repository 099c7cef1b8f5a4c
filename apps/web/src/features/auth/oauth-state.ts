import { REQUESTED_SCOPES, type AuthConfig } from '@content-studio/contract';

/**
 * OAuth `state` (docs/requirements/security-reliability.md#oauth-integrity). TikTok's web flow has no PKCE, so `state` is the only thing
 * that ties the code arriving at /auth/callback to a sign-in this tab started. Without it, anyone
 * could send a creator to our callback with *their own* code and sign the creator into the
 * attacker's TikTok account (login CSRF).
 */
export const OAUTH_STATE_KEY = 'csp.oauth-state';

/** 32 bytes: far beyond the 128 bits the design asks for, and 43 URL-safe characters. */
const STATE_BYTES = 32;

/** A fresh, unguessable state from the browser's CSPRNG (never Math.random). */
export function createOAuthState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(STATE_BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * sessionStorage, not memory: the tab leaves for TikTok's consent page and comes back as a new
 * document. It is per tab, so a sign-in started in one tab cannot be completed in another.
 */
export function rememberOAuthState(state: string): void {
  sessionStorage.setItem(OAUTH_STATE_KEY, state);
}

/**
 * The remembered state, removed in the same step: a state is good for one callback only, whatever
 * that callback's outcome, so a replayed or reloaded callback URL can never be accepted again.
 */
export function takeOAuthState(): string | null {
  const state = sessionStorage.getItem(OAUTH_STATE_KEY);
  sessionStorage.removeItem(OAUTH_STATE_KEY);
  return state;
}

/**
 * TikTok's authorize URL (TikTok's Login Kit for Web). The scopes come from the contract rather than from the
 * proxy's answer, so the SPA asks for exactly the three it promises, whatever the server says.
 */
export function buildAuthorizeUrl(config: AuthConfig, state: string): string {
  const url = new URL(config.authorizeUrl);
  url.search = '';
  url.searchParams.set('client_key', config.clientKey);
  url.searchParams.set('scope', REQUESTED_SCOPES.join(','));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('state', state);
  // Always show the consent page, so a creator can pick the account and untick permissions.
  url.searchParams.set('disable_auto_auth', '1');
  return url.toString();
}
