import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';

/**
 * How the router treats a page's code (router.tsx): fetched before the page is shown, with the
 * previous page kept on screen meanwhile; a page that fails to load or render gets the error page.
 * The page modules are held back or broken here, so each test uses its own route.
 */
const control = vi.hoisted(() => {
  let release: () => void = () => undefined;
  return {
    termsArrive: new Promise<void>((resolve) => {
      release = resolve;
    }),
    releaseTerms: () => release(),
    privacyFailures: 1,
  };
});

vi.mock('./routes/terms', async (importOriginal) => {
  await control.termsArrive;
  return importOriginal();
});

vi.mock('./routes/privacy', async (importOriginal) => {
  if (control.privacyFailures > 0) {
    control.privacyFailures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return importOriginal();
});

vi.mock('./routes/auth-callback', () => ({
  AuthCallbackRoute: () => {
    throw new Error('a page that breaks while rendering');
  },
}));

describe('lazy pages', () => {
  it("keeps the current page, marked busy, until the next page's code has arrived", async () => {
    const { user, router } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: /publish to tiktok from your desk/i });

    await user.click(screen.getByRole('link', { name: 'Terms of Service' }));

    expect(screen.getByRole('heading', { level: 1, name: /publish to tiktok from your desk/i })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(router.location.pathname).toBe('/terms');

    control.releaseTerms();

    expect(await screen.findByRole('heading', { level: 1, name: 'Terms of Service' })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBeNull();
  });

  it('shows the error page when a page cannot be loaded, and tries again on the next visit', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: /publish to tiktok from your desk/i });

    await user.click(screen.getByRole('link', { name: 'Privacy Policy' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Something went wrong · Content Studio Pro'));
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Privacy Policy' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy Policy' })).toBeTruthy();
  });

  it('shows the error page when a page breaks while rendering, and leaves it on the next navigation', async () => {
    // React reports the caught error on the console; expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderApp('/auth/callback');

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));

    expect(await screen.findByRole('heading', { level: 1, name: /publish to tiktok from your desk/i })).toBeTruthy();
  });
});
