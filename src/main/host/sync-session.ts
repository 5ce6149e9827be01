// Main process: the device's connection to the team server — signs in, keeps the session in
// the local-only settings collection (who and where, never the token: that goes to the secret
// store, the OS keychain in the desktop app), runs replication and forwards its status as host
// events. A workspace written before that kept the token in the settings: it is moved out on
// open and the store file compacted, so its bytes are not left in free pages or the WAL.
// It syncs a store only with the team that store belongs to (workspace/binding.ts): the demo
// and another team's workspace are never uploaded; local data only when the user chose to.
import type { Subscription } from 'rxjs';
import { z } from 'zod';
import { ApiError, type SyncConnectInput, type SyncView } from '@shared/api';
import { createSyncClient, startSync, SyncClientError, type SetAsideRecord, type SyncHandle, type SyncStatus } from '../sync';
import type { HostContext, TeamSession } from './context';
import { countSyncedDocuments, planJoin, readBinding, sameTeam, teamKey, writeBinding, type Binding } from '../workspace/binding';
import { compactStore } from '../store/backup';
import { databaseFilePath } from '../store';
import { createHash } from 'node:crypto';

const SESSION_KEY = 'sync.session';
/** The settings document: the session without its token (which older versions kept here). */
const StoredSession = z.object({
  serverUrl: z.string(),
  token: z.string().optional(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  email: z.string(),
  role: z.string(),
});
type StoredSession = TeamSession;

/** The signed-in team account's e-mail, from the saved session (null when not signed in). */
export async function savedSessionEmail(store: HostContext['store']): Promise<string | null> {
  const saved = await store.settings.findOne(SESSION_KEY).exec();
  if (!saved) return null;
  try {
    const parsed = StoredSession.safeParse(JSON.parse(saved.value));
    return parsed.success ? parsed.data.email : null;
  } catch (err) {
    // An unreadable session is reported by resume(); here it only means "not known".
    console.warn('[sync] DS_SYNC_SESSION_UNREADABLE', err);
    return null;
  }
}

/** The secret store's name for one team's token. */
export function tokenSecretName(team: { serverUrl: string; workspaceId: string }): string {
  return `sync.token.${teamKey(team)}`;
}

/**
 * The secret store's name for "which team this workspace file syncs with" (the session without
 * its token). It lives outside the file on purpose: when the file is damaged, the recovery
 * screen can still offer a fresh pull from that team (open-workspace.ts).
 */
export function teamOfFileSecretName(filePath: string): string {
  return `sync.team-of.${createHash('sha256').update(filePath).digest('hex').slice(0, 20)}`;
}

function withoutToken(session: TeamSession): Omit<TeamSession, 'token'> {
  const { token: _token, ...rest } = session;
  return rest;
}
type Place = SyncView['place'];

const DISCONNECTED: SyncView['status'] = { state: 'disconnected', pending: 0, setAside: 0, lastSyncedAt: null, error: null };

function placeOf(binding: Binding | null, localDocuments: number): Place {
  return {
    kind: binding?.kind ?? 'local',
    localDocuments,
    teamWorkspaceName: binding?.kind === 'team' ? binding.workspaceName : null,
  };
}

function toView(session: StoredSession | null, status: SyncStatus | null, setAside: SetAsideRecord[], place: Place): SyncView {
  return {
    connected: !!session,
    serverUrl: session?.serverUrl ?? null,
    workspaceName: session?.workspaceName ?? null,
    email: session?.email ?? null,
    role: session?.role ?? null,
    status: status
      ? {
          state: status.state,
          pending: status.pending,
          setAside: status.setAside,
          lastSyncedAt: status.lastSyncedAt ?? null,
          error: status.error ?? null,
        }
      : DISCONNECTED,
    place,
    setAside: setAside.map((r) => ({ collection: r.collection, id: r.id, code: r.code, message: r.message, at: r.at })),
  };
}

export class SyncSession {
  private session: StoredSession | null = null;
  private handle: SyncHandle | null = null;
  private watching: Subscription | null = null;
  private place: Place = placeOf(null, 0);

  constructor(private readonly ctx: HostContext) {}

  /**
   * Resumes the saved session, if any, when the workspace opens. Where the workspace belongs and
   * how much it holds (`place`) is not counted here: counting every synced document held the main
   * thread ~1 s at each open of an L workspace, for words only Settings shows, and `sync.status`
   * (Settings' question) counts them when asked.
   */
  async resume(): Promise<void> {
    const saved = await this.ctx.store.settings.findOne(SESSION_KEY).exec();
    if (!saved) return;
    const parsed = StoredSession.safeParse(JSON.parse(saved.value));
    if (!parsed.success) return;
    const { token: plaintext, ...stored } = parsed.data;
    if (plaintext !== undefined) await this.moveTokenOut(stored, plaintext);
    const binding = await readBinding(this.ctx.store);
    if (binding === null) {
      // Synced before workspaces were bound: it already is that team's; say so from now on.
      await writeBinding(
        this.ctx.store,
        { kind: 'team', serverUrl: stored.serverUrl, workspaceId: stored.workspaceId, workspaceName: stored.workspaceName },
        this.ctx.now(),
      );
    } else if (binding.kind !== 'team' || !sameTeam(binding, stored)) {
      console.warn(
        '[sync] DS_SYNC_SESSION_ELSEWHERE: a saved session for another workspace was dropped; this workspace is not synced with it',
      );
      await (await this.ctx.store.settings.findOne(SESSION_KEY).exec())?.remove();
      return;
    }
    const token = await this.ctx.secrets.get(tokenSecretName(stored)).catch((error: unknown) => {
      console.warn('[sync] DS_SECRETS_UNREADABLE', (error as Error).message);
      return null;
    });
    if (token === null) {
      // A backup restored on another device, or a keychain that was reset: the workspace stays
      // bound to its team, and signing in again resumes it.
      console.warn('[sync] DS_SYNC_TOKEN_MISSING: the saved session has no token on this device; sign in again to sync');
      await (await this.ctx.store.settings.findOne(SESSION_KEY).exec())?.remove();
      return;
    }
    await this.rememberTeam(stored);
    this.start({ ...stored, token });
  }

  /** Kept beside the token (see teamOfFileSecretName); a workspace in memory has no file to recover. */
  private async rememberTeam(session: Omit<TeamSession, 'token'> | null): Promise<void> {
    if (!this.ctx.dataDirectory) return;
    const name = teamOfFileSecretName(databaseFilePath(this.ctx.dataDirectory, this.ctx.store.name));
    if (session) await this.ctx.secrets.set(name, JSON.stringify(withoutToken({ ...session, token: '' })));
    else await this.ctx.secrets.delete(name);
  }

  /**
   * A workspace from before the secret store: the token goes to the secret store, the settings
   * keep the rest, and the file is compacted so the old row's bytes are gone from it too.
   */
  private async moveTokenOut(stored: Omit<TeamSession, 'token'>, token: string): Promise<void> {
    await this.ctx.secrets.set(tokenSecretName(stored), token);
    await this.ctx.store.settings.upsert({ id: SESSION_KEY, value: JSON.stringify(stored), updatedAt: this.ctx.now() });
    if (this.ctx.dataDirectory) {
      await compactStore(this.ctx.dataDirectory, this.ctx.store.name).catch((error: unknown) => {
        // The token has moved; only the old row's bytes wait in the journal until the store closes.
        console.warn('[sync] DS_BACKUP_FAILED compaction after moving the token', (error as Error).message);
      });
    }
    console.info('[sync] DS_SYNC_TOKEN_MIGRATED: the sync token moved from the workspace file to the secret store');
  }

  view(): SyncView {
    return toView(this.session, this.handle?.status ?? null, this.handle?.setAside() ?? [], this.place);
  }

  /** Re-reads where this workspace belongs and how much it holds (for Settings' words). */
  async refreshPlace(): Promise<void> {
    const [binding, localDocuments] = await Promise.all([readBinding(this.ctx.store), countSyncedDocuments(this.ctx.store)]);
    this.place = placeOf(binding, localDocuments);
  }

  /** The signed-in team session for admin calls (team-admin handlers), or null when signed out. */
  teamTarget(): { serverUrl: string; token: string; workspaceId: string } | null {
    const s = this.session;
    return s ? { serverUrl: s.serverUrl, token: s.token, workspaceId: s.workspaceId } : null;
  }

  async connect(input: SyncConnectInput): Promise<SyncView> {
    await this.disconnect();
    try {
      const signed = await createSyncClient(input.serverUrl).signIn({
        email: input.email,
        password: input.password,
        ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      });
      const session: StoredSession = {
        serverUrl: input.serverUrl,
        token: signed.token,
        workspaceId: signed.workspaceId,
        workspaceName: signed.workspaceName,
        email: signed.email,
        role: signed.role,
      };
      const [binding, localDocuments] = await Promise.all([readBinding(this.ctx.store), countSyncedDocuments(this.ctx.store)]);
      const plan = planJoin(binding, localDocuments, session, input.mode);
      if (plan.action === 'ask') {
        // Nothing happens before the user has chosen; this session's token is not kept.
        await createSyncClient(input.serverUrl)
          .signOut(signed.token)
          .catch(() => undefined); // best effort: it expires anyway
        throw new ApiError(
          'DS_SYNC_CHOOSE_PLACE',
          `This device holds ${plan.localDocuments} records of its own. Choose: upload them into ${signed.workspaceName} for the team to see, ` +
            `or start from the team's workspace (your records stay on this device, in a workspace of their own).`,
          { localDocuments: plan.localDocuments, workspaceName: signed.workspaceName },
        );
      }
      if (plan.action === 'separate') {
        if (!this.ctx.placer) {
          throw new ApiError('DS_SYNC_ERROR', `This workspace belongs elsewhere and cannot be synced with ${signed.workspaceName}.`);
        }
        return await this.ctx.placer.openTeam(session);
      }
      return await this.adopt(session);
    } catch (error) {
      if (error instanceof SyncClientError) throw new ApiError(error.code, error.message);
      throw error;
    }
  }

  /** Binds this workspace to the session's team, keeps the session and starts syncing. */
  async adopt(session: TeamSession): Promise<SyncView> {
    await this.stop();
    const now = this.ctx.now();
    await writeBinding(
      this.ctx.store,
      { kind: 'team', serverUrl: session.serverUrl, workspaceId: session.workspaceId, workspaceName: session.workspaceName },
      now,
    );
    await this.ctx.secrets.set(tokenSecretName(session), session.token);
    await this.ctx.store.settings.upsert({ id: SESSION_KEY, value: JSON.stringify(withoutToken(session)), updatedAt: now });
    await this.rememberTeam(session);
    await this.refreshPlace();
    this.start(session);
    return this.view();
  }

  async disconnect(): Promise<void> {
    const session = this.session;
    await this.stop();
    if (!session) return;
    await (await this.ctx.store.settings.findOne(SESSION_KEY).exec())?.remove();
    await this.ctx.secrets.delete(tokenSecretName(session));
    await this.rememberTeam(null);
    // Revoking the token is best effort: signing out offline must still work locally.
    await createSyncClient(session.serverUrl)
      .signOut(session.token)
      .catch((error: unknown) => {
        console.warn('[sync] DS_SYNC_SIGN_OUT_OFFLINE', (error as Error).message);
      });
    this.emit();
  }

  async stop(): Promise<void> {
    this.watching?.unsubscribe();
    this.watching = null;
    const handle = this.handle;
    this.handle = null;
    this.session = null;
    await handle?.stop();
  }

  private start(session: StoredSession): void {
    this.session = session;
    this.handle = startSync({
      store: this.ctx.store,
      serverUrl: session.serverUrl,
      workspaceId: session.workspaceId,
      token: session.token,
    });
    this.watching = this.handle.status$.subscribe(() => this.emit());
  }

  private emit(): void {
    this.ctx.events.next({ type: 'sync', status: this.view().status });
  }
}
