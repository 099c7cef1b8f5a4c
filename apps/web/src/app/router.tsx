import { useState } from 'react';
import { RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { LandingRoute } from './routes/landing';
import { NotFoundRoute } from './routes/not-found';
import { RootFallback } from './routes/root-fallback';
import { RootRoute } from './routes/root';
import { RouteError } from './routes/route-error';

/**
 * Only the landing and not-found pages ship in the initial bundle; every other page is fetched when
 * first visited, which keeps the first load small for someone who just wants to connect.
 */
export const routes: RouteObject[] = [
  {
    path: paths.home.path,
    Component: RootRoute,
    ErrorBoundary: RouteError,
    HydrateFallback: RootFallback,
    children: [
      { index: true, Component: LandingRoute },
      {
        path: paths.authCallback.path,
        lazy: async () => ({ Component: (await import('./routes/auth-callback')).AuthCallbackRoute }),
      },
      {
        path: paths.studio.path,
        lazy: async () => ({ Component: (await import('./routes/studio')).StudioRoute }),
      },
      {
        path: paths.compose.path,
        lazy: async () => ({ Component: (await import('./routes/compose')).ComposeRoute }),
      },
      {
        path: paths.privacy.path,
        lazy: async () => ({ Component: (await import('./routes/privacy')).PrivacyRoute }),
      },
      {
        path: paths.terms.path,
        lazy: async () => ({ Component: (await import('./routes/terms')).TermsRoute }),
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
];

export function AppRouter() {
  // Created once per mount rather than at import time, so importing `routes` in tests has no effect.
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
