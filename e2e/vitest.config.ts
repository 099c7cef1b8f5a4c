import { defineConfig } from 'vitest/config';
import { ciReporters } from '../vitest.shared.ts';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['**/*.e2e.test.ts', 'support/**/*.test.ts'],
    exclude: ['node_modules/**'],
    // One browser and one set of servers at a time: the machines have two cores, and parallel
    // Chromium instances make timings, not the product, the thing under test.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    ...ciReporters('e2e'),
  },
});
