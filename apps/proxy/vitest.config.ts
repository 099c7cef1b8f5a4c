import { defineConfig } from 'vitest/config';
import { ciReporters } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    ...ciReporters('proxy'),
  },
});
