// Renderer: the one dispatcher of host events. `changed` refreshes every cached answer reading
// the named collections (data/keys.ts, from the contract); `sync` feeds the header badge;
// `progress` feeds the task toasts, and a finished task (a new model, imported history) changes
// what scoring shows, so its end refreshes everything that reads scores; `command` (the desktop
// menu's Log interaction and Search) goes to the shell through api/app-commands.ts.
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HostEvent, Transport } from '@shared/api';
import { getTransport } from '@renderer/api/client';
import { dispatchAppCommand } from '@renderer/api/app-commands';
import { reportProgress } from '@renderer/api/progress';
import { setSyncStatus } from '@renderer/api/sync-status';
import { invalidateCollections } from './keys';

export function applyHostEvent(event: HostEvent, queryClient: QueryClient): Promise<void> {
  switch (event.type) {
    case 'changed':
      return invalidateCollections(queryClient, event.collections);
    case 'sync':
      setSyncStatus(event.status);
      return Promise.resolve();
    case 'progress':
      reportProgress(event.task, event.fraction, event.message);
      return event.fraction >= 1 ? invalidateCollections(queryClient, ['scores']) : Promise.resolve();
    case 'command':
      dispatchAppCommand(event.command);
      return Promise.resolve();
  }
}

/** Subscribes once, for the app's lifetime; mounted by the shell. */
export function useHostEvents(transport: Transport = getTransport()): void {
  const queryClient = useQueryClient();
  useEffect(() => transport.subscribe((event) => void applyHostEvent(event, queryClient)), [transport, queryClient]);
}
