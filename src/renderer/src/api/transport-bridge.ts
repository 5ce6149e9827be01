// Renderer (Electron): the Transport the preload exposes on window[BRIDGE_KEY]. The preload
// already implements invoke/subscribe over IPC; this only finds it.
import { BRIDGE_KEY, type Transport } from '@shared/api';

export function findBridgeTransport(): Transport | null {
  const candidate = (globalThis as Record<string, unknown>)[BRIDGE_KEY] as Partial<Transport> | undefined;
  if (candidate && typeof candidate.invoke === 'function' && typeof candidate.subscribe === 'function') {
    return candidate as Transport;
  }
  return null;
}
