// Main process (or plain Node in the web preview): the host serves the API contract over
// whatever transport wraps it. It validates every call, answers bad input with coded errors,
// and turns store changes into `changed` events, whoever made them (UI, sync; scoring's own
// writes are announced by the scoring service, once per run).
import type { RxCollection } from 'rxdb';
import { Subject, filter, merge, map, type Subscription } from 'rxjs';
import { API, ApiError, MAX_REQUEST_BYTES, isMethodName, type CallResult, type HostEvent } from '@shared/api';
import { COLLECTIONS, COLLECTION_NAMES, findTextProblem, type CollectionName } from '@shared/domain';
import { databaseFilePath, failureOf, isScoringWrite, isStoreCorruption, markCorrupt, storeFailures$, type Store } from '../store';
import { appNow } from '../clock';
import { memorySecretStore, type SecretStore } from '../security/secrets';
import { batchFor } from '../store/changes';
import type { HostContext, WorkspacePlacer } from './context';
import { combineHandlers, type CompleteHandlers } from './handler';
import { ScoringService } from '../scoring/service';
import { accountHandlers } from './handlers/accounts';
import { appHandlers } from './handlers/app';
import { buyingGroupHandlers } from './handlers/buying-group';
import { conflictHandlers } from './handlers/conflicts';
import { interactionHandlers } from './handlers/interactions';
import { journeyHandlers } from './handlers/journey';
import { opportunityHandlers } from './handlers/opportunities';
import { relationshipHandlers } from './handlers/relationships';
import { scoringHandlers } from './handlers/scoring';
import { stakeholderHandlers } from './handlers/stakeholders';
import { syncHandlers } from './handlers/sync';
import { SearchIndex } from '../search';
import { teamAdminHandlers } from './handlers/team-admin';
import { searchHandlers } from './handlers/search';
import { teamHandlers } from './handlers/team';
import { workshopHandlers } from './handlers/workshop';
import { workspaceHandlers } from './handlers/workspace';
import { AccountSummaries } from './read-models/account-summaries';
import { attributedTo } from './me';
import { scoringHandle, type ScoringHandle, type ScoringStartOptions } from './scoring-handle';
import { SyncSession } from './sync-session';
import { exportHandlers, importHandlers } from './handlers/import';
import { recordHandlersOf } from './handlers/records';

export interface HostOptions {
  store: Store;
  workspaceName?: string;
  dataDirectory?: string | null;
  now?: () => number;
  /** How long search's build waits for scoring to be asked for (SEARCH_WAITS_FOR_SCORES_MS). */
  searchWaitsForScoresMs?: number;
  /** How long search's build waits for scoring to settle at most (SEARCH_WAITS_FOR_SCORING_AT_MOST_MS). */
  searchWaitsForScoringAtMostMs?: number;
  /** How the scoring service starts when first asked (tests and benches pin its clock, say). */
  scoring?: ScoringStartOptions;
  placer?: WorkspacePlacer;
  /** Where the sync token is kept (never the store); in memory when omitted. */
  secrets?: SecretStore;
  /**
   * The store could not be opened (damaged, empty, not ours): `store` is an empty stand-in and
   * every call but the recovery screen's answers DS_STORE_CORRUPT with this reason.
   */
  openFailure?: Error;
}

export interface Host {
  invoke(method: string, input: unknown): Promise<CallResult>;
  readonly events: Subject<HostEvent>;
  readonly context: HostContext;
  readonly sync: SyncSession;
  readonly scoring: ScoringHandle;
  close(): Promise<void>;
}

/** Change events are batched this long so a bulk write becomes one refresh, not thousands. */
const CHANGE_BATCH_MS = 30;
/**
 * Search's build waits for scoring to settle: its first full rescore stored and, on a first open,
 * the training that open started and its scores stored (ScoringService.settled). Both read the
 * workspace file on the same cores, and on a first open of L they used to compete (README, first
 * visible scores); and the build's thread, training and the storing of two full rescores together
 * made that open's memory peak (issue 19, today-web bench: the Node process's highest 849 MiB
 * with the build waiting for the first scores only, 723–788 MiB waiting for training).
 * Search on L takes a minute or two to build either way (ready 155–206 s after launch over five
 * runs, 161 s in one run before). If nothing has asked for scores this
 * long after open (a host that never scores), search builds without waiting.
 */
