// Main process: a minimal Server-Sent Events reader over fetch streaming, with reconnection
// and exponential backoff. A silent connection is treated as dead after `idleTimeoutMs`
// (the server sends a heartbeat comment well within it), because a half-open TCP connection
// otherwise looks healthy forever.
import { SyncClientError } from './http';

export interface StreamEvent {
  event: string;
  data: string;
  id?: string;
}

export interface EventStreamOptions {
  url: string;
  token: string;
  onEvent(ev: StreamEvent): void;
  onConnected(): void;
  onDisconnected(err: SyncClientError): void;
  idleTimeoutMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export function openEventStream(options: EventStreamOptions): { close(): void } {
  let stopped = false;
  let controller: AbortController | undefined;
  let lastEventId: string | undefined;
  let backoff = options.minBackoffMs ?? 250;

  async function runOnce(): Promise<void> {
    controller = new AbortController();
    const ctl = controller;
    let idle: NodeJS.Timeout | undefined;
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => ctl.abort(new Error('stream idle')), options.idleTimeoutMs ?? 45_000);
    };
    try {
      armIdle();
      const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const res = await fetch(options.url, { headers, signal: ctl.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        const code = (body?.error?.code ?? (res.status >= 500 ? 'DS_SYNC_UNAVAILABLE' : 'DS_SYNC_BAD_REQUEST')) as SyncClientError['code'];
        throw new SyncClientError(code, body?.error?.message ?? `stream HTTP ${res.status}`, res.status);
      }
      backoff = options.minBackoffMs ?? 250;
      options.onConnected();
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        armIdle();
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const ev: StreamEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const i = line.indexOf(':');
            const field = i < 0 ? line : line.slice(0, i);
            const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
            if (field === 'event') ev.event = value;
            else if (field === 'data') ev.data += ev.data ? `\n${value}` : value;
            else if (field === 'id') ev.id = value;
          }
          if (ev.id) lastEventId = ev.id;
          if (ev.data || ev.event !== 'message') options.onEvent(ev);
        }
      }
      throw new SyncClientError('DS_SYNC_UNAVAILABLE', 'stream ended');
    } finally {
      clearTimeout(idle);
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        await runOnce();
      } catch (err) {
        if (stopped) return;
        const e = err instanceof SyncClientError ? err : new SyncClientError('DS_SYNC_UNAVAILABLE', (err as Error).message);
        options.onDisconnected(e);
        // Full jitter keeps a fleet of clients from reconnecting in lockstep after an outage.
        await new Promise((r) => setTimeout(r, Math.random() * backoff + 50));
        backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 10_000);
      }
    }
  }
  void loop();
  return {
    close() {
      stopped = true;
      controller?.abort(new Error('closed'));
    },
  };
}
