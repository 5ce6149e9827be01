// A store that fails loudly: a workspace file with a damaged page in the middle opens on the
// recovery screen (never pages that wait), which restores the backup found beside it.
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../../src/main/store/sqlite/database';
import { keptDatabaseKey, keyFileSecretStore } from '../../src/main/security/secrets';
import { startPreview, extraPort } from './support/preview-process';

/** Its own port, beside the suite's preview (DS_PREVIEW_PORT keeps checkouts apart). */
const PORT = extraPort(300);
const PAGE = 32_768;

/**
 * Garbage over a page in the middle that is in use (a free page would damage nothing), per
 * SQLite's own check — run with the file's key: the preview encrypts the workspace.
 */
function damageMiddlePage(file: string, key: Buffer): void {
  const pages = statSync(file).size / PAGE;
  for (let page = Math.floor(pages / 2); page < pages; page++) {
    const before = readFileSync(file).subarray(page * PAGE, (page + 1) * PAGE);
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(PAGE), 0, PAGE, page * PAGE);
    closeSync(fd);
    const db = openDatabase(file, { readonly: true, fileMustExist: true, key });
    const verdict = db.pragma('quick_check', { simple: true });
    db.close();
    if (verdict !== 'ok') return;
    const restore = openSync(file, 'r+');
    writeSync(restore, before, 0, PAGE, page * PAGE);
    closeSync(restore);
  }
  throw new Error('no page in the second half of the file is in use');
}

test('a damaged workspace shows the recovery screen, and restoring the backup opens the app again', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-e2e-damaged-'));
  const file = path.join(dir, 'workspace.sqlite');
  // The demo written and closed (its WAL checkpointed into the file), then a copy kept as a backup.
  // Stopped only once the demo is in (the preview prints its address before the demo is written).
  let preview = await startPreview(PORT, ['--data', dir]);
  await page.goto(`${preview.url}/#/accounts`);
  await expect(page.getByTestId('account-row').first()).toBeVisible({ timeout: 60_000 });
  await preview.stop();
  mkdirSync(`${dir}-backups`);
  copyFileSync(file, path.join(`${dir}-backups`, 'deep-sales-backup-friday.sqlite'));
  const key = await keptDatabaseKey(keyFileSecretStore(`${dir}-secrets`), file);
  expect(key?.length, 'the preview keeps the workspace key in <data>-secrets').toBe(32);
  damageMiddlePage(file, key!);

  preview = await startPreview(PORT, ['--data', dir]);
  try {
    await page.goto(`${preview.url}/#/today`);
    const screen = page.getByTestId('recovery-screen');
    await expect(screen).toBeVisible({ timeout: 30_000 });
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText('The workspace file is damaged');
    await expect(screen).toContainText('DS_SQLITE_CORRUPT');
    await expect(screen.getByRole('radio', { name: /deep-sales-backup-friday\.sqlite/ })).toBeChecked();
    await expect(screen).toContainText('not synced with a team server');
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`recovery-${width}.png`) });
    }

    // A path that is no backup is refused in words; the screen stays.
    await page.getByTestId('recovery-path').fill(path.join(dir, 'nothing-here.sqlite'));
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('recovery-error')).toContainText('does not exist');
    await page.getByTestId('recovery-path').fill('');

    await page.getByTestId('recovery-restore').click();
    await expect(screen).toBeHidden({ timeout: 30_000 });
    await page.goto(`${preview.url}/#/accounts`);
    await expect(page.getByTestId('account-row').first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await preview.stop();
    for (const d of [dir, `${dir}-backups`, `${dir}-secrets`, `${dir}-teams`]) rmSync(d, { recursive: true, force: true });
  }
});
