// Pure (shared): what the host pushes to every window without being asked.
import { z } from 'zod';
import { COLLECTION_NAMES } from '../domain';

export const ChangedEvent = z.object({
  type: z.literal('changed'),
  collections: z.array(z.enum(COLLECTION_NAMES as [string, ...string[]])),
});
export const SyncStatusEvent = z.object({
  type: z.literal('sync'),
  status: z.object({
    state: z.enum(['disconnected', 'idle', 'syncing', 'offline', 'error']),
    pending: z.number().int(),
    setAside: z.number().int().optional(),
    lastSyncedAt: z.number().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
});
export const ProgressEvent = z.object({
  type: z.literal('progress'),
  task: z.string(),
  fraction: z.number().min(0).max(1),
  message: z.string(),
});

export const HostEvent = z.discriminatedUnion('type', [ChangedEvent, SyncStatusEvent, ProgressEvent]);
export type HostEvent = z.infer<typeof HostEvent>;
export type SyncStatus = z.infer<typeof SyncStatusEvent>['status'];
