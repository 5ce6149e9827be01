// Pure (shared): the one surface both transports (Electron IPC, loopback WebSocket) provide.
// The renderer is written against this and cannot tell which one it has.
import { z } from 'zod';
import { ApiErrorShape } from './errors';
import type { HostEvent } from './events';

export type CallResult = { ok: true; output: unknown } | { ok: false; error: ApiErrorShape };

export interface Transport {
  invoke(method: string, input: unknown): Promise<CallResult>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
}

/** WebSocket frames of the web preview. */
export const WsRequest = z.object({ id: z.number().int(), method: z.string().max(100), input: z.unknown() });
export type WsRequest = z.infer<typeof WsRequest>;
export type WsFrame = { kind: 'result'; id: number; result: CallResult } | { kind: 'event'; event: HostEvent };

/** Name of the preload's bridge on window, and of the IPC channels behind it. */
export const BRIDGE_KEY = 'deepSales';
export const IPC_INVOKE = 'ds:invoke';
export const IPC_EVENT = 'ds:event';
