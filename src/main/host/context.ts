// Main process (or plain Node in the web preview): what every handler may use.
import type { Subject } from 'rxjs';
import type { HostEvent, SyncView } from '../../shared/api';
import type { TeamMemberId } from '../../shared/domain';
import type { Store } from '../store';

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
}

export interface HostContext {
  store: Store;
  events: Subject<HostEvent>;
  /** Injected so tests can pin time; informational timestamps only. */
  now: () => number;
  /** The team member using this device, if known. */
  me: () => Promise<TeamMemberId | null>;
  workspaceName: string;
  dataDirectory: string | null;
  /** Absent when this host cannot open other workspaces (then joining elsewhere is refused). */
  placer?: WorkspacePlacer | undefined;
}
