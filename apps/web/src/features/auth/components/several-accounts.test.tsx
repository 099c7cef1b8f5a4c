import { type CreatorInfo, type ErrorBody, type Profile, endpoints } from '@content-studio/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { mockCreatorInfo } from '@/mocks/handlers/creator-info';
import { mockProfile } from '@/mocks/handlers/profile';
import { errorBody, mockGrant } from '@/mocks/handlers/session';
import { setLocale } from '@/lib/i18n';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { recordRequests, seedSession } from '@/testing/session-fixtures';
import { createOAuthState, OAUTH_STATE_KEY, rememberOAuthState } from '../oauth-state';
import { ACCOUNTS_STORAGE_KEY, SESSION_STORAGE_KEY, sessionStore } from '../session-store';

/** Two creators, told apart by their tokens, as the proxy would answer for each. */
const AVA = { openId: 'open-ava', accessToken: 'act.ava', displayName: 'Ava Public', username: 'ava.creates' };
const NICO = {
  openId: 'open-nico',
  accessToken: 'act.nico',
  displayName: 'Nico NoComments',
  username: 'nico.nocomments',
};
const CREATORS = [AVA, NICO];

function creatorOf(request: Request) {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  return CREATORS.find((creator) => creator.accessToken === token);
}

const unauthenticated = () =>
  HttpResponse.json<ErrorBody>(errorBody('TIKTOK_TOKEN_INVALID', 'TikTok no longer accepts this token.'), {
    status: 401,
  });

/** The profile and creator info of whichever creator's token a request carries. */
function answerPerCreator() {
  server.use(
    http.get<never, never, Profile | ErrorBody>(endpoints.me.path, ({ request }) => {
      const creator = creatorOf(request);
      return creator
        ? HttpResponse.json({
            ...mockProfile,
            openId: creator.openId,
            displayName: creator.displayName,
            avatarUrl: `http://localhost/${creator.openId}.png`,
          })
        : unauthenticated();
    }),
    http.get<never, never, CreatorInfo | ErrorBody>(endpoints.creatorInfo.path, ({ request }) => {
      const creator = creatorOf(request);
      return creator
        ? HttpResponse.json({ ...mockCreatorInfo, nickname: creator.displayName, username: creator.username })
        : unauthenticated();
    }),
  );
}

/** Ava connected first, then Nico (the active one, as the last sign-in always is). */
function connectBoth() {
  answerPerCreator();
  seedSession({ openId: AVA.openId, accessToken: AVA.accessToken, sealedRefresh: 'sealed.ava' });
  seedSession({ openId: NICO.openId, accessToken: NICO.accessToken, sealedRefresh: 'sealed.nico' });
}

async function openMenu(user: ReturnType<typeof renderApp>['user'], name: RegExp) {
  const button = await screen.findByRole('button', { name });
  await user.click(button);
  return { button, menu: screen.getByRole('menu') };
}

