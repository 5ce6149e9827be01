// Renderer: team-sync and kept-conflict reads. 'sync' refreshes when the saved session changes
// (settings collection); 'conflicts' whenever a synced collection changes.
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const settingsKeys = {
  sync: () => ['sync', 'status'] as const,
  conflicts: () => ['conflicts', 'list'] as const,
};

export const syncQuery = () =>
  queryOptions({
    queryKey: settingsKeys.sync(),
    queryFn: () => call('sync.status', {}),
  });

export const conflictsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.conflicts(),
    queryFn: () => call('conflicts.list', {}),
  });
