import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server, startMockServer } from '@/mocks/node';

beforeAll(startMockServer);

afterEach(() => {
  // Vitest globals are off, so Testing Library cannot register its own cleanup.
  cleanup();
  server.resetHandlers();
  sessionStorage.clear();
  document.title = '';
});

afterAll(() => server.close());