export const SEARCH_WAITS_FOR_SCORES_MS = 5_000;
/** Search builds this long after open at the latest, settled or not (a scoring worker stuck in a training). */
export const SEARCH_WAITS_FOR_SCORING_AT_MOST_MS = 180_000;

function watchChanges(store: Store, events: Subject<HostEvent>): Subscription {
  // One value per write (a bulk), not per document: a bulk write of thousands is one refresh.
  // Scoring's own writes are announced by the scoring service, once per run (isScoringWrite).
  const streams = COLLECTION_NAMES.map((name) =>
    (store[name] as RxCollection).eventBulks$.pipe(
      filter((bulk) => !isScoringWrite(bulk)),
      map((): CollectionName => name),
    ),
  );
  return merge(...streams)
    .pipe(batchFor(CHANGE_BATCH_MS))
    .subscribe((names) => events.next({ type: 'changed', collections: [...new Set<CollectionName>(names)] }));
}

/** The recovery screen's calls: the only ones a damaged store still answers. */
const RECOVERY_METHODS = new Set(['workspace.health', 'workspace.recover', 'app.clock']);

export function storeCorruptAnswer(reason: Error): CallResult {
  return {
    ok: false,
    error: {
      code: 'DS_STORE_CORRUPT',
      message:
        'The workspace file on this computer is damaged, so Deep Sales stopped reading it to keep the rest safe. ' +
        'Restore a backup, or pull a fresh copy from your team server.',
      details: { reason: reason.message },
    },
  };
}

function failure(error: unknown): CallResult {
  if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
  // Unexpected: log with context for us, answer with a code and plain words for the user.
  console.error('[host] DS_INTERNAL', error);
  return { ok: false, error: { code: 'DS_INTERNAL', message: 'Something went wrong inside Deep Sales. Your data is safe; try again.' } };
}

