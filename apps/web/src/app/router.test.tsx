import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { seedSession } from '@/testing/session-fixtures';

const pages = [
  { path: '/', heading: /publish to tiktok from your desk/i, title: 'Content Studio Pro' },
  {
    path: '/auth/callback',
    heading: "We couldn't confirm this sign-in",
    title: "We couldn't confirm this sign-in · Content Studio Pro",
  },
  { path: '/studio', heading: 'Your studio', title: 'Studio · Content Studio Pro', signedIn: true },
  { path: '/privacy', heading: 'Privacy Policy', title: 'Privacy Policy · Content Studio Pro' },
  { path: '/terms', heading: 'Terms of Service', title: 'Terms of Service · Content Studio Pro' },
  { path: '/no/such/page', heading: 'Page not found', title: 'Page not found · Content Studio Pro' },
] as const;

describe('routes', () => {
  it.each(pages)('$path renders its heading, title and the shared frame', async (page) => {
    const { path, heading, title } = page;
    if ('signedIn' in page) seedSession();
    renderApp(path);

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe(title));
    // Exactly one main heading, and every page has the landmarks and the legal links.
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Privacy Policy' }).getAttribute('href')).toBe('/privacy');
    expect(within(footer).getByRole('link', { name: 'Terms of Service' }).getAttribute('href')).toBe('/terms');
  });

  it('shows the unknown path on the not-found page', async () => {
    renderApp('/studio/nowhere');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/studio/nowhere')).toBeTruthy();
  });

  it('offers a working Connect TikTok button on the landing page, with no placeholder note', async () => {
    renderApp('/');

    const button = await screen.findByRole('button', { name: /connect tiktok/i });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(document.body.textContent).not.toMatch(/not switched on/i);
    button.focus();
    expect(document.activeElement).toBe(button);
  });

  it('explains a bare callback visit instead of spinning forever, with a way back', async () => {
    renderApp('/auth/callback');

    await screen.findByRole('heading', { level: 1, name: "We couldn't confirm this sign-in" });
    expect(screen.getByRole('status').textContent).toMatch(/nothing was sent to tiktok/i);
    expect(screen.getByRole('button', { name: /try again/i })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('href')).toBe('/');
  });

  it('sends a visitor without a session from the studio to the home page, saying why', async () => {
    const { router } = renderApp('/studio');

    expect(await screen.findByRole('region', { name: 'Connect TikTok to open your studio' })).toBeTruthy();
    expect(router.location.pathname).toBe('/');
    expect(screen.getByRole('heading', { level: 1, name: /publish to tiktok from your desk/i })).toBeTruthy();
  });
});

describe('keyboard and focus', () => {
  it('makes the skip link the first stop and points it at main', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    await user.tab();

    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(document.activeElement).toBe(skip);
    const main = screen.getByRole('main');
    expect(skip.getAttribute('href')).toBe(`#${main.id}`);
    expect(main.tagName).toBe('MAIN');

    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(main);
  });

  it('moves focus to main after a client-side navigation', async () => {
    const { user, router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    await user.click(screen.getByRole('link', { name: 'Privacy Policy' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy Policy' })).toBeTruthy();
    expect(router.location.pathname).toBe('/privacy');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });
});
