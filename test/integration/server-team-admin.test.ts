// Team admin on PGlite and real PostgreSQL: members and devices, role changes, removal (every
// token ends; sign-in, pull, push and stream refused with DS_SYNC_MEMBER_REMOVED, also on a
// second instance), the audit log, and the PGlite folder lock shared by server and CLI.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createWorkspaceWithAdmin, openDatabase } from '../../src/server';
import { createSyncClient } from '../../src/main/sync';
import { BACKENDS, inviteUser, pgliteTemplateBlob, serversPerSuite, type SuiteServers, type Workspace } from './fixtures/sync-harness';
import { freePort, kill, spawnServer } from './fixtures/sync-processes';

vi.setConfig({ testTimeout: 120_000 });

const doc = (id: string) => ({ id, name: 'Acme', industry: 'software', region: 'emea', segment: 'smb', updatedAt: 1 });

async function call(url: string, method: string, p: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

/** Reads SSE events from a stream until it ends or `stop` says so. */
async function readStream(
  url: string,
  wsId: string,
  token: string,
  onEvent: (event: string, data: string) => void,
): Promise<{ status: number; done: Promise<void> }> {
  const res = await fetch(`${url}/v1/workspaces/${wsId}/stream`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    return { status: res.status, done: Promise.resolve() };
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      buffer += value;
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) onEvent(event, data ?? '');
      }
    }
  })();
  return { status: res.status, done };
}

