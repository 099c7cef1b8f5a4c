import { type ErrorBody, type RefreshRequest, type SessionGrant, endpoints } from '@content-studio/contract';
import { HttpResponse, delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, mockGrant } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { recordRequests, seedSession } from '@/testing/session-fixtures';
import {
  accountAccessTokens,
  refreshDueAt,
  refreshSession,
  sessionAccessTokens,
  startSessionKeeper,
} from './session-refresh';
import { sessionFromGrant, sessionStore } from './session-store';

const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('refreshDueAt', () => {
  it('refreshes a 2 h token 5 minutes early', () => {
    const session = sessionFromGrant(mockGrant({ expiresIn: 7200 }), 0);
    expect(refreshDueAt(session)).toBe(2 * HOUR - 5 * 60_000);
  });

  it('refreshes a short-lived token after 80 % of its life', () => {
    const session = sessionFromGrant(mockGrant({ expiresIn: 20 }), 0);
    expect(refreshDueAt(session)).toBe(16_000);
  });
});

describe('refreshSession', () => {
  it('makes ONE refresh call for concurrent callers and stores the rotated refresh token', async () => {
    const requests = recordRequests();
    server.use(
      http.post<never, RefreshRequest, SessionGrant>(endpoints.authRefresh.path, async () => {
        await delay(20);
        return HttpResponse.json(mockGrant({ accessToken: 'act.new', sealedRefresh: 'sealed.rotated' }));
      }),
    );
    // Expired two hours ago: every caller wants a fresh token at once.
    seedSession({ accessToken: 'act.old', sealedRefresh: 'sealed.original' }, Date.now() - 4 * HOUR);

    const [a, b, c] = await Promise.all([
      sessionAccessTokens.getAccessToken(),
      sessionAccessTokens.getAccessToken(),
      refreshSession().then((s) => s.accessToken),
    ]);

    expect([a, b, c]).toEqual(['act.new', 'act.new', 'act.new']);
    expect(requests.count('POST', endpoints.authRefresh.path)).toBe(1);
    expect(await requests.seen[0]?.request.json()).toEqual({ sealedRefresh: 'sealed.original' });
    expect(sessionStore.get()).toMatchObject({ accessToken: 'act.new', sealedRefresh: 'sealed.rotated' });
  });

  it('always refreshes with the newest refresh token', async () => {
    const requests = recordRequests();
    seedSession({ sealedRefresh: 'r0' });

    await refreshSession();
    await refreshSession();

    const sent = await Promise.all(requests.seen.map((r) => r.request.json() as Promise<RefreshRequest>));
    expect(sent.map((body) => body.sealedRefresh)).toEqual(['r0', 'r0+1']);
    expect(sessionStore.get()?.sealedRefresh).toBe('r0+1+1');
  });

  it('ends the session with an explanation when the refresh token is refused', async () => {
    server.use(
      http.post<never, never, ErrorBody>(endpoints.authRefresh.path, () =>
        HttpResponse.json(errorBody('OAUTH_REFRESH_INVALID', 'Your TikTok session has ended.'), { status: 401 }),
      ),
    );
    seedSession({}, Date.now() - 4 * HOUR);

    await expect(sessionAccessTokens.getAccessToken()).rejects.toMatchObject({ code: 'OAUTH_REFRESH_INVALID' });

    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.lastEnd()).toEqual({ reason: 'expired' });
  });

  it('ends the session plainly, without asking, once the refresh token’s deadline has passed', async () => {
    const requests = recordRequests();
    // Issued 3 h ago with 2 h left on the refresh token when it was last rotated: nothing can renew it now.
    seedSession({ refreshExpiresIn: 2 * 3600 }, Date.now() - 3 * HOUR);

    await expect(sessionAccessTokens.getAccessToken()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(requests.count('POST', endpoints.authRefresh.path)).toBe(0);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.lastEnd()).toEqual({ reason: 'lifetime-ended' });
  });

  it('keeps the session through a passing failure, and uses the token while it is still valid', async () => {
    server.use(http.post(endpoints.authRefresh.path, () => HttpResponse.error()));
    // Issued 1 h 58 min ago: the refresh is due, but the token has two minutes left.
    const session = seedSession({ accessToken: 'act.still-good' }, Date.now() - 2 * HOUR + 2 * 60_000);

    await expect(sessionAccessTokens.getAccessToken()).resolves.toBe('act.still-good');
    expect(sessionStore.get()).toEqual(session);
  });

  it('does not bring back a session that was ended while its refresh was in flight', async () => {
    server.use(
      http.post(endpoints.authRefresh.path, async () => {
        await delay(30);
        return HttpResponse.json(mockGrant({ accessToken: 'act.zombie' }));
      }),
    );
    seedSession();

    const refreshing = refreshSession();
    sessionStore.end({ reason: 'disconnected', revoked: true });

    await expect(refreshing).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(sessionStore.get()).toBeNull();
  });
});