export function createHost(options: HostOptions): Host {
  const events = new Subject<HostEvent>();
  const { store } = options;
  const search = new SearchIndex(store);
  const context: HostContext = {
    store,
    events,
    search,
    now: options.now ?? appNow,
    workspaceName: options.workspaceName ?? 'Workspace',
    dataDirectory: options.dataDirectory ?? null,
    placer: options.placer,
    secrets: options.secrets ?? memorySecretStore(),
    me: () => attributedTo(store),
  };
  // Every service the handlers use is built here and closed by close(), in one place.
  const sync = new SyncSession(context);
  const summaries = new AccountSummaries(context);
  const scoring = scoringHandle(() => ScoringService.start({ store, events, ...options.scoring }));
  const handlers: CompleteHandlers = combineHandlers(
    workspaceHandlers,
    appHandlers,
    // One module per namespace: team.list and team.admin.* are both the team's.
    { ...teamHandlers, ...teamAdminHandlers(sync) },
    searchHandlers,
    { ...accountHandlers(summaries), ...recordHandlersOf('accounts') },
    { ...stakeholderHandlers, ...recordHandlersOf('stakeholders') },
    recordHandlersOf('records'),
    buyingGroupHandlers,
    relationshipHandlers,
    { ...opportunityHandlers, ...recordHandlersOf('opportunities') },
    { ...interactionHandlers, ...recordHandlersOf('interactions') },
    journeyHandlers,
    workshopHandlers,
    conflictHandlers,
    syncHandlers(sync),
    scoringHandlers(scoring),
    importHandlers,
    exportHandlers,
  );
  const watching = watchChanges(store, events);
  // Search builds once scoring has settled (SEARCH_WAITS_FOR_SCORES_MS says why), when nothing
  // asked for scores SEARCH_WAITS_FOR_SCORES_MS after open, or at the latest
  // SEARCH_WAITS_FOR_SCORING_AT_MOST_MS after open: see SearchIndex.start.
  const timers: ReturnType<typeof setTimeout>[] = [];
  const searchMayStart = new Promise<void>((resolve) => {
    void scoring.settled().then(resolve);
    const after = (ms: number, f: () => void) => {
      const timer = setTimeout(f, ms);
      timer.unref?.();
      timers.push(timer);
    };
    after(options.searchWaitsForScoresMs ?? SEARCH_WAITS_FOR_SCORES_MS, () => {
      if (!scoring.asked()) resolve();
    });
    after(options.searchWaitsForScoringAtMostMs ?? SEARCH_WAITS_FOR_SCORING_AT_MOST_MS, resolve);
  }).finally(() => timers.forEach(clearTimeout));
  void search.start(searchMayStart);

  // A store that fails fails loudly: once its file is known damaged every call answers
  // DS_STORE_CORRUPT at once, and calls already waiting on it (a read that will never settle,
  // a worker that died on the same page) are answered too instead of hanging.
  const storeFile = options.dataDirectory && !options.openFailure ? databaseFilePath(options.dataDirectory, store.name) : null;
  const broken = (): Error | null => options.openFailure ?? (storeFile ? (failureOf(storeFile) ?? null) : null);
  const waiting = new Set<(answer: CallResult) => void>();
  const failures = storeFailures$.subscribe(({ filePath, error }) => {
    if (filePath !== storeFile) return;
    for (const answer of waiting) answer(storeCorruptAnswer(error));
    waiting.clear();
    events.next({ type: 'changed', collections: [...COLLECTION_NAMES] });
  });

  function invoke(method: string, rawInput: unknown): Promise<CallResult> {
    const reason = RECOVERY_METHODS.has(method) ? null : broken();
    if (reason) return Promise.resolve(storeCorruptAnswer(reason));
    return new Promise<CallResult>((resolve) => {
      waiting.add(resolve);
      void serve(method, rawInput).then((answer) => {
        waiting.delete(resolve);
        resolve(answer);
      });
    });
  }

  async function serve(method: string, rawInput: unknown): Promise<CallResult> {
    try {
      if (typeof method !== 'string' || !isMethodName(method)) {
        throw new ApiError('DS_API_UNKNOWN_METHOD', `There is no API method named ${JSON.stringify(String(method)).slice(0, 120)}.`);
      }
      const json = JSON.stringify(rawInput ?? null) ?? '';
      const size = json.length;
      if (size > MAX_REQUEST_BYTES) {
        throw new ApiError('DS_API_PAYLOAD_TOO_LARGE', `The request is ${size} bytes; the limit is ${MAX_REQUEST_BYTES}.`);
      }
      // The one text rule at this boundary too (src/shared/domain/text.ts): refused, never stored.
      // JSON.stringify escapes NUL and lone surrogates, so only input showing such an escape is walked.
      const text = /\\u(0000|d[89a-f])/i.test(json) ? findTextProblem(rawInput) : null;
      if (text)
        throw new ApiError(
          'DS_API_INVALID_TEXT',
          `Invalid text for ${method}: ${text.path || 'input'} ${text.message.replace(/^Text /, '')}`,
          [{ path: text.path.split('.').filter(Boolean), message: text.message }],
        );
      const spec = API[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new ApiError(
          'DS_API_INVALID_INPUT',
          `Invalid input for ${method}.`,
          parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        );
      }
      // A member an admin removed keeps the team's data to read, but changes nothing that would
      // sync (they could never reach the team): the device is told why until it signs in elsewhere.
      if (
        spec.kind === 'mutation' &&
        spec.writes.some((c) => COLLECTIONS[c].synced) &&
        sync.view().status.error?.code === 'DS_SYNC_MEMBER_REMOVED'
      ) {
        throw new ApiError(
          'DS_WORKSPACE_READ_ONLY',
          `${method} was refused: an admin removed this account from the team workspace, so it is read-only here.`,
        );
      }
      const handler = handlers[method] as (input: unknown, ctx: HostContext) => Promise<unknown>;
      const output = await handler(parsed.data, context);
      return { ok: true, output };
    } catch (error) {
      // SQLite's corruption, however deep RxDB wrapped it, marks the file (every call answers it).
      if (storeFile && isStoreCorruption(error)) return storeCorruptAnswer(markCorrupt(storeFile, error));
      return failure(error);
    }
  }

  return {
    invoke,
    events,
    context,
    sync,
    scoring,
    async close() {
      failures.unsubscribe();
      await scoring.close();
      await sync.stop();
      summaries.close();
      await search.close();
      watching.unsubscribe();
      events.complete();
    },
  };
}
