// Main process: the Accounts list's summaries. The list must open at once even on a workspace
// of 5,000 accounts and a million interactions, so:
//  - the first answer is the accounts themselves (one read), flagged statsPending;
//  - the per-account figures are computed once in the background, then a `changed` event for
//    `accounts` makes every window refetch the complete list;
//  - after that, store change events update the figures incrementally (O(1) per change), so a
//    new stakeholder or logged meeting never triggers a full recount.
import type { RxChangeEvent } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { AccountSummary } from '../../../shared/api';
import type { Account, Interaction, Opportunity, Stakeholder } from '../../../shared/domain';
import type { HostContext } from '../context';

interface Stats {
  people: number;
  openCount: number;
  openAmount: number;
  last: number | null;
}

const EMPTY: Stats = { people: 0, openCount: 0, openAmount: 0, last: null };
/** Last-interaction lookups run this many at a time, so the event loop keeps breathing. */
const LOOKUP_BATCH = 50;

type Change<T> = RxChangeEvent<T>;

export class AccountSummaries {
  private stats: Map<string, Stats> | null = null;
  private computing: Promise<void> | null = null;
  /** A change arrived while computing: the snapshot may have missed it, so compute again. */
  private dirty = false;
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly ctx: HostContext) {
    const { store } = ctx;
    this.subscriptions.push(
      store.stakeholders.$.subscribe((e) => this.apply(() => this.onStakeholder(e as Change<Stakeholder>))),
      store.opportunities.$.subscribe((e) => this.apply(() => this.onOpportunity(e as Change<Opportunity>))),
      store.interactions.$.subscribe((e) => this.apply(() => this.onInteraction(e as Change<Interaction>))),
    );
  }

  async list(): Promise<AccountSummary[]> {
    const accounts = (await this.ctx.store.accounts.find().exec()).map((d) => d.toJSON() as Account);
    const stats = this.stats;
    // Counting reads whole collections; start it after this answer has gone out, not before.
    if (!stats) setImmediate(() => void this.ensureComputing());
    return accounts
      .map((a) => {
        const s = stats?.get(a.id) ?? EMPTY;
        return {
          id: a.id, name: a.name, industry: a.industry, region: a.region, segment: a.segment,
          stakeholderCount: s.people, openOpportunityCount: s.openCount, openPipeline: s.openAmount,
          lastInteractionAt: s.last, statsPending: !stats,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
  }

  close(): void {
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

  private async compute(): Promise<Map<string, Stats>> {
    const { store } = this.ctx;
    const [accounts, stakeholders, opportunities] = await Promise.all([
      store.accounts.find().exec(),
      store.stakeholders.find().exec(),
      store.opportunities.find().exec(),
    ]);
    const stats = new Map<string, Stats>(accounts.map((a) => [a.id, { ...EMPTY }]));
    const of = (accountId: string) => stats.get(accountId) ?? stats.set(accountId, { ...EMPTY }).get(accountId)!;
    for (const s of stakeholders) of(s.accountId).people++;
    for (const doc of opportunities) {
      const o = doc as unknown as Opportunity;
      if (o.status !== 'open') continue;
      const s = of(o.accountId);
      s.openCount++;
      s.openAmount += o.amount;
    }
    const ids = [...stats.keys()];
    for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
      await Promise.all(
        ids.slice(i, i + LOOKUP_BATCH).map(async (accountId) => {
          const latest = await store.interactions
            .findOne({ selector: { accountId: accountId as Account['id'] }, sort: [{ accountId: 'desc' }, { at: 'desc' }] })
            .exec();
          stats.get(accountId)!.last = latest?.at ?? null;
        }),
      );
    }
    return stats;
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
    for (const [doc, sign] of [[before, -1], [after, 1]] as const) {
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
      void this.ctx.store.interactions
        .findOne({ selector: { accountId }, sort: [{ accountId: 'desc' }, { at: 'desc' }] })
        .exec()
        .then((latest) => (this.at(accountId).last = latest?.at ?? null));
      return;
    }
    const s = this.at(e.documentData.accountId);
    s.last = Math.max(s.last ?? 0, e.documentData.at);
  }
}
