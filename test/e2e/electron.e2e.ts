// Desktop smoke test: launches the built app with Electron where its binary exists. Electron
// downloads its binary on first launch, which this CI machine cannot do; elsewhere this runs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  // Look for the downloaded binary without require('electron'): in electron 45 requiring it
  // starts the lazy download, which this machine cannot do.
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(root, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(
  !binary || !existsSync('out/main/index.js'),
  'Electron binary not downloaded or app not built (npm run build); runs where it exists',
);

test('the desktop window opens on the accounts of the demo workspace', async () => {
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  const window = await app.firstWindow();
  await window.getByRole('link', { name: 'Accounts' }).click();
  await expect(window.getByTestId('account-row').first()).toBeVisible();
  // The page sees the bridge and nothing of Node.
  const seen = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: typeof (globalThis as { deepSales?: { invoke?: unknown } }).deepSales?.invoke,
  }));
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function' });
  // Scores come from the scoring worker thread of the main process (spawn-electron.ts): no process of its own.
  await window.getByRole('link', { name: 'Today' }).click();
  await expect(window.getByTestId('today-item').first().getByTestId('win-badge')).toContainText('%', { timeout: 60_000 });
  const utility = await app.evaluate(
    ({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Utility' && m.name === 'Deep Sales scoring').length,
  );
  expect(utility).toBe(0);
  await app.close();
});

test('a second launch focuses the first window instead of opening a second app', async () => {
  // The lock is per profile: both launches use the default one (the tests of this file run one
  // after the other, and the test above has closed its app).
  const args = ['.'];
  const app = await electron.launch({ executablePath: binary!, args });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('link', { name: 'Accounts' })).toBeVisible();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.minimize());
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized())).toBe(true);

    // The second launch finds the lock taken, hands over and exits by itself.
    const second = spawn(binary!, args, { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);

    await expect
      .poll(
        () =>
          app.evaluate(({ BrowserWindow }) => {
            const windows = BrowserWindow.getAllWindows();
            return { windows: windows.length, minimized: windows[0]!.isMinimized(), visible: windows[0]!.isVisible() };
          }),
        { timeout: 15_000 },
      )
      .toEqual({ windows: 1, minimized: false, visible: true });
  } finally {
    await app.close();
  }
});
