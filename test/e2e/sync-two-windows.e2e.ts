// Two devices of one team: two web-preview hosts, each with its own workspace on disk, signed in
// to one sync server. What one seller adds appears on the other's screen without a reload.
import { expect, test } from '@playwright/test';
import { startPreview, startSyncServer, type PreviewProcess, extraPort } from './support/preview-process';
import { createTeam, tempDir, openWindow, signIn } from './support/team';

const EMAIL = 'lead@deepsales.test';
const PASSWORD = 'correct horse battery';
const TEAM = { email: EMAIL, password: PASSWORD };

test('an edit on one host appears live on the other', async ({ browser }) => {
  test.setTimeout(180_000);
  const serverData = createTeam('Team', TEAM, 'server');

  const running: PreviewProcess[] = [];
  try {
    const server = await startSyncServer(0, serverData);
    running.push(server);
    // A holds records of its own (not the demo, which is never uploaded) and shares them.
    const hostA = await startPreview(extraPort(11), ['--data', tempDir('a'), '--local-data']);
    running.push(hostA);
    const hostB = await startPreview(extraPort(12), ['--data', tempDir('b'), '--empty']);
    running.push(hostB);

    const a = await openWindow(browser, hostA.url);
    const b = await openWindow(browser, hostB.url);
    await signIn(a, server.url, TEAM, { upload: true });
    await signIn(b, server.url, TEAM);

    // B started empty: A's accounts arrive through the server.
    await b.goto(`${hostB.url}/#/accounts`);
    await expect(b.getByTestId('account-row').first()).toBeVisible({ timeout: 60_000 });

    await a.goto(`${hostA.url}/#/accounts`);
    const accountName = (await a.getByTestId('account-row').first().innerText()).split('\n')[0]!.trim();
    await a.getByTestId('account-row').first().click();
    await b.getByTestId('accounts-filter').fill(accountName);
    await b.getByTestId('account-row').first().click();
    await expect(b.getByRole('heading', { level: 1 })).toContainText(accountName);

    const name = `Sam Synced ${Date.now()}`;
    await a.getByTestId('add-stakeholder').click();
    const form = a.getByTestId('stakeholder-form');
    await form.locator('[name="name"]').fill(name);
    await form.locator('[name="title"]').fill('COO');
    await form.locator('[name="department"]').fill('Operations');
    await a.getByTestId('save-stakeholder').click();
    await expect(a.getByTestId('stakeholder-row').filter({ hasText: name })).toBeVisible();

    // No reload on B: the server's stream wakes B's replication, the host emits a change event.
    await expect(b.getByTestId('stakeholder-row').filter({ hasText: name })).toBeVisible({ timeout: 30_000 });
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
});
