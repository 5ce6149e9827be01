// Main process (or plain Node in the web preview): what every handler may use.
import type { Subject } from 'rxjs';
import { ApiError, type HostEvent, type StoreHealthView, type StoreRecoverInput, type SyncView } from '@shared/api';
import type { TeamMemberId } from '@shared/domain';
import type { Store } from '../store';
import type { SearchIndex } from '../search';
import type { SecretStore } from '../security/secrets';

/** A team session as the device keeps it. */
export interface TeamSession {
  serverUrl: string;
  token: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: string;
}

/** Opens the local workspace of one team (a folder of its own) and makes it the open one. */
export interface WorkspacePlacer {
  openTeam(session: TeamSession): Promise<SyncView>;
  /** Whether the open store's file can be read, and the ways out when it cannot. */
  health(): Promise<StoreHealthView>;
  /** Replaces a damaged store (a backup, or a fresh pull from the team) and opens it. */
  recover(input: StoreRecoverInput): Promise<StoreHealthView>;
}

export interface HostContext {
  store: Store;
  events: Subject<HostEvent>;
  /** Injected so tests can pin time; informational timestamps only. */
  now: () => number;
  /** The team member using this device, if known. */
  me: () => Promise<TeamMemberId | null>;
  /** The workspace's full-text index, built in the background on open. */
  search: SearchIndex;
  workspaceName: string;
  dataDirectory: string | null;
  /** Absent when this host cannot open other workspaces (then joining elsewhere is refused). */
  placer?: WorkspacePlacer | undefined;
  /** Where the sync token lives: the OS keychain or a 0600 key file, never the store. */
  secrets: SecretStore;
}

/** Who is doing this: the given member, else this device's; work is never logged by nobody. */
export async function whoAmI(ctx: HostContext, given: TeamMemberId | undefined): Promise<TeamMemberId> {
  const me = given ?? (await ctx.me());
  if (!me) throw new ApiError('DS_API_INVALID_INPUT', 'Choose who you are in Settings before logging work.');
  return me;
}
