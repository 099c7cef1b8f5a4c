import { endpoints } from '@content-studio/contract';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { apiFetch, signedOutError as signedOut } from '@/lib/api-client';
import { isApiError, retryAfterOf } from '@/lib/api-error';
import { sessionFromGrant, sessionStore, type Session } from './session-store';

/**
 * Keeping the access token alive. TikTok ROTATES refresh tokens (TikTok's “Refresh a user access token” page): every refresh
 * returns a new one and kills the old. Two refreshes racing with the same token would leave the
 * loser holding a dead token and sign the creator out, so there is only ever one refresh in flight
 * and everyone who needs a fresh token awaits that same promise.
 */

/** Refresh this long before expiry at most… */
const MAX_LEAD_MS = 5 * 60_000;
/** …and never more than this share of the token's lifetime, so short-lived tokens still work. */
const MAX_LEAD_SHARE = 0.2;
/** After a refresh failed for a passing reason (network, 5xx), try again this much later. */
const RETRY_AFTER_MS = 30_000;
const MIN_RETRY_MS = 1_000;
/** setTimeout stores its delay in 32 bits; longer delays fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * When to refresh: `expiresAt − min(5 min, 20 % of the lifetime)`. TikTok's 2 h tokens refresh
 * 5 minutes early; a 20 s sandbox token refreshes after 16 s. Both leave room for a slow network.
 */
export function refreshDueAt(session: Session): number {
  const lifetime = Math.max(0, session.expiresAt - session.issuedAt);
  return session.expiresAt - Math.min(MAX_LEAD_MS, lifetime * MAX_LEAD_SHARE);
}

let inFlight: Promise<Session> | null = null;

/** Refreshes the session, joining the refresh already in flight if there is one. */
export function refreshSession(): Promise<Session> {
  inFlight ??= runRefresh().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Resolves once no refresh is running (whatever its outcome). */
export async function settledRefresh(): Promise<void> {
  await inFlight?.catch(() => undefined);
}

async function runRefresh(): Promise<Session> {
  const current = sessionStore.get();
  if (!current) throw signedOut();
  // TikTok's "Refresh a user access token" page: a rotated refresh token keeps its deadline
  // (refresh_expires_in), so past it no refresh can work and the creator must connect again.
  if (Date.now() >= current.refreshExpiresAt) {
    if (sessionStore.get()?.accessToken === current.accessToken) sessionStore.end({ reason: 'lifetime-ended' });
    throw signedOut();
  }
  let next: Session;
  try {
    const grant = await apiFetch(endpoints.authRefresh, { body: { sealedRefresh: current.sealedRefresh } });
    next = sessionFromGrant(grant);
  } catch (error) {
    // OAUTH_REFRESH_INVALID and every other definite "no": this session cannot be renewed. A
    // network blip or a 5xx is retryable and leaves the session as it is.
    if (!isApiError(error) || !error.retryable) endIfCurrent(current);
    throw error;
  }
  // The creator may have disconnected while the refresh was on its way: don't bring it back.
  if (sessionStore.get()?.sealedRefresh !== current.sealedRefresh) throw signedOut();
  sessionStore.save(next);
  return next;
}

function endIfCurrent(session: Session): void {
  if (sessionStore.get()?.accessToken === session.accessToken) sessionStore.end({ reason: 'expired' });
}

/** The session's token source: the api client's and the upload engine's (see `setAccessTokenSource`). */
export const sessionAccessTokens: AccessTokenSource = {
  async getAccessToken() {
    const session = sessionStore.get();
    if (!session) return null;
    // Refresh on demand too: the timer may not have fired (a sleeping laptop, a throttled tab).
    if (Date.now() < refreshDueAt(session)) return session.accessToken;
    try {
      return (await refreshSession()).accessToken;
    } catch (error) {
      // The proxy could not be reached but the token itself has not expired yet: use it.
      if (Date.now() < session.expiresAt && sessionStore.get()?.accessToken === session.accessToken) {
        return session.accessToken;
      }
      throw error;
    }
  },
  rejected(accessToken, error) {
    // Only if the refused token is still the current one: a call that left before a refresh may
    // come back 401 with the old token while the session itself is fine.
    if (error.status === 401 && sessionStore.get()?.accessToken === accessToken) {
      sessionStore.end({ reason: 'expired' });
    }
  },
};

/**
 * Refreshes the session shortly before it expires, for as long as it is running; re-plans after
 * every change to the session (a refresh saves a new one). Returns the function that stops it.
 */
export function startSessionKeeper(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  function plan(at?: number): void {
    clearTimeout(timer);
    timer = undefined;
    const session = sessionStore.get();
    if (!session) return;
    const delay = (at ?? refreshDueAt(session)) - Date.now();
    timer = setTimeout(fire, Math.min(Math.max(0, delay), MAX_TIMER_MS));
  }

  function fire(): void {
    timer = undefined;
    // Success saves a new session, which re-plans through the subscription below. A definite
    // failure ends the session (nothing left to plan). A passing failure is retried here: soon,
    // but still before the token expires if there is time left, and never in a tight loop.
    refreshSession().catch((error: unknown) => {
      const session = sessionStore.get();
      if (!session) return;
      const untilExpiry = session.expiresAt - 1_000 - Date.now();
      const wait = untilExpiry > MIN_RETRY_MS ? Math.min(RETRY_AFTER_MS, untilExpiry) : RETRY_AFTER_MS;
      // The proxy's Retry-After (rate limited, overloaded) wins even over the token's deadline:
      // asking sooner would only be refused again.
      plan(Date.now() + Math.max(wait, retryAfterOf(error)));
    });
  }

  const unsubscribe = sessionStore.subscribe(() => plan());
  plan();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
