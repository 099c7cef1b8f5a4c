import { endpoints, type TokenExchangeRequest } from '@content-studio/contract';
import { apiFetch } from '@/lib/api-client';
import { sessionFromGrant, sessionStore, type Session } from '../session-store';

/**
 * Trades TikTok's one-time code for a session through the proxy (which holds the client secret and
 * uses its own redirect URI) and keeps the session in this tab. Call only after the callback's
 * `state` was checked: see `completeSignIn`.
 */
export async function signIn({ code }: TokenExchangeRequest): Promise<Session> {
  const grant = await apiFetch(endpoints.authToken, { body: { code } });
  const session = sessionFromGrant(grant);
  sessionStore.save(session);
  return session;
}
