// Two devices of one team edit the same person: B's edit dialog is open while A's change to
// another field arrives; saving B's dialog keeps A's change (the save carries the values the
// dialog opened with, and the host merges only what B changed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPreview, startSyncServer, type PreviewProcess } from './support/preview-process';

const EMAIL = 'merge@deepsales.test';
const PASSWORD = 'correct horse battery';
// Unusual ports beside this suite's preview, so parallel suites do not collide.
const PORT_A = 45322;
const PORT_B = 45323;
const PORT_SERVER = 45324;

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `ds-e2e-${name}-`));

async function openWindow(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/#/settings`);
  return page;
}

async function signIn(page: Page, serverUrl: string, upload: boolean): Promise<void> {
  const form = page.getByTestId('sync-form');
  await form.locator('[name="serverUrl"]').fill(serverUrl);
  await form.locator('[name="email"]').fill(EMAIL);
  await form.locator('[name="password"]').fill(PASSWORD);
  await page.getByTestId('sync-connect').click();
  if (upload) await page.getByTestId('sync-choice-upload').click();
  await expect(page.getByTestId('sync-status')).toBeVisible({ timeout: 30_000 });
}

async function openAccount(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/#/accounts`);
  await page.getByTestId('accounts-filter').fill(name);
  // On the device that started empty the account arrives with the first pull.
  await expect(page.getByTestId('account-row').filter({ hasText: name }).first()).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('account-row').filter({ hasText: name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

const row = (page: Page, name: string) => page.getByTestId('stakeholder-row').filter({ hasText: name });

test('a dialog saved after another device changed another field keeps both changes', async ({ browser }) => {
  test.setTimeout(240_000);
  const serverData = tmp('merge-server');
  const created = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/cli.ts',
      'admin',
      'create',
      '--workspace',
      'Team',
      '--email',
      EMAIL,
      '--password',
      PASSWORD,
      '--data',
      serverData,
    ],
    { encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);

  const running: PreviewProcess[] = [];
  try {
    const server = await startSyncServer(PORT_SERVER, serverData);
    running.push(server);
    const hostA = await startPreview(PORT_A, ['--data', tmp('merge-a'), '--local-data']);
    running.push(hostA);
    const hostB = await startPreview(PORT_B, ['--data', tmp('merge-b'), '--empty']);
    running.push(hostB);
    const a = await openWindow(browser, hostA.url);
    const b = await openWindow(browser, hostB.url);
    await signIn(a, server.url, true);
    await signIn(b, server.url, false);

    await a.goto(`${hostA.url}/#/accounts`);
    const account = (await a.getByTestId('account-row').first().innerText()).split('\n')[0]!.trim();
    await openAccount(a, hostA.url, account);
    const person = `Morgan Merge ${Date.now()}`;
    await a.getByTestId('add-stakeholder').click();
    const addForm = a.getByTestId('stakeholder-form');
    await addForm.locator('[name="name"]').fill(person);
    await addForm.locator('[name="title"]').fill('CIO');
    await addForm.locator('[name="department"]').fill('IT');
    await a.getByTestId('save-stakeholder').click();
    await expect(row(a, person)).toBeVisible();

    await expect(b.getByTestId('sync-status')).toBeVisible();
    await openAccount(b, hostB.url, account);
    await expect(row(b, person)).toBeVisible({ timeout: 60_000 });

    // B opens the dialog; then A changes the title and it reaches B while the dialog is open.
    await row(b, person).getByTestId('edit-stakeholder').click();
    const bForm = b.getByTestId('stakeholder-form');
    await expect(bForm.locator('[name="title"]')).toHaveValue('CIO');
    await row(a, person).getByTestId('edit-stakeholder').click();
    await a.getByTestId('stakeholder-form').locator('[name="title"]').fill('CTO');
    await a.getByTestId('save-stakeholder').click();
    await expect(row(a, person)).toContainText('CTO');
    await expect(row(b, person)).toContainText('CTO', { timeout: 30_000 });

    // B's dialog still shows what it opened with; B changes only the department and saves.
    await expect(bForm.locator('[name="title"]')).toHaveValue('CIO');
    await bForm.locator('[name="department"]').fill('Operations');
    await b.getByTestId('save-stakeholder').click();
    await expect(row(b, person)).toContainText('CTO');
    await expect(row(b, person)).toContainText('Operations');
    await expect(row(a, person)).toContainText('Operations', { timeout: 30_000 });
    await expect(row(a, person)).toContainText('CTO');
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
});
