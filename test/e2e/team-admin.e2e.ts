// Settings → Team members: an admin signed in to the team server sees the members with their
// devices, invites someone (a one-time code), changes a role, removes a member after a
// confirmation, and reads the audit log. Its own preview host and sync server (PGlite).
import { expect, test } from '@playwright/test';
import { startPreview, startSyncServer, type PreviewProcess, extraPort } from './support/preview-process';
import { createTeam, tempDir } from './support/team';

const EMAIL = 'admin@team-admin.test';
const PASSWORD = 'plum otter harbour';
const TEAM = { email: EMAIL, password: PASSWORD };
// The server takes any free port (it prints its address); the host one beside this suite's own.
const SERVER_PORT = 0;
const PREVIEW_PORT = extraPort(1000);

test('an admin lists, invites, changes a role and removes a member from Settings', async ({ browser }) => {
  // Generous: `admin create` runs PGlite's initdb (seconds alone, minutes on a shared machine).
  test.setTimeout(480_000);
  const serverData = createTeam('Team', TEAM, 'team-admin-server');
  const running: PreviewProcess[] = [];
  try {
    const server = await startSyncServer(SERVER_PORT, serverData);
    running.push(server);
    const host = await startPreview(PREVIEW_PORT, ['--data', tempDir('team-admin-host'), '--empty']);
    running.push(host);
    // A member who joined by invite and signed in from another device.
    const post = async (p: string, body: unknown, token?: string) => {
      const res = await fetch(`${server.url}/v1${p}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      expect(res.ok, `${p}: ${res.status}`).toBe(true);
      return (await res.json()) as Record<string, string>;
    };
    const adminSession = await post('/auth/sign-in', { email: EMAIL, password: PASSWORD });
    const invite = await post(
      `/workspaces/${adminSession.workspaceId}/invitations`,
      { email: 'field@team-admin.test', role: 'member' },
      adminSession.token,
    );
    await post('/invitations/accept', { code: invite.code, password: 'field seller 2026' });
    await post('/auth/sign-in', { email: 'field@team-admin.test', password: 'field seller 2026' });

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${host.url}/#/settings`);
    const form = page.getByTestId('sync-form');
    await form.locator('[name="serverUrl"]').fill(server.url);
    await form.locator('[name="email"]').fill(EMAIL);
    await form.locator('[name="password"]').fill(PASSWORD);
    await page.getByTestId('sync-connect').click();

    const section = page.getByRole('region', { name: /Team members/ });
    await expect(section).toBeVisible({ timeout: 30_000 });
    const field = section.getByTestId('team-member-row').filter({ hasText: 'field@team-admin.test' });
    await expect(field).toContainText('1 device');
    await expect(section.getByTestId('team-member-row').filter({ hasText: EMAIL })).toContainText('(you)');

    // Invite: the code is shown once.
    await section.getByLabel('E-mail').fill('new@team-admin.test');
    await section.getByRole('button', { name: 'Invite' }).click();
    await expect(section.getByTestId('team-invite-code')).toContainText('Invite code for new@team-admin.test');
    await expect(section).toContainText('Invited, not joined yet: new@team-admin.test (Member)');

    // Role change.
    await field.getByLabel('Role of field@team-admin.test').selectOption('viewer');
    await expect(field.getByLabel('Role of field@team-admin.test')).toHaveValue('viewer');
    // The only admin cannot step down: the server's words, not a code.
    await section.getByTestId('team-member-row').filter({ hasText: EMAIL }).getByLabel(`Role of ${EMAIL}`).selectOption('member');
    await expect(section.getByRole('alert')).toContainText('at least one admin');
    await expect(section.getByRole('alert')).not.toContainText('DS_SYNC');

    // Removal asks first, says what happens, then the member is gone.
    await field.getByTestId('team-remove').click();
    await expect(field).toContainText('stop syncing at once');
    await field.getByTestId('team-remove-confirm').click();
    await expect(section.getByTestId('team-member-row').filter({ hasText: 'field@team-admin.test' })).toHaveCount(0);

    // The audit log tells the story.
    await section.getByText('Audit log').click();
    const audit = section.getByTestId('team-audit');
    await expect(audit).toContainText('Removed');
    await expect(audit).toContainText('Changed role');
    await expect(audit).toContainText('Invited');
    await expect(audit).toContainText('member → viewer');
  } finally {
    for (const p of running.reverse()) await p.stop();
  }
});