describe('sessionAccessTokens.rejected', () => {
  it('ends the session when the current token is refused', () => {
    seedSession({ accessToken: 'act.current' });
    sessionAccessTokens.rejected('act.current', { status: 401 } as never);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.lastEnd()).toEqual({ reason: 'expired' });
  });

  it('ignores a refusal of a token that was already replaced', () => {
    seedSession({ accessToken: 'act.current' });
    sessionAccessTokens.rejected('act.previous', { status: 401 } as never);
    expect(sessionStore.get()?.accessToken).toBe('act.current');
  });
});

describe('startSessionKeeper', () => {
  it('refreshes by itself shortly before expiry, again and again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const requests = recordRequests();
    server.use(
      http.post<never, RefreshRequest, SessionGrant>(endpoints.authRefresh.path, async ({ request }) => {
        const { sealedRefresh } = await request.json();
        return HttpResponse.json(mockGrant({ expiresIn: 20, sealedRefresh: `${sealedRefresh}+` }));
      }),
    );
    seedSession({ expiresIn: 20, sealedRefresh: 's' });
    const stop = startSessionKeeper();
    try {
      await vi.advanceTimersByTimeAsync(15_900);
      expect(requests.count('POST', endpoints.authRefresh.path)).toBe(0);

      await vi.advanceTimersByTimeAsync(200);
      await vi.waitFor(() => expect(sessionStore.get()?.sealedRefresh).toBe('s+'));

      // The new 20 s token is refreshed 16 s after it was issued.
      await vi.advanceTimersByTimeAsync(16_100);
      await vi.waitFor(() => expect(sessionStore.get()?.sealedRefresh).toBe('s++'));
      expect(requests.count('POST', endpoints.authRefresh.path)).toBe(2);
    } finally {
      stop();
    }
  });

  it('retries a refresh that failed for a passing reason', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let calls = 0;
    server.use(
      http.post(endpoints.authRefresh.path, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(errorBody('UPSTREAM_UNAVAILABLE', 'try later', true), { status: 502 })
          : HttpResponse.json(mockGrant({ accessToken: 'act.second-try' }));
      }),
    );
    seedSession({ expiresIn: 7200 });
    const stop = startSessionKeeper();
    try {
      await vi.advanceTimersByTimeAsync(2 * HOUR - 5 * 60_000 + 10);
      await vi.waitFor(() => expect(calls).toBe(1));
      expect(sessionStore.get()).not.toBeNull();

      await vi.advanceTimersByTimeAsync(30_000);
      await vi.waitFor(() => expect(sessionStore.get()?.accessToken).toBe('act.second-try'));
    } finally {
      stop();
    }
  });

  it('stops when the session ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const requests = recordRequests();
    seedSession({ expiresIn: 20 });
    const stop = startSessionKeeper();
    sessionStore.end({ reason: 'disconnected', revoked: true });

    await vi.advanceTimersByTimeAsync(60_000);

    expect(requests.count('POST', endpoints.authRefresh.path)).toBe(0);
    stop();
  });
});

