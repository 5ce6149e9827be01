// Pure (shared): the scoring worker's in-memory picture of the workspace. Interactions (the
// bulk: a million in an L workspace) live in growable typed-array columns with a per-stakeholder
// index, so features are a few array scans rather than object walks; the small collections keep
// their documents. Every mutation returns which opportunities and stakeholders it touched, which
// is what makes incremental rescoring exact: recompute those, nothing else.
import {
  BUYING_JOBS,
  DIRECTIONS,
  INTERACTION_KINDS,
  JOURNEY_MOVES,
  type Account,
  type Interaction,
  type JourneyStep,
  type Opportunity,
  type Stakeholder,
} from '@shared/domain';
import { cut, grow, trimmedLength, type Column, type ColumnBytes } from './columns';
import { IdIndex } from './id-index';
import { Interner } from './intern';
import { scoredOpportunity, scoredStakeholder, type ScoredOpportunity, type ScoredStakeholder } from './scored-docs';

export type { ScoredOpportunity, ScoredStakeholder } from './scored-docs';

export const DIR_CODE = Object.fromEntries(DIRECTIONS.map((d, i) => [d, i])) as Record<(typeof DIRECTIONS)[number], number>;
export const KIND_CODE = Object.fromEntries(INTERACTION_KINDS.map((d, i) => [d, i])) as Record<(typeof INTERACTION_KINDS)[number], number>;
export const JOB_INDEX = Object.fromEntries(BUYING_JOBS.map((d, i) => [d, i])) as Record<(typeof BUYING_JOBS)[number], number>;
export const MOVE_CODE = Object.fromEntries(JOURNEY_MOVES.map((d, i) => [d, i])) as Record<(typeof JOURNEY_MOVES)[number], number>;

export interface StepFact {
  job: number;
  at: number;
  move: number;
  stakeholderId: string;
}

export interface Touched {
  opportunities: Set<number>;
  stakeholders: Set<number>;
}

export const emptyTouched = (): Touched => ({ opportunities: new Set(), stakeholders: new Set() });

export class WorkspaceState {
  readonly accounts = new Map<string, Account>();
  /** Slot per stakeholder id; a slot can exist before its document (an interaction named them first). */
  readonly stakeholderIdx = new Map<string, number>();
  readonly stakeholders: (ScoredStakeholder | undefined)[] = [];
  readonly stakeholderIds: string[] = [];
  readonly interactionsOf: number[][] = [];
  readonly opportunityIdx = new Map<string, number>();
  readonly opportunities: (ScoredOpportunity | undefined)[] = [];
  readonly opportunityIds: string[] = [];
  /**
   * Journey step slots per opportunity slot, in the order they were last written. Steps (600k in
   * an L workspace) live in columns like interactions: as one object and one map entry each,
   * they were the largest part of the worker's heap (~125 MB of ~330 MB on L).
   */
  readonly stepsOf: number[][] = [];
  private readonly stepIdx = new IdIndex();
  private stepFree: number[] = [];
  private stepSize = 0;
  stepAt = new Float64Array(0);
  stepJob = new Int8Array(0);
  stepMove = new Int8Array(0);
  private stepOpp = new Int32Array(0);
  /** Who moved, per step slot: one shared string per person (interned through `stepPeople`). */
  readonly stepWho: string[] = [];
  private readonly stepPeople = new Map<string, string>();
  /** Opportunity slots per account, for account-level interactions (no opportunityId). */
  readonly oppsOfAccount = new Map<string, Set<number>>();
  /**
   * Opportunity slots whose buying group lists this stakeholder id. Keyed by id, not slot: a
   * member named only on a deal must not get a stakeholder slot (facts skip unknown people).
   * Without it every attendee of every interaction scanned all deals of the account and their
   * members: O(interactions × deals × members), which grew superlinearly with account size.
   */
  private readonly dealsOfMember = new Map<string, Set<number>>();
  /** One copy of each repeated text in what the state keeps (intern.ts). */
  private readonly texts = new Interner();
  /** Stakeholder slots per account, for scoring one account's people on request. */
  private readonly stakeholdersOfAccount = new Map<string, Set<number>>();

