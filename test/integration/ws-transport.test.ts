// The web preview's WebSocket transport: real server, real socket, bad frames answered with
// codes while the connection and the data stay intact.
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createStore, type Store } from '../../src/main/store';
import { createHost, type Host } from '../../src/main/host';
import { startPreviewServer, type PreviewServer } from '../../src/main/web-preview/preview-server';
import { MAX_REQUEST_BYTES, type WsFrame } from '../../src/shared/api';
import { fillTinyWorkspace } from '../support/tiny-workspace';

let store: Store;
let host: Host;
let server: PreviewServer;

beforeAll(async () => {
  store = await createStore({ name: 'wstransport' });
  await fillTinyWorkspace(store);
  host = createHost({ store });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-preview-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Deep Sales</title>');
  server = await startPreviewServer({ host, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await host.close();
  await store.close();
});

function connect(origin = server.url, key: string | null = server.secret, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const query = key === null ? '' : `?key=${encodeURIComponent(key)}`;
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api${query}`, { origin, headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextResult(ws: WebSocket): Promise<Extract<WsFrame, { kind: 'result' }>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as WsFrame;
      if (frame.kind === 'result') {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

async function roundTrip(ws: WebSocket, raw: string) {
  const result = nextResult(ws);
  ws.send(raw);
  return result;
}

describe('web preview transport', () => {
  it('serves the renderer and answers API calls', async () => {
    expect((await fetch(server.url)).status).toBe(200);
    const ws = await connect();
    const frame = await roundTrip(ws, JSON.stringify({ id: 1, method: 'accounts.list', input: {} }));
    expect(frame.id).toBe(1);
    expect(frame.result.ok).toBe(true);
    ws.close();
  });

  it('answers malformed frames with codes and keeps the connection', async () => {
    const ws = await connect();
    const bad: [string, string][] = [
      ['not json {', 'DS_API_MALFORMED'],
      [JSON.stringify({ method: 'accounts.list' }), 'DS_API_MALFORMED'],
      [JSON.stringify({ id: 2, method: 'nope', input: {} }), 'DS_API_UNKNOWN_METHOD'],
      [JSON.stringify({ id: 3, method: 'accounts.get', input: { id: 7 } }), 'DS_API_INVALID_INPUT'],
      [JSON.stringify({ id: 4, method: 'accounts.list', input: { search: 'x'.repeat(MAX_REQUEST_BYTES) } }), 'DS_API_PAYLOAD_TOO_LARGE'],
    ];
    for (const [raw, code] of bad) {
      const frame = await roundTrip(ws, raw);
      expect(frame.result.ok).toBe(false);
      if (!frame.result.ok) expect(frame.result.error.code).toBe(code);
    }
    const ok = await roundTrip(ws, JSON.stringify({ id: 9, method: 'accounts.list', input: {} }));
    expect(ok.result.ok).toBe(true);
    expect(await store.accounts.count().exec()).toBe(2);
    ws.close();
  });

  it('pushes change events to connected windows', async () => {
    const ws = await connect();
    const event = new Promise<WsFrame>((resolve) =>
      ws.on('message', (d) => {
        const frame = JSON.parse(d.toString()) as WsFrame;
        if (frame.kind === 'event') resolve(frame);
      }),
    );
    await host.invoke('accounts.upsert', { name: 'Cobalt Mining', industry: 'Mining', region: 'APAC', segment: 'smb' });
    expect(await event).toMatchObject({ kind: 'event', event: { type: 'changed', collections: ['accounts'] } });
    ws.close();
  });

  it('refuses pages from other origins', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow(/403/);
  });

  it('refuses a socket without the launch secret, with a wrong one, or under a foreign Host', async () => {
    await expect(connect(server.url, null)).rejects.toThrow(/403/);
    await expect(connect(server.url, 'x'.repeat(43))).rejects.toThrow(/403/);
    // A local process that sends no Origin header at all still needs the secret.
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api`);
        ws.once('open', resolve);
        ws.once('error', reject);
      }),
    ).rejects.toThrow(/403/);
    await expect(connect(server.url, server.secret, { host: `rebound.example:${new URL(server.url).port}` })).rejects.toThrow(/403/);
    // fetch cannot set Host; a raw request can, as a rebound DNS name would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(`${server.url}/`, { headers: { host: 'rebound.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .once('error', reject);
    });
    expect(status).toBe(403);
  });

  it('hands the browser the secret through the launch URL as a same-site cookie', async () => {
    const wrong = await fetch(`${server.url}/key/${'y'.repeat(43)}`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
    const launch = await fetch(server.launchUrl, { redirect: 'manual' });
    expect(launch.status).toBe(302);
    expect(launch.headers.get('location')).toBe('/');
    const cookie = launch.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const ws = await connect(server.url, null, { cookie: cookie.split(';')[0]! });
    expect((await roundTrip(ws, JSON.stringify({ id: 5, method: 'accounts.list', input: {} }))).result.ok).toBe(true);
    ws.close();
  });

  it('sends the CSP with every page', async () => {
    const csp = (await fetch(server.url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('answers an oversized or unparsable frame with its own id and a code', async () => {
    const ws = await connect();
    const big = await roundTrip(
      ws,
      JSON.stringify({ id: 41, method: 'scoring.importHistory', input: { csv: 'x'.repeat(MAX_REQUEST_BYTES + 10) } }),
    );
    expect(big.id).toBe(41);
    expect(big.result.ok).toBe(false);
    if (!big.result.ok) expect(big.result.error.code).toBe('DS_API_PAYLOAD_TOO_LARGE');
    const broken = await roundTrip(ws, '{"id":42,"method":"accounts.list","input":{');
    expect(broken.id).toBe(42);
    if (!broken.result.ok) expect(broken.result.error.code).toBe('DS_API_MALFORMED');
    ws.close();
  });
});
