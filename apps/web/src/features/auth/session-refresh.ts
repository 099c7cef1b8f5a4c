import { endpoints } from '@content-studio/contract';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { apiFetch, signedOutError as signedOut } from '@/lib/api-client';
import { isApiError, retryAfterOf } from '@/lib/api-error';
import { sessionFromGrant, sessionStore, type Session } from './session-store';

/**
 * Keeping each connected account's access token alive. TikTok ROTATES refresh tokens (TikTok's
 * “Refresh a user access token” page): every refresh returns a new one and kills the old. Two
 * refreshes racing with the same token would leave the loser holding a dead token and sign the
 * account out, so there is only ever one refresh in flight per account and everyone who needs a
 * fresh token of that account awaits that same promise. Accounts never wait for one another.
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

const inFlight = new Map<string, Promise<Session>>();

/**
 * Refreshes one account's session (the active account's unless told which), joining the refresh
 * of that account already in flight if there is one.
 */
export function refreshSession(openId: string | undefined = sessionStore.get()?.openId): Promise<Session> {
  if (openId === undefined) return Promise.reject(signedOut());
  let refresh = inFlight.get(openId);
  if (!refresh) {
    refresh = runRefresh(openId).finally(() => inFlight.delete(openId));
    inFlight.set(openId, refresh);
  }
  return refresh;
}

/** Resolves once no refresh of the account (of any account, unless told which) is running. */
export async function settledRefresh(openId?: string): Promise<void> {
  const running = openId === undefined ? [...inFlight.values()] : [inFlight.get(openId)];
  await Promise.all(running.map((refresh) => refresh?.catch(() => undefined)));
}

async function runRefresh(openId: string): Promise<Session> {
  const current = sessionStore.account(openId);
  if (!current) throw signedOut();
  // TikTok's "Refresh a user access token" page: a rotated refresh token keeps its deadline
  // (refresh_expires_in), so past it no refresh can work and the creator must connect again.
  if (Date.now() >= current.refreshExpiresAt) {
    endIfCurrent(current, { reason: 'lifetime-ended' });
    throw signedOut();
  }
  let next: Session;
  try {
    const grant = await apiFetch(endpoints.authRefresh, { body: { sealedRefresh: current.sealedRefresh } });
    next = sessionFromGrant(grant);
  } catch (error) {
    // OAUTH_REFRESH_INVALID and every other definite "no": this session cannot be renewed. A
    // network blip or a 5xx is retryable and leaves the session as it is.
    if (!isApiError(error) || !error.retryable) endIfCurrent(current, { reason: 'expired' });
    throw error;
  }
  // The creator may have disconnected (or connected this account again) while the refresh was on
  // its way: don't bring the old one back.
  if (!sessionStore.renew(current, next)) throw signedOut();
  return next;
}

/** Ends the account's session, unless it has changed since (refreshed, or connected anew). */
function endIfCurrent(session: Session, end: { reason: 'expired' | 'lifetime-ended' }): void {
  if (sessionStore.account(session.openId)?.accessToken === session.accessToken) sessionStore.end(end, session.openId);
}

/** A valid token of the account, refreshed first when due; null when it is not connected. */
async function accessTokenOf(openId: string): Promise<string | null> {
  const session = sessionStore.account(openId);
  if (!session) return null;
  // Refresh on demand too: the timer may not have fired (a sleeping laptop, a throttled tab).
  if (Date.now() < refreshDueAt(session)) return session.accessToken;
  try {
    return (await refreshSession(openId)).accessToken;
  } catch (error) {
    // The proxy could not be reached but the token itself has not expired yet: use it.
    if (Date.now() < session.expiresAt && sessionStore.account(openId)?.accessToken === session.accessToken) {
      return session.accessToken;
    }
    throw error;
  }
}

/**
 * A refused token ends the session of the account it belongs to, and no other. Only if it is still
 * that account's current token: a call that left before a refresh may come back 401 with the old
 * token while the session itself is fine.
 */
function rejectToken(accessToken: string, status: number): void {
  if (status !== 401) return;
  const owner = sessionStore.accounts().find((session) => session.accessToken === accessToken);
  if (owner) sessionStore.end({ reason: 'expired' }, owner.openId);
}

/**
 * The active account's token source: the api client's default (see `setAccessTokenSource`). Calls
 * made for a given account (its profile, its creator info, its uploads) take
 * {@link accountAccessTokens} instead, so switching accounts never sends one's call with another's token.
 */
export const sessionAccessTokens: AccessTokenSource = {
  async getAccessToken() {
    const active = sessionStore.get();
    return active ? accessTokenOf(active.openId) : null;
  },
  rejected(accessToken, error) {
    rejectToken(accessToken, error.status);
  },
};

const accountSources = new Map<string, AccessTokenSource>();

/** One account's token source: its token only, and a 401 ends that account's session only. */
export function accountAccessTokens(openId: string): AccessTokenSource {
  let source = accountSources.get(openId);
  if (!source) {
    source = {
      getAccessToken: () => accessTokenOf(openId),
      rejected(accessToken, error) {
        if (sessionStore.account(openId)?.accessToken === accessToken) rejectToken(accessToken, error.status);
      },
    };
    accountSources.set(openId, source);
  }
  return source;
}

/** What a plan was made for: a new grant (sign-in, refresh) always brings new values of both. */
function plannedFor(session: Session): string {
  return `${session.sealedRefresh} ${session.expiresAt}`;
}

/**
 * Refreshes every connected account's session shortly before it expires, for as long as it is
 * running. Each account has its own timer: a refresh (or its retry) of one never moves another's.
 * Returns the function that stops it.
 */
export function startSessionKeeper(): () => void {
  const plans = new Map<string, { timer: ReturnType<typeof setTimeout>; planned: string }>();

  function plan(session: Session, at: number = refreshDueAt(session)): void {
    clearTimeout(plans.get(session.openId)?.timer);
    const delay = Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS);
    plans.set(session.openId, {
      timer: setTimeout(() => fire(session.openId), delay),
      planned: plannedFor(session),
    });
  }

  function fire(openId: string): void {
    // Success renews the session, which re-plans through the subscription below. A definite
    // failure ends it (nothing left to plan). A passing failure is retried here: soon, but still
    // before the token expires if there is time left, and never in a tight loop.
    refreshSession(openId).catch((error: unknown) => {
      const session = sessionStore.account(openId);
      if (!session) return;
      const untilExpiry = session.expiresAt - 1_000 - Date.now();
      const wait = untilExpiry > MIN_RETRY_MS ? Math.min(RETRY_AFTER_MS, untilExpiry) : RETRY_AFTER_MS;
      // The proxy's Retry-After (rate limited, overloaded) wins even over the token's deadline:
      // asking sooner would only be refused again.
      plan(session, Date.now() + Math.max(wait, retryAfterOf(error)));
    });
  }

  /** A new grant (sign-in, refresh) gets a new plan; an ended account loses its plan. */
  function replan(): void {
    const accounts = sessionStore.accounts();
    for (const [openId, planned] of plans) {
      if (accounts.some((session) => session.openId === openId)) continue;
      clearTimeout(planned.timer);
      plans.delete(openId);
    }
    for (const session of accounts) {
      if (plans.get(session.openId)?.planned !== plannedFor(session)) plan(session);
    }
  }

  const unsubscribe = sessionStore.subscribe(replan);
  replan();
  return () => {
    unsubscribe();
    for (const planned of plans.values()) clearTimeout(planned.timer);
    plans.clear();
  };
}
