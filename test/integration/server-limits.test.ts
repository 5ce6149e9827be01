// Sign-in limits under concurrency and across instances, cheap refusal of large unauthenticated
// bodies, request timeouts, stream caps and coded answers for malformed requests — against
// PGlite and real PostgreSQL.
import http from 'node:http';
import net from 'node:net';
import { createSyncServer } from '../../src/server';
import { BACKENDS, inviteUser, serversPerSuite, startServer, type SuiteServers, type Workspace } from './fixtures/sync-harness';

vi.setConfig({ testTimeout: 120_000 });

const doc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Acme',
  industry: 'software',
  region: 'emea',
  segment: 'smb',
  updatedAt: 1,
  ...extra,
});

interface RawAnswer {
  status: number;
  body: { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
  headers: Headers;
}

async function call(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string | Buffer; ip?: string } = {},
): Promise<RawAnswer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.ip ? { 'x-forwarded-for': opts.ip } : {}),
    },
    // A Buffer is a valid fetch body in Node; the DOM typings only name their own kinds.
    body: (opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body))) as never,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

/** Raw bytes over a socket; resolves with everything the server sent before it closed. */
function rawExchange(
  url: string,
  bytes: string | Buffer,
  opts: { trickle?: { every: number; bytes: Buffer } } = {},
): Promise<{ text: string; closedAfterMs: number }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(bytes);
      const trickle = opts.trickle;
      if (trickle) {
        let i = 0;
        timer = setInterval(() => {
          if (i < trickle.bytes.length && !socket.destroyed) socket.write(trickle.bytes.subarray(i, ++i));
        }, trickle.every);
      }
    });
    socket.on('data', (d) => (text += String(d)));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') reject(err);
    });
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
  });
}

const codeIn = (text: string): string | undefined => /"code":"(DS_[A-Z_]+)"/.exec(text)?.[1];

