// Pure (shared): the scoring engine the worker thread wraps. It owns the workspace state, the
// model and per-deal aggregates (probability and Today rank in typed arrays), applies document
// changes, and rescores exactly what a change touched. A full rescore and an incremental one run
// the same code per subject, so they agree by construction (and a test pins it).
//
// `now` is read once per rescore. Engagement decays with time, so the worker also runs a full
// rescore periodically; in between, untouched scores are "as of" their last computation.
// The prior's win-rate intercept is refreshed on full rescores only, so that closing one deal
// does not silently rewrite every score between two full runs.
import type { CollectionName } from '../../domain';
import { bestTime, type BestTime } from './best-time';
import { opportunityFacts } from './facts';
import { featureCount, featureRow, type FeatureSpace } from './features';
import { spaceFor, type HistoryRecord } from './history';
import type { WorkspaceModel } from './model';
import { opportunityPayload } from './opportunity';
import type { NextBestAction, OpportunityScorePayload, StakeholderScorePayload } from './payload';
import type { PriorParams } from './prior';
import { stakeholderActivity, stakeholderPayload } from './stakeholder';
import { emptyTouched, WorkspaceState, type Touched } from './state';

export interface ScoreDocOut {
  id: string;
  subjectType: 'opportunity' | 'stakeholder';
  subjectId: string;
  accountId: string;
  computedAt: number;
  payload: string;
}

export interface RescoreResult {
  upserts: ScoreDocOut[];
  removals: string[];
  /** Opportunity slots scored in this run. */
  scoredOpportunities: number;
  /** Stakeholders scored ('stored') or whose score may have changed ('onRequest'). */
  scoredStakeholders: number;
}

/**
 * Where stakeholder scores go. 'stored': every rescore emits them as score docs like deals.
 * 'onRequest': rescores skip them and `accountScores` computes one account's people when asked.
 * The worker uses 'onRequest': an L workspace has 60k people, whose payloads dominated a full
 * rescore, and all of them change on every periodic rescore (engagement decays, the next good
 * slot moves), so storing them meant ~60k writes on the main thread each time, for a panel that
 * shows one account at a time and costs a few ms to compute for it.
 */
export type StakeholderScoring = 'stored' | 'onRequest';

export interface TodayItem {
  opportunityId: string;
  opportunityName: string;
  accountId: string;
  ownerId: string;
  amount: number;
  currency: string;
  probability: number;
  band: 'low' | 'medium' | 'high';
  rank: number;
  action: NextBestAction | null;
}

type RawDoc = Record<string, unknown> & { id: string };

export const scoreDocId = (type: 'opportunity' | 'stakeholder', id: string): string => `${type === 'opportunity' ? 'opp' : 'stk'}:${id}`;

