import type { SessionGrant } from '@content-studio/contract';
import { sessionFromGrant, sessionStore, type Session } from '@/features/auth/session-store';
import { mockGrant } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';

/** Puts a signed-in session in this tab, as a finished sign-in would; `now` backdates it. */
export function seedSession(overrides: Partial<SessionGrant> = {}, now: number = Date.now()): Session {
  const session = sessionFromGrant(mockGrant(overrides), now);
  sessionStore.save(session);
  return session;
}

/**
 * Records every request that reaches msw from now until the end of the test (the test setup drops
 * the listener), so a test can say "the code was exchanged exactly once".
 */
export function recordRequests() {
  const seen: { method: string; path: string; request: Request }[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({ method: request.method, path: new URL(request.url).pathname, request: request.clone() });
  });
  return {
    seen,
    count: (method: string, path: string) => seen.filter((r) => r.method === method && r.path === path).length,
  };
}
