// e2e support: a team on a sync server for tests with more than one device — its data folder
// made by `admin create`, a browser window per device, and signing a window in from Settings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';

export interface TeamAdmin {
  email: string;
  password: string;
}

/** A fresh temporary folder for a host's or a server's data. */
export const tempDir = (name: string): string => mkdtempSync(path.join(os.tmpdir(), `ds-e2e-${name}-`));

/** A sync server data folder holding one team workspace and its admin (`npm run server -- admin create`). */
export function createTeam(workspace: string, admin: TeamAdmin, name = 'server'): string {
  const serverData = tempDir(name);
  const created = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/cli.ts',
      'admin',
      'create',
      '--workspace',
      workspace,
      '--email',
      admin.email,
      '--password',
      admin.password,
      '--data',
      serverData,
    ],
    { encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);
  return serverData;
}

/** A device's window (its own browser context) on the host's Settings page. */
export async function openWindow(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/#/settings`);
  return page;
}

/**
 * Signs the window in from Settings. `upload`: a workspace with data of its own asks first; this
 * device shares its records with the team. `settled`: also wait until the first sync is under way.
 */
export async function signIn(
  page: Page,
  serverUrl: string,
  admin: TeamAdmin,
  options: { upload?: boolean; settled?: boolean } = {},
): Promise<void> {
  const form = page.getByTestId('sync-form');
  await form.locator('[name="serverUrl"]').fill(serverUrl);
  await form.locator('[name="email"]').fill(admin.email);
  await form.locator('[name="password"]').fill(admin.password);
  await page.getByTestId('sync-connect').click();
  if (options.upload) await page.getByTestId('sync-choice-upload').click();
  await expect(page.getByTestId('sync-status')).toBeVisible({ timeout: 30_000 });
  if (options.settled ?? true) {
    await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', /idle|syncing/, { timeout: 30_000 });
  }
}
