import { describe, expect, it } from 'vitest';
import { mockGrant } from '@/mocks/handlers/session';
import { ACCOUNTS_STORAGE_KEY, SESSION_STORAGE_KEY, sessionFromGrant, sessionStore } from './session-store';

describe('sessionFromGrant', () => {
  it('turns TikTok lifetimes into absolute times with the browser clock', () => {
    const session = sessionFromGrant(mockGrant({ expiresIn: 7200, refreshExpiresIn: 86_400 }), 1_000_000);

    expect(session).toEqual({
      accessToken: 'act.mock-access-token',
      issuedAt: 1_000_000,
      expiresAt: 1_000_000 + 7_200_000,
      openId: 'open-id-mock-creator',
      scopes: ['user.info.basic', 'video.publish', 'video.upload'],
      sealedRefresh: 'sealed.mock-refresh-token',
      refreshExpiresAt: 1_000_000 + 86_400_000,
    });
  });
});

describe('sessionStore', () => {
  it('keeps the session in sessionStorage and nowhere else', () => {
    const session = sessionFromGrant(mockGrant());
    sessionStore.save(session);

    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(session);
    expect(sessionStore.get()).toEqual(session);
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });

  it('returns the same object until the session changes, as useSyncExternalStore needs', () => {
    sessionStore.save(sessionFromGrant(mockGrant()));
    expect(sessionStore.get()).toBe(sessionStore.get());
  });

  it.each([
    ['not JSON', '{oops'],
    ['the wrong shape', JSON.stringify({ accessToken: 'act.x' })],
    ['an empty token', JSON.stringify({ ...sessionFromGrant(mockGrant()), accessToken: '' })],
  ])('clears a stored session that is %s', (_label, raw) => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, raw);

    expect(sessionStore.get()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('tells subscribers about sign-in and sign-out, and remembers why the session ended', () => {
    const seen: (string | null)[] = [];
    const unsubscribe = sessionStore.subscribe(() => seen.push(sessionStore.get()?.accessToken ?? null));

    sessionStore.save(sessionFromGrant(mockGrant()));
    sessionStore.end({ reason: 'disconnected', revoked: true });
    unsubscribe();
    sessionStore.save(sessionFromGrant(mockGrant()));

    expect(seen).toEqual(['act.mock-access-token', null]);
    expect(sessionStore.lastEnd()).toBeNull(); // a new sign-in forgets the old ending
  });
});

describe('sessionStore with several accounts', () => {
  const ava = () =>
    sessionFromGrant(mockGrant({ openId: 'open-ava', accessToken: 'act.ava', sealedRefresh: 'sealed.ava' }));
  const nico = () =>
    sessionFromGrant(mockGrant({ openId: 'open-nico', accessToken: 'act.nico', sealedRefresh: 'sealed.nico' }));
  const ids = () => sessionStore.accounts().map((session) => session.openId);

  it('adds a second sign-in beside the first and makes it the active one', () => {
    sessionStore.save(ava());
    sessionStore.save(nico());

    expect(ids()).toEqual(['open-ava', 'open-nico']);
    expect(sessionStore.get()?.openId).toBe('open-nico');
    // The active account is where a single session always was; the others are beside it.
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toMatchObject({ openId: 'open-nico' });
    expect(JSON.parse(sessionStorage.getItem(ACCOUNTS_STORAGE_KEY) ?? 'null')).toEqual({
      version: 1,
      order: ['open-ava', 'open-nico'],
      others: [expect.objectContaining({ openId: 'open-ava', accessToken: 'act.ava', sealedRefresh: 'sealed.ava' })],
    });
    expect(localStorage.length).toBe(0);
  });

  it('keeps one entry for an account connected twice, with the new tokens and what it knew of the name', () => {
    sessionStore.save(ava());
    sessionStore.label('open-ava', { displayName: 'Ava Public', username: 'ava.creates' });
    sessionStore.save(nico());

    sessionStore.save({ ...ava(), accessToken: 'act.ava-again', sealedRefresh: 'sealed.ava-again' });

    expect(ids()).toEqual(['open-ava', 'open-nico']);
    expect(sessionStore.get()).toMatchObject({
      openId: 'open-ava',
      accessToken: 'act.ava-again',
      displayName: 'Ava Public',
      username: 'ava.creates',
    });
    expect(sessionStorage.getItem(ACCOUNTS_STORAGE_KEY)).not.toContain('act.ava"');
  });

  it('switches the active account without changing the order or any token', () => {
    sessionStore.save(ava());
    sessionStore.save(nico());
    const seen: (string | undefined)[] = [];
    const unsubscribe = sessionStore.subscribe(() => seen.push(sessionStore.get()?.openId));

    sessionStore.switchTo('open-ava');
    sessionStore.switchTo('open-unknown');
    unsubscribe();

    expect(seen).toEqual(['open-ava']);
    expect(sessionStore.get()?.accessToken).toBe('act.ava');
    expect(ids()).toEqual(['open-ava', 'open-nico']);
    expect(sessionStore.account('open-nico')?.accessToken).toBe('act.nico');
  });

  it('ends one account and leaves the other signed in, as the active one, with a notice about the first', () => {
    sessionStore.save(ava());
    sessionStore.label('open-ava', { displayName: 'Ava Public' });
    sessionStore.save(nico());
    sessionStore.switchTo('open-ava');

    sessionStore.end({ reason: 'expired' }, 'open-ava');

    expect(ids()).toEqual(['open-nico']);
    expect(sessionStore.get()?.openId).toBe('open-nico');
    expect(sessionStorage.getItem(ACCOUNTS_STORAGE_KEY)).toBeNull();
    expect(sessionStore.ended()).toEqual([
      { openId: 'open-ava', displayName: 'Ava Public', end: { reason: 'expired' } },
    ]);

    sessionStore.dismissEnded('open-ava');
    expect(sessionStore.ended()).toEqual([]);
  });

  it('ends a background account without touching the active one', () => {
    sessionStore.save(ava());
    sessionStore.save(nico());

    sessionStore.end({ reason: 'disconnected', revoked: true }, 'open-ava');

    expect(sessionStore.get()).toMatchObject({ openId: 'open-nico', accessToken: 'act.nico' });
    expect(ids()).toEqual(['open-nico']);
  });

  it('forgets the notices once the last account has ended: the home page explains instead', () => {
    sessionStore.save(ava());
    sessionStore.save(nico());
    sessionStore.end({ reason: 'expired' }, 'open-ava');
    sessionStore.end({ reason: 'disconnected', revoked: true });

    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.ended()).toEqual([]);
    expect(sessionStore.lastEnd()).toEqual({ reason: 'disconnected', revoked: true });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(ACCOUNTS_STORAGE_KEY)).toBeNull();
  });

  it('renews an account only while it still holds the session the refresh started from', () => {
    const first = ava();
    sessionStore.save(first);
    sessionStore.save(nico());
    const refreshed = { ...first, accessToken: 'act.ava-2', sealedRefresh: 'sealed.ava-2' };

    expect(sessionStore.renew(first, refreshed)).toBe(true);
    expect(sessionStore.account('open-ava')?.accessToken).toBe('act.ava-2');
    expect(sessionStore.get()?.openId).toBe('open-nico'); // a refresh never switches accounts

    // A second refresh that left with the old token must not overwrite the newer one.
    expect(sessionStore.renew(first, { ...first, accessToken: 'act.stale' })).toBe(false);
    expect(sessionStore.account('open-ava')?.accessToken).toBe('act.ava-2');
  });

  it('reads the accounts back after a reload, and drops a corrupt entry without losing the others', () => {
    sessionStore.save(ava());
    sessionStore.save(nico());
    const stored = JSON.parse(sessionStorage.getItem(ACCOUNTS_STORAGE_KEY) ?? '{}') as { others: unknown[] };
    sessionStorage.setItem(
      ACCOUNTS_STORAGE_KEY,
      JSON.stringify({
        ...stored,
        order: ['open-broken', 'open-ava', 'open-nico'],
        others: [{ openId: 'open-broken' }, ...stored.others],
      }),
    );
    sessionStore.resetMemory();

    expect(ids()).toEqual(['open-ava', 'open-nico']);
    expect(sessionStore.get()?.openId).toBe('open-nico');
  });

  it('remembers who an account is, and stays quiet when nothing changed', () => {
    sessionStore.save(ava());
    let notified = 0;
    const unsubscribe = sessionStore.subscribe(() => (notified += 1));

    sessionStore.label('open-ava', { displayName: 'Ava Public', username: 'ava.creates' });
    sessionStore.label('open-ava', { displayName: 'Ava Public' });
    sessionStore.label('open-unknown', { displayName: 'Nobody' });
    unsubscribe();

    expect(notified).toBe(1);
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toMatchObject({
      displayName: 'Ava Public',
      username: 'ava.creates',
    });
  });
});
