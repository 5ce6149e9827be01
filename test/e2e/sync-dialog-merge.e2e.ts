// Two devices of one team edit the same person: B's edit dialog is open while A's change to
// another field arrives; saving B's dialog keeps A's change (the save carries the values the
// dialog opened with, and the host merges only what B changed).
import { expect, test, type Page } from '@playwright/test';
import { startPreview, startSyncServer, type PreviewProcess, extraPort } from './support/preview-process';
import { createTeam, tempDir, openWindow, signIn } from './support/team';

const EMAIL = 'merge@deepsales.test';
const PASSWORD = 'correct horse battery';
const TEAM = { email: EMAIL, password: PASSWORD };
// Unusual ports beside this suite's preview, so parallel suites do not collide.
const PORT_A = extraPort(200);
const PORT_B = extraPort(201);
/** The server takes any free port and prints it. */
const PORT_SERVER = 0;

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
  const serverData = createTeam('Team', TEAM, 'merge-server');

  const running: PreviewProcess[] = [];
  try {
    const server = await startSyncServer(PORT_SERVER, serverData);
    running.push(server);
    const hostA = await startPreview(PORT_A, ['--data', tempDir('merge-a'), '--local-data']);
    running.push(hostA);
    const hostB = await startPreview(PORT_B, ['--data', tempDir('merge-b'), '--empty']);
    running.push(hostB);
    const a = await openWindow(browser, hostA.url);
    const b = await openWindow(browser, hostB.url);
    await signIn(a, server.url, TEAM, { upload: true, settled: false });
    await signIn(b, server.url, TEAM, { settled: false });

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
