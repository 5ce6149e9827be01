import { defineConfig } from 'vitest/config';
import { testNow } from './test/clock';

// Unit tests sit beside the code; cross-process tests live under test/integration.
// e2e (Playwright) and bench have their own runners.
export default defineConfig({
  // Path aliases (@shared/*, @main/*, …) have one definition: tsconfig.base.json `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The host, the scoring process and scripts the tests start run at the suite's date.
    env: { DS_NOW: testNow() },
  },
});
