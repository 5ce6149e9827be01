// Renderer: host events into the app. `changed` invalidates queries by key root (see
// invalidation.ts); `sync` feeds the header badge.
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HostEvent, Transport } from '@shared/api';
import { getTransport } from './client';
import { rootsToInvalidate } from './invalidation';
import { setSyncStatus } from './sync-status';

export function applyHostEvent(event: HostEvent, queryClient: QueryClient): void {
  switch (event.type) {
    case 'changed':
      for (const root of rootsToInvalidate(event.collections)) {
        void queryClient.invalidateQueries({ queryKey: [root] });
      }
      break;
    case 'sync':
      setSyncStatus(event.status);
      break;
    case 'progress':
      // No progress UI yet (imports and training come later); nothing to update.
      break;
  }
}

export function useHostEvents(transport: Transport = getTransport()): void {
  const queryClient = useQueryClient();
  useEffect(() => transport.subscribe((event) => applyHostEvent(event, queryClient)), [transport, queryClient]);
}
