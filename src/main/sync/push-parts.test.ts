import { SyncClientError } from './http';
import { pushInParts, refusesDocument } from './push-parts';

type Row = { newDocumentState: { id: string; text: string } };
const row = (id: string, bytes = 10): Row => ({ newDocumentState: { id, text: 'x'.repeat(bytes) } });

/** A server that refuses the ids in `bad` the way it refuses a body: the whole request, no index. */
function judge(bad: Set<string>, limit: number, withIndex = false) {
  const bodies: string[] = [];
  return {
    bodies,
    async send(body: string, rows: Row[]) {
      bodies.push(body);
      if (Buffer.byteLength(body) > limit) throw new SyncClientError('DS_SYNC_BODY_TOO_LARGE', 'too large', 413);
      const i = rows.findIndex((r) => bad.has(r.newDocumentState.id));
      if (i >= 0) throw new SyncClientError('DS_SYNC_INVALID_DOCUMENT', 'invalid', 422, withIndex ? { index: i } : undefined);
      return [];
    },
  };
}

describe('pushInParts', () => {
  it('sizes parts by bytes so every body stays under the limit', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(`r${i}`, 1000));
    const server = judge(new Set(), 20_000);
    const result = await pushInParts(rows, { maxBodyBytes: 20_000, send: server.send });
    expect(result.accepted).toHaveLength(100);
    expect(result.requests).toBeGreaterThanOrEqual(6);
    for (const b of server.bodies) expect(Buffer.byteLength(b)).toBeLessThanOrEqual(20_000);
    expect(server.bodies.flatMap((b) => (JSON.parse(b) as { rows: Row[] }).rows.map((r) => r.newDocumentState.id))).toEqual(
      rows.map((r) => r.newDocumentState.id),
    );
  });

  it('bisects a refused part to the refused rows and sends all the others', async () => {
    const rows = Array.from({ length: 16 }, (_, i) => row(`r${i}`));
    const result = await pushInParts(rows, { maxBodyBytes: 1_000_000, send: judge(new Set(['r3', 'r11']), 1_000_000).send });
    expect(result.refused.map((r) => r.row.newDocumentState.id)).toEqual(['r3', 'r11']);
    expect(result.refused[0]).toMatchObject({ code: 'DS_SYNC_INVALID_DOCUMENT', status: 422 });
    expect(result.accepted.map((r) => r.newDocumentState.id).sort()).toEqual(
      rows
        .map((r) => r.newDocumentState.id)
        .filter((id) => id !== 'r3' && id !== 'r11')
        .sort(),
    );
  });

  it('uses the index a 422 names instead of bisecting', async () => {
    const rows = Array.from({ length: 16 }, (_, i) => row(`r${i}`));
    const result = await pushInParts(rows, { maxBodyBytes: 1_000_000, send: judge(new Set(['r5']), 1_000_000, true).send });
    expect(result.refused.map((r) => r.row.newDocumentState.id)).toEqual(['r5']);
    expect(result.requests).toBe(2);
  });

  it('refuses a row larger than a part without sending it', async () => {
    const server = judge(new Set(), 5_000);
    const result = await pushInParts([row('small'), row('huge', 10_000), row('small2')], { maxBodyBytes: 5_000, send: server.send });
    expect(result.refused).toEqual([expect.objectContaining({ code: 'DS_SYNC_BODY_TOO_LARGE', status: 413 })]);
    expect(result.refused[0]!.row.newDocumentState.id).toBe('huge');
    expect(server.bodies.some((b) => b.includes('huge'))).toBe(false);
    expect(result.accepted).toHaveLength(2);
  });

  it('throws what is not about a document, so RxDB retries the batch', async () => {
    const down = async () => {
      throw new SyncClientError('DS_SYNC_UNAVAILABLE', 'down');
    };
    await expect(pushInParts([row('a')], { maxBodyBytes: 1000, send: down })).rejects.toMatchObject({ code: 'DS_SYNC_UNAVAILABLE' });
    expect(refusesDocument(new SyncClientError('DS_SYNC_UNAUTHORIZED', 'x', 401))).toBe(false);
    expect(refusesDocument(new SyncClientError('DS_SYNC_INTERNAL', 'x', 500))).toBe(false);
    expect(refusesDocument(new SyncClientError('DS_SYNC_INVALID_DOCUMENT', 'x', 422))).toBe(true);
  });
});
