// Every way in that should be refused is tried, against PGlite and real PostgreSQL.
import type { SyncServer } from '../../src/server';
import { BACKENDS, inviteUser, seedWorkspace, startServer, type Workspace } from './fixtures/sync-harness';

const doc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Acme',
  industry: 'software',
  region: 'emea',
  segment: 'smb',
  updatedAt: 1,
  ...extra,
});

// Generous: these suites share CPU with other integration suites and PostgreSQL.
vi.setConfig({ testTimeout: 90_000 });

describe.each(BACKENDS)('server security on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  let server: SyncServer;
  let url: string;
  let a: Workspace;
  let b: Workspace;

  beforeAll(async () => {
    env = await backend.create('security');
    ({ server, url } = await startServer(env.db, { bodyLimit: 64 * 1024 }));
    a = await seedWorkspace(server, url, 'A');
    b = await seedWorkspace(server, url, 'B');
  });
  afterAll(async () => {
    await server.close();
    await env.db.close();
    await env.drop();
  });

  async function call(method: string, path: string, token?: string, body?: unknown, raw?: string) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined || raw ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const push = (ws: Workspace | string, token: string | undefined, rows: unknown[], collection = 'accounts') =>
    call('POST', `/v1/workspaces/${typeof ws === 'string' ? ws : ws.id}/collections/${collection}/push`, token, { rows });
  const pull = (ws: Workspace, token: string | undefined, collection = 'accounts') =>
    call('GET', `/v1/workspaces/${ws.id}/collections/${collection}/pull?seq=0`, token);

  it('refuses cross-workspace reads and writes', async () => {
    expect((await push(a, a.adminToken, [{ newDocumentState: doc('acc_a') }])).status).toBe(200);
    const read = await pull(a, b.adminToken);
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('DS_SYNC_FORBIDDEN');
    const write = await push(a, b.adminToken, [{ newDocumentState: doc('acc_b') }]);
    expect(write.status).toBe(403);
    const stream = await fetch(`${url}/v1/workspaces/${a.id}/stream`, { headers: { authorization: `Bearer ${b.adminToken}` } });
    expect(stream.status).toBe(403);
    await stream.body?.cancel();
    expect((await pull(a, a.adminToken)).body.documents.map((d: { id: string }) => d.id)).toEqual(['acc_a']);
    expect((await pull(b, b.adminToken)).body.documents).toEqual([]);
  });

  it('refuses missing, unknown, expired and revoked tokens', async () => {
    expect((await pull(a, undefined)).body.error.code).toBe('DS_SYNC_UNAUTHORIZED');
    expect((await pull(a, 'x'.repeat(43))).status).toBe(401);
    const member = await inviteUser(url, a, 'member');
    expect((await pull(a, member.token)).status).toBe(200);
    // Admin revocation ends every session of that user at once.
    expect((await call('POST', `/v1/workspaces/${a.id}/revoke`, a.adminToken, { userId: member.userId })).body.revoked).toBe(1);
    expect((await pull(a, member.token)).status).toBe(401);
    // A member cannot revoke anyone.
    const other = await inviteUser(url, a, 'member');
    expect((await call('POST', `/v1/workspaces/${a.id}/revoke`, other.token, { userId: a.adminId })).status).toBe(403);
    // Sign-out revokes that token only.
    expect((await call('POST', '/v1/auth/sign-out', other.token, {})).status).toBe(204);
    expect((await call('GET', '/v1/auth/me', other.token)).status).toBe(401);
    // Expiry: a second instance on the same database issues 300 ms tokens.
    const shortLived = await startServer(env.db, { tokenTtlMs: 300 });
    const short = await inviteUser(shortLived.url, a, 'member');
    await shortLived.server.close();
    await new Promise((r) => setTimeout(r, 350));
    const expired = await pull(a, short.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('lets viewers read but not push, and only admins invite', async () => {
    const viewer = await inviteUser(url, b, 'viewer');
    expect((await pull(b, viewer.token)).status).toBe(200);
    const res = await push(b, viewer.token, [{ newDocumentState: doc('acc_v') }]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('DS_SYNC_FORBIDDEN');
    expect((await call('POST', `/v1/workspaces/${b.id}/invitations`, viewer.token, { email: 'x@y.zz', role: 'admin' })).status).toBe(403);
  });

  it('refuses wrong passwords and reused invite codes', async () => {
    expect(
      (await call('POST', '/v1/auth/sign-in', undefined, { email: 'nobody@example.com', password: 'whatever1' })).body.error.code,
    ).toBe('DS_SYNC_BAD_CREDENTIALS');
    const invite = await call('POST', `/v1/workspaces/${a.id}/invitations`, a.adminToken, { email: 'once@example.com', role: 'member' });
    // A new account may not take one of the most common passwords; the invite stays usable.
    const common = await call('POST', '/v1/invitations/accept', undefined, { code: invite.body.code, password: 'password1' });
    expect([common.status, common.body.error.code]).toEqual([422, 'DS_SYNC_WEAK_PASSWORD']);
    expect(
      (await call('POST', '/v1/invitations/accept', undefined, { code: invite.body.code, password: 'once upon a pilot' })).status,
    ).toBe(200);
    expect(
      (await call('POST', '/v1/invitations/accept', undefined, { code: invite.body.code, password: 'once upon a pilot' })).body.error.code,
    ).toBe('DS_SYNC_INVITE_INVALID');
  });

  it('limits failed sign-ins per email and client address with a coded 429', async () => {
    const limited = await startServer(env.db, { signInMaxFailures: 3, signInWindowMs: 60_000, trustProxy: true });
    try {
      const member = await inviteUser(limited.url, a, 'member');
      const email = (await call('GET', '/v1/auth/me', member.token)).body.email as string;
      const signIn = async (password: string, ip = '203.0.113.7', who = email) => {
        const res = await fetch(`${limited.url}/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email: who, password }),
        });
        return {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: (await res.json()) as { error?: { code: string; message: string } },
        };
      };
      // A right password clears earlier typos, so a person is not held back by their own.
      for (let i = 0; i < 2; i++) expect((await signIn('wrong password')).status).toBe(401);
      expect((await signIn('battery staple')).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await signIn('wrong password')).body.error?.code).toBe('DS_SYNC_BAD_CREDENTIALS');
      const refused = await signIn('battery staple'); // even the right one, until the window passes
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe('DS_SYNC_RATE_LIMITED');
      expect(refused.body.error?.message).toMatch(/wait \d+ seconds/i);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      // Another address, or another email from the same address, is not affected.
      expect((await signIn('battery staple', '198.51.100.4')).status).toBe(200);
      expect((await signIn('wrong password', '203.0.113.7', 'someone-else@example.com')).body.error?.code).toBe('DS_SYNC_BAD_CREDENTIALS');
      // Unknown emails count too, so guessing which accounts exist is limited the same way.
      for (let i = 0; i < 3; i++) await signIn('wrong password', '203.0.113.9', 'nobody-here@example.com');
      expect((await signIn('wrong password', '203.0.113.9', 'nobody-here@example.com')).status).toBe(429);
    } finally {
      await limited.server.close();
    }
  });

  it('rejects oversized bodies, malformed JSON, bad shapes and unknown collections with coded errors', async () => {
    const big = await push(a, a.adminToken, [{ newDocumentState: doc('acc_big', { name: 'x'.repeat(100_000) }) }]);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('DS_SYNC_BODY_TOO_LARGE');
    const bad = await call('POST', `/v1/workspaces/${a.id}/collections/accounts/push`, a.adminToken, undefined, '{"rows": [');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('DS_SYNC_MALFORMED_JSON');
    expect((await call('POST', `/v1/workspaces/${a.id}/collections/accounts/push`, a.adminToken, { nope: 1 })).body.error.code).toBe(
      'DS_SYNC_BAD_REQUEST',
    );
    const unknown = await push(a, a.adminToken, [{ newDocumentState: doc('acc_x') }], 'scores');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('DS_SYNC_NOT_FOUND');
  });

  it('stores nothing from a push holding one schema-invalid document', async () => {
    const res = await push(a, a.adminToken, [
      { newDocumentState: doc('acc_ok1') },
      { newDocumentState: doc('acc_bad', { segment: 'galactic' }) },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'DS_SYNC_INVALID_DOCUMENT', details: { index: 1, id: 'acc_bad' } });
    const extra = await push(a, a.adminToken, [{ newDocumentState: doc('acc_extra', { isAdmin: true }) }]);
    expect(extra.status).toBe(422);
    const ids = (await pull(a, a.adminToken)).body.documents.map((d: { id: string }) => d.id);
    expect(ids).not.toContain('acc_ok1');
    expect(ids).not.toContain('acc_extra');
  });

  it('stores SQL-looking strings verbatim and harmlessly', async () => {
    const evil = "Robert'); DROP TABLE sync_docs; --";
    const res = await push(a, a.adminToken, [{ newDocumentState: doc('acc_sql', { name: evil, industry: "' OR 1=1 --" }) }]);
    expect(res.status).toBe(200);
    const found = (await pull(a, a.adminToken)).body.documents.find((d: { id: string }) => d.id === 'acc_sql');
    expect(found).toMatchObject({ name: evil, industry: "' OR 1=1 --" });
    const signIn = await call('POST', '/v1/auth/sign-in', undefined, { email: "a@b.co' OR '1'='1", password: "' OR ''='" });
    expect(signIn.status).toBe(400);
  });
});
