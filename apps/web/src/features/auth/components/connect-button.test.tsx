import { type ErrorBody, endpoints } from '@content-studio/contract';
import { screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, mockAuthConfig } from '@/mocks/handlers/session';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { OAUTH_STATE_KEY } from '../oauth-state';

describe('Connect TikTok', () => {
  it("sends the browser to TikTok's consent page with a fresh state remembered for this tab", async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: /connect tiktok/i }));

    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    const url = new URL(String(assign.mock.calls[0]?.[0]));
    expect(`${url.origin}${url.pathname}`).toBe(mockAuthConfig.authorizeUrl);
    expect(url.searchParams.get('client_key')).toBe(mockAuthConfig.clientKey);
    expect(url.searchParams.get('redirect_uri')).toBe(mockAuthConfig.redirectUri);
    expect(url.searchParams.get('scope')).toBe('user.info.basic,video.publish,video.upload');
    const state = url.searchParams.get('state');
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionStorage.getItem(OAUTH_STATE_KEY)).toBe(state);
    expect(localStorage.length).toBe(0);
    // While the browser leaves, a second click does not start a second sign-in.
    expect(screen.getByRole('button', { name: /opening tiktok/i }).getAttribute('aria-disabled')).toBe('true');
  });

  it('says what went wrong when the server cannot be reached, and lets the creator retry', async () => {
    server.use(
      http.get<never, never, ErrorBody>(endpoints.authConfig.path, () =>
        HttpResponse.json(errorBody('UPSTREAM_UNAVAILABLE', 'Content Studio Pro is not reachable right now.', true), {
          status: 503,
        }),
      ),
    );
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    const { user } = renderApp('/');
    const button = await screen.findByRole('button', { name: /connect tiktok/i });

    await user.click(button);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Content Studio Pro is not reachable right now.');
    expect(button.getAttribute('aria-describedby')).toBe(alert.id);
    expect(assign).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(OAUTH_STATE_KEY)).toBeNull();

    server.resetHandlers();
    await user.click(button);
    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  });
});
