// Scoring worker thread (Node): the first read of a workspace — what is read first, what an
// urgent request waits for while the rest is read, and the scan in slices (runtime.ts drives it).
import type { ScoringEngine } from '@shared/scoring/workspace/engine';
import type { WorkspaceState } from '@shared/scoring/workspace/state';
import type { StoreSnapshot } from '../store/snapshot';
import type { HostToWorker, WorkerRequest } from './protocol';

/** Rows per read of the SQLite file while loading: one slice between two looks at the port. */
export const SCAN_ROWS = 2_500;
/** Read first, whole: small (25k documents on L), and every deal's score needs them (see Loading). */
export const FIRST_COLLECTIONS = ['accounts', 'opportunities'] as const;
/** Then these, in slices; the ones of accounts someone is waiting for are read first, by index. */
export const BULK_COLLECTIONS = ['stakeholders', 'interactions', 'journeysteps'] as const;

/**
 * The worker's state while it reads the workspace (seconds on L: 1.6M documents). Every account
 * and deal is read first, so what scores share across deals (the prior's win rate over closed
 * deals, the feature space of the deals' CRM fields) is already what the full read gives. Then
 * the people, interactions and journey steps: an account someone waits for (Today's deals, a
 * deal a page lists) has its own read by index at once and its open deals are scored and sent;
 * the rest follow in slices of SCAN_ROWS, skipping what was read by account, with the port
 * looked at between slices. A deal's score depends only on its own deal, its people and
 * their interactions and steps, so it is the score the full read gives (a test pins it);
 * what crosses accounts (an attendee from another account) is set right by the full rescore
 * that ends the load, which rewrites any score that differs.
 */
export interface Loading {
  /** Accounts whose people and interactions were read by index (the scan skips them). */
  accountsRead: Set<string>;
  /** Deals whose journey steps were read by index (the scan skips them). */
  dealsRead: Set<string>;
  /** Accounts to read by index before the next slice. */
  wanted: Set<string>;
  /** Urgent requests waiting for their accounts (or for the whole read). */
  parked: { requestId: number; request: WorkerRequest }[];
  /** Everything else that came meanwhile, handled in order once the read is done. */
  deferred: HostToWorker[];
  /** False once the file turned out to have no index to read an account by: then only the whole read answers. */
  byIndex: boolean;
  /** Where the scan is: BULK_COLLECTIONS[collection], after this rowid. */
  collection: number;
  after: number;
}

/** Deals a first open's provisional team Today scores first: at least this many (see provisionalDeals). */
const PROVISIONAL_DEALS = 100;

/**
 * The open deals a team's Today scores before the whole workspace is read: those whose close date
 * comes first (passed ones first, as the most pressing), the larger first on the same day;
 * 4 × the page, at least PROVISIONAL_DEALS. Their accounts are read by index (~1 s for 100 on L).
 */
export function provisionalDeals<T extends { status: string; closeDate: number; amount: number; id: string }>(
  deals: readonly (T | null | undefined)[],
  limit: number,
): T[] {
  const open = deals.filter((o): o is T => !!o && o.status === 'open');
  open.sort((a, b) => a.closeDate - b.closeDate || b.amount - a.amount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return open.slice(0, Math.max(PROVISIONAL_DEALS, 4 * limit));
}

export function startLoading(): Loading {
  return {
    accountsRead: new Set(),
    dealsRead: new Set(),
    wanted: new Set(),
    parked: [],
    deferred: [],
    byIndex: true,
    collection: 0,
    after: 0,
  };
}

/** One slice of the scan, without what was read by account; false once everything is read. */
export function scanSlice(source: StoreSnapshot, engine: ScoringEngine, loading: Loading, onCollectionRead: (c: string) => void): boolean {
  const collection = BULK_COLLECTIONS[loading.collection];
  if (!collection) return false;
  const { docs, next } = source.page(collection, loading.after, SCAN_ROWS);
  const fresh =
    collection === 'journeysteps'
      ? docs.filter((d) => !loading.dealsRead.has(d['opportunityId'] as string))
      : docs.filter((d) => !loading.accountsRead.has(d['accountId'] as string));
  engine.apply(collection, fresh);
  if (next === null) {
    onCollectionRead(collection);
    loading.collection++;
    loading.after = 0;
  } else loading.after = next;
  return true;
}

/**
 * The accounts whose documents an urgent request needs before it can be answered while the
 * workspace is read: none (answer now), some, or null (only the whole read can answer it).
 */
export function accountsNeeded(state: WorkspaceState, req: WorkerRequest): string[] | null {
  switch (req.kind) {
    case 'memory':
      return [];
    case 'scoreOpportunity': {
      const slot = state.opportunityIdx.get(req.id);
      const o = slot === undefined ? undefined : state.opportunities[slot];
      // A deal not read yet (created a moment ago): its change comes after the read.
      return o ? [o.accountId] : null;
    }
    case 'today': {
      // One member's Today ranks their open deals only: those deals' accounts are enough.
      // The team's ranks every open deal, which needs the whole read (tens of seconds on L):
      // meanwhile it is answered provisionally (runtime.ts, the today reply) from the deals closing soonest.
      const accounts = new Set<string>();
      if (req.ownerId === undefined) for (const o of provisionalDeals(state.opportunities, req.limit)) accounts.add(o.accountId);
      else for (const o of state.opportunities) if (o && o.status === 'open' && o.ownerId === req.ownerId) accounts.add(o.accountId);
      return [...accounts];
    }
    default:
      return null;
  }
}
