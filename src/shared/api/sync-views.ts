// Pure (shared): the Settings page's view of team sync and of the values conflicts kept aside.
import { z } from 'zod';

export const SyncConnectInput = z
  .object({
    serverUrl: z
      .string()
      .url()
      .max(500)
      .refine((u) => /^https?:\/\//.test(u), 'Use an http:// or https:// address.'),
    email: z.string().email().max(200),
    password: z.string().min(1).max(200),
    workspaceId: z.string().max(64).optional(),
    /**
     * What to do with the records this device holds when it joins a team: upload them into the
     * team workspace, or keep them here and open a separate workspace for the team. Asked only
     * when the open workspace has real local data (never for the demo, which is never uploaded).
     */
    mode: z.enum(['upload', 'separate']).optional(),
  })
  .strict();
export type SyncConnectInput = z.infer<typeof SyncConnectInput>;

export const SetAsideView = z.object({
  collection: z.string(),
  id: z.string(),
  code: z.string(),
  message: z.string(),
  at: z.number(),
});
export type SetAsideView = z.infer<typeof SetAsideView>;

export const SyncView = z.object({
  connected: z.boolean(),
  serverUrl: z.string().nullable(),
  workspaceName: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  status: z.object({
    state: z.enum(['disconnected', 'idle', 'syncing', 'offline', 'error']),
    pending: z.number().int(),
    /** How many of the pending the server refused; listed in `setAside`. */
    setAside: z.number().int().default(0),
    lastSyncedAt: z.number().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
  /** Where the open workspace belongs, so Settings can say what signing in will do first. */
  place: z
    .object({
      kind: z.enum(['demo', 'local', 'team']),
      /** Records of this workspace that joining a team could upload. */
      localDocuments: z.number().int(),
      teamWorkspaceName: z.string().nullable(),
    })
    .default({ kind: 'local', localDocuments: 0, teamWorkspaceName: null }),
  /** Documents the server refused: kept on this device, retried when edited. */
  setAside: z.array(SetAsideView).default([]),
});
export type SyncView = z.infer<typeof SyncView>;

export const KeptConflictView = z.object({
  collection: z.string(),
  id: z.string(),
  /** What the document is, in words ("Stakeholder Ivan Tech"). */
  label: z.string(),
  field: z.string(),
  keptValue: z.unknown(),
  currentValue: z.unknown(),
  lostAt: z.number(),
});
export type KeptConflictView = z.infer<typeof KeptConflictView>;

export const ConflictRef = z
  .object({ collection: z.string().max(40), id: z.string().max(64), field: z.string().max(100), lostAt: z.number().int() })
  .strict();
