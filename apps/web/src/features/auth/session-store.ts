import type { SessionGrant } from '@content-studio/contract';
import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * The creator's TikTok sessions, one per connected account, kept in this tab's sessionStorage and
 * nowhere else (docs/requirements/security-reliability.md#no-token-storage): no localStorage,
 * cookie or IndexedDB, so they are gone when the tab closes and no other tab or site can read them.
 * The refresh tokens inside are sealed by the proxy and useless anywhere else.
 *
 * The active account's session sits under its own key, in the shape a single session always had,
 * and the other connected accounts beside it (docs/decisions/025-several-accounts.md).
 */
export const SESSION_STORAGE_KEY = 'csp.session';
/** The connected accounts other than the active one, and the order all of them were connected in. */
export const ACCOUNTS_STORAGE_KEY = 'csp.accounts';

const SessionSchema = z.object({
  accessToken: z.string().min(1),
  /** When the access token was issued (ms), to know its lifetime when scheduling a refresh. */
  issuedAt: z.number().int().nonnegative(),
  expiresAt: z.number().int().positive(),
  openId: z.string().min(1),
  scopes: z.array(z.string()),
  sealedRefresh: z.string().min(1),
  refreshExpiresAt: z.number().int().positive(),
  /**
   * Who the account is, as TikTok last said (display name from the profile, @username from the
   * creator info), so several accounts can be told apart before their profiles load again. Never
   * the avatar: its signed link is short-lived.
   */
  displayName: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export type AccountLabel = Pick<Session, 'displayName' | 'username'>;

const StoredAccountsSchema = z.object({
  version: z.literal(1),
  order: z.array(z.string()),
  others: z.array(z.unknown()),
});

/** Why the creator is no longer signed in, for the explanation shown afterwards. */
export type SessionEnd =
  | { reason: 'expired' }
  /** TikTok's refresh token ran out: rotation keeps its deadline, so every sign-in ends one day. */
  | { reason: 'lifetime-ended' }
  | { reason: 'disconnected'; revoked: boolean };

/** An account whose session ended while another one stayed connected, for the notice about it. */
export type EndedAccount = AccountLabel & { openId: string; end: SessionEnd };

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

type Accounts = {
  /** The account the studio acts as by default; null when none is connected. */
  active: Session | null;
  /** Every connected account, the active one included, in the order they were connected. */
  all: readonly Session[];
};

const NONE: Accounts = { active: null, all: [] };

const listeners = new Set<() => void>();
// The parsed value is cached against the raw strings, so useSyncExternalStore gets the same object
// until storage really changes, while storage stays the one source of truth.
let cachedRaw: { session: string | null; accounts: string | null } | null = null;
let cached: Accounts = NONE;
let lastEnd: SessionEnd | null = null;
let ended: readonly EndedAccount[] = [];

function read(): Accounts {
  let raw: { session: string | null; accounts: string | null };
  try {
    raw = {
      session: sessionStorage.getItem(SESSION_STORAGE_KEY),
      accounts: sessionStorage.getItem(ACCOUNTS_STORAGE_KEY),
    };
  } catch {
    return NONE; // storage blocked by the browser: nobody can be signed in
  }
  if (cachedRaw && raw.session === cachedRaw.session && raw.accounts === cachedRaw.accounts) return cached;

  const active = raw.session === null ? null : parseSession(raw.session);
  if (raw.session !== null && active === null) {
    // Corrupt or from an older version: drop it rather than send a half-valid token anywhere.
    sessionStorage.removeItem(SESSION_STORAGE_KEY);
    raw.session = null;
  }
  const stored = raw.accounts === null ? null : parseAccounts(raw.accounts);
  if (raw.accounts !== null && stored === null) {
    sessionStorage.removeItem(ACCOUNTS_STORAGE_KEY);
    raw.accounts = null;
  }
  cachedRaw = raw;
  cached = arrange(active, stored);
  return cached;
}

function parseSession(raw: string): Session | null {
  try {
    const result = SessionSchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function parseAccounts(raw: string): { order: string[]; others: Session[] } | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = StoredAccountsSchema.safeParse(json);
  if (!result.success) return null;
  // One bad entry costs that account only, not every other one.
  const others = result.data.others.flatMap((entry) => {
    const session = SessionSchema.safeParse(entry);
    return session.success ? [session.data] : [];
  });
  return { order: result.data.order, others };
}

/** One entry per account (the active one wins over a stale copy), in the stored order. */
function arrange(active: Session | null, stored: { order: string[]; others: Session[] } | null): Accounts {
  const byId = new Map<string, Session>();
  for (const session of stored?.others ?? []) byId.set(session.openId, session);
  if (active) byId.set(active.openId, active);
  const order = [...new Set([...(stored?.order ?? []), ...byId.keys()])];
  const all = order.flatMap((openId) => {
    const session = byId.get(openId);
    return session ? [session] : [];
  });
  // Without an active one (storage edited by hand, say), the first connected account acts.
  return all.length === 0 ? NONE : { active: active ?? all[0] ?? null, all };
}

/** Throws if the browser refuses to store it; the caller tells the creator. */
function write(next: Accounts): void {
  const others = next.all.filter((session) => session.openId !== next.active?.openId);
  // The other accounts first: if the browser refuses the active one afterwards, what is stored
  // still reads as the accounts before this change (the active copy wins over its stale one).
  if (others.length === 0) sessionStorage.removeItem(ACCOUNTS_STORAGE_KEY);
  else {
    const order = next.all.map((session) => session.openId);
    sessionStorage.setItem(ACCOUNTS_STORAGE_KEY, JSON.stringify({ version: 1, order, others }));
  }
  if (next.active) sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(next.active));
  else sessionStorage.removeItem(SESSION_STORAGE_KEY);
}

function notify(): void {
  for (const listener of listeners) listener();
}

function replaced(all: readonly Session[], session: Session): Session[] {
  return all.map((current) => (current.openId === session.openId ? session : current));
}

export const sessionStore = {
  /** The active account's session; null when no account is connected. */
  get(): Session | null {
    return read().active;
  },

  /** Every connected account, the active one included, in the order they were connected. */
  accounts(): readonly Session[] {
    return read().all;
  },

  account(openId: string): Session | null {
    return read().all.find((session) => session.openId === openId) ?? null;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /**
   * A finished sign-in: the account joins the others, or, when it is already connected, gets the
   * new tokens in place (one entry per account, keeping what is known of who it is). Either way it
   * becomes the active one. Throws if the browser refuses to store it; the caller tells the creator.
   */
  save(session: Session): void {
    const { all } = read();
    const existing = all.find((current) => current.openId === session.openId);
    const next = existing ? { ...pickLabel(existing), ...session } : session;
    write({ active: next, all: existing ? replaced(all, next) : [...all, next] });
    lastEnd = null;
    ended = ended.filter((account) => account.openId !== session.openId);
    notify();
  },

  /**
   * A refreshed session replaces `previous`, only if that is still what the tab holds for the
   * account: one disconnected or signed in again meanwhile is not brought back or overwritten.
   * The active account stays the same. Returns whether it was stored.
   */
  renew(previous: Session, next: Session): boolean {
    const { active, all } = read();
    const current = all.find((session) => session.openId === previous.openId);
    if (current?.sealedRefresh !== previous.sealedRefresh || next.openId !== previous.openId) return false;
    const renewed = { ...pickLabel(current), ...next };
    write({ active: active?.openId === renewed.openId ? renewed : active, all: replaced(all, renewed) });
    notify();
    return true;
  },

  /** Remembers who an account is, once TikTok said; nothing is written when nothing changed. */
  label(openId: string, label: AccountLabel): void {
    const { active, all } = read();
    const current = all.find((session) => session.openId === openId);
    if (!current) return;
    const next = { ...current, ...definedOnly(label) };
    if (next.displayName === current.displayName && next.username === current.username) return;
    try {
      write({ active: active?.openId === openId ? next : active, all: replaced(all, next) });
    } catch {
      // A name is a convenience: a browser refusing to store it costs nothing but the name.
      return;
    }
    notify();
  },

  /** Makes another connected account the active one; an unknown account changes nothing. */
  switchTo(openId: string): void {
    const { active, all } = read();
    const next = all.find((session) => session.openId === openId);
    if (!next || active?.openId === openId) return;
    write({ active: next, all });
    notify();
  },

  /**
   * Ends one account's session (the active one's unless told which), leaving the others signed in.
   * When it was the active one, the first of the others takes its place.
   */
  end(end: SessionEnd, openId: string | undefined = read().active?.openId): void {
    const { active, all } = read();
    const leaving = all.find((session) => session.openId === openId);
    if (!leaving) {
      // Already gone (a refresh refused just before a disconnect): the last word on why counts.
      if (all.length === 0 && openId !== undefined) {
        lastEnd = end;
        notify();
      }
      return;
    }
    const rest = all.filter((session) => session !== leaving);
    write({ active: active?.openId === openId ? (rest[0] ?? null) : active, all: rest });
    lastEnd = end;
    ended =
      rest.length === 0
        ? []
        : [
            ...ended.filter((account) => account.openId !== leaving.openId),
            { ...pickLabel(leaving), openId: leaving.openId, end },
          ];
    notify();
  },

  /** How the last session in this page ended, if one did; null after a new sign-in. */
  lastEnd(): SessionEnd | null {
    return lastEnd;
  },

  /** The accounts whose session ended on this page while another account stayed connected. */
  ended(): readonly EndedAccount[] {
    return ended;
  },

  /** The creator has read the notice about an ended account. */
  dismissEnded(openId: string): void {
    const next = ended.filter((account) => account.openId !== openId);
    if (next.length === ended.length) return;
    ended = next;
    notify();
  },

  /** Tests only: forget the in-memory part between tests (storage is cleared by the test setup). */
  resetMemory(): void {
    cachedRaw = null;
    cached = NONE;
    lastEnd = null;
    ended = [];
  },
};

function pickLabel(session: Session): AccountLabel {
  return definedOnly({ displayName: session.displayName, username: session.username });
}

function definedOnly(label: AccountLabel): AccountLabel {
  return {
    ...(label.displayName ? { displayName: label.displayName } : {}),
    ...(label.username ? { username: label.username } : {}),
  };
}

const getActive = () => read().active;
const getAll = () => read().all;
const getEnded = () => ended;

/** The active account's session, re-rendering when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, getActive, getActive);
}

/** Every connected account, re-rendering when one joins, leaves, refreshes or is renamed. */
export function useAccounts(): readonly Session[] {
  return useSyncExternalStore(sessionStore.subscribe, getAll, getAll);
}

export function useEndedAccounts(): readonly EndedAccount[] {
  return useSyncExternalStore(sessionStore.subscribe, getEnded, getEnded);
}