  // Interaction columns, one entry per slot; `live` is 0 for removed slots.
  /** Slot per interaction id (id-index.ts: fingerprints, not the id strings). */
  readonly interactionIdx = new IdIndex();
  size = 0;
  at = new Float64Array(0);
  dir = new Uint8Array(0);
  kind = new Uint8Array(0);
  sentiment = new Int8Array(0);
  job = new Int8Array(0);
  opp = new Int32Array(0);
  live = new Uint8Array(0);
  /** Attendees as ranges into one pool; an edited interaction appends a new range (old one is garbage). */
  attStart = new Int32Array(0);
  attCount = new Int32Array(0);
  attPool = new Int32Array(0);
  attUsed = 0;

  stakeholderSlot(id: string): number {
    let i = this.stakeholderIdx.get(id);
    if (i === undefined) {
      i = this.stakeholders.length;
      this.stakeholderIdx.set(id, i);
      this.stakeholders.push(undefined);
      this.stakeholderIds.push(id);
      this.interactionsOf.push([]);
    }
    return i;
  }

  opportunitySlot(id: string): number {
    let i = this.opportunityIdx.get(id);
    if (i === undefined) {
      i = this.opportunities.length;
      this.opportunityIdx.set(id, i);
      this.opportunities.push(undefined);
      this.opportunityIds.push(id);
      this.stepsOf.push([]);
    }
    return i;
  }

  /** Deals of the account that have this stakeholder (who must have a document) in their buying group. */
  private dealsWithMember(accountId: string, stk: number, out: Set<number>): void {
    const id = this.stakeholders[stk]?.id;
    if (id === undefined) return;
    for (const o of this.dealsOfMember.get(id) ?? []) if (this.opportunities[o]?.accountId === accountId) out.add(o);
  }

  private indexMembers(doc: ScoredOpportunity | undefined, o: number, add: boolean): void {
    if (!doc) return;
    for (const m of doc.members) {
      let set = this.dealsOfMember.get(m.stakeholderId);
      if (add) {
        if (!set) this.dealsOfMember.set(m.stakeholderId, (set = new Set()));
        set.add(o);
      } else if (set) {
        set.delete(o);
        if (set.size === 0) this.dealsOfMember.delete(m.stakeholderId);
      }
    }
  }

  private indexPerson(doc: ScoredStakeholder | undefined, s: number, add: boolean): void {
    if (!doc) return;
    let set = this.stakeholdersOfAccount.get(doc.accountId);
    if (add) {
      if (!set) this.stakeholdersOfAccount.set(doc.accountId, (set = new Set()));
      set.add(s);
    } else set?.delete(s);
  }

  /** Stakeholder slots (with a document) of one account. */
  stakeholderSlotsOf(accountId: string): number[] {
    return [...(this.stakeholdersOfAccount.get(accountId) ?? [])];
  }

  upsertAccount(doc: Account): void {
    this.accounts.set(doc.id, doc);
  }

  upsertStakeholder(doc: Stakeholder, touched: Touched): void {
    const s = this.stakeholderSlot(doc.id);
    this.indexPerson(this.stakeholders[s], s, false);
    const kept = scoredStakeholder(doc, this.texts);
    this.stakeholders[s] = kept;
    this.indexPerson(kept, s, true);
    touched.stakeholders.add(s);
    this.dealsWithMember(doc.accountId, s, touched.opportunities);
  }

  removeStakeholder(id: string, touched: Touched): void {
    const s = this.stakeholderIdx.get(id);
    if (s === undefined) return;
    const doc = this.stakeholders[s];
    if (doc) this.dealsWithMember(doc.accountId, s, touched.opportunities);
    this.indexPerson(doc, s, false);
    this.stakeholders[s] = undefined;
    touched.stakeholders.add(s);
  }

