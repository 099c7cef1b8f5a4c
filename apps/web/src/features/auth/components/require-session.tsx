import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { paths } from '@/config/paths';
import { profileQueries } from '../api/profile-queries';
import { startSessionKeeper } from '../session-refresh';
import { sessionStore, useSession, type Session } from '../session-store';
import type { SignedOutLocationState } from '../signed-out-state';

export type RequireSessionProps = {
  /** Rendered with the active account's session. */
  children: (session: Session) => ReactNode;
};

/**
 * Renders its children only while an account is connected, and keeps every connected account's
 * session fresh while they are here. When one of several accounts ends, another one becomes the
 * active one and the page stays. Without any session (never signed in, or the last one just
 * ended: expired, revoked, disconnected) the creator goes to the home page, which says why; never a
 * blank page.
 */
export function RequireSession({ children }: RequireSessionProps) {
  const session = useSession();
  const queryClient = useQueryClient();

  useEffect(() => startSessionKeeper(), []);
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        // Profiles (and their short-lived avatar URLs) never outlive the session they belong to.
        const connected = new Set(sessionStore.accounts().map((account) => account.openId));
        queryClient.removeQueries({
          queryKey: profileQueries.all(),
          predicate: (query) => !connected.has(String(query.queryKey[2])),
        });
      }),
    [queryClient],
  );

  if (!session) {
    const state: SignedOutLocationState = { signedOut: sessionStore.lastEnd() ?? { reason: 'required' } };
    return <Navigate to={paths.home.getHref()} replace state={state} />;
  }
  return children(session);
}
