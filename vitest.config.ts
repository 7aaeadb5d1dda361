import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and multi-process suites start servers; keep the 2-core CI machine unhurried.
    maxWorkers: 2,
  },
});
