import { endpoints } from '@content-studio/contract';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { refreshDueAt, refreshSession, settledRefresh } from '../session-refresh';
import { sessionStore } from '../session-store';
import { profileQueries } from './profile-queries';

export type SignOutResult = { revoked: boolean };

/**
 * Disconnect one account: revoke its grant at TikTok (through the proxy), then forget its session
 * in this tab. The other connected accounts stay signed in. The session is cleared even when the
 * revoke fails, and the result says which happened, so the creator can be told to remove the app
 * in TikTok themselves.
 */
async function signOut(openId: string): Promise<SignOutResult> {
  // A refresh in flight is about to replace the token; revoke the one that will be current.
  await settledRefresh(openId);
  let session = sessionStore.account(openId);
  if (!session) return { revoked: false };
  if (Date.now() >= refreshDueAt(session)) {
    // An expired token cannot be revoked; a fresh one revokes the whole grant.
    session = await refreshSession(openId).catch(() => session);
  }
  let revoked = false;
  try {
    if (session) {
      await apiFetch(endpoints.authRevoke, { accessToken: session.accessToken });
      revoked = true;
    }
  } catch {
    revoked = false;
  } finally {
    sessionStore.end({ reason: 'disconnected', revoked }, openId);
  }
  return { revoked };
}

export function signOutOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['auth', 'sign-out'],
    mutationFn: signOut,
    // Avatar URLs are short-lived credentials of a kind: nothing of the profile outlives the session.
    onSettled: (_result, _error, openId) => {
      queryClient.removeQueries({ queryKey: profileQueries.me(openId).queryKey });
      queryClient.removeQueries({ queryKey: profileQueries.handle(openId).queryKey });
    },
  });
}
