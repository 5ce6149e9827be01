// Pure (shared): the scoring engine the scoring process wraps. It owns the workspace state, the
// model and per-deal aggregates (probability and Today rank in typed arrays), applies document
// changes, and rescores exactly what a change touched. A full rescore and an incremental one run
// the same code per subject, so they agree by construction (and a test pins it).
//
// `now` is read once per rescore. Engagement decays with time, so the worker also runs a full
// rescore periodically; in between, untouched scores are "as of" their last computation.
// The prior's win-rate intercept is refreshed on full rescores only, so that closing one deal
// does not silently rewrite every score between two full runs.
import type { CollectionName, NextBestAction, OpportunityScorePayload, StakeholderScorePayload } from '@shared/domain';
import { nextBestActions } from './actions';
import { bestTime, type BestTime } from './best-time';
import { actionWhatIfs, scoreFacts, whatIf, type WhatIf } from './what-if';
import { opportunityFacts, type OpportunityFacts } from './facts';
import { featureCount, featureRow, type FeatureSpace } from './features';
import { spaceFor, type HistoryRecord } from './history';
import { scoreRows, type WorkspaceModel } from './model';
import { opportunityPayload } from './opportunity';
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

/** Today's order: rank, then id (a stable order for equal ranks). */
const byRank = (a: TodayItem, b: TodayItem): number => b.rank - a.rank || a.opportunityId.localeCompare(b.opportunityId);

/** [opportunityId, ownerId, rank] per open deal, best first (ScoringEngine.todayRanking). */
export type TodayRanking = [opportunityId: string, ownerId: string, rank: number][];

type RawDoc = Record<string, unknown> & { id: string };

export const scoreDocId = (type: 'opportunity' | 'stakeholder', id: string): string => `${type === 'opportunity' ? 'opp' : 'stk'}:${id}`;

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
let utf8Bytes = new Uint8Array(16_384);

/**
 * JSON text with every non-ASCII character escaped (`\u2013`): the same value when parsed, but
 * one byte per character in V8. Why it matters: nearly every payload has an en dash (best-time
 * windows "14–16") or a minus sign ("−2..+2"), and one such character makes V8 store the whole
 * 3–4 KB text two bytes per character, which doubled what the worker sends, what the main thread
 * copies in and keeps, and what its garbage collector moves. The escaped text is ASCII but cut
 * from a two-byte string, so V8 still keeps it two-byte; a round trip through UTF-8 bytes gives a
 * one-byte string.
 */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (!NON_ASCII.test(text)) return text;
  const escaped = text.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (utf8Bytes.length < escaped.length) utf8Bytes = new Uint8Array(2 * escaped.length);
  const { written } = utf8Encoder.encodeInto(escaped, utf8Bytes);
  return utf8Decoder.decode(utf8Bytes.subarray(0, written));
}

/**
 * What a deal's score says to a seller: the probability to 0.1 point, its band and source, how
 * many closed deals the model learned from, the factors' words and the actions (with their
 * timing). A rescore whose payload differs only in numbers nobody reads at that precision (a contribution in the 5th decimal, an age in days that
 * moved with the clock) is not written: the stored score is still right and still sums to its
 * own logit. Measured on L: a relaunch 30 s later rewrote 3.7k of 8k scores for such drift.
 */
export function whatItSays(
  p: Pick<OpportunityScorePayload, 'probability' | 'band' | 'source' | 'closedDeals' | 'for' | 'against' | 'actions'>,
): string {
  return JSON.stringify([
    Math.round(p.probability * 1000),
    p.band,
    p.source,
    p.closedDeals,
    p.for.map((f) => f.words),
    p.against.map((f) => f.words),
    p.actions.map((a) => [a.kind, a.title, a.reason, a.stakeholderId, a.when, a.whenWords, a.whenSlots, a.whenConfidence, a.whenSamples]),
  ]);
}