describe.each(BACKENDS)('team admin on $name', (backend) => {
  const suite = serversPerSuite(backend, 'team_admin', { instances: 2, workspace: 'Team' });
  let one: SuiteServers['one'];
  let two: NonNullable<SuiteServers['two']>;
  let ws: Workspace;
  beforeAll(() => {
    ({ one, ws } = suite);
    two = suite.two!;
  });

  const wsPath = (p: string) => `/v1/workspaces/${ws.id}${p}`;

  it('removes a member: every token ends, and sign-in, pull, push and stream say why, on every instance', async () => {
    const member = await inviteUser(one.url, ws, 'member');
    const email = (await call(one.url, 'GET', '/v1/auth/me', member.token)).body.email as string;
    // A second device of the same member, signed in on the other instance.
    const second = await createSyncClient(two.url).signIn({ email, password: 'battery staple', workspaceId: ws.id });
    expect(
      (await call(two.url, 'POST', wsPath('/collections/accounts/push'), second.token, { rows: [{ newDocumentState: doc('acc_before') }] }))
        .status,
    ).toBe(200);

    const listed = await call(one.url, 'GET', wsPath('/members'), ws.adminToken);
    const row = (listed.body.members as { email: string; role: string; devices: unknown[] }[]).find((m) => m.email === email);
    expect(row).toMatchObject({ role: 'member' });
    expect(row!.devices).toHaveLength(2);

    // Live streams on both instances are told, with the code, and end.
    const events: string[] = [];
    const s1 = await readStream(one.url, ws.id, member.token, (e, d) => e === 'ended' && events.push(d));
    const s2 = await readStream(two.url, ws.id, second.token, (e, d) => e === 'ended' && events.push(d));
    expect([s1.status, s2.status]).toEqual([200, 200]);

    const removed = await call(one.url, 'POST', wsPath(`/members/${member.userId}/remove`), ws.adminToken, {});
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ userId: member.userId, email, tokensEnded: 2 });
    await Promise.race([
      Promise.all([s1.done, s2.done]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('streams did not end')), 15_000)),
    ]);
    expect(events).toHaveLength(2);
    for (const e of events) expect(JSON.parse(e)).toMatchObject({ code: 'DS_SYNC_MEMBER_REMOVED' });

    for (const [url, token] of [
      [one.url, member.token],
      [two.url, second.token],
    ] as const) {
      const pull = await call(url, 'GET', wsPath('/collections/accounts/pull?seq=0'), token);
      expect(pull.status).toBe(403);
      expect(pull.body.error?.code).toBe('DS_SYNC_MEMBER_REMOVED');
      const push = await call(url, 'POST', wsPath('/collections/accounts/push'), token, { rows: [{ newDocumentState: doc('acc_after') }] });
      expect(push.body.error?.code).toBe('DS_SYNC_MEMBER_REMOVED');
      const stream = await fetch(`${url}${wsPath('/stream')}`, { headers: { authorization: `Bearer ${token}` } });
      expect(stream.status).toBe(403);
      expect(((await stream.json()) as { error: { code: string } }).error.code).toBe('DS_SYNC_MEMBER_REMOVED');
    }
    const signIn = await call(two.url, 'POST', '/v1/auth/sign-in', undefined, { email, password: 'battery staple', workspaceId: ws.id });
    expect(signIn.status).toBe(403);
    expect(signIn.body.error?.code).toBe('DS_SYNC_MEMBER_REMOVED');
    expect(signIn.body.error?.message).toMatch(/removed you/);
    // A wrong password still says only that the password is wrong (nothing about membership).
    expect((await call(one.url, 'POST', '/v1/auth/sign-in', undefined, { email, password: 'not the password' })).body.error?.code).toBe(
      'DS_SYNC_BAD_CREDENTIALS',
    );
    // Nothing the removed member tried was stored.
    const ids = (
      (await call(one.url, 'GET', wsPath('/collections/accounts/pull?seq=0'), ws.adminToken)).body.documents as { id: string }[]
    ).map((d) => d.id);
    expect(ids).toContain('acc_before');
    expect(ids).not.toContain('acc_after');
    expect(
      ((await call(one.url, 'GET', wsPath('/members'), ws.adminToken)).body.members as { email: string }[]).map((m) => m.email),
    ).not.toContain(email);

    // Invited again, the same account is a member again.
    const invite = await createSyncClient(one.url).createInvite(ws.adminToken, ws.id, { email, role: 'viewer' });
    await createSyncClient(one.url).acceptInvite({ code: invite.code, password: 'battery staple' });
    const back = await createSyncClient(two.url).signIn({ email, password: 'battery staple', workspaceId: ws.id });
    expect(back.role).toBe('viewer');
  });

  it('changes roles at once, keeps one admin, and is for admins only (coded 403)', async () => {
    const member = await inviteUser(one.url, ws, 'member');
    const setRole = (token: string, userId: string, role: string) =>
      call(one.url, 'POST', wsPath(`/members/${userId}/role`), token, { role });
    expect(
      (await call(two.url, 'POST', wsPath('/collections/accounts/push'), member.token, { rows: [{ newDocumentState: doc('acc_m1') }] }))
        .status,
    ).toBe(200);
    expect((await setRole(ws.adminToken, member.userId, 'viewer')).body).toMatchObject({ role: 'viewer', previousRole: 'member' });
    const push = await call(two.url, 'POST', wsPath('/collections/accounts/push'), member.token, {
      rows: [{ newDocumentState: doc('acc_m2') }],
    });
    expect(push.status).toBe(403);
    expect(push.body.error?.code).toBe('DS_SYNC_FORBIDDEN');
    // Non-admins reach none of the admin routes.
    for (const [method, p, body] of [
      ['GET', '/members', undefined],
      ['GET', '/audit', undefined],
      ['POST', `/members/${ws.adminId}/role`, { role: 'viewer' }],
      ['POST', `/members/${ws.adminId}/remove`, {}],
    ] as const) {
      const res = await call(one.url, method, wsPath(p), member.token, body);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('DS_SYNC_FORBIDDEN');
    }
    // The only admin can neither step down nor be removed.
    expect((await setRole(ws.adminToken, ws.adminId, 'member')).body.error?.code).toBe('DS_SYNC_LAST_ADMIN');
    expect((await call(one.url, 'POST', wsPath(`/members/${ws.adminId}/remove`), ws.adminToken, {})).status).toBe(409);
    // With a second admin, the first may step down.
    expect((await setRole(ws.adminToken, member.userId, 'admin')).status).toBe(200);
    expect((await setRole(ws.adminToken, ws.adminId, 'member')).status).toBe(200);
    expect((await setRole(member.token, ws.adminId, 'admin')).status).toBe(200);
    // Malformed input is coded too.
    expect((await setRole(ws.adminToken, 'not-a-uuid', 'admin')).body.error?.code).toBe('DS_SYNC_BAD_REQUEST');
    expect((await setRole(ws.adminToken, member.userId, 'owner')).body.error?.code).toBe('DS_SYNC_BAD_REQUEST');
    expect((await setRole(ws.adminToken, '00000000-0000-4000-8000-000000000000', 'member')).status).toBe(404);
  });

  it('keeps an audit log of sign-ins, invites, role changes and removals, readable by admins', async () => {
    const member = await inviteUser(one.url, ws, 'member');
    await call(one.url, 'POST', wsPath(`/members/${member.userId}/role`), ws.adminToken, { role: 'viewer' });
    await call(one.url, 'POST', wsPath(`/members/${member.userId}/remove`), ws.adminToken, {});
    const audit = await call(one.url, 'GET', wsPath('/audit?limit=100'), ws.adminToken);
    expect(audit.status).toBe(200);
    const entries = audit.body.entries as { id: number; action: string; actorEmail: string | null; targetEmail: string | null }[];
    const actions = entries.map((e) => e.action);
    for (const a of ['workspace.created', 'sign_in.ok', 'invite.created', 'invite.accepted', 'member.role_changed', 'member.removed'])
      expect(actions).toContain(a);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((x, y) => y - x)); // newest first
    const removal = entries.find((e) => e.action === 'member.removed')!;
    expect(removal.actorEmail).toMatch(/^admin-/);
    const page = await call(one.url, 'GET', wsPath(`/audit?limit=2&before=${entries[0]!.id}`), ws.adminToken);
    expect((page.body.entries as { id: number }[]).map((e) => e.id)).toEqual([entries[1]!.id, entries[2]!.id]);
    expect((await call(one.url, 'GET', wsPath('/audit?limit=0'), ws.adminToken)).body.error?.code).toBe('DS_SYNC_BAD_REQUEST');
  });
});

