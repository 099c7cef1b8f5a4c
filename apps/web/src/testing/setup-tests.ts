import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { sessionStore } from '@/features/auth/session-store';
import { setAppQueryClient } from '@/lib/query-client';
import { server, startMockServer } from '@/mocks/node';

beforeAll(startMockServer);

afterEach(() => {
  // Vitest globals are off, so Testing Library cannot register its own cleanup.
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  sessionStorage.clear();
  localStorage.clear();
  sessionStore.resetMemory();
  setAppQueryClient(undefined);
  document.title = '';
});

afterAll(() => server.close());
