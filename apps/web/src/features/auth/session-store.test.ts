import { describe, expect, it } from 'vitest';
import { mockGrant } from '@/mocks/handlers/session';
import { SESSION_STORAGE_KEY, sessionFromGrant, sessionStore } from './session-store';

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
