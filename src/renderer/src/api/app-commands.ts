// Renderer: commands the desktop app's native menu sends (Log interaction, Search). Its
// accelerators (Ctrl/⌘+L, Ctrl/⌘+K) are taken by the menu before the page sees the key, so the
// shell listens here as well as to the keyboard; the web preview never sends them.
import type { AppCommand } from '@shared/api';

const listeners = new Set<(command: AppCommand) => void>();

export function dispatchAppCommand(command: AppCommand): void {
  for (const listener of listeners) listener(command);
}

/** Calls `listener` for each command; returns the unsubscribe. */
export function onAppCommand(listener: (command: AppCommand) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
