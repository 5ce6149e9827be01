// Plain Node (web preview): serves the host's API over a loopback WebSocket, the sibling of the
// Electron IPC adapter. Frames are checked for size and shape before the host sees them; a bad
// frame gets a coded answer with its own id (when one can be read) and never closes the
// connection or touches the store. Who may connect is decided in preview-access.ts.
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { MAX_REQUEST_BYTES, WsRequest, type CallResult, type WsFrame } from '@shared/api';
import type { Host } from '../host';
import { checkUpgrade } from './preview-access';

export interface WsTransportOptions {
  path?: string;
  /** The per-launch secret a client must present (cookie or `key` query). */
  secret: string;
  /** The port the server listens on (known once it listens), for the Host and Origin checks. */
  port: () => number;
}

/** The socket itself refuses anything far beyond the API limit; between the two, we answer. */
const HARD_FRAME_LIMIT = MAX_REQUEST_BYTES * 8;

function send(socket: WebSocket, frame: WsFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function refuse(code: string, message: string): CallResult {
  return { ok: false, error: { code, message } };
}

/**
 * The id of a frame we will not parse (too large, or not JSON): our clients write `{"id":N,` first,
 * so reading the head is enough to let the caller's promise settle instead of hanging.
 */
export function leadingId(text: string): number {
  const match = /^\s*\{\s*"id"\s*:\s*(-?\d{1,15})\s*[,}]/.exec(text.slice(0, 64));
  return match ? Number(match[1]) : -1;
}

async function answer(host: Host, raw: RawData): Promise<{ id: number; result: CallResult }> {
  const text = raw.toString();
  if (text.length > MAX_REQUEST_BYTES) {
    return {
      id: leadingId(text),
      result: refuse('DS_API_PAYLOAD_TOO_LARGE', `The request is ${text.length} bytes; the limit is ${MAX_REQUEST_BYTES}.`),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { id: leadingId(text), result: refuse('DS_API_MALFORMED', 'The request is not valid JSON.') };
  }
  const frame = WsRequest.safeParse(json);
  if (!frame.success) {
    const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : -1;
    return { id, result: refuse('DS_API_MALFORMED', 'A request needs a numeric id, a method name and an input.') };
  }
  return { id: frame.data.id, result: await host.invoke(frame.data.method, frame.data.input) };
}

export function attachWsTransport(server: Server, host: Host, options: WsTransportOptions): WebSocketServer {
  const path = options.path ?? '/api';
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const verdict = checkUpgrade(request.url, request.headers, { secret: options.secret, port: options.port(), path });
    if (!verdict.ok) {
      console.warn(`[preview] DS_PREVIEW_FORBIDDEN socket refused (${verdict.reason})`);
      socket.write(`HTTP/1.1 ${verdict.status} ${verdict.status === 404 ? 'Not Found' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  wss.on('connection', (socket: WebSocket) => {
    const subscription = host.events.subscribe((event) => send(socket, { kind: 'event', event }));
    socket.on('message', (raw) => {
      void answer(host, raw).then(({ id, result }) => send(socket, { kind: 'result', id, result }));
    });
    socket.on('close', () => subscription.unsubscribe());
    // An error on one socket (e.g. a frame past the hard limit) closes that socket only.
    socket.on('error', (error) => console.warn('[preview] socket error', error.message));
  });
  return wss;
}