/** FNV-1a over the payload text: enough to skip rewriting a score that did not change. */
function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class ScoringEngine {
  readonly state = new WorkspaceState();
  history: HistoryRecord[] = [];
  model: WorkspaceModel | null = null;
  space: FeatureSpace = { crm: [] };
  prior: PriorParams = { closed: 0, won: 0 };
  /** Per opportunity slot: calibrated probability and Today rank (NaN = not scored / not open). */
  probability = new Float64Array(0);
  rank = new Float64Array(0);
  private today: (TodayItem | null)[] = [];
  private hashes = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now, private readonly stakeholderScoring: StakeholderScoring = 'stored') {}

  now(): number {
    return this.clock();
  }

  /** Apply upserted documents of one collection; returns what they touched. */
  apply(collection: CollectionName, docs: readonly RawDoc[], touched: Touched = emptyTouched()): Touched {
    const s = this.state;
    for (const d of docs) {
      if (d['_deleted'] === true) { this.remove(collection, [d], touched); continue; }
      switch (collection) {
        case 'accounts': s.upsertAccount(d as never); break;
        case 'stakeholders': s.upsertStakeholder(d as never, touched); break;
        case 'opportunities': s.upsertOpportunity(d as never, touched); break;
        case 'interactions': s.upsertInteraction(d as never, touched); break;
        case 'journeysteps': s.upsertStep(d as never, touched); break;
        default: break; // other collections do not affect scores
      }
    }
    return touched;
  }

  remove(collection: CollectionName, docs: readonly { id: string; accountId?: unknown }[], touched: Touched = emptyTouched()): Touched {
    const s = this.state;
    for (const d of docs) {
      switch (collection) {
        case 'accounts': s.accounts.delete(d.id); break;
        case 'stakeholders': s.removeStakeholder(d.id, touched); break;
        case 'opportunities': s.removeOpportunity(d.id, touched); break;
        case 'interactions': s.removeInteraction(d.id, typeof d.accountId === 'string' ? d.accountId : undefined, touched); break;
        case 'journeysteps': s.removeStep(d.id, touched); break;
        default: break;
      }
    }
    return touched;
  }

  setModel(model: WorkspaceModel | null): void {
    this.model = model;
  }

  /** Refresh what full rescores share: the prior's intercept and the feature space. */
  private refreshShared(): void {
    let closed = 0;
    let won = 0;
    for (const slot of this.state.closedOpportunitySlots()) {
      closed++;
      if (this.state.opportunities[slot]!.status === 'won') won++;
    }
    for (const h of this.history) { closed++; if (h.won) won++; }
    this.prior = { closed, won };
    this.space = this.model ? this.model.json.space : spaceFor(this.state, this.history);
  }

  rescoreAll(): RescoreResult {
    this.refreshShared();
    const all: Touched = emptyTouched();
    this.state.opportunities.forEach((_, i) => all.opportunities.add(i));
    if (this.stakeholderScoring === 'stored') this.state.stakeholders.forEach((_, i) => all.stakeholders.add(i));
    const r = this.rescore(all);
    // Every person's engagement decays with the clock: all of them may read differently now.
    if (this.stakeholderScoring === 'onRequest') r.scoredStakeholders = this.state.stakeholders.length;
    return r;
  }

  rescore(touched: Touched): RescoreResult {
    const now = this.clock();
    const s = this.state;
    this.ensureCapacity(s.opportunities.length);
    const times = new Map<number, BestTime | null>();
    const bestTimeOfSlot = (slot: number): BestTime | null => {
      let t = times.get(slot);
      if (t === undefined) {
        const doc = s.stakeholders[slot];
        if (!doc) t = null;
        else {
          const a = stakeholderActivity(s, slot, now, doc.timezone ?? 'UTC');
          t = bestTime(a.hist, a.samples, doc.timezone, now);
        }
        times.set(slot, t);
      }
      return t;
    };
    const result: RescoreResult = { upserts: [], removals: [], scoredOpportunities: 0, scoredStakeholders: 0 };
    const emit = (type: 'opportunity' | 'stakeholder', subjectId: string, accountId: string, payload: { asOf: number }) => {
      const id = scoreDocId(type, subjectId);
      // asOf moves with the clock; only a change of content is worth a write. The payload is
      // serialised once with asOf = 0 (hashed), then the real asOf is spliced in.
      const asOf = payload.asOf;
      payload.asOf = 0;
      const zeroed = JSON.stringify(payload);
      payload.asOf = asOf;
      const h = hashText(zeroed);
      if (this.hashes.get(id) === h) return;
      this.hashes.set(id, h);
      result.upserts.push({ id, subjectType: type, subjectId, accountId, computedAt: now, payload: zeroed.replace('"asOf":0', `"asOf":${asOf}`) });
    };
    const drop = (type: 'opportunity' | 'stakeholder', subjectId: string) => {
      const id = scoreDocId(type, subjectId);
      if (this.hashes.delete(id)) result.removals.push(id);
    };
    if (this.stakeholderScoring === 'onRequest') {
      result.scoredStakeholders = touched.stakeholders.size;
    } else {
      for (const slot of touched.stakeholders) {
        const p = stakeholderPayload(s, slot, now);
        if (!p) { drop('stakeholder', s.stakeholderIds[slot]!); continue; }
        times.set(slot, p.bestTime);
        emit('stakeholder', p.stakeholderId, p.accountId, p);
        result.scoredStakeholders++;
      }
    }
    const row = new Float64Array(featureCount(this.space));
    for (const slot of touched.opportunities) {
      const o = s.opportunities[slot];
      if (!o || o.status !== 'open') {
        this.probability[slot] = NaN;
        this.rank[slot] = NaN;
        this.today[slot] = null;
        drop('opportunity', s.opportunityIds[slot]!);
        continue;
      }
      const facts = opportunityFacts(s, slot, now)!;
      featureRow(facts, this.space, row);
      const payload = opportunityPayload({
        facts, row, space: this.space, prior: this.prior, model: this.model, now,
        bestTimeOf: (sid) => { const k = s.stakeholderIdx.get(sid); return k === undefined ? null : bestTimeOfSlot(k); },
      });
      this.remember(slot, payload);
      emit('opportunity', o.id, o.accountId, payload);
      result.scoredOpportunities++;
    }
    return result;
  }

  /** One account's stakeholder scores as of now, computed on the spot (a few ms for any account). */
  accountScores(accountId: string): StakeholderScorePayload[] {
    const now = this.clock();
    const out: StakeholderScorePayload[] = [];
    for (const slot of this.state.stakeholderSlotsOf(accountId)) {
      const p = stakeholderPayload(this.state, slot, now);
      if (p) out.push(p);
    }
    return out;
  }

  private ensureCapacity(n: number): void {
    if (this.probability.length >= n) return;
    const grow = (a: Float64Array) => { const b = new Float64Array(Math.max(n, a.length * 2, 256)).fill(NaN); b.set(a); return b; };
    this.probability = grow(this.probability);
    this.rank = grow(this.rank);
  }

  /** Today's rank: how urgent the top action is, times what the deal is worth winning. */
  private remember(slot: number, p: OpportunityScorePayload): void {
    const o = this.state.opportunities[slot]!;
    const action = p.actions[0] ?? null;
    const urgency = action ? action.priority : 0.1;
    const rank = urgency * (0.4 + 0.6 * p.probability) * Math.log10(10 + o.amount);
    this.probability[slot] = p.probability;
    this.rank[slot] = rank;
    this.today[slot] = {
      opportunityId: o.id, opportunityName: o.name, accountId: o.accountId, ownerId: o.ownerId, amount: o.amount,
      currency: o.currency, probability: p.probability, band: p.band, rank, action,
    };
  }

  todayList(limit: number, ownerId?: string): TodayItem[] {
    const items: TodayItem[] = [];
    for (const t of this.today) if (t && (!ownerId || t.ownerId === ownerId)) items.push(t);
    return items.sort((a, b) => b.rank - a.rank || a.opportunityId.localeCompare(b.opportunityId)).slice(0, limit);
  }
}
