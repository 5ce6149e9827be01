// Plain Node (web preview): serves the host's API over a loopback WebSocket, the sibling of the
// Electron IPC adapter. Frames are checked for size and shape before the host sees them; a bad
// frame gets a coded answer and never closes the connection or touches the store.
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { MAX_REQUEST_BYTES, WsRequest, type CallResult, type WsFrame } from '../../shared/api';
import type { Host } from '../host';

export interface WsTransportOptions {
  path?: string;
  /** Origins allowed to connect (the preview's own page). Other pages on the machine cannot. */
  allowedOrigins: () => string[];
}

/** The socket itself refuses anything far beyond the API limit; between the two, we answer. */
const HARD_FRAME_LIMIT = MAX_REQUEST_BYTES * 8;

function send(socket: WebSocket, frame: WsFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function refuse(code: string, message: string): CallResult {
  return { ok: false, error: { code, message } };
}

async function answer(host: Host, raw: RawData): Promise<{ id: number; result: CallResult }> {
  const text = raw.toString();
  if (text.length > MAX_REQUEST_BYTES) {
    return { id: -1, result: refuse('DS_API_PAYLOAD_TOO_LARGE', `The request is ${text.length} bytes; the limit is ${MAX_REQUEST_BYTES}.`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { id: -1, result: refuse('DS_API_MALFORMED', 'The request is not valid JSON.') };
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
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = request.headers.origin;
    if (url.pathname !== path || (origin && !options.allowedOrigins().includes(origin))) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
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
