import { type ErrorBody, endpoints } from '@content-studio/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockProfile } from '@/mocks/handlers/profile';
import { errorBody } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { recordRequests, seedSession } from '@/testing/session-fixtures';
import { SESSION_STORAGE_KEY } from '../session-store';

async function openStudio() {
  seedSession({ accessToken: 'act.studio-token' });
  const view = renderApp('/studio');
  const button = await screen.findByRole('button', { name: /connected tiktok account mock creator/i });
  return { ...view, button };
}

describe('the account menu in the studio header', () => {
  it("shows the connected creator's avatar and display name", async () => {
    await openStudio();

    const avatar = screen.getByRole('img', { name: mockProfile.displayName });
    expect(avatar.tagName).toBe('IMG');
    expect(avatar.getAttribute('src')).toBe(mockProfile.avatarUrl);
    expect(screen.getByText(mockProfile.displayName)).toBeTruthy();
    // The avatar URL is short-lived: it is never written to storage.
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).not.toContain(mockProfile.avatarUrl);
  });

  it('falls back to initials when the avatar no longer loads, and asks TikTok once for a fresh link', async () => {
    const requests = recordRequests();
    await openStudio();
    const fresh = `${mockProfile.avatarUrl}?fresh=1`;
    server.use(http.get(endpoints.me.path, () => HttpResponse.json({ ...mockProfile, avatarUrl: fresh })));
    const before = requests.count('GET', endpoints.me.path);

    screen.getByRole('img', { name: mockProfile.displayName }).dispatchEvent(new Event('error'));

    const fallback = await screen.findByText('MC');
    expect(fallback.getAttribute('aria-hidden')).toBe('true'); // the name is written out beside it
    // The fresh link replaces the initials.
    await waitFor(() =>
      expect(screen.getByRole('img', { name: mockProfile.displayName }).getAttribute('src')).toBe(fresh),
    );
    expect(requests.count('GET', endpoints.me.path)).toBe(before + 1);
    // Should the fresh link fail too, the initials stay and nothing is asked again at once.
    screen.getByRole('img', { name: mockProfile.displayName }).dispatchEvent(new Event('error'));
    expect(await screen.findByText('MC')).toBeTruthy();
    expect(requests.count('GET', endpoints.me.path)).toBe(before + 1);
  });

  it('is a menu button that opens with Enter, moves focus in, and closes with Escape back on the button', async () => {
    const { user, button } = await openStudio();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    button.focus();
    await user.keyboard('{Enter}');

    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu');
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    const add = within(menu).getByRole('menuitem', { name: 'Add another TikTok account' });
    await waitFor(() => expect(document.activeElement).toBe(add));

    await user.keyboard('{Escape}');

    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens with the arrow keys and Space, closes on Tab and on a click elsewhere', async () => {
    const { user, button } = await openStudio();
    button.focus();

    await user.keyboard('{ArrowDown}');
    const add = screen.getByRole('menuitem', { name: 'Add another TikTok account' });
    await waitFor(() => expect(document.activeElement).toBe(add));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Disconnect' }));
    await user.keyboard('{ArrowDown}'); // wraps around
    expect(document.activeElement).toBe(add);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Disconnect' }));

    await user.tab();
    expect(button.getAttribute('aria-expanded')).toBe('false');

    button.focus();
    await user.keyboard(' ');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('heading', { level: 1, name: 'Your studio' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('disconnects: revokes at TikTok, clears the tab, and explains how to remove the app in TikTok', async () => {
    const requests = recordRequests();
    const { user, button, router } = await openStudio();

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Disconnect' }));

    const title = await screen.findByText("You're disconnected");
    expect(router.location.pathname).toBe('/');
    const revoke = requests.seen.find((r) => r.method === 'POST' && r.path === endpoints.authRevoke.path);
    expect(revoke?.request.headers.get('authorization')).toBe('Bearer act.studio-token');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(localStorage.length).toBe(0);

    const notice = screen.getByRole('region', { name: "You're disconnected" });
    expect(notice.contains(title)).toBe(true);
    const steps = within(notice).getByRole('list', { name: 'Steps in the TikTok app' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Settings and privacy', 'Security and login', 'Manage apps', 'Content Studio Pro', 'Disconnect']);
    expect(screen.getByRole('button', { name: /connect tiktok/i })).toBeTruthy();
  });

  it('still signs out when the revoke fails, and says TikTok did not confirm it', async () => {
    server.use(
      http.post<never, never, ErrorBody>(endpoints.authRevoke.path, () =>
        HttpResponse.json(errorBody('UPSTREAM_UNAVAILABLE', 'TikTok is down', true), { status: 502 }),
      ),
    );
    const { user, button } = await openStudio();

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Disconnect' }));

    const title = await screen.findByText(/you're disconnected in this tab, but tiktok didn't confirm it/i);
    expect(screen.getByRole('region', { name: title.textContent ?? '' }).textContent).toMatch(/remove it yourself/i);
    expect(screen.getByRole('list', { name: 'Steps in the TikTok app' })).toBeTruthy();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('offers to load the profile again when it failed, and keeps Disconnect available', async () => {
    server.use(
      http.get<never, never, ErrorBody>(endpoints.me.path, () =>
        HttpResponse.json(errorBody('UPSTREAM_UNAVAILABLE', 'TikTok is down', true), { status: 502 }),
      ),
    );
    seedSession();
    const { user } = renderApp('/studio');

    const button = await screen.findByRole('button', { name: /connected tiktok account profile didn't load/i });
    await user.click(button);
    expect(screen.getByRole('menuitem', { name: 'Disconnect' })).toBeTruthy();

    server.resetHandlers();
    await user.click(screen.getByRole('menuitem', { name: 'Load profile again' }));
    expect(await screen.findByText(mockProfile.displayName)).toBeTruthy();
  });
});

describe('a session that ends while in the studio', () => {
  it('signs out with an explanation when TikTok refuses the token', async () => {
    server.use(
      http.get<never, never, ErrorBody>(endpoints.me.path, () =>
        HttpResponse.json(errorBody('TIKTOK_TOKEN_INVALID', 'revoked'), { status: 401 }),
      ),
    );
    seedSession();
    const { router } = renderApp('/studio');

    expect(await screen.findByText('Your TikTok session ended')).toBeTruthy();
    expect(router.location.pathname).toBe('/');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('signs out with an explanation when the refresh fails', async () => {
    const requests = recordRequests();
    server.use(
      http.post<never, never, ErrorBody>(endpoints.authRefresh.path, () =>
        HttpResponse.json(errorBody('OAUTH_REFRESH_INVALID', 'ended'), { status: 401 }),
      ),
    );
    // Expired an hour ago: the studio's first authed call has to refresh first.
    seedSession({ expiresIn: 3600 }, Date.now() - 2 * 3_600_000);
    const { router } = renderApp('/studio');

    expect(await screen.findByText('Your TikTok session ended')).toBeTruthy();
    expect(router.location.pathname).toBe('/');
    expect(requests.count('POST', endpoints.authRefresh.path)).toBe(1);
    expect(requests.count('GET', endpoints.me.path)).toBe(0); // the dead token was never sent
  });
});