describe('several accounts', () => {
  const seedAva = (now?: number) =>
    seedSession({ openId: 'open-ava', accessToken: 'act.ava', sealedRefresh: 'sealed.ava' }, now);
  const seedNico = (now?: number) =>
    seedSession({ openId: 'open-nico', accessToken: 'act.nico', sealedRefresh: 'sealed.nico' }, now);

  it('hands each account its own token, refreshing only the one that is due', async () => {
    const requests = recordRequests();
    server.use(
      http.post(endpoints.authRefresh.path, () =>
        HttpResponse.json(mockGrant({ openId: 'open-ava', accessToken: 'act.ava-2', sealedRefresh: 'sealed.ava-2' })),
      ),
    );
    seedAva(Date.now() - 4 * HOUR); // expired: must refresh first
    seedNico();

    const [ava, nico] = await Promise.all([
      accountAccessTokens('open-ava').getAccessToken(),
      accountAccessTokens('open-nico').getAccessToken(),
    ]);

    expect(nico).toBe('act.nico');
    expect(ava).toBe('act.ava-2');
    expect(requests.count('POST', endpoints.authRefresh.path)).toBe(1);
    expect(await requests.seen[0]?.request.json()).toEqual({ sealedRefresh: 'sealed.ava' });
    // The refresh of a background account leaves the active one as it was.
    expect(sessionStore.get()?.openId).toBe('open-nico');
    expect(await accountAccessTokens('open-gone').getAccessToken()).toBeNull();
  });

  it('ends only the account whose token TikTok refused', () => {
    seedAva();
    seedNico();

    accountAccessTokens('open-ava').rejected('act.ava', { status: 401 } as never);

    expect(sessionStore.accounts().map((session) => session.openId)).toEqual(['open-nico']);
    expect(sessionStore.get()?.accessToken).toBe('act.nico');
    expect(sessionStore.ended()).toEqual([{ openId: 'open-ava', end: { reason: 'expired' } }]);
  });

  it('ends the right account when the active source reports a token of a background one', () => {
    seedAva();
    seedNico();

    sessionAccessTokens.rejected('act.ava', { status: 401 } as never);

    expect(sessionStore.get()?.openId).toBe('open-nico');
    expect(sessionStore.account('open-ava')).toBeNull();
  });

  it('ends only the account whose refresh token is refused', async () => {
    server.use(
      http.post<never, RefreshRequest, ErrorBody | SessionGrant>(endpoints.authRefresh.path, async ({ request }) =>
        (await request.json()).sealedRefresh === 'sealed.ava'
          ? HttpResponse.json(errorBody('OAUTH_REFRESH_INVALID', 'ended'), { status: 401 })
          : HttpResponse.json(mockGrant({ openId: 'open-nico', accessToken: 'act.nico-2' })),
      ),
    );
    seedAva(Date.now() - 4 * HOUR);
    seedNico(Date.now() - 4 * HOUR);

    await expect(refreshSession('open-ava')).rejects.toMatchObject({ code: 'OAUTH_REFRESH_INVALID' });
    await expect(refreshSession('open-nico')).resolves.toMatchObject({ accessToken: 'act.nico-2' });

    expect(sessionStore.accounts().map((session) => session.accessToken)).toEqual(['act.nico-2']);
  });

  it('keeps one timer per account: each is refreshed on its own schedule', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const refreshed: string[] = [];
    server.use(
      http.post<never, RefreshRequest, SessionGrant>(endpoints.authRefresh.path, async ({ request }) => {
        const { sealedRefresh } = await request.json();
        refreshed.push(sealedRefresh);
        const openId = sealedRefresh.startsWith('a') ? 'open-ava' : 'open-nico';
        return HttpResponse.json(mockGrant({ openId, expiresIn: 600, sealedRefresh: `${sealedRefresh}+` }));
      }),
    );
    // Ava's token lives 20 s (refreshed after 16 s), Nico's 100 s (after 80 s).
    seedSession({ openId: 'open-ava', expiresIn: 20, sealedRefresh: 'a' });
    seedSession({ openId: 'open-nico', expiresIn: 100, sealedRefresh: 'n' });
    const stop = startSessionKeeper();
    try {
      await vi.advanceTimersByTimeAsync(16_100);
      await vi.waitFor(() => expect(sessionStore.account('open-ava')?.sealedRefresh).toBe('a+'));
      expect(refreshed).toEqual(['a']);

      await vi.advanceTimersByTimeAsync(64_000);
      await vi.waitFor(() => expect(sessionStore.account('open-nico')?.sealedRefresh).toBe('n+'));
      expect(refreshed).toEqual(['a', 'n']);
    } finally {
      stop();
    }
  });
});
