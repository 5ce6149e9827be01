// Main process (or plain Node in the web preview): what every handler may use.
import type { Subject } from 'rxjs';
import type { HostEvent } from '../../shared/api';
import type { TeamMemberId } from '../../shared/domain';
import type { Store } from '../store';
import type { SearchIndex } from '../search';

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
}
