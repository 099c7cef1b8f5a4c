import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { sessionStore } from '@/features/auth/session-store';
import { resetFakeReads } from '@/features/composer/testing/fake-container-reader';
import { loadCatalogPart, setLocale } from '@/lib/i18n';
import { setAppQueryClient } from '@/lib/query-client';
import { server, startMockServer } from '@/mocks/node';

// Component tests cannot make real videos of every shape, so each one answers the container read
// itself, through features/composer/testing/fake-container-reader.ts. The real reader is tested
// over real files in features/composer/media/, where it is unmocked.
vi.mock(
  '@/features/composer/media/mediabunny-reader',
  () => import('@/features/composer/testing/fake-container-reader'),
);

beforeAll(startMockServer);
// In the app every lazily loaded page waits for the studio's texts; components tested on their own
// get them up front, before a test file's own top level makes any of them.
await loadCatalogPart('app');

afterEach(async () => {
  // Tests read English unless they switch; a switch never leaks into the next test.
  await setLocale('en', { remember: false });
  // Vitest globals are off, so Testing Library cannot register its own cleanup.
  resetFakeReads();
  server.resetHandlers();
  server.events.removeAllListeners();
  // No DOM in the few tests that run in plain Node (`@vitest-environment node`).
  if (typeof document === 'undefined') return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  sessionStore.resetMemory();
  setAppQueryClient(undefined);
  document.title = '';
});

afterAll(() => server.close());
