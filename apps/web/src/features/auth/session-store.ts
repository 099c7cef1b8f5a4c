import type { SessionGrant } from '@content-studio/contract';
import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * The creator's TikTok session, kept in this tab's sessionStorage and nowhere else
 * (docs/requirements/security-reliability.md#no-token-storage): no
 * localStorage, cookie or IndexedDB, so it is gone when the tab closes and no other tab or site
 * can read it. The refresh token inside is sealed by the proxy and useless anywhere else.
 */
export const SESSION_STORAGE_KEY = 'csp.session';

const SessionSchema = z.object({
  accessToken: z.string().min(1),
  /** When the access token was issued (ms), to know its lifetime when scheduling a refresh. */
  issuedAt: z.number().int().nonnegative(),
  expiresAt: z.number().int().positive(),
  openId: z.string().min(1),
  scopes: z.array(z.string()),
  sealedRefresh: z.string().min(1),
  refreshExpiresAt: z.number().int().positive(),
});
export type Session = z.infer<typeof SessionSchema>;

/** Why the creator is no longer signed in, for the explanation shown afterwards. */
export type SessionEnd =
  | { reason: 'expired' }
  /** TikTok's refresh token ran out: rotation keeps its deadline, so every sign-in ends one day. */
  | { reason: 'lifetime-ended' }
  | { reason: 'disconnected'; revoked: boolean };

/** TikTok's lifetimes are relative; the browser turns them into absolute times with its own clock. */
export function sessionFromGrant(grant: SessionGrant, now: number = Date.now()): Session {
  return {
    accessToken: grant.accessToken,
    issuedAt: now,
    expiresAt: now + grant.expiresIn * 1000,
    openId: grant.openId,
    scopes: grant.scopes,
    sealedRefresh: grant.sealedRefresh,
    refreshExpiresAt: now + grant.refreshExpiresIn * 1000,
  };
}

const listeners = new Set<() => void>();
// The parsed value is cached against the raw string, so useSyncExternalStore gets the same object
// until storage really changes, while storage stays the one source of truth.
let cachedRaw: string | null = null;
let cachedSession: Session | null = null;
let lastEnd: SessionEnd | null = null;

function read(): Session | null {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null; // storage blocked by the browser: nobody can be signed in
  }
  if (raw === cachedRaw) return cachedSession;
  const parsed = raw === null ? null : parse(raw);
  if (raw !== null && parsed === null) {
    // Corrupt or from an older version: drop it rather than send a half-valid token anywhere.
    sessionStorage.removeItem(SESSION_STORAGE_KEY);
    raw = null;
  }
  cachedRaw = raw;
  cachedSession = parsed;
  return parsed;
}

function parse(raw: string): Session | null {
  try {
    const result = SessionSchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get: read,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Throws if the browser refuses to store it; the caller tells the creator. */
  save(session: Session): void {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    lastEnd = null;
    notify();
  },

  end(end: SessionEnd): void {
    sessionStorage.removeItem(SESSION_STORAGE_KEY);
    lastEnd = end;
    notify();
  },

  /** How the last session in this page ended, if one did; null after a new sign-in. */
  lastEnd(): SessionEnd | null {
    return lastEnd;
  },

  /** Tests only: forget the in-memory part between tests (storage is cleared by the test setup). */
  resetMemory(): void {
    cachedRaw = null;
    cachedSession = null;
    lastEnd = null;
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}
