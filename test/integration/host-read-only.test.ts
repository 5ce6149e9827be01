// A removed member's device, through the host, against a real sync server (PGlite): once the
// server says the account was removed, the workspace is read-only — reads answer, every change
// that would sync is refused with DS_WORKSPACE_READ_ONLY and stores nothing. (Its own file: one
// host per process, RxDB's free tier allows 13 open collections.)
import { createStore, type Store } from '../../src/main/store';
import { createHost, type Host } from '../../src/main/host/host';
import type { CallResult } from '../../src/shared/api';
import { createSyncClient } from '../../src/main/sync';
import { BACKENDS, serversPerSuite, waitFor } from './fixtures/sync-harness';

vi.setConfig({ testTimeout: 120_000 });

describe('a removed member’s workspace', () => {
  const suite = serversPerSuite(BACKENDS[0]!, 'host_read_only', { workspace: 'Read-only team' });
  let store: Store;
  let host: Host;
  beforeAll(async () => {
    store = await createStore({ name: `read-only-${Math.random().toString(36).slice(2)}` });
    host = createHost({ store });
  });
  afterAll(async () => {
    await host?.close();
    await store?.close();
  });
  const ok = <T>(r: CallResult): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.output as T;
  };

  it('stays readable and refuses changes once an admin removed the account', async () => {
    const { one, ws } = suite;
    const client = createSyncClient(one.url);
    const invite = await client.createInvite(ws.adminToken, ws.id, { email: 'leaver@example.com', role: 'member' });
    const accepted = await client.acceptInvite({ code: invite.code, password: 'leaving for good 1' });
    ok(
      await host.invoke('sync.connect', {
        serverUrl: one.url,
        email: 'leaver@example.com',
        password: 'leaving for good 1',
        workspaceId: ws.id,
      }),
    );
    const made = ok<{ id: string }>(
      await host.invoke('accounts.upsert', { name: 'Before removal', industry: 'Retail', region: 'EMEA', segment: 'smb' }),
    );

    const removed = await fetch(`${one.url}/v1/workspaces/${ws.id}/members/${(accepted as { userId: string }).userId}/remove`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.adminToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(removed.status).toBe(200);
    await waitFor(
      () => {
        const view = host.sync.view();
        return view.status.error?.code === 'DS_SYNC_MEMBER_REMOVED';
      },
      20_000,
      'the device to learn it was removed',
    );

    const before = await store.accounts.count().exec();
    const refused = await host.invoke('accounts.upsert', { name: 'After removal', industry: 'Retail', region: 'EMEA', segment: 'smb' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DS_WORKSPACE_READ_ONLY' } });
    expect(await host.invoke('accounts.remove', { id: made.id })).toMatchObject({ ok: false, error: { code: 'DS_WORKSPACE_READ_ONLY' } });
    expect(await store.accounts.count().exec()).toBe(before);
    // Reads still answer, and signing out (local settings only) is allowed.
    const list = ok<{ name: string }[]>(await host.invoke('accounts.list', {}));
    expect(list.map((a) => a.name)).toContain('Before removal');
    ok(await host.invoke('sync.disconnect', {}));
  });
});
