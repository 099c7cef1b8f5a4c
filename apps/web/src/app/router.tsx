import { Component, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import {
  BrowserRouter,
  matchRoutes,
  useLocation,
  useRoutes,
  type Location,
  type NonIndexRouteObject,
  type RouteObject,
} from 'react-router';
import { paths } from '@/config/paths';
import { loadCatalogPart } from '@/lib/i18n';
import { PendingNavigationContext } from './pending-navigation';
import { LandingRoute } from './routes/landing';
import { NotFoundRoute } from './routes/not-found';
import { RootFallback } from './routes/root-fallback';
import { RootRoute } from './routes/root';
import { RouteError } from './routes/route-error';

/**
 * react-router in declarative mode, with the three things this app used the data router for done
 * here instead: a page's code is fetched before the page is shown, with a progress bar meanwhile (or
 * the full-screen fallback on a first visit), and a page that fails to load or render is replaced by
 * the error page. The data router costs about 16 KB gzip more on the landing page, which the issue 7
 * budget (≤ 100 KB) cannot afford; see docs/decisions/006-declarative-router.md.
 */

type LazyPage = {
  load: () => Promise<ComponentType>;
  loading?: Promise<void> | undefined;
  Loaded?: ComponentType;
};

const lazyPages = new Map<RouteObject, LazyPage>();

/** A route whose component is fetched when first visited, and only then shown (see `AppRoutes`). */
function lazyRoute(
  route: Omit<NonIndexRouteObject, 'Component' | 'element' | 'lazy'>,
  load: LazyPage['load'],
): NonIndexRouteObject {
  const page: LazyPage = { load };
  function LazyRoute() {
    // Never null on screen: AppRoutes shows a location only once all of its pages have loaded.
    const { Loaded } = page;
    return Loaded ? <Loaded /> : null;
  }
  const object: NonIndexRouteObject = { ...route, Component: LazyRoute };
  lazyPages.set(object, page);
  return object;
}

function loadPage(page: LazyPage): Promise<void> {
  // A lazy page's texts are in the catalog's `app` part, which arrives alongside its code.
  page.loading ??= Promise.all([page.load(), loadCatalogPart('app')]).then(
    ([Loaded]) => {
      page.Loaded = Loaded;
    },
    (error: unknown) => {
      // Forgotten, so that visiting the page again tries again (a network blip, a new deploy).
      page.loading = undefined;
      throw error;
    },
  );
  return page.loading;
}

/**
 * Only the landing and not-found pages ship in the initial bundle; every other page is fetched when
 * first visited, which keeps the first load small for someone who just wants to connect.
 */
const routes: RouteObject[] = [
  {
    path: paths.home.path,
    Component: RootRoute,
    children: [
      { index: true, Component: LandingRoute },
      lazyRoute(
        { path: paths.authCallback.path },
        async () => (await import('./routes/auth-callback')).AuthCallbackRoute,
      ),
      lazyRoute(
        {
          children: [
            lazyRoute({ path: paths.studio.path }, async () => (await import('./routes/studio')).StudioRoute),
            lazyRoute({ path: paths.compose.path }, async () => (await import('./routes/compose')).ComposeRoute),
          ],
        },
        async () => (await import('./routes/studio-layout')).StudioLayout,
      ),
      // A legal page in another language is shown once its translation is in, so it never flashes by.
      lazyRoute({ path: paths.privacy.path }, async () => {
        const { PrivacyRoute, preload } = await import('./routes/privacy');
        await preload();
        return PrivacyRoute;
      }),
      lazyRoute({ path: paths.terms.path }, async () => {
        const { TermsRoute, preload } = await import('./routes/terms');
        await preload();
        return TermsRoute;
      }),
      { path: '*', Component: NotFoundRoute },
    ],
  },
];

function pagesToLoad(location: Location): LazyPage[] {
  return (matchRoutes(routes, location) ?? []).flatMap(({ route }) => {
    const page = lazyPages.get(route);
    return page && !page.Loaded ? [page] : [];
  });
}

/** What is on screen: a location whose pages have all loaded, or the one whose pages failed to. */
type Shown = { location: Location; failed: boolean };

/**
 * The app's pages at the router's location. While the next location's code is still arriving, the
 * previous page stays on screen with the progress bar, so a click never blanks the page.
 */
export function AppRoutes() {
  const location = useLocation();
  const ready = pagesToLoad(location).length === 0;
  const [shown, setShown] = useState<Shown | null>(null);
  const [, setLoads] = useState(0);

  if (ready && shown?.location !== location) setShown({ location, failed: false });

  useEffect(() => {
    const pending = pagesToLoad(location);
    if (pending.length === 0) return;
    let current = true;
    Promise.all(pending.map(loadPage)).then(
      () => {
        if (current) setLoads((count) => count + 1);
      },
      () => {
        if (current) setShown({ location, failed: true });
      },
    );
    return () => {
      current = false;
    };
  }, [location]);

  if (!shown) return <RootFallback />;
  if (shown.failed) return <RouteError />;
  return (
    <PendingNavigationContext.Provider value={!ready}>
      <RouteErrorBoundary location={shown.location}>
        <ShownRoutes location={shown.location} />
      </RouteErrorBoundary>
    </PendingNavigationContext.Provider>
  );
}

function ShownRoutes({ location }: { location: Location }) {
  return useRoutes(routes, location);
}

type RouteErrorBoundaryProps = { location: Location; children: ReactNode };
type RouteErrorBoundaryState = { location: Location; failed: boolean };

/** A page that throws while rendering shows the error page until the next navigation. */
class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, RouteErrorBoundaryState> {
  override state: RouteErrorBoundaryState = { location: this.props.location, failed: false };

  static getDerivedStateFromError(): Partial<RouteErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: RouteErrorBoundaryProps,
    state: RouteErrorBoundaryState,
  ): Partial<RouteErrorBoundaryState> | null {
    return props.location === state.location ? null : { location: props.location, failed: false };
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