describe.each(BACKENDS)('server limits on $name', (backend) => {
  // Two instances: on PostgreSQL each with its own pool, as two processes would be.
  const suite = serversPerSuite(backend, 'limits', { instances: 2, poolSize: 10, server: { trustProxy: true }, workspace: 'Limits' });
  let env: SuiteServers['env'];
  let one: SuiteServers['one'];
  let two: NonNullable<SuiteServers['two']>;
  let ws: Workspace;
  beforeAll(() => {
    ({ env, one, ws } = suite);
    two = suite.two!;
  });

  const signIn = (url: string, email: string, password: string, ip: string) =>
    call(url, 'POST', '/v1/auth/sign-in', { body: { email, password }, ip });

  it('checks at most 5 of 20 guesses sent at once for one e-mail, across two instances', async () => {
    const member = await inviteUser(one.url, ws, 'member');
    const email = (await call(one.url, 'GET', '/v1/auth/me', { token: member.token })).body.email as string;
    // Every guess wrong: a right one among them, checked in the first five, would start the
    // e-mail's count over (as it should: that person is in) and let later guesses be checked —
    // which made this test depend on the order the requests arrived in.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(i % 2 ? two.url : one.url, email, `wrong guess ${i}`, '203.0.113.50')),
    );
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s !== 429).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThanOrEqual(1);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(15);
    for (const r of refused) {
      expect(r.body.error?.code).toBe('DS_SYNC_RATE_LIMITED');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Still limited afterwards, on either instance, even with the right password…
    expect((await signIn(two.url, email, 'battery staple', '203.0.113.50')).status).toBe(429);
    // …while the same person from another address is not held back.
    expect((await signIn(one.url, email, 'battery staple', '198.51.100.50')).status).toBe(200);
    // The burst left a bounded trail: at most 5 failures and one "limited" entry.
    const audit = await call(one.url, 'GET', `/v1/workspaces/${ws.id}/audit?limit=500`, { token: ws.adminToken });
    const mine = (audit.body.entries as { action: string; targetEmail: string | null; address: string | null }[]).filter(
      (e) => e.targetEmail === email && e.address === '203.0.113.50',
    );
    expect(mine.filter((e) => e.action === 'sign_in.failed').length).toBeLessThanOrEqual(5);
  });

  it('limits one password sprayed over 20 e-mails from one address', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `spray-${backend.name}-${i}@example.com`);
    const answers = await Promise.all(emails.map((e, i) => signIn(i % 2 ? two.url : one.url, e, 'Summer2026!', '203.0.113.77')));
    const checked = answers.filter((a) => a.status !== 429).length;
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 429).every((a) => a.body.error?.code === 'DS_SYNC_RATE_LIMITED')).toBe(true);
    expect(answers.some((a) => a.status === 429)).toBe(true);
    // Another address is not affected.
    expect((await signIn(one.url, emails[0]!, 'Summer2026!', '198.51.100.77')).body.error?.code).toBe('DS_SYNC_BAD_CREDENTIALS');
  });

  it('refuses a 3.8 MB nested sign-in body before reading it, while other requests are answered', async () => {
    const body = Buffer.from(`{"email":"a@b.co","password":"12345678","x":${'['.repeat(1_900_000)}${']'.repeat(1_900_000)}}`);
    const { port } = new URL(one.url);
    // Sent in 64 KiB pieces, the next only after the last was taken: the answer must come while
    // most of the body is still unsent, i.e. before the server could have parsed it.
    const result = await new Promise<{ status: number; code?: string; sentBytes: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      let sent = 0;
      let answered = false;
      const req = http.request(
        {
          host: '127.0.0.1',
          port: Number(port),
          method: 'POST',
          path: '/v1/auth/sign-in',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          answered = true;
          let text = '';
          res.on('data', (d) => (text += String(d)));
          res.on('end', () => resolve({ status: res.statusCode!, code: codeIn(text), sentBytes: sent, ms: performance.now() - started }));
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (!answered && err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
      });
      const next = () => {
        if (answered || sent >= body.length) return req.end();
        const piece = body.subarray(sent, sent + 65_536);
        sent += piece.length;
        req.write(piece, () => setTimeout(next, 5));
      };
      next();
    });
    expect(result.status).toBe(413);
    expect(result.code).toBe('DS_SYNC_BODY_TOO_LARGE');
    expect(result.sentBytes).toBeLessThan(body.length / 2);
    // With a Content-Length, refused on the header alone; another request is answered meanwhile.
    const startedAt = performance.now();
    const [big, health] = await Promise.all([
      new Promise<{ status: number; code?: string; ms: number }>((resolve) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: Number(port),
            method: 'POST',
            path: '/v1/auth/sign-in',
            headers: { 'content-type': 'application/json', 'content-length': body.length },
          },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += String(d)));
            res.on('end', () => resolve({ status: res.statusCode!, code: codeIn(text), ms: performance.now() - startedAt }));
          },
        );
        req.on('error', () => undefined); // the server may close while we still write: the answer is what counts
        req.end(body);
      }),
      call(one.url, 'GET', '/health'),
    ]);
    expect(big.status).toBe(413);
    expect(big.code).toBe('DS_SYNC_BODY_TOO_LARGE');
    expect(health.status).toBe(200);
    // The issue's bound is 100 ms on loopback; 1 s leaves room for a busy shared machine.
    expect(big.ms).toBeLessThan(1000);
  });

  it('ends a request whose body trickles in, with a coded 408, and keeps serving', async () => {
    const slow = await startServer(env.db, { requestTimeoutMs: 600, headersTimeoutMs: 600 });
    try {
      const head = 'POST /v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
      const answer = await rawExchange(slow.url, head, { trickle: { every: 100, bytes: Buffer.from('{'.padEnd(200, ' ')) } });
      expect(answer.text).toMatch(/^HTTP\/1\.1 408/);
      expect(codeIn(answer.text)).toBe('DS_SYNC_REQUEST_TIMEOUT');
      // 200 bytes at 10 a second would take 20 s: it was cut off long before.
      expect(answer.closedAfterMs).toBeLessThan(10_000);
      // Headers that never finish are cut off the same way.
      const headers = await rawExchange(slow.url, 'GET /health HTTP/1.1\r\nHost: x\r\n', {
        trickle: { every: 100, bytes: Buffer.from('X-Slow: 1'.repeat(30)) },
      });
      expect(headers.closedAfterMs).toBeLessThan(10_000);
      expect((await call(slow.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await slow.server.close();
    }
  });

  it('caps live streams per token and per user with a coded 429', async () => {
    const capped = await startServer(env.db, { maxStreamsPerToken: 2, maxStreamsPerUser: 3 });
    const open: AbortController[] = [];
    const stream = async (token: string) => {
      const ac = new AbortController();
      const res = await fetch(`${capped.url}/v1/workspaces/${ws.id}/stream`, {
        headers: { authorization: `Bearer ${token}` },
        signal: ac.signal,
      });
      if (res.ok) {
        open.push(ac);
        return { status: res.status };
      }
      return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code };
    };
    try {
      const member = await inviteUser(capped.url, ws, 'member');
      expect((await stream(member.token)).status).toBe(200);
      expect((await stream(member.token)).status).toBe(200);
      const third = await stream(member.token);
      expect(third).toEqual({ status: 429, code: 'DS_SYNC_TOO_MANY_STREAMS' });
      // Same user, another device (token): allowed up to the per-user cap.
      const email = (await call(capped.url, 'GET', '/v1/auth/me', { token: member.token })).body.email as string;
      const other = (await signIn(capped.url, email, 'battery staple', '127.0.0.1')).body.token as string;
      expect((await stream(other)).status).toBe(200);
      expect(await stream(other)).toEqual({ status: 429, code: 'DS_SYNC_TOO_MANY_STREAMS' });
      // A closed stream gives its slot back (once the server has seen the socket close: polled,
      // not a fixed wait, so a loaded machine does not fail it).
      open.shift()!.abort();
      let again = await stream(other);
      for (let i = 0; i < 50 && again.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        again = await stream(other);
      }
      expect(again.status).toBe(200);
    } finally {
      for (const ac of open) ac.abort();
      await capped.server.close();
    }
  });

  it('accepts a deal whose next actions were marked done or snoozed (issue 15) and refuses a malformed mark', async () => {
    const pushPath = `/v1/workspaces/${ws.id}/collections/opportunities/push`;
    const deal = (id: string, actionStates: unknown) => ({
      id,
      accountId: 'acc_1',
      name: 'Renewal',
      amount: 1000,
      currency: 'USD',
      stage: 'propose',
      stageChangedAt: 1,
      createdAt: 1,
      closeDate: 2,
      status: 'open',
      ownerId: 'tm_1',
      members: [],
      updatedAt: 1,
      actionStates,
    });
    const marks = [
      { key: 'cover_role:stk_1', state: 'done', at: 5, by: 'tm_1' },
      { key: 'champion_quiet:stk_2', state: 'snoozed', until: 99, at: 5, by: 'tm_1' },
    ];
    const ok = await call(one.url, 'POST', pushPath, {
      token: ws.adminToken,
      body: { rows: [{ newDocumentState: deal('opp_marks', marks) }] },
    });
    expect(ok.status).toBe(200);
    const pulled = await call(one.url, 'GET', `/v1/workspaces/${ws.id}/collections/opportunities/pull?seq=0`, { token: ws.adminToken });
    expect((pulled.body.documents as { id: string; actionStates?: unknown }[]).find((d) => d.id === 'opp_marks')?.actionStates).toEqual(
      marks,
    );
    const bad = await call(one.url, 'POST', pushPath, {
      token: ws.adminToken,
      body: { rows: [{ newDocumentState: deal('opp_bad', [{ key: 'x', state: 'later', at: 5, by: 'tm_1' }]) }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'DS_SYNC_INVALID_DOCUMENT', details: { index: 0, id: 'opp_bad' } });
  });

  it('answers NUL, lone surrogates, invalid UTF-8, deep nesting, repeated params and bad HTTP with coded 4xx', async () => {
    const pushPath = `/v1/workspaces/${ws.id}/collections/accounts/push`;
    const nul = await call(one.url, 'POST', pushPath, {
      token: ws.adminToken,
      body: { rows: [{ newDocumentState: doc('acc_nul', { name: 'Ac\u0000me' }) }] },
    });
    expect(nul.status).toBe(422);
    expect(nul.body.error).toMatchObject({
      code: 'DS_SYNC_INVALID_DOCUMENT',
      details: { index: 0, id: 'acc_nul', issues: [{ path: 'name' }] },
    });
    const lone = await call(one.url, 'POST', pushPath, {
      token: ws.adminToken,
      raw: `{"rows":[{"newDocumentState":${JSON.stringify(doc('acc_ok'))}},{"newDocumentState":{"id":"acc_lone","name":"A\\ud800cme","industry":"software","region":"emea","segment":"smb","updatedAt":1}}]}`,
    });
    expect(lone.status).toBe(422);
    expect(lone.body.error).toMatchObject({ code: 'DS_SYNC_INVALID_DOCUMENT', details: { index: 1, id: 'acc_lone' } });
    const loneKey = await call(one.url, 'POST', pushPath, {
      token: ws.adminToken,
      raw: `{"rows":[{"newDocumentState":${JSON.stringify(doc('acc_k'))},"assumedMasterState":{"id":"acc_k","\\udc00":1}}]}`,
    });
    expect(loneKey.body.error?.code).toBe('DS_SYNC_INVALID_DOCUMENT');
    const badUtf8 = Buffer.concat([
      Buffer.from(`{"rows":[{"newDocumentState":{"id":"acc_utf","name":"Ac`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`me","industry":"software","region":"emea","segment":"smb","updatedAt":1}}]}`),
    ]);
    const utf = await call(one.url, 'POST', pushPath, { token: ws.adminToken, raw: badUtf8 });
    expect(utf.status).toBe(400);
    expect(utf.body.error?.code).toBe('DS_SYNC_INVALID_TEXT');
    const deep = await call(one.url, 'POST', pushPath, {
      token: ws.adminToken,
      raw: `{"rows":[{"newDocumentState":${JSON.stringify(doc('acc_deep'))},"assumedMasterState":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error?.code).toBe('DS_SYNC_MALFORMED_JSON');
    // Nothing of the refused pushes was stored (U+FFFD included).
    const pulled = await call(one.url, 'GET', `/v1/workspaces/${ws.id}/collections/accounts/pull?seq=0`, { token: ws.adminToken });
    const ids = (pulled.body.documents as { id: string; name: string }[]).map((d) => d.id);
    for (const id of ['acc_nul', 'acc_ok', 'acc_lone', 'acc_k', 'acc_utf', 'acc_deep']) expect(ids).not.toContain(id);
    expect(JSON.stringify(pulled.body)).not.toContain('\uFFFD');
    // Unauthenticated text is held to the same rule.
    const signInNul = await call(one.url, 'POST', '/v1/auth/sign-in', { raw: '{"email":"a@b.co","password":"pass\\u0000word"}' });
    expect(signInNul.status).toBe(400);
    expect(signInNul.body.error?.code).toBe('DS_SYNC_BAD_REQUEST');
    // A query parameter given twice.
    const twice = await fetch(`${one.url}/v1/workspaces/${ws.id}/stream?collections=accounts&collections=stakeholders`, {
      headers: { authorization: `Bearer ${ws.adminToken}` },
    });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('DS_SYNC_BAD_REQUEST');
    const seqTwice = await call(one.url, 'GET', `/v1/workspaces/${ws.id}/collections/accounts/pull?seq=0&seq=1`, { token: ws.adminToken });
    expect(seqTwice.status).toBe(400);
    expect(seqTwice.body.error?.code).toBe('DS_SYNC_BAD_REQUEST');
    // Requests the HTTP parser refuses get a coded body too.
    for (const bad of [
      'GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'NOT-HTTP\r\n\r\n',
      'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n',
    ]) {
      const answer = await rawExchange(one.url, bad);
      expect(answer.text).toMatch(/^HTTP\/1\.1 4\d\d/);
      expect(codeIn(answer.text)).toBe('DS_SYNC_BAD_REQUEST');
    }
    const badUrl = await fetch(`${one.url}/v1/workspaces/%E0%A4%A/stream`, { headers: { authorization: `Bearer ${ws.adminToken}` } });
    expect(badUrl.status).toBe(400);
    expect(((await badUrl.json()) as { error: { code: string } }).error.code).toBe('DS_SYNC_BAD_REQUEST');
    const wrongType = await fetch(`${one.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { code: string } }).error.code).toBe('DS_SYNC_BAD_REQUEST');
  });
});

describe('sign-in counts', () => {
  it('outlive the server instance that made them (they live in the database)', async () => {
    const env = await BACKENDS[0]!.create('limits-fresh');
    const a = await createSyncServer({ database: env.db, passwordMemoryKiB: 1024, trustProxy: true });
    const urlA = await a.listen(0);
    try {
      for (let i = 0; i < 5; i++)
        await call(urlA, 'POST', '/v1/auth/sign-in', { body: { email: 'x@example.com', password: `guess-${i}-x` }, ip: '192.0.2.9' });
      await a.close();
      const b = await createSyncServer({ database: env.db, passwordMemoryKiB: 1024, trustProxy: true });
      const urlB = await b.listen(0);
      try {
        expect(
          (await call(urlB, 'POST', '/v1/auth/sign-in', { body: { email: 'x@example.com', password: 'guess-6-x' }, ip: '192.0.2.9' }))
            .status,
        ).toBe(429);
      } finally {
        await b.close();
      }
    } finally {
      await env.db.close();
      await env.drop();
    }
  });
});