  upsertOpportunity(doc: Opportunity, touched: Touched): void {
    const o = this.opportunitySlot(doc.id);
    const old = this.opportunities[o];
    if (old && old.accountId !== doc.accountId) this.oppsOfAccount.get(old.accountId)?.delete(o);
    this.indexMembers(old, o, false);
    const kept = scoredOpportunity(doc, this.texts);
    this.opportunities[o] = kept;
    this.indexMembers(kept, o, true);
    let set = this.oppsOfAccount.get(doc.accountId);
    if (!set) this.oppsOfAccount.set(doc.accountId, (set = new Set()));
    set.add(o);
    touched.opportunities.add(o);
  }

  removeOpportunity(id: string, touched: Touched): void {
    const o = this.opportunityIdx.get(id);
    if (o === undefined) return;
    const old = this.opportunities[o];
    if (old) this.oppsOfAccount.get(old.accountId)?.delete(o);
    this.indexMembers(old, o, false);
    this.opportunities[o] = undefined;
    touched.opportunities.add(o);
  }

  upsertStep(doc: JourneyStep, touched: Touched): void {
    // Rewritten steps go to the end of their deal's list, as a removal and a new write would.
    this.removeStep(doc.id, touched);
    const o = this.opportunitySlot(doc.opportunityId);
    const k = this.stepFree.pop() ?? this.stepSize++;
    if (k >= this.stepAt.length) this.eachStepColumn((c) => grow(c, k + 1));
    this.stepIdx.set(doc.id, k);
    this.stepAt[k] = doc.at;
    this.stepJob[k] = JOB_INDEX[doc.job];
    this.stepMove[k] = MOVE_CODE[doc.move];
    this.stepOpp[k] = o;
    let who = this.stepPeople.get(doc.stakeholderId);
    if (who === undefined) this.stepPeople.set(doc.stakeholderId, (who = doc.stakeholderId));
    this.stepWho[k] = who;
    this.stepsOf[o]!.push(k);
    touched.opportunities.add(o);
  }

  removeStep(id: string, touched: Touched): void {
    const k = this.stepIdx.get(id);
    if (k === undefined) return;
    this.stepIdx.delete(id);
    const o = this.stepOpp[k]!;
    const list = this.stepsOf[o]!;
    list.splice(list.indexOf(k), 1);
    this.stepFree.push(k);
    touched.opportunities.add(o);
  }

  /** The deal's journey steps up to `asOf`, oldest first (equal times in the order written). */
  stepsUpTo(o: number, asOf: number): StepFact[] {
    const out: StepFact[] = [];
    for (const k of this.stepsOf[o] ?? []) {
      if (this.stepAt[k]! <= asOf)
        out.push({ job: this.stepJob[k]!, at: this.stepAt[k]!, move: this.stepMove[k]!, stakeholderId: this.stepWho[k]! });
    }
    return out.sort((a, b) => a.at - b.at);
  }

  upsertInteraction(doc: Interaction, touched: Touched): void {
    let slot = this.interactionIdx.get(doc.id);
    if (slot !== undefined) this.detach(slot, doc.accountId, touched);
    else {
      slot = this.size++;
      this.interactionIdx.set(doc.id, slot);
      this.ensureCapacity(this.size);
    }
    this.at[slot] = doc.at;
    this.dir[slot] = DIR_CODE[doc.direction];
    this.kind[slot] = KIND_CODE[doc.kind];
    this.sentiment[slot] = doc.sentiment;
    this.job[slot] = doc.buyingJob ? JOB_INDEX[doc.buyingJob] : -1;
    this.opp[slot] = doc.opportunityId ? this.opportunitySlot(doc.opportunityId) : -1;
    this.live[slot] = 1;
    const n = doc.attendeeIds.length;
    this.attPool = grow(this.attPool, this.attUsed + n);
    this.attStart[slot] = this.attUsed;
    this.attCount[slot] = n;
    for (const id of doc.attendeeIds) {
      const s = this.stakeholderSlot(id);
      this.attPool[this.attUsed++] = s;
      this.interactionsOf[s]!.push(slot);
    }
    this.attach(slot, doc.accountId, touched);
  }

  removeInteraction(id: string, accountId: string | undefined, touched: Touched): void {
    const slot = this.interactionIdx.get(id);
    if (slot === undefined) return;
    this.detach(slot, accountId, touched);
    this.live[slot] = 0;
    this.interactionIdx.delete(id);
  }

