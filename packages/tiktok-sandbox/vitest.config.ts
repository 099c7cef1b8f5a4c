import { defineConfig } from 'vitest/config';
import { ciReporters } from '../../vitest.shared.ts';

// vitest 4's reporter calls Map.groupBy, which Node 20 lacks: without this a failing test crashes
// the reporter and hides the assertion diff (toolchain.md). The config runs in the main process,
// where the reporter lives, so the polyfill has to be here rather than in a setup file.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
    ...ciReporters('tiktok-sandbox'),
  },
});
