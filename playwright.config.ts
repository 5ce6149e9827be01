// End-to-end tests: Debian's Chromium driven by Playwright against `npm run serve`, the same
// host the desktop app runs. Playwright cannot download browsers here, so we bring our own.
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { testNow } from './test/clock';

/** DS_PREVIEW_PORT lets two checkouts run their e2e suites side by side. */
export const PREVIEW_PORT = Number(process.env['DS_PREVIEW_PORT'] ?? 4517);
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * The preview's API socket needs its launch secret. The config runs in the runner and again in
 * each worker; setting the env once here makes all of them (and the web server) agree on one.
 */
process.env['DS_PREVIEW_SECRET'] ??= randomBytes(32).toString('base64url');
const previewSecret = process.env['DS_PREVIEW_SECRET'];

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
    // What opening the printed `/key/<secret>` URL would set (see src/main/web-preview/preview-access.ts).
    storageState: {
      cookies: [
        {
          name: `ds_preview_${PREVIEW_PORT}`,
          value: previewSecret,
          domain: '127.0.0.1',
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Strict',
        },
      ],
      origins: [],
    },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
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