describe('several TikTok accounts in one tab', () => {
  it('lists every account with avatar, name and @username, each asked for with its own token', async () => {
    const requests = recordRequests();
    connectBoth();
    const { user } = renderApp('/studio');

    const { menu } = await openMenu(user, /connected tiktok account nico nocomments/i);
    const list = within(menu).getByRole('group', { name: 'Your TikTok accounts' });
    const ava = await within(list).findByRole('menuitemradio', { name: 'Ava Public @ava.creates' });
    const nico = await within(list).findByRole('menuitemradio', { name: 'Nico NoComments @nico.nocomments' });
    expect(ava.getAttribute('aria-checked')).toBe('false');
    expect(nico.getAttribute('aria-checked')).toBe('true');
    expect(ava.querySelector('img')?.getAttribute('src')).toBe('http://localhost/open-ava.png');
    expect(ava.querySelector('img')?.getAttribute('alt')).toBe(''); // the name is written out beside it

    const tokensFor = (path: string) =>
      requests.seen.filter((r) => r.path === path).map((r) => r.request.headers.get('authorization'));
    expect(new Set(tokensFor(endpoints.me.path))).toEqual(new Set(['Bearer act.ava', 'Bearer act.nico']));
    // The @username comes from the creator info, asked once per account and then remembered.
    expect(tokensFor(endpoints.creatorInfo.path).sort()).toEqual(['Bearer act.ava', 'Bearer act.nico']);
    expect(sessionStore.account(AVA.openId)).toMatchObject({ displayName: 'Ava Public', username: 'ava.creates' });
  });

  it('switches the active account from the keyboard, and the studio follows', async () => {
    connectBoth();
    const { user } = renderApp('/studio');
    const button = await screen.findByRole('button', { name: /connected tiktok account nico nocomments/i });
    await screen.findByRole('menuitemradio', { name: /Ava Public/, hidden: true });

    button.focus();
    await user.keyboard('{Enter}');
    const ava = screen.getByRole('menuitemradio', { name: /Ava Public/ });
    await waitFor(() => expect(document.activeElement).toBe(ava));
    await user.keyboard('{Enter}');

    expect(sessionStore.get()?.openId).toBe(AVA.openId);
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(button.textContent).toContain('Ava Public'));
    // Nothing else moved: both are still connected, with their own tokens.
    expect(sessionStore.accounts().map((session) => session.accessToken)).toEqual(['act.ava', 'act.nico']);
  });

  it('goes through the same consent page to add another account', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    seedSession();
    const { user } = renderApp('/studio');
    const { menu } = await openMenu(user, /connected tiktok account mock creator/i);

    await user.click(within(menu).getByRole('menuitem', { name: 'Add another TikTok account' }));

    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    const url = new URL(String(assign.mock.calls[0]?.[0]));
    expect(url.searchParams.get('disable_auto_auth')).toBe('1'); // TikTok shows the consent page, not the last account
    expect(url.searchParams.get('state')).toBe(sessionStorage.getItem(OAUTH_STATE_KEY));
    expect(screen.getByRole('menuitem', { name: 'Opening TikTok…' }).getAttribute('aria-disabled')).toBe('true');
    // The account already connected stays as it is until the new one arrives.
    expect(sessionStore.get()?.accessToken).toBe('act.mock-access-token');
  });

  it('adds the account from the callback rather than replacing the one already connected', async () => {
    answerPerCreator();
    seedSession({ openId: AVA.openId, accessToken: AVA.accessToken });
    server.use(
      http.post(endpoints.authToken.path, () =>
        HttpResponse.json(mockGrant({ openId: NICO.openId, accessToken: NICO.accessToken, sealedRefresh: 'sealed.n' })),
      ),
    );
    const state = createOAuthState();
    rememberOAuthState(state);

    const { router } = renderApp(`/auth/callback?${new URLSearchParams({ code: 'code-nico', state })}`);

    expect(await screen.findByRole('button', { name: /connected tiktok account nico nocomments/i })).toBeTruthy();
    expect(router.location.pathname).toBe('/studio');
    expect(sessionStore.accounts().map((session) => session.openId)).toEqual([AVA.openId, NICO.openId]);
    expect(sessionStore.account(AVA.openId)?.accessToken).toBe(AVA.accessToken);
  });

  it('offers the way back to the studio when adding an account was cancelled', async () => {
    seedSession();
    const state = createOAuthState();
    rememberOAuthState(state);

    renderApp(`/auth/callback?${new URLSearchParams({ error: 'access_denied', state })}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'You cancelled the connection' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to your studio' }).getAttribute('href')).toBe('/studio');
    expect(sessionStore.get()?.accessToken).toBe('act.mock-access-token');
  });

  it('disconnects the active account only: revokes its token, keeps the other signed in, and says so', async () => {
    const requests = recordRequests();
    connectBoth();
    const { user, router } = renderApp('/studio');
    const { button, menu } = await openMenu(user, /connected tiktok account nico nocomments/i);

    await user.click(await within(menu).findByRole('menuitem', { name: 'Disconnect Nico NoComments' }));

    const notice = await screen.findByRole('region', { name: 'Nico NoComments is disconnected' });
    expect(notice.textContent).toMatch(/other accounts stay connected/);
    expect(router.location.pathname).toBe('/studio');
    const revokes = requests.seen.filter((r) => r.method === 'POST' && r.path === endpoints.authRevoke.path);
    expect(revokes.map((r) => r.request.headers.get('authorization'))).toEqual(['Bearer act.nico']);
    expect(sessionStore.accounts().map((session) => session.openId)).toEqual([AVA.openId]);
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toMatchObject({ openId: AVA.openId });
    expect(sessionStorage.getItem(ACCOUNTS_STORAGE_KEY)).toBeNull();
    await waitFor(() => expect(button.textContent).toContain('Ava Public'));
    expect(document.activeElement).toBe(button);

    // Only one account left: the menu is the single account's again.
    await user.click(button);
    expect(screen.queryByRole('group', { name: 'Your TikTok accounts' })).toBeNull();
    expect(screen.getByRole('menuitem', { name: 'Disconnect' })).toBeTruthy();

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Nico NoComments is disconnected' })).toBeNull();
  });

  it('asks the creator to remove the app in TikTok when the revoke of one account failed', async () => {
    connectBoth();
    server.use(
      http.post<never, never, ErrorBody>(endpoints.authRevoke.path, () =>
        HttpResponse.json(errorBody('UPSTREAM_UNAVAILABLE', 'TikTok is down', true), { status: 502 }),
      ),
    );
    const { user } = renderApp('/studio');
    const { menu } = await openMenu(user, /connected tiktok account nico nocomments/i);

    await user.click(await within(menu).findByRole('menuitem', { name: 'Disconnect Nico NoComments' }));

    const notice = await screen.findByRole('region', {
      name: "Nico NoComments is disconnected in this tab, but TikTok didn't confirm it",
    });
    expect(within(notice).getByRole('list', { name: 'Steps in the TikTok app' })).toBeTruthy();
    expect(sessionStore.get()?.openId).toBe(AVA.openId);
  });

  it('ends only the account TikTok refused; the studio stays with the other one', async () => {
    answerPerCreator();
    server.use(
      http.get(endpoints.me.path, ({ request }) =>
        creatorOf(request) === NICO
          ? unauthenticated()
          : HttpResponse.json({ ...mockProfile, openId: AVA.openId, displayName: AVA.displayName }),
      ),
    );
    seedSession({ openId: AVA.openId, accessToken: AVA.accessToken, sealedRefresh: 'sealed.ava' });
    seedSession({ openId: NICO.openId, accessToken: NICO.accessToken, sealedRefresh: 'sealed.nico' });
    const { router } = renderApp('/studio');

    const notice = await screen.findByRole('region', { name: /is no longer connected$/ });
    expect(notice.textContent).toMatch(/TikTok no longer accepts this account's sign-in/);
    expect(router.location.pathname).toBe('/studio');
    expect(await screen.findByRole('button', { name: /connected tiktok account ava public/i })).toBeTruthy();
    expect(sessionStore.accounts().map((session) => session.openId)).toEqual([AVA.openId]);
  });
});

describe('several TikTok accounts, in another language', () => {
  it('names the account list, adding and disconnecting in French', async () => {
    await setLocale('fr', { remember: false });
    connectBoth();
    const { user } = renderApp('/studio');

    const { menu } = await openMenu(user, /Nico NoComments/);
    const list = within(menu).getByRole('group', { name: 'Vos comptes TikTok' });
    expect(await within(list).findByRole('menuitemradio', { name: 'Ava Public @ava.creates' })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Ajouter un autre compte TikTok' })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Déconnecter Nico NoComments' })).toBeTruthy();
  });
});
