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

/** Commands of the desktop app's native menu (its accelerators reach the menu, not the page). */
export const APP_COMMANDS = ['log', 'search'] as const;
export const CommandEvent = z.object({
  type: z.literal('command'),
  command: z.enum(APP_COMMANDS),
});
export type AppCommand = (typeof APP_COMMANDS)[number];

export const HostEvent = z.discriminatedUnion('type', [ChangedEvent, SyncStatusEvent, ProgressEvent, CommandEvent]);
export type HostEvent = z.infer<typeof HostEvent>;
export type SyncStatus = z.infer<typeof SyncStatusEvent>['status'];
