import { useContext, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Layout } from '@/components/ui/layout';
import { MAIN_CONTENT_ID } from '@/components/ui/skip-link';
import { PendingNavigationContext } from '../pending-navigation';

/** The frame around every page: skip link, header, main, footer. */
export function RootRoute() {
  const busy = useContext(PendingNavigationContext);
  useFocusMainOnNavigate();
  return (
    <Layout busy={busy}>
      <Outlet />
    </Layout>
  );
}

/**
 * After a client-side navigation, start the next page from the top and move focus to its main
 * content, as a full page load would; otherwise keyboard and screen-reader users stay on the link
 * they just used, in a page that no longer exists. Compared by pathname, not "first render", so
 * StrictMode's double effects do not steal focus on the initial load.
 */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: true });
  }, [pathname]);
}
