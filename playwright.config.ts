// End-to-end tests: Debian's Chromium driven by Playwright against `npm run serve`, the same
// host the desktop app runs. Playwright cannot download browsers here, so we bring our own.
import { defineConfig } from '@playwright/test';
import { testNow } from './test/clock';

/** DS_PREVIEW_PORT lets two checkouts run their e2e suites side by side. */
export const PREVIEW_PORT = Number(process.env['DS_PREVIEW_PORT'] ?? 4517);
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --port ${PREVIEW_PORT}`,
    url: `http://127.0.0.1:${PREVIEW_PORT}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
    stdout: 'pipe',
    // SIGTERM lets the preview close its store and remove its temporary workspace folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // The preview's host (and so the renderer and scoring) runs at the suite's date, not today's.
    // The renderer it builds checks every answer against the API contract (api/client.ts).
    env: { ...(process.env as Record<string, string>), DS_NOW: testNow(), VITE_DS_VALIDATE_OUTPUTS: '1' },
  },
});
