// Preload (sandboxed): exposes exactly the API transport to the renderer, nothing else — no
// ipcRenderer, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_EVENT, IPC_INVOKE, type CallResult, type HostEvent, type Transport } from '@shared/api';

const bridge: Transport = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, method, input) as Promise<CallResult>,
  subscribe: (listener: (event: HostEvent) => void) => {
    const handler = (_event: IpcRendererEvent, payload: HostEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
