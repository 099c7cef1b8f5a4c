import { type ErrorBody, type TokenExchangeRequest, endpoints } from '@content-studio/contract';
import { screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { errorBody } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { recordRequests } from '@/testing/session-fixtures';
import { OAUTH_STATE_KEY, createOAuthState, rememberOAuthState } from '../oauth-state';
import { SESSION_STORAGE_KEY } from '../session-store';

/** A sign-in this tab started: its state is remembered, as Connect TikTok does before leaving. */
function startedSignIn(): string {
  const state = createOAuthState();
  rememberOAuthState(state);
  return state;
}

function callbackUrl(params: Record<string, string>): string {
  return `/auth/callback?${new URLSearchParams(params)}`;
}

async function expectRefusal(title: string | RegExp) {
  expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
  expect(screen.getByRole('button', { name: /try again/i })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Home' }).getAttribute('href')).toBe('/');
}

describe('the OAuth callback', () => {
  it('exchanges the code exactly once (StrictMode runs effects twice), stores the session and opens the studio', async () => {
    const requests = recordRequests();
    const state = startedSignIn();

    const { router } = renderApp(callbackUrl({ code: 'code-123', scopes: 'user.info.basic', state }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your studio' })).toBeTruthy();
    expect(router.location.pathname).toBe('/studio');
    // Let any late duplicate show itself before counting.
    await screen.findByText('Mock Creator');
    expect(requests.count('POST', endpoints.authToken.path)).toBe(1);
    const exchange = requests.seen.find((r) => r.path === endpoints.authToken.path);
    expect(await exchange?.request.json()).toEqual({ code: 'code-123' } satisfies TokenExchangeRequest);

    // The session is in sessionStorage, and nowhere else.
    const stored = JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null') as { accessToken?: string };
    expect(stored.accessToken).toBe('act.mock-access-token');
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    // The state was used up.
    expect(sessionStorage.getItem(OAUTH_STATE_KEY)).toBeNull();
  });

  it('takes the code and state out of the address bar and history straight away', async () => {
    const state = startedSignIn();
    let release!: () => void;
    server.use(
      http.post(endpoints.authToken.path, async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json(errorBody('OAUTH_CODE_INVALID', 'expired'), { status: 400 });
      }),
    );

    const { router } = renderApp(callbackUrl({ code: 'code-456', state }));

    await waitFor(() => expect(router.location.search).toBe(''));
    expect(router.location.pathname).toBe('/auth/callback');
    expect(router.navigationType).toBe('REPLACE');
    expect(screen.getByRole('status').textContent).toMatch(/connecting/i);
    await waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    await expectRefusal('This sign-in could not be used');
  });

  it.each([
    ['a state this tab never made', (state: string) => ({ code: 'stolen', state: `${state}x` })],
    ['a tampered state', () => ({ code: 'stolen', state: 'tampered' })],
    ['no state at all', () => ({ code: 'stolen' })],
  ])('refuses %s without sending the code anywhere', async (_label, params) => {
    const requests = recordRequests();
    const state = startedSignIn();

    renderApp(callbackUrl(params(state)));

    await expectRefusal("We couldn't confirm this sign-in");
    expect(requests.count('POST', endpoints.authToken.path)).toBe(0);
    expect(sessionStorage.getItem(OAUTH_STATE_KEY)).toBeNull(); // single use, even when refused
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('refuses a callback when this tab started no sign-in', async () => {
    const requests = recordRequests();

    renderApp(callbackUrl({ code: 'c', state: 'anything' }));

    await expectRefusal("We couldn't confirm this sign-in");
    expect(screen.getByRole('status').textContent).toMatch(/started with connect tiktok in this tab/i);
    expect(requests.count('POST', endpoints.authToken.path)).toBe(0);
  });

  it('never accepts the same state twice', async () => {
    const requests = recordRequests();
    const state = startedSignIn();
    const first = renderApp(callbackUrl({ code: 'first-code', state }));
    await screen.findByRole('heading', { level: 1, name: 'Your studio' });
    first.unmount();

    // A replay of the state with another code, as an attacker holding the old URL would try.
    renderApp(callbackUrl({ code: 'second-code', state }));

    await expectRefusal("We couldn't confirm this sign-in");
    expect(requests.count('POST', endpoints.authToken.path)).toBe(1);
  });

  it.each([
    {
      params: { error: 'access_denied', error_description: 'The user denied the authorization request.' },
      title: 'You cancelled the connection',
      text: /you cancelled on tiktok's page/i,
    },
    {
      params: { error: 'access_denied', error_type: 'non_sandbox_target', error_description: 'x' },
      title: "This TikTok account isn't a test user of this app",
      text: /only accounts added as test users can connect/i,
    },
    {
      params: { error: 'unauthorized_client', error_type: 'client_key', error_description: 'x' },
      title: "Content Studio Pro isn't set up correctly with TikTok",
      text: /problem on our side|nothing is wrong with your account/i,
    },
  ] as { params: Record<string, string>; title: string; text: RegExp }[])(
    'explains error=$params.error ($params.error_type) and offers a way back',
    async ({ params, title, text }) => {
      const requests = recordRequests();
      const state = startedSignIn();

      const { user, router } = renderApp(callbackUrl({ ...params, state }));

      await expectRefusal(title);
      await waitFor(() => expect(document.title).toBe(`${title} · Content Studio Pro`));
      expect(screen.getByRole('status').textContent).toMatch(text);
      expect(requests.count('POST', endpoints.authToken.path)).toBe(0);
      expect(router.location.search).toBe('');

      await user.click(screen.getByRole('link', { name: 'Home' }));
      expect(await screen.findByRole('heading', { level: 1, name: /publish to tiktok/i })).toBeTruthy();
    },
  );

  it("shows TikTok's error code but never its free-text description", async () => {
    const state = startedSignIn();

    renderApp(
      callbackUrl({ error: 'server_error', error_description: 'Call +1 555 0100 to unlock your account', state }),
    );

    await expectRefusal("TikTok couldn't complete the connection");
    expect(screen.getByText('server_error', { selector: 'code' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('555 0100');
  });

  it.each([
    { code: 'OAUTH_CODE_INVALID' as const, status: 400, retryable: false, title: 'This sign-in could not be used' },
    {
      code: 'OAUTH_CLIENT_MISCONFIGURED' as const,
      status: 502,
      retryable: false,
      title: "Content Studio Pro isn't set up correctly with TikTok",
    },
    { code: 'UPSTREAM_UNAVAILABLE' as const, status: 502, retryable: true, title: "We couldn't finish connecting" },
  ])('explains a $code answer to the code exchange', async ({ code, status, retryable, title }) => {
    server.use(
      http.post<never, never, ErrorBody>(endpoints.authToken.path, () =>
        HttpResponse.json(errorBody(code, 'proxy message', retryable), { status }),
      ),
    );
    const state = startedSignIn();

    renderApp(callbackUrl({ code: 'c', state }));

    await expectRefusal(title);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('starts a new sign-in from Try again', async () => {
    const { user } = renderApp(callbackUrl({ error: 'access_denied', state: 'whatever' }));
    const assign = spyOnAssign();

    await user.click(await screen.findByRole('button', { name: /try again/i }));

    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    const url = new URL(String(assign.mock.calls[0]?.[0]));
    expect(url.searchParams.get('state')).toBe(sessionStorage.getItem(OAUTH_STATE_KEY));
  });
});

function spyOnAssign() {
  return vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
}
