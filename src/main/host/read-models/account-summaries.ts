// Main process: the Accounts list's summaries. The list must open at once even on a workspace
// of 5,000 accounts and a million interactions, so:
//  - the first answer is the accounts themselves (one read), flagged statsPending;
//  - the per-account figures are computed once in the background, then a `changed` event for
//    `accounts` makes every window refetch the complete list;
//  - after that, store change events update the figures incrementally (O(1) per change), so a
//    new stakeholder or logged meeting never triggers a full recount.
import type { Subscription } from 'rxjs';
import type { AccountSummary } from '@shared/api';
import type { Account, Interaction, Opportunity, Stakeholder } from '@shared/domain';
import type { HostContext } from '../context';
import { changesOf, type StoreChange } from '@main/store/changes';
import { opportunitiesOfAccount } from '@main/store';

interface Stats {
  people: number;
  openCount: number;
  openAmount: number;
  last: number | null;
}

const EMPTY: Stats = { people: 0, openCount: 0, openAmount: 0, last: null };
/** Accounts counted between two turns of the event loop, so the main process keeps answering. */
const LOOKUP_BATCH = 5;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type Change<T> = StoreChange<T>;

export class AccountSummaries {
  private stats: Map<string, Stats> | null = null;
  private computing: Promise<void> | null = null;
  /** A change arrived while computing: the snapshot may have missed it, so compute again. */
  private dirty = false;
  private readonly subscriptions: Subscription[] = [];
  /** Set when the workspace closes; counting stops at the next group instead of reading a closed store. */
  private closed = false;

  constructor(private readonly ctx: HostContext) {
    const { store } = ctx;
    this.subscriptions.push(
      changesOf(store.stakeholders).subscribe((e) => this.apply(() => this.onStakeholder(e as Change<Stakeholder>))),
      changesOf(store.opportunities).subscribe((e) => this.apply(() => this.onOpportunity(e as Change<Opportunity>))),
      changesOf(store.interactions).subscribe((e) => this.apply(() => this.onInteraction(e as Change<Interaction>))),
    );
  }

  async list(): Promise<AccountSummary[]> {
    const accounts = (await this.ctx.store.accounts.find().exec()).map((d) => d.toJSON() as Account);
    const stats = this.stats;
    // Counting takes a while on a large workspace; start it after this answer has gone out.
    if (!stats) setImmediate(() => void this.ensureComputing());
    return accounts
      .map((a) => {
        const s = stats?.get(a.id) ?? EMPTY;
        return {
          id: a.id,
          name: a.name,
          industry: a.industry,
          region: a.region,
          segment: a.segment,
          stakeholderCount: s.people,
          openOpportunityCount: s.openCount,
          openPipeline: s.openAmount,
          lastInteractionAt: s.last,
          statsPending: !stats,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
  }

  close(): void {
    this.closed = true;
    for (const s of this.subscriptions) s.unsubscribe();
  }

  private apply(update: () => void): void {
    if (this.stats) update();
    else if (this.computing) this.dirty = true;
  }

  private ensureComputing(): Promise<void> {
    this.computing ??= this.compute()
      .then((stats) => {
        this.computing = null;
        if (this.closed) return;
        if (this.dirty) {
          this.dirty = false;
          return this.ensureComputing();
        }
        this.stats = stats;
        this.ctx.events.next({ type: 'changed', collections: ['accounts'] });
      })
      .catch((error: unknown) => {
        this.computing = null;
        console.error('[host] DS_ACCOUNT_SUMMARIES_FAILED', error);
      });
    return this.computing;
  }

  /**
   * Counts account by account through indexes (a count, an index range of open deals, one
   * latest-interaction seek each), yielding to the event loop between small groups: reading whole
   * collections at once would hold the main process for seconds on a large workspace.
   */
  private async compute(): Promise<Map<string, Stats>> {
    const { store } = this.ctx;
    const accountIds = (await store.accounts.find().exec()).map((a) => a.id);
    const stats = new Map<string, Stats>();
    for (let i = 0; i < accountIds.length && !this.closed; i += LOOKUP_BATCH) {
      await Promise.all(accountIds.slice(i, i + LOOKUP_BATCH).map(async (id) => stats.set(id, await this.countOne(id))));
      await yieldToEventLoop();
    }
    return stats;
  }

  private async countOne(id: string): Promise<Stats> {
    const { store } = this.ctx;
    const accountId = id as Account['id'];
    const [people, deals, latest] = await Promise.all([
      store.stakeholders.count({ selector: { accountId } }).exec(),
      // By account only: with status in the selector the planner may pick [status, closeDate] and
      // read every open deal of the workspace for each account.
      opportunitiesOfAccount(store, accountId),
      this.latestInteractionAt(accountId),
    ]);
    const openDeals = deals.filter((o) => o.status === 'open');
    return {
      people,
      openCount: openDeals.length,
      openAmount: openDeals.reduce((sum, o) => sum + o.amount, 0),
      last: latest,
    };
  }

  /** One seek, read backwards through the [accountId, at] index. */
  private async latestInteractionAt(accountId: Account['id']): Promise<number | null> {
    const latest = await this.ctx.store.interactions
      .findOne({ selector: { accountId }, sort: [{ accountId: 'desc' }, { at: 'desc' }] })
      .exec();
    return latest?.at ?? null;
  }

  private at(accountId: string): Stats {
    const stats = this.stats!;
    return stats.get(accountId) ?? stats.set(accountId, { ...EMPTY }).get(accountId)!;
  }

  private onStakeholder(e: Change<Stakeholder>): void {
    if (e.operation === 'INSERT') this.at(e.documentData.accountId).people++;
    else if (e.operation === 'DELETE') this.at(e.documentData.accountId).people--;
    else if (e.previousDocumentData && e.previousDocumentData.accountId !== e.documentData.accountId) {
      this.at(e.previousDocumentData.accountId).people--;
      this.at(e.documentData.accountId).people++;
    }
  }

  private onOpportunity(e: Change<Opportunity>): void {
    const before = e.operation === 'INSERT' ? undefined : (e.previousDocumentData ?? undefined);
    const after = e.operation === 'DELETE' ? undefined : e.documentData;
    for (const [doc, sign] of [
      [before, -1],
      [after, 1],
    ] as const) {
      if (!doc || doc.status !== 'open') continue;
      const s = this.at(doc.accountId);
      s.openCount += sign;
      s.openAmount += sign * doc.amount;
    }
  }

  private onInteraction(e: Change<Interaction>): void {
    if (e.operation === 'DELETE') {
      // The latest may be gone; one indexed lookup finds the new latest.
      const accountId = e.documentData.accountId;
      void this.latestInteractionAt(accountId).then((latest) => (this.at(accountId).last = latest));
      return;
    }
    const s = this.at(e.documentData.accountId);
    s.last = Math.max(s.last ?? 0, e.documentData.at);
  }
}
