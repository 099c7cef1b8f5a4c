import { defineConfig } from 'vitest/config';
import { ciReporters } from '../../vitest.shared.ts';

/**
 * Integration tests against a real redis-server (`pnpm --filter @content-studio/proxy test:redis`).
 * Kept out of `pnpm test`, which must pass on a machine with only Node; .ci/run installs Debian's
 * redis-server and runs these after it.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/redis/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 20_000,
    ...ciReporters('proxy-redis'),
  },
});