describe('the PGlite data folder lock', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/cli.ts'), ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += String(d)));
      child.stderr.on('data', (d) => (err += String(d)));
      child.on('exit', (code) => resolve({ code, out, err }));
    });

  it('refuses `admin create` while a server runs on the folder, and the folder keeps working', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ds-lock-'));
    const email = 'lock-admin@example.com';
    const password = 'plum-otter-harbour-41';
    const db = await openDatabase({ dataDir, pgliteTemplate: await pgliteTemplateBlob() });
    // The test process holds the lock now: a CLI is refused even before a server exists.
    expect((await cli(['admin', 'list', '--workspace', 'x', '--data', dataDir])).err).toMatch(/DS_SYNC_DATA_FOLDER_IN_USE/);
    const created = await createWorkspaceWithAdmin(db, { workspace: 'Lock', email, password, passwordMemoryKiB: 1024 });
    await db.close();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let server = await spawnServer({ port, dataDir });
    try {
      const refused = await cli([
        'admin',
        'create',
        '--workspace',
        'Second',
        '--email',
        'second@example.com',
        '--password',
        'another-long-phrase-9',
        '--data',
        dataDir,
      ]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/DS_SYNC_DATA_FOLDER_IN_USE: the data folder .* is in use by another Deep Sales server or CLI/);
      // The running server is unharmed: sign in, push, pull.
      const session = await createSyncClient(url).signIn({ email, password, workspaceId: created.workspaceId });
      const push = await call(url, 'POST', `/v1/workspaces/${created.workspaceId}/collections/accounts/push`, session.token, {
        rows: [{ newDocumentState: doc('acc_lock') }],
      });
      expect(push.status).toBe(200);
      // A second server on the same folder is refused too.
      await expect(spawnServer({ port: await freePort(), dataDir })).rejects.toThrow(/DS_SYNC_DATA_FOLDER_IN_USE/);
      // A server that died without releasing the lock does not block the folder forever.
      await kill(server);
      server = await spawnServer({ port, dataDir });
      const again = await createSyncClient(url).signIn({ email, password, workspaceId: created.workspaceId });
      const pulled = await call(url, 'GET', `/v1/workspaces/${created.workspaceId}/collections/accounts/pull?seq=0`, again.token);
      expect((pulled.body.documents as { id: string }[]).map((d) => d.id)).toEqual(['acc_lock']);
      await kill(server);
      // Once the server is gone the CLI works on the folder (and still refuses a common password).
      expect(
        (
          await cli([
            'admin',
            'create',
            '--workspace',
            'Second',
            '--email',
            'second@example.com',
            '--password',
            'password1',
            '--data',
            dataDir,
          ])
        ).err,
      ).toMatch(/DS_SYNC_WEAK_PASSWORD/);
      const listed = await cli(['admin', 'list', '--workspace', 'Lock', '--data', dataDir]);
      expect(listed.code).toBe(0);
      expect(listed.out).toContain(email);
    } finally {
      await kill(server);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
