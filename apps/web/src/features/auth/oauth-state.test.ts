import { REQUESTED_SCOPES } from '@content-studio/contract';
import { describe, expect, it, vi } from 'vitest';
import { mockAuthConfig } from '@/mocks/handlers/session';
import {
  OAUTH_STATE_KEY,
  buildAuthorizeUrl,
  createOAuthState,
  rememberOAuthState,
  takeOAuthState,
} from './oauth-state';

function base64UrlBytes(value: string): number {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)).length;
}

describe('createOAuthState', () => {
  it('draws 32 bytes from the CSPRNG and encodes them as 43 base64url characters', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');

    const state = createOAuthState();

    expect(spy).toHaveBeenCalledTimes(1);
    const buffer = spy.mock.calls[0]?.[0];
    expect(buffer).toBeInstanceOf(Uint8Array);
    expect((buffer as Uint8Array).byteLength).toBe(32);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(base64UrlBytes(state)).toBe(32); // 256 bits, well above the 128 the design asks for
  });

  it('encodes exactly the random bytes it was given (no Math.random anywhere)', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).fill(0xfb);
      return array;
    });

    expect(createOAuthState()).toBe(Buffer.alloc(32, 0xfb).toString('base64url'));
    expect(mathRandom).not.toHaveBeenCalled();
  });

  it('never repeats itself', () => {
    const states = new Set(Array.from({ length: 500 }, () => createOAuthState()));
    expect(states.size).toBe(500);
  });
});

describe('remembered state', () => {
  it('lives in sessionStorage only and can be taken exactly once', () => {
    rememberOAuthState('state-1');
    expect(sessionStorage.getItem(OAUTH_STATE_KEY)).toBe('state-1');
    expect(localStorage.length).toBe(0);

    expect(takeOAuthState()).toBe('state-1');
    expect(takeOAuthState()).toBeNull();
    expect(sessionStorage.getItem(OAUTH_STATE_KEY)).toBeNull();
  });
});

describe('buildAuthorizeUrl', () => {
  it('sends exactly the parameters TikTok expects, with the three scopes comma-separated', () => {
    const url = new URL(buildAuthorizeUrl(mockAuthConfig, 'the-state'));

    expect(`${url.origin}${url.pathname}`).toBe(mockAuthConfig.authorizeUrl);
    expect([...url.searchParams.keys()]).toEqual([
      'client_key',
      'scope',
      'response_type',
      'redirect_uri',
      'state',
      'disable_auto_auth',
    ]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: mockAuthConfig.clientKey,
      scope: 'user.info.basic,video.publish,video.upload',
      response_type: 'code',
      redirect_uri: mockAuthConfig.redirectUri,
      state: 'the-state',
      disable_auto_auth: '1',
    });
    expect(url.searchParams.get('scope')?.split(',')).toEqual([...REQUESTED_SCOPES]);
  });

  it('asks for the contract scopes even if the server lists others', () => {
    const url = new URL(
      buildAuthorizeUrl({ ...mockAuthConfig, scopes: ['user.info.basic', 'video.list', 'user.info.stats'] }, 's'),
    );
    expect(url.searchParams.get('scope')).toBe('user.info.basic,video.publish,video.upload');
  });

  it('does not carry over a query string from the configured URL', () => {
    const url = new URL(
      buildAuthorizeUrl(
        { ...mockAuthConfig, authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/?scope=evil' },
        's',
      ),
    );
    expect(url.searchParams.getAll('scope')).toEqual(['user.info.basic,video.publish,video.upload']);
  });
});
