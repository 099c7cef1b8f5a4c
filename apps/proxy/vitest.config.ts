import { defineConfig } from 'vitest/config';
import { ciReporters } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // They need a redis-server: `test:redis` (vitest.redis.config.ts), run by .ci/run.
    exclude: ['test/redis/**'],
    testTimeout: 20_000,
    ...ciReporters('proxy'),
  },
});
