// The host's team-admin methods against a real sync server (PGlite): an admin lists, invites,
// changes roles, removes and reads the audit log through the signed-in session; a member is
// refused with the server's code; a removed member's sync status says why. (One host per
// process: RxDB's free tier allows 13 open collections, so the member syncs a small store.)
import { createStore, type Store } from '../../src/main/store';
import { createHost, type Host } from '../../src/main/host/host';
import type { CallResult } from '../../src/shared/api';
import type { SyncServer } from '../../src/server';
import { createSyncClient, startSync, type SyncHandle } from '../../src/main/sync';
import { BACKENDS, seedWorkspace, startServer, waitFor, type Workspace } from './fixtures/sync-harness';
import { account, createTestStore } from './fixtures/sync-store';

vi.setConfig({ testTimeout: 120_000 });

describe('team admin through the host', () => {
  let env: Awaited<ReturnType<(typeof BACKENDS)[0]['create']>>;
  let server: SyncServer;
  let url: string;
  let ws: Workspace;
  const hosts: Host[] = [];
  const stores: Store[] = [];
  const syncs: SyncHandle[] = [];

  beforeAll(async () => {
    env = await BACKENDS[0]!.create('host_admin');
    ({ server, url } = await startServer(env.db));
    ws = await seedWorkspace(server, url, 'Host team');
  });
  afterAll(async () => {
    for (const h of syncs) await h.stop();
    for (const h of hosts) await h.close();
    for (const s of stores) await s.close();
    await server.close();
    await env.db.close();
  });

  async function device(): Promise<Host> {
    const store = await createStore({ name: `team-admin-${Math.random().toString(36).slice(2)}` });
    stores.push(store);
    const host = createHost({ store });
    hosts.push(host);
    return host;
  }
  const ok = <T>(r: CallResult): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.output as T;
  };

  it('lets an admin run the team and tells a removed member why', async () => {
    const adminEmail = (await createSyncClient(url).me(ws.adminToken)).email;
    const admin = await device();
    // Signed out: a coded answer, not a crash.
    expect(await admin.invoke('team.admin.members', {})).toMatchObject({ ok: false, error: { code: 'DS_SYNC_ERROR' } });
    ok(await admin.invoke('sync.connect', { serverUrl: url, email: adminEmail, password: 'correct horse', workspaceId: ws.id }));

    const invite = ok<{ code: string }>(await admin.invoke('team.admin.invite', { email: 'field@example.com', role: 'member' }));
    const pending = ok<{ invites: { email: string }[] }>(await admin.invoke('team.admin.members', {}));
    expect(pending.invites.map((i) => i.email)).toContain('field@example.com');
    const accepted = await createSyncClient(url).acceptInvite({ code: invite.code, password: 'field-password-1' });

    const session = await createSyncClient(url).signIn({ email: 'field@example.com', password: 'field-password-1', workspaceId: ws.id });
    const memberStore = await createTestStore(`team-admin-member-${Date.now()}`, ['accounts']);
    const member = startSync({
      store: memberStore,
      serverUrl: url,
      workspaceId: ws.id,
      token: session.token,
      collections: ['accounts'],
      retryTimeMs: 100,
    });
    syncs.push(member);
    await memberStore.collections.accounts!.insert(account('acc_field_1'));
    await member.awaitInSync();

    const listed = ok<{ members: { email: string; role: string; devices: unknown[] }[] }>(await admin.invoke('team.admin.members', {}));
    expect(listed.members.find((m) => m.email === 'field@example.com')).toMatchObject({ role: 'member' });
    expect(
      ok<{ previousRole: string }>(await admin.invoke('team.admin.setRole', { userId: accepted.userId, role: 'viewer' })).previousRole,
    ).toBe('member');
    expect(await admin.invoke('team.admin.setRole', { userId: ws.adminId, role: 'member' })).toMatchObject({
      ok: false,
      error: { code: 'DS_SYNC_LAST_ADMIN' },
    });
    expect(await admin.invoke('team.admin.setRole', { userId: 'nope', role: 'member' })).toMatchObject({
      ok: false,
      error: { code: 'DS_API_INVALID_INPUT' },
    });

    ok(await admin.invoke('team.admin.remove', { userId: accepted.userId }));
    const audit = ok<{ entries: { action: string }[] }>(await admin.invoke('team.admin.audit', { limit: 50 }));
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['member.removed', 'member.role_changed', 'invite.created', 'invite.accepted']),
    );

    // The removed member's sync status (what its Settings and badge show) says why, in words.
    await memberStore.collections.accounts!.insert(account('acc_field_2'));
    await waitFor(() => member.status.error?.code === 'DS_SYNC_MEMBER_REMOVED', 20_000, 'the member device to learn it was removed');
    expect(member.status.state).toBe('error');
    expect(member.status.error?.message).toMatch(/removed you from the team workspace "Host team"/);
    await memberStore.close();

    // Signed in as a non-admin, the same host is refused with the server's own code.
    const viewerInvite = ok<{ code: string }>(await admin.invoke('team.admin.invite', { email: 'viewer@example.com', role: 'viewer' }));
    await createSyncClient(url).acceptInvite({ code: viewerInvite.code, password: 'viewer-password-1' });
    ok(
      await admin.invoke('sync.connect', {
        serverUrl: url,
        email: 'viewer@example.com',
        password: 'viewer-password-1',
        workspaceId: ws.id,
      }),
    );
    expect(await admin.invoke('team.admin.members', {})).toMatchObject({ ok: false, error: { code: 'DS_SYNC_FORBIDDEN' } });
  });
});
