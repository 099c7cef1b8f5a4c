import { setAccessTokenSource } from '@/lib/access-token-source';

/**
 * The api client (lib) may not import a feature, so the app tells it where access tokens come
 * from. The session code loads on the first authed call, not with the landing page; idempotent, so
 * tests and StrictMode can call it as often as they like.
 */
export function registerAccessTokenSource(): void {
  setAccessTokenSource(async () => (await import('@/features/auth/session-refresh')).sessionAccessTokens);
}