  /**
   * Cuts the columns and id tables to what they hold plus an eighth, once a bulk read is done
   * (runtime.ts, after the worker's first read). Grown by doubling, they held up to twice that
   * (issue 19; on L 83 → 69 MB, scoring-memory bench). Less of it is resident memory: a column's
   * pages past what was written were never touched, while the id tables are written all over;
   * in a worker reading L, the trim took 3–11 MiB off the process's PSS. Later writes grow them
   * again as before.
   */
  trim(): void {
    const n = trimmedLength(this.size);
    this.eachInteractionColumn((c) => cut(c, n));
    this.attPool = cut(this.attPool, trimmedLength(this.attUsed));
    const k = trimmedLength(this.stepSize);
    this.eachStepColumn((c) => cut(c, k));
    this.interactionIdx.trim();
    this.stepIdx.trim();
  }

  get columnBytes(): ColumnBytes {
    let interactionColumns = this.attPool.byteLength;
    let stepColumns = 0;
    this.eachInteractionColumn((c) => ((interactionColumns += c.byteLength), c));
    this.eachStepColumn((c) => ((stepColumns += c.byteLength), c));
    return { interactionIds: this.interactionIdx.bytes, stepIds: this.stepIdx.bytes, interactionColumns, stepColumns };
  }

  /**
   * Replaces each per-interaction column by `f` of it: the one list of them that growing,
   * trimming and counting bytes go through (attPool is sized by attendees, not interactions).
   */
  private eachInteractionColumn(f: <T extends Column>(c: T) => T): void {
    this.at = f(this.at);
    this.dir = f(this.dir);
    this.kind = f(this.kind);
    this.sentiment = f(this.sentiment);
    this.job = f(this.job);
    this.opp = f(this.opp);
    this.live = f(this.live);
    this.attStart = f(this.attStart);
    this.attCount = f(this.attCount);
  }

  /** The same for the per-step columns. */
  private eachStepColumn(f: <T extends Column>(c: T) => T): void {
    this.stepAt = f(this.stepAt);
    this.stepJob = f(this.stepJob);
    this.stepMove = f(this.stepMove);
    this.stepOpp = f(this.stepOpp);
  }

  private ensureCapacity(n: number): void {
    // Checked once here, not in each grow: grow sees five typed-array kinds, and calling it for
    // every column on every one of a million inserts showed up in the load profile.
    if (n <= this.at.length) return;
    this.eachInteractionColumn((c) => grow(c, n));
  }

  /** Marks what the interaction in `slot` affects: its deal, its attendees and their deals. */
  private attach(slot: number, accountId: string | undefined, touched: Touched): void {
    const o = this.opp[slot]!;
    if (o >= 0) touched.opportunities.add(o);
    for (let k = 0; k < this.attCount[slot]!; k++) {
      const s = this.attPool[this.attStart[slot]! + k]!;
      touched.stakeholders.add(s);
      // Every deal the attendee is in: its facts (account-level interactions) or the best time
      // to reach this person (shown on its next best action) may change.
      const acc = accountId ?? this.stakeholders[s]?.accountId;
      if (acc) this.dealsWithMember(acc, s, touched.opportunities);
    }
  }

  private detach(slot: number, accountId: string | undefined, touched: Touched): void {
    this.attach(slot, accountId, touched);
    for (let k = 0; k < this.attCount[slot]!; k++) {
      const list = this.interactionsOf[this.attPool[this.attStart[slot]! + k]!]!;
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
    }
    this.attCount[slot] = 0;
  }

  openOpportunitySlots(): number[] {
    const out: number[] = [];
    this.opportunities.forEach((o, i) => {
      if (o && o.status === 'open') out.push(i);
    });
    return out;
  }

  closedOpportunitySlots(): number[] {
    const out: number[] = [];
    this.opportunities.forEach((o, i) => {
      if (o && o.status !== 'open' && o.closedAt !== undefined) out.push(i);
    });
    return out;
  }
}
