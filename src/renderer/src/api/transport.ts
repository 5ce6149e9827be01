// Renderer: the one place that picks a transport. In Electron the preload's bridge is there;
// in the web preview it is not and we talk to the same host over a WebSocket. Nothing else in
// the renderer knows which one it has.
import type { Transport } from '@shared/api';
import { findBridgeTransport } from './transport-bridge';
import { createWsTransport } from './transport-ws';

export function selectTransport(): Transport {
  const bridge = findBridgeTransport();
  if (bridge) return bridge;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsTransport({ url: `${scheme}://${location.host}/api` });
}
