import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; cross-process tests live under test/integration.
// e2e (Playwright) and bench have their own runners.
export default defineConfig({
  test: {
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
