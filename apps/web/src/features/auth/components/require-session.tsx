import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { paths } from '@/config/paths';
import { profileQueries } from '../api/profile-queries';
import { startSessionKeeper } from '../session-refresh';
import { sessionStore, useSession, type Session } from '../session-store';
import type { SignedOutLocationState } from '../signed-out-state';

export type RequireSessionProps = {
  children: (session: Session) => ReactNode;
};

/**
 * Renders its children only for a connected creator, and keeps the session fresh while they are
 * here. Without a session (never signed in, or it just ended: expired, revoked, disconnected) the
 * creator goes to the home page, which says why; never a blank page.
 */
export function RequireSession({ children }: RequireSessionProps) {
  const session = useSession();
  const queryClient = useQueryClient();

  useEffect(() => startSessionKeeper(), []);
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        // Profiles (and their short-lived avatar URLs) never outlive the session they belong to.
        if (!sessionStore.get()) queryClient.removeQueries({ queryKey: profileQueries.all() });
      }),
    [queryClient],
  );

  if (!session) {
    const state: SignedOutLocationState = { signedOut: sessionStore.lastEnd() ?? { reason: 'required' } };
    return <Navigate to={paths.home.getHref()} replace state={state} />;
  }
  return children(session);
}
