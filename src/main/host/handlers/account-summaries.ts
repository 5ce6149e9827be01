// Main process: the Accounts list's summaries. Computed from whole-collection reads once and
// cached until a change event touches a collection they depend on, so the list opens fast
// and filtering never goes back to the store.
import type { AccountSummary } from '../../../shared/api';
import type { Account, Opportunity } from '../../../shared/domain';
import type { HostContext } from '../context';

const DEPENDS_ON = new Set(['accounts', 'stakeholders', 'opportunities', 'interactions']);

export class AccountSummaries {
  private cached: Promise<AccountSummary[]> | null = null;

  constructor(private readonly ctx: HostContext) {
    ctx.events.subscribe((event) => {
      if (event.type === 'changed' && event.collections.some((c) => DEPENDS_ON.has(c))) this.cached = null;
    });
  }

  list(): Promise<AccountSummary[]> {
    if (!this.cached) {
      this.cached = this.compute();
      // A failed computation must not stay cached; the next call retries.
      this.cached.catch(() => (this.cached = null));
    }
    return this.cached;
  }

  private async compute(): Promise<AccountSummary[]> {
    const { store } = this.ctx;
    const [accounts, stakeholders, opportunities] = await Promise.all([
      store.accounts.find().exec(),
      store.stakeholders.find().exec(),
      store.opportunities.find().exec(),
    ]);
    const people = new Map<string, number>();
    for (const s of stakeholders) people.set(s.accountId, (people.get(s.accountId) ?? 0) + 1);
    const open = new Map<string, { count: number; amount: number }>();
    for (const o of opportunities as unknown as Opportunity[]) {
      if (o.status !== 'open') continue;
      const agg = open.get(o.accountId) ?? { count: 0, amount: 0 };
      agg.count++;
      agg.amount += o.amount;
      open.set(o.accountId, agg);
    }
    const last = await Promise.all(
      accounts.map((a) =>
        store.interactions
          .findOne({ selector: { accountId: a.id }, sort: [{ accountId: 'desc' }, { at: 'desc' }] })
          .exec()
          .then((i) => i?.at ?? null),
      ),
    );
    return accounts
      .map((doc, i) => {
        const a = doc as unknown as Account;
        const o = open.get(a.id);
        return {
          id: a.id,
          name: a.name,
          industry: a.industry,
          region: a.region,
          segment: a.segment,
          stakeholderCount: people.get(a.id) ?? 0,
          openOpportunityCount: o?.count ?? 0,
          openPipeline: o?.amount ?? 0,
          lastInteractionAt: last[i] ?? null,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
  }
}

