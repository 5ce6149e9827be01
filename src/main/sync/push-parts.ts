// Main process: sends one RxDB push batch to the server in parts that fit its body limit, and
// finds the documents it refuses, so one bad document never blocks the others.
//
// 1. Parts are sized by BYTES of JSON, not by count: a hundred large interactions can weigh
//    6 MB while the server takes 4 MiB. Each row is serialised once; the body is the joined rows.
// 2. A row alone larger than a part is refused here (DS_SYNC_BODY_TOO_LARGE, 413) without
//    sending it: a server closing the connection on an oversize body loses its 413, and the
//    client would read "cannot reach the server" forever.
// 3. An answer that judges documents (400, 413, 422) refuses a document, not the sync: a 422
//    naming the row's index sets that row aside and sends the rest; otherwise the part is split
//    in halves until the refused rows are alone. Anything else (network, 5xx, 401/403/404/429)
//    is thrown, and RxDB retries the whole batch later: accepted parts are then re-sent, which
//    the server answers as no-op conflicts (same state), so a retry never duplicates a write.
import { SyncClientError } from './http';

export interface PushRowLike {
  assumedMasterState?: unknown;
  newDocumentState: { id: string };
}

export interface Refusal<R extends PushRowLike> {
  row: R;
  code: string;
  message: string;
  status?: number;
}

export interface PushPartsOptions<R extends PushRowLike, C> {
  /** Largest body to send, in bytes (keep a margin under the server's limit). */
  maxBodyBytes: number;
  /** Sends one body (`{"rows":[...]}` already serialised) and answers the conflicts. */
  send(body: string, rows: R[]): Promise<C[]>;
}

export interface PushPartsResult<R extends PushRowLike, C> {
  conflicts: C[];
  accepted: R[];
  refused: Refusal<R>[];
  /** Bodies sent (for the tests and the bench: a 6 MB batch goes in several). */
  requests: number;
}

/** Statuses by which the server judges a document, not the connection or the session. */
const DOCUMENT_STATUSES = new Set([400, 413, 422]);

export function refusesDocument(error: unknown): error is SyncClientError {
  return error instanceof SyncClientError && error.status !== undefined && DOCUMENT_STATUSES.has(error.status);
}

const ENVELOPE = Buffer.byteLength('{"rows":[]}');

export async function pushInParts<R extends PushRowLike, C>(rows: R[], options: PushPartsOptions<R, C>): Promise<PushPartsResult<R, C>> {
  const result: PushPartsResult<R, C> = { conflicts: [], accepted: [], refused: [], requests: 0 };
  const items = rows.map((row) => {
    const json = JSON.stringify(row);
    return { row, json, bytes: Buffer.byteLength(json) };
  });
  type Item = (typeof items)[number];

  const sendPart = async (part: Item[]): Promise<void> => {
    if (part.length === 0) return;
    result.requests += 1;
    try {
      const conflicts = await options.send(
        `{"rows":[${part.map((i) => i.json).join(',')}]}`,
        part.map((i) => i.row),
      );
      result.conflicts.push(...conflicts);
      result.accepted.push(...part.map((i) => i.row));
    } catch (error) {
      if (!refusesDocument(error)) throw error;
      const index = (error.details as { index?: unknown } | undefined)?.index;
      if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < part.length) {
        result.refused.push({ row: part[index]!.row, code: error.code, message: error.message, status: error.status! });
        await sendPart(part.filter((_, i) => i !== index));
      } else if (part.length === 1) {
        result.refused.push({ row: part[0]!.row, code: error.code, message: error.message, status: error.status! });
      } else {
        const mid = Math.ceil(part.length / 2);
        await sendPart(part.slice(0, mid));
        await sendPart(part.slice(mid));
      }
    }
  };

  let part: Item[] = [];
  let bytes = ENVELOPE;
  for (const item of items) {
    if (ENVELOPE + item.bytes > options.maxBodyBytes) {
      result.refused.push({
        row: item.row,
        code: 'DS_SYNC_BODY_TOO_LARGE',
        status: 413,
        message: `This record is ${item.bytes} bytes; the server takes at most ${options.maxBodyBytes}. Shorten it to sync it.`,
      });
      continue;
    }
    const extra = item.bytes + (part.length > 0 ? 1 : 0);
    if (part.length > 0 && bytes + extra > options.maxBodyBytes) {
      await sendPart(part);
      part = [];
      bytes = ENVELOPE;
    }
    part.push(item);
    bytes += item.bytes + (part.length > 1 ? 1 : 0);
  }
  await sendPart(part);
  return result;
}
