// Renderer (web preview): the Transport over the loopback WebSocket that `npm run serve` opens
// at /api. Connects lazily, reconnects with capped backoff, and never leaves a call hanging:
// a call already sent when the socket drops fails with DS_TRANSPORT_DISCONNECTED (the host may
// or may not have run it, so we do not resend); a call waiting for a connection is sent once one
// opens, or fails with DS_TRANSPORT_UNAVAILABLE after `waitMs`.
import { HostEvent, type CallResult, type Transport, type WsFrame } from '@shared/api';
import { COLLECTION_NAMES } from '@shared/domain';
import { TRANSPORT_ERRORS, type TransportErrorCode } from './errors';

/** The slice of the browser WebSocket we use; tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface WsTransportOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** How long a call may wait for a connection before it fails. */
  waitMs?: number;
  maxBackoffMs?: number;
}

export interface WsTransport extends Transport {
  close(): void;
}

interface Pending {
  frame: string;
  sent: boolean;
  settle: (result: CallResult) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

const OPEN = 1;

function failure(code: TransportErrorCode): CallResult {
  return { ok: false, error: { code, message: TRANSPORT_ERRORS[code] } };
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const waitMs = options.waitMs ?? 10_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;

  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: HostEvent) => void>();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let attempt = 0;
  let hasOpened = false;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const emit = (event: HostEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  function settle(id: number, result: CallResult): void {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (call.timer) clearTimeout(call.timer);
    call.settle(result);
  }

  function flush(): void {
    if (!socket || socket.readyState !== OPEN) return;
    for (const call of pending.values()) {
      if (call.sent) continue;
      socket.send(call.frame);
      call.sent = true;
      if (call.timer) clearTimeout(call.timer);
      call.timer = null;
    }
  }

  function onFrame(data: unknown): void {
    let frame: WsFrame;
    try {
      frame = JSON.parse(String(data)) as WsFrame;
    } catch (error) {
      console.warn('[ws] DS_TRANSPORT_BAD_FRAME: not JSON', error);
      return;
    }
    if (frame.kind === 'result') {
      settle(frame.id, frame.result);
    } else if (frame.kind === 'event') {
      const event = HostEvent.safeParse(frame.event);
      if (event.success) emit(event.data);
      else console.warn('[ws] DS_TRANSPORT_BAD_FRAME: unknown event', frame.event);
    }
  }

  function connect(): void {
    if (closed || socket) return;
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      flush();
      // Changes made while we were away were never pushed to us: refresh everything once.
      if (hasOpened) emit({ type: 'changed', collections: [...COLLECTION_NAMES] });
      hasOpened = true;
    };
    ws.onmessage = (message) => onFrame(message.data);
    // Browsers hide the reason of a socket error; the close that follows does the work.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, call] of [...pending]) {
        if (call.sent) settle(id, failure('DS_TRANSPORT_DISCONNECTED'));
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    const base = Math.min(maxBackoffMs, 250 * 2 ** attempt);
    attempt += 1;
    // Jitter keeps many windows from reconnecting in lock-step after a host restart.
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = null;
        connect();
      },
      base / 2 + Math.random() * (base / 2),
    );
  }

  return {
    invoke(method, input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input });
      return new Promise<CallResult>((resolve) => {
        if (closed) return resolve(failure('DS_TRANSPORT_UNAVAILABLE'));
        const call: Pending = { frame, sent: false, settle: resolve, timer: null };
        call.timer = setTimeout(() => settle(id, failure('DS_TRANSPORT_UNAVAILABLE')), waitMs);
        pending.set(id, call);
        connect();
        flush();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const id of [...pending.keys()]) settle(id, failure('DS_TRANSPORT_UNAVAILABLE'));
      const ws = socket;
      socket = null;
      ws?.close();
    },
  };
}
