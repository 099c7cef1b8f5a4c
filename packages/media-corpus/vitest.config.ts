import { defineConfig } from 'vitest/config';
import { ciReporters } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    ...ciReporters('media-corpus'),
  },
});
