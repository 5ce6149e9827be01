// Two server instances on one database: a write pushed to instance 1 reaches a stream and a
// live client on instance 2 (LISTEN/NOTIFY), also after instance 2 loses its LISTEN connection.
import pg from 'pg';
import { startSync } from '../../src/main/sync';
import { openEventStream, type StreamEvent } from '../../src/main/sync/event-stream';
import { BACKENDS, inviteUser, serversPerSuite, waitFor, type SuiteServers, type Workspace } from './fixtures/sync-harness';
import { account, createTestStore } from './fixtures/sync-store';

// Generous: these suites share CPU with other integration suites and PostgreSQL.
vi.setConfig({ testTimeout: 90_000 });

describe.each(BACKENDS)('fan-out on $name', (backend) => {
  // PGlite is one in-process database, so both instances share it; PostgreSQL gets two pools.
  const suite = serversPerSuite(backend, 'fanout', { instances: 2 });
  let env: SuiteServers['env'];
  let one: SuiteServers['one'];
  let two: NonNullable<SuiteServers['two']>;
  let ws: Workspace;
  beforeAll(() => {
    ({ env, one, ws } = suite);
    two = suite.two!;
  });

  const push = (url: string, id: string) =>
    fetch(`${url}/v1/workspaces/${ws.id}/collections/accounts/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ newDocumentState: { ...account(id), _deleted: false } }] }),
    });

  it('delivers a push on instance 1 to the stream and a live client on instance 2', async () => {
    const events: StreamEvent[] = [];
    let connected = false;
    const stream = openEventStream({
      url: `${two.url}/v1/workspaces/${ws.id}/stream?collections=accounts`,
      token: ws.adminToken,
      onEvent: (e) => events.push(e),
      onConnected: () => (connected = true),
      onDisconnected: () => (connected = false),
    });
    const store = await createTestStore(`fanout-${backend.name}`, ['accounts']);
    const sync = startSync({ store, serverUrl: two.url, workspaceId: ws.id, token: ws.adminToken, collections: ['accounts'] });
    try {
      await waitFor(() => connected, 5000, 'stream connected');
      await sync.awaitInSync();
      expect((await push(one.url, 'acc_fan1')).status).toBe(200);
      await waitFor(
        () => events.some((e) => e.event === 'change' && JSON.parse(e.data).collections.includes('accounts')),
        5000,
        'change event on instance 2',
      );
      await waitFor(async () => !!(await store.collections.accounts!.findOne('acc_fan1').exec()), 5000, 'doc on client of instance 2');

      if (env.url) {
        // Cut instance 2's LISTEN connection: it reconnects, streams resync, events flow again.
        const admin = new pg.Client({ connectionString: env.url });
        await admin.connect();
        const killed = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
        );
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);
        await waitFor(() => events.some((e) => e.event === 'resync'), 5000, 'resync after listener loss');
      }
      expect((await push(one.url, 'acc_fan2')).status).toBe(200);
      await waitFor(async () => !!(await store.collections.accounts!.findOne('acc_fan2').exec()), 5000, 'doc after reconnect');
    } finally {
      stream.close();
      await sync.stop();
      await store.close();
    }
  });
  it('resumes a stream from Last-Event-ID by reporting what changed meanwhile', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${two.url}/v1/workspaces/${ws.id}/stream`, {
      headers: { authorization: `Bearer ${ws.adminToken}`, 'last-event-id': '0' },
      signal: ctl.signal,
    });
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (text.includes('event: change')) break;
    }
    ctl.abort();
    expect(text).toMatch(/event: ready/);
    expect(text).toMatch(/event: change\ndata: \{"seq":\d+,"collections":\["accounts"\]\}/);
  });
  it('revokes on every instance at once, despite the session cache', async () => {
    const member = await inviteUser(one.url, ws, 'member');
    const pullOnTwo = async () =>
      (
        await fetch(`${two.url}/v1/workspaces/${ws.id}/collections/accounts/pull?seq=0&limit=1`, {
          headers: { authorization: `Bearer ${member.token}` },
        })
      ).status;
    expect(await pullOnTwo()).toBe(200); // now cached on instance 2
    const res = await fetch(`${one.url}/v1/workspaces/${ws.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: member.userId }),
    });
    expect(res.status).toBe(200);
    await waitFor(async () => (await pullOnTwo()) === 401, 2000, 'revocation seen by instance 2');
  });
});
