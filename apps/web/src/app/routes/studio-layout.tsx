import { QueryClientProvider } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { appQueryClient } from '@/lib/query-client';

/**
 * Around the signed-in pages, which are the only ones that query the proxy through react-query:
 * providing the client here rather than at the root keeps react-query out of the landing page's
 * first download (issue 7). The client is the page's one, so its cache outlives this layout.
 */
export function StudioLayout() {
  return (
    <QueryClientProvider client={appQueryClient()}>
      <Outlet />
    </QueryClientProvider>
  );
}
