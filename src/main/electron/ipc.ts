// Main process (Electron): the IPC adapter, sibling of the web preview's WebSocket adapter.
// Checks who is calling before the host validates what is asked.
import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type CallResult } from '@shared/api';
import type { Host } from '../host';
import type { RendererTarget } from './renderer-target';
import { isTrustedSender } from './window-options';

export function wireIpc(host: Host, window: BrowserWindow, target: RendererTarget): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event.senderFrame?.url, target)) {
      return { ok: false, error: { code: 'DS_API_FORBIDDEN_SENDER', message: 'This page may not use Deep Sales data.' } };
    }
    return host.invoke(String(method), input);
  });
  const subscription = host.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, event);
  });
  return () => {
    subscription.unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
