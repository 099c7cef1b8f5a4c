import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useLayoutEffect } from 'react';
import { MemoryRouter, useLocation, useNavigationType, type Location, type NavigationType } from 'react-router';
import { registerAccessTokenSource } from '@/app/access-tokens';
import { AppRoutes } from '@/app/router';
import { setAppQueryClient } from '@/lib/query-client';

/** A QueryClient per test: no shared cache between tests, and failures surface at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

type RouterState = { location: Location; navigationType: NavigationType };

/** Where the router is: what the address bar would show, and how it got there. */
function RouterSpy({ onCommit }: { onCommit: (state: RouterState) => void }) {
  const location = useLocation();
  const navigationType = useNavigationType();
  // Reported on commit, so a render React throws away is never what a test sees.
  useLayoutEffect(() => onCommit({ location, navigationType }));
  return null;
}

/**
 * Renders the real route tree at `path`, as the browser would after a full page load, in
 * StrictMode like main.tsx, so effects that must not run twice (the code exchange) are tested
 * the way development runs them.
 */
export function renderApp(path: string, options: { userEvent?: Parameters<typeof userEvent.setup>[0] } = {}) {
  registerAccessTokenSource();
  const queryClient = createTestQueryClient();
  // The app's one client is made on first use; this test's takes its place.
  setAppQueryClient(queryClient);
  const user = userEvent.setup(options.userEvent);
  let current: RouterState | undefined;
  const view = render(
    <StrictMode>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <RouterSpy
          onCommit={(state) => {
            current = state;
          }}
        />
      </MemoryRouter>
    </StrictMode>,
  );
  const committed = (): RouterState => {
    if (!current) throw new Error('the router has not rendered yet');
    return current;
  };
  const router = {
    get location(): Location {
      return committed().location;
    },
    get navigationType(): NavigationType {
      return committed().navigationType;
    },
  };
  return { ...view, router, queryClient, user };
}
