import { RevokeResponseSchema, apiRoutes } from '@content-studio/contract';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { refreshDueAt, refreshSession, settledRefresh } from '../session-refresh';
import { sessionStore } from '../session-store';
import { profileQueries } from './profile-queries';

export type SignOutResult = { revoked: boolean };

/**
 * Disconnect: revoke the grant at TikTok (through the proxy), then forget the session in this tab.
 * The session is cleared even when the revoke fails, and the result says which happened, so the
 * creator can be told to remove the app in TikTok themselves.
 */
async function signOut(): Promise<SignOutResult> {
  // A refresh in flight is about to replace the token; revoke the one that will be current.
  await settledRefresh();
  let session = sessionStore.get();
  if (!session) return { revoked: false };
  if (Date.now() >= refreshDueAt(session)) {
    // An expired token cannot be revoked; a fresh one revokes the whole grant.
    session = await refreshSession().catch(() => session);
  }
  let revoked = false;
  try {
    if (session) {
      await apiFetch(apiRoutes.authRevoke, RevokeResponseSchema, {
        method: 'POST',
        accessToken: session.accessToken,
      });
      revoked = true;
    }
  } catch {
    revoked = false;
  } finally {
    sessionStore.end({ reason: 'disconnected', revoked });
  }
  return { revoked };
}

export function signOutOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'sign-out'],
    mutationFn: signOut,
    // Avatar URLs are short-lived credentials of a kind: nothing of the profile outlives the session.
    onSettled: () => queryClient.removeQueries({ queryKey: profileQueries.all() }),
  });
}