/** Deals scored together: their rows go through the model's trees as one block (scoreRows). */
const BLOCK = 256;

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
  /**
   * Per score doc id, what its last emitted version says: whatItSays() for a deal, the payload
   * text with asOf = 0 for a person. A rescore emits only what differs. Kept whole rather than
   * hashed: comparing two one-byte strings is a memcmp, hashing 8k payloads character by character
   * took ~100 ms of a full rescore, and a hash could collide.
   */
  private sent = new Map<string, string>();
  /** Stored scores remembered at start that no rescore has produced yet (see rememberStored). */
  private unconfirmed = new Set<string>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly stakeholderScoring: StakeholderScoring = 'stored',
  ) {}

  now(): number {
    return this.clock();
  }

  /** Apply upserted documents of one collection; returns what they touched. */
  apply(collection: CollectionName, docs: readonly RawDoc[], touched: Touched = emptyTouched()): Touched {
    const s = this.state;
    for (const d of docs) {
      if (d['_deleted'] === true) {
        this.remove(collection, [d], touched);
        continue;
      }
      switch (collection) {
        case 'accounts':
          s.upsertAccount(d as never);
          break;
        case 'stakeholders':
          s.upsertStakeholder(d as never, touched);
          break;
        case 'opportunities':
          s.upsertOpportunity(d as never, touched);
          break;
        case 'interactions':
          s.upsertInteraction(d as never, touched);
          break;
        case 'journeysteps':
          s.upsertStep(d as never, touched);
          break;
        default:
          break; // other collections do not affect scores
      }
    }
    return touched;
  }

  remove(collection: CollectionName, docs: readonly { id: string; accountId?: unknown }[], touched: Touched = emptyTouched()): Touched {
    const s = this.state;
    for (const d of docs) {
      switch (collection) {
        case 'accounts':
          s.accounts.delete(d.id);
          break;
        case 'stakeholders':
          s.removeStakeholder(d.id, touched);
          break;
        case 'opportunities':
          s.removeOpportunity(d.id, touched);
          break;
        case 'interactions':
          s.removeInteraction(d.id, typeof d.accountId === 'string' ? d.accountId : undefined, touched);
          break;
        case 'journeysteps':
          s.removeStep(d.id, touched);
          break;
        default:
          break;
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
    for (const h of this.history) {
      closed++;
      if (h.won) won++;
    }
    this.prior = { closed, won };
    this.space = this.model ? this.model.json.space : spaceFor(this.state, this.history);
  }

  /**
   * A deal score stored by an earlier run (payload text as it was written): counted as already
   * sent, so a rescore that produces the same content writes nothing. The next full rescore
   * removes the ones it did not produce (deals deleted or closed while the app was not running).
   */
  rememberStored(id: string, payload: string): void {
    if (!id.startsWith(scoreDocId('opportunity', ''))) return;
    try {
      this.sent.set(id, whatItSays(JSON.parse(payload) as OpportunityScorePayload));
    } catch {
      // Unreadable text: nothing a rescore produces equals it, so it is rewritten.
    }
    this.unconfirmed.add(id);
  }

  rescoreAll(): RescoreResult {
    this.refreshShared();
    const all: Touched = emptyTouched();
    this.state.opportunities.forEach((_, i) => all.opportunities.add(i));
    if (this.stakeholderScoring === 'stored') this.state.stakeholders.forEach((_, i) => all.stakeholders.add(i));
    const r = this.rescore(all);
    for (const id of this.unconfirmed) {
      this.sent.delete(id);
      r.removals.push(id);
    }
    this.unconfirmed.clear();
    // Every person's engagement decays with the clock: all of them may read differently now.
    if (this.stakeholderScoring === 'onRequest') r.scoredStakeholders = this.state.stakeholders.length;
    return r;
  }

  /**
   * These deals' scores before the first full rescore, while the workspace is still being read
   * (the scoring worker scores the deals someone is waiting for first). What full rescores share
   * is refreshed first, as rescoreAll does: with every deal read, it is what the full rescore
   * will use, so each of these scores is the one it gives for the same data (a test pins it).
   */
  rescoreBeforeFull(opportunitySlots: Iterable<number>): RescoreResult {
    this.refreshShared();
    return this.rescore({ opportunities: new Set(opportunitySlots), stakeholders: new Set() });
  }

  rescore(touched: Touched): RescoreResult {
    const now = this.clock();
    const s = this.state;
    this.ensureCapacity(s.opportunities.length);
    const { times, bestTimeOf } = this.bestTimes(now);
    const result: RescoreResult = { upserts: [], removals: [], scoredOpportunities: 0, scoredStakeholders: 0 };
    const emit = (type: 'opportunity' | 'stakeholder', subjectId: string, accountId: string, payload: { asOf: number }, says?: string) => {
      const id = scoreDocId(type, subjectId);
      this.unconfirmed.delete(id);
      // asOf moves with the clock; only a change of content is worth a write. A person's payload
      // is serialised once with asOf = 0 (compared), then the real asOf is spliced in; a deal's
      // is compared by what it says and serialised only when that changed.
      const asOf = payload.asOf;
      let key = says;
      if (key === undefined) {
        payload.asOf = 0;
        key = asciiJson(payload);
        payload.asOf = asOf;
      }
      if (this.sent.get(id) === key) return;
      this.sent.set(id, key);
      const text = says === undefined ? key.replace('"asOf":0', `"asOf":${asOf}`) : asciiJson(payload);
      result.upserts.push({ id, subjectType: type, subjectId, accountId, computedAt: now, payload: text });
    };
    const drop = (type: 'opportunity' | 'stakeholder', subjectId: string) => {
      const id = scoreDocId(type, subjectId);
      this.unconfirmed.delete(id);
      if (this.sent.delete(id)) result.removals.push(id);
    };
    if (this.stakeholderScoring === 'onRequest') {
      result.scoredStakeholders = touched.stakeholders.size;
    } else {
      for (const slot of touched.stakeholders) {
        const p = stakeholderPayload(s, slot, now);
        if (!p) {
          drop('stakeholder', s.stakeholderIds[slot]!);
          continue;
        }
        times.set(slot, p.bestTime);
        emit('stakeholder', p.stakeholderId, p.accountId, p);
        result.scoredStakeholders++;
      }
    }
    const width = featureCount(this.space);
    const rows = Array.from({ length: Math.min(BLOCK, touched.opportunities.size) }, () => new Float64Array(width));
    const block: OpportunityFacts[] = [];
    const flush = () => {
      const scores = scoreRows(rows.slice(0, block.length), this.space, this.prior, this.model);
      block.forEach((facts, i) => {
        const payload = opportunityPayload({
          facts,
          row: rows[i]!,
          space: this.space,
          prior: this.prior,
          model: this.model,
          now,
          bestTimeOf,
          score: scores[i]!,
        });
        this.remember(facts.slot, payload);
        emit('opportunity', facts.opportunity.id, facts.opportunity.accountId, payload, whatItSays(payload));
        result.scoredOpportunities++;
      });
      block.length = 0;
    };
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
      featureRow(facts, this.space, rows[block.length]!);
      block.push(facts);
      if (block.length === BLOCK) flush();
    }
    if (block.length) flush();
    return result;
  }

  /** Each person's best time as of `now`, computed once per person per run (memoised in `times`). */
  private bestTimes(now: number): { times: Map<number, BestTime | null>; bestTimeOf: (stakeholderId: string) => BestTime | null } {
    const s = this.state;
    const times = new Map<number, BestTime | null>();
    const ofSlot = (slot: number): BestTime | null => {
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
    return {
      times,
      bestTimeOf: (sid) => {
        const k = s.stakeholderIdx.get(sid);
        return k === undefined ? null : ofSlot(k);
      },
    };
  }

  /**
   * One deal's payload as a rescore at this moment writes it (the same facts, row, block scorer
   * and best times), open or closed; null for an unknown deal. Served while the deal's score is
   * not stored yet: on a workspace's first open, before the first full rescore is written.
   */
  opportunityScore(opportunityId: string): OpportunityScorePayload | null {
    const slot = this.state.opportunityIdx.get(opportunityId);
    const now = this.clock();
    const facts = slot === undefined ? null : opportunityFacts(this.state, slot, now);
    if (!facts) return null;
    const row = featureRow(facts, this.space, new Float64Array(featureCount(this.space)));
    const [score] = scoreRows([row], this.space, this.prior, this.model);
    return opportunityPayload({
      facts,
      row,
      space: this.space,
      prior: this.prior,
      model: this.model,
      now,
      bestTimeOf: this.bestTimes(now).bestTimeOf,
      score: score!,
    });
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
    const grow = (a: Float64Array) => {
      const b = new Float64Array(Math.max(n, a.length * 2, 256)).fill(NaN);
      b.set(a);
      return b;
    };
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
      opportunityId: o.id,
      opportunityName: o.name,
      accountId: o.accountId,
      ownerId: o.ownerId,
      amount: o.amount,
      currency: o.currency,
      probability: p.probability,
      band: p.band,
      rank,
      action,
    };
  }

  /**
   * What would change one open deal's odds (what-if.ts): its suggested actions the model can
   * see, and, with `stakeholderId`, that person becoming a champion. Null for an unknown deal.
   */
  whatIfs(opportunityId: string, stakeholderId?: string): { probability: number; whatIfs: WhatIf[]; person: WhatIf | null } | null {
    const slot = this.state.opportunityIdx.get(opportunityId);
    const now = this.now();
    const facts = slot === undefined ? null : opportunityFacts(this.state, slot, now);
    if (!facts) return null;
    const ctx = { space: this.space, prior: this.prior, model: this.model };
    const base = scoreFacts(facts, ctx);
    const whatIfs = facts.opportunity.status === 'open' ? actionWhatIfs(facts, nextBestActions(facts, now), ctx) : [];
    const member = stakeholderId ? facts.members.find((m) => m.stakeholder?.id === stakeholderId) : undefined;
    const person =
      member && member.stakeholder
        ? whatIf(
            facts,
            `If ${member.stakeholder.name} became a champion`,
            { kind: 'becomes_champion', stakeholderId: member.stakeholder.id },
            ctx,
            base,
          )
        : null;
    return { probability: base.probability, whatIfs, person };
  }

  /**
   * Every open deal's Today rank, best first, as [opportunityId, ownerId, rank]: stored by the
   * host after each full rescore, so at the next launch Today answers from it and the stored
   * scores before this engine has read the workspace (src/main/scoring/stored-today.ts).
   */
  todayRanking(): TodayRanking {
    const items: TodayItem[] = [];
    for (const t of this.today) if (t) items.push(t);
    return items.sort(byRank).map((t) => [t.opportunityId, t.ownerId, t.rank]);
  }

  /** How many open deals Today could list (of this owner): the "312" of "25 of 312". */
  todayCount(ownerId?: string): number {
    let n = 0;
    for (const t of this.today) if (t && (!ownerId || t.ownerId === ownerId)) n++;
    return n;
  }

  todayList(limit: number, ownerId?: string): TodayItem[] {
    const items: TodayItem[] = [];
    for (const t of this.today) if (t && (!ownerId || t.ownerId === ownerId)) items.push(t);
    return items.sort(byRank).slice(0, limit);
  }
}
