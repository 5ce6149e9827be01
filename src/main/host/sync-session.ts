// Main process: the device's connection to the team server — signs in, keeps the session in
// the local-only settings collection, runs replication and forwards its status as host events.
import type { Subscription } from 'rxjs';
import { z } from 'zod';
import { ApiError, type SyncConnectInput, type SyncView } from '../../shared/api';
import { createSyncClient, startSync, SyncClientError, type SetAsideRecord, type SyncHandle, type SyncStatus } from '../sync';
import type { HostContext } from './context';

const SESSION_KEY = 'sync.session';
const StoredSession = z.object({
  serverUrl: z.string(),
  token: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  email: z.string(),
  role: z.string(),
});
type StoredSession = z.infer<typeof StoredSession>;

const DISCONNECTED: SyncView['status'] = { state: 'disconnected', pending: 0, setAside: 0, lastSyncedAt: null, error: null };

function toView(session: StoredSession | null, status: SyncStatus | null, setAside: SetAsideRecord[] = []): SyncView {
  return {
    connected: !!session,
    serverUrl: session?.serverUrl ?? null,
    workspaceName: session?.workspaceName ?? null,
    email: session?.email ?? null,
    role: session?.role ?? null,
    status: status
      ? { state: status.state, pending: status.pending, setAside: status.setAside, lastSyncedAt: status.lastSyncedAt ?? null, error: status.error ?? null }
      : DISCONNECTED,
    setAside: setAside.map((r) => ({ collection: r.collection, id: r.id, code: r.code, message: r.message, at: r.at })),
  };
}

export class SyncSession {
  private session: StoredSession | null = null;
  private handle: SyncHandle | null = null;
  private watching: Subscription | null = null;

  constructor(private readonly ctx: HostContext) {}

  /** Resumes the saved session, if any, when the workspace opens. */
  async resume(): Promise<void> {
    const saved = await this.ctx.store.settings.findOne(SESSION_KEY).exec();
    if (!saved) return;
    const parsed = StoredSession.safeParse(JSON.parse(saved.value));
    if (parsed.success) this.start(parsed.data);
  }

  view(): SyncView {
    return toView(this.session, this.handle?.status ?? null, this.handle?.setAside() ?? []);
  }

  async connect(input: SyncConnectInput): Promise<SyncView> {
    await this.disconnect();
    try {
      const signed = await createSyncClient(input.serverUrl).signIn({
        email: input.email, password: input.password, ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      });
      const session: StoredSession = {
        serverUrl: input.serverUrl, token: signed.token, workspaceId: signed.workspaceId,
        workspaceName: signed.workspaceName, email: signed.email, role: signed.role,
      };
      await this.ctx.store.settings.upsert({ id: SESSION_KEY, value: JSON.stringify(session), updatedAt: this.ctx.now() });
      this.start(session);
      return this.view();
    } catch (error) {
      if (error instanceof SyncClientError) throw new ApiError(error.code, error.message);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    const session = this.session;
    await this.stop();
    if (!session) return;
    await (await this.ctx.store.settings.findOne(SESSION_KEY).exec())?.remove();
    // Revoking the token is best effort: signing out offline must still work locally.
    await createSyncClient(session.serverUrl).signOut(session.token).catch((error: unknown) => {
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
    this.handle = startSync({ store: this.ctx.store, serverUrl: session.serverUrl, workspaceId: session.workspaceId, token: session.token });
    this.watching = this.handle.status$.subscribe(() => this.emit());
  }

  private emit(): void {
    this.ctx.events.next({ type: 'sync', status: this.view().status });
  }
}
