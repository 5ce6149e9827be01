// Main process: fetch wrapper for the sync server. Turns every failure into a SyncClientError
// carrying a shared error code, so status$ and the UI never see raw transport errors.
import { CodedError } from '@shared/errors';
import { ErrorBody, SYNC_ERROR_MESSAGES, type SyncErrorCode } from '@shared/sync';

export class SyncClientError extends CodedError<SyncErrorCode> {
  override name = 'SyncClientError';

  constructor(
    code: SyncErrorCode,
    message: string,
    readonly status?: number,
    /** The server's `error.details`, e.g. `{ index, id, issues }` of a refused document. */
    readonly details?: unknown,
  ) {
    super(code, message);
  }
  /** Network trouble or a server fault: retrying later can help. Auth and validation cannot. */
  get transient(): boolean {
    return this.code === 'DS_SYNC_UNAVAILABLE' || this.code === 'DS_SYNC_INTERNAL';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  /** Body already serialised as JSON (the push sizes its parts by these bytes). */
  rawBody?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const signals = [AbortSignal.timeout(options.timeoutMs ?? 30_000)];
  if (options.signal) signals.push(options.signal);
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.any(signals),
    });
  } catch (err) {
    throw new SyncClientError('DS_SYNC_UNAVAILABLE', `${SYNC_ERROR_MESSAGES.DS_SYNC_UNAVAILABLE} (${(err as Error).message})`);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: a proxy or a crashed server answered; judged by status below.
    json = undefined;
  }
  if (res.ok) return json as T;
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) throw new SyncClientError(parsed.data.error.code, parsed.data.error.message, res.status, parsed.data.error.details);
  const code: SyncErrorCode = res.status >= 500 || res.status === 0 ? 'DS_SYNC_UNAVAILABLE' : 'DS_SYNC_BAD_REQUEST';
  throw new SyncClientError(code, `${SYNC_ERROR_MESSAGES[code]} (HTTP ${res.status})`, res.status);
}
