import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);

/** Call from the test setup: an unmocked request is a test bug, never a silent real request. */
export function startMockServer(): void {
  server.listen({ onUnhandledRequest: 'error' });
}
