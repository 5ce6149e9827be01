// Pure (shared): the three-way merge behind sync conflict resolution. Deterministic, clock-free
// (updatedAt is carried along but never decides anything) and idempotent. Rules:
//
// 1. Fields are merged one top-level field at a time against the base (the state both sides
//    started from: RxDB's assumedMasterState). Arrays and objects are single values.
// 2. A field changed on only one side takes that side's value, so concurrent edits of
//    different fields both survive.
// 3. A field changed on both sides to different values takes the MASTER value: the server
//    ordered that write first, and every client resolves the same way without trusting any
//    clock. The local value that lost is appended to `keptConflicts` ({ field, value as JSON,
//    lostAt, fromRevision }) so the user can see and restore it; nothing is dropped silently.
// 4. Delete vs edit: the edit wins (the document stays alive with the merged fields) and a
//    `{ field: '_deleted', value: 'true' }` entry records the losing delete, so re-deleting is
//    one click. Delete vs an untouched document: the delete wins. Both deleted: deleted.
// 5. keptConflicts merge as a set against the base: an entry dismissed on either side stays
//    dismissed, entries added on either side are kept; duplicates collapse. At most 50 are
//    kept (the schema's limit); beyond that the oldest are folded into one
//    `{ field: '_discarded' }` entry whose value counts them and names their fields, so the
//    user is told values were discarded (never a silent drop) and may dismiss that notice.
// 6. updatedAt becomes the larger of the two (informational only). lostAt is that same value
//    and fromRevision is a content hash of the losing state, so merging is reproducible.
import { canonicalJson, contentHash, sameValue, toDocState } from './canonical';

export interface KeptConflictEntry {
  field: string;
  /** JSON of the value that lost; `null` stands for "the field was cleared". */
  value: string;
  lostAt: number;
  fromRevision: string;
}

export interface SyncDocState {
  id: string;
  updatedAt: number;
  keptConflicts?: KeptConflictEntry[];
  _deleted?: boolean;
  [field: string]: unknown;
}

export interface MergeInput<T extends SyncDocState> {
  /** State both sides started from; undefined when both created the same id independently. */
  base?: T | undefined;
  master: T;
  local: T;
}

export const MAX_KEPT_CONFLICTS = 50;
const BOOKKEEPING = new Set(['id', 'updatedAt', 'keptConflicts', '_deleted', '_meta', '_rev', '_attachments']);

function dataFields(doc: SyncDocState | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!doc) return out;
  for (const [k, v] of Object.entries(doc)) if (!BOOKKEEPING.has(k) && v !== undefined) out[k] = v;
  return out;
}

function keyOf(e: KeptConflictEntry): string {
  return canonicalJson([e.field, e.value, e.fromRevision]);
}

function compareKept(a: KeptConflictEntry, b: KeptConflictEntry): number {
  if (a.lostAt !== b.lostAt) return a.lostAt - b.lostAt;
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Set merge of keptConflicts; see rule 5. */
export function mergeKept(
  base: KeptConflictEntry[] | undefined,
  master: KeptConflictEntry[] | undefined,
  local: KeptConflictEntry[] | undefined,
  added: KeptConflictEntry[],
): KeptConflictEntry[] {
  const inBase = new Set((base ?? []).map(keyOf));
  const inMaster = new Set((master ?? []).map(keyOf));
  const inLocal = new Set((local ?? []).map(keyOf));
  const byKey = new Map<string, KeptConflictEntry>();
  for (const e of [...(master ?? []), ...(local ?? []), ...added]) {
    const k = keyOf(e);
    // Dismissed on one side (present in base, gone there): stays dismissed.
    if (inBase.has(k) && (!inMaster.has(k) || !inLocal.has(k))) continue;
    const prev = byKey.get(k);
    if (!prev || e.lostAt < prev.lostAt) byKey.set(k, { field: e.field, value: e.value, lostAt: e.lostAt, fromRevision: e.fromRevision });
  }
  const all = [...byKey.values()].sort(compareKept);
  if (all.length <= MAX_KEPT_CONFLICTS) return all;
  // Fold the oldest (and any earlier notice) into one notice, keeping the newest 49 as they are.
  const cut = all.length - (MAX_KEPT_CONFLICTS - 1);
  const folded = all.slice(0, cut);
  let count = 0;
  const fields = new Set<string>();
  for (const e of folded) {
    const notice = e.field === DISCARDED_FIELD ? parseDiscarded(e.value) : undefined;
    if (notice) {
      count += notice.count;
      for (const f of notice.fields) fields.add(f);
    } else {
      count += 1;
      fields.add(e.field);
    }
  }
  const value = canonicalJson({ count, fields: [...fields].sort() });
  const notice: KeptConflictEntry = {
    field: DISCARDED_FIELD,
    value,
    lostAt: folded[folded.length - 1]!.lostAt,
    fromRevision: contentHash({ folded: folded.map(keyOf) }),
  };
  return [notice, ...all.slice(cut)].sort(compareKept);
}

/** The keptConflicts notice that older lost values were discarded; see rule 5. */
export const DISCARDED_FIELD = '_discarded';
export interface DiscardedNotice {
  count: number;
  fields: string[];
}

export function parseDiscarded(value: string): DiscardedNotice | undefined {
  try {
    const v = JSON.parse(value) as Partial<DiscardedNotice>;
    if (typeof v.count === 'number' && Array.isArray(v.fields)) return { count: v.count, fields: v.fields.map(String) };
  } catch {
    // Not a notice written by this code: the caller treats it as an ordinary kept value.
  }
  return undefined;
}

/** Three-way merge of two document states; see the rules at the top of this file. */
export function mergeDocs<T extends SyncDocState>(input: MergeInput<T>): T {
  const master = toDocState(input.master);
  const local = toDocState(input.local);
  const mDel = master._deleted === true;
  const lDel = local._deleted === true;
  // A delete changes no fields: the deleted side contributes its starting state.
  const baseDoc = input.base ? toDocState(input.base) : mDel ? master : lDel ? local : undefined;
  const base = dataFields(baseDoc);
  const m = mDel ? base : dataFields(master);
  const l = lDel ? base : dataFields(local);

  const updatedAt = Math.max(master.updatedAt, local.updatedAt);
  const added: KeptConflictEntry[] = [];
  const merged: Record<string, unknown> = {};
  let masterChanged = false;
  let localChanged = false;
  const fields = [...new Set([...Object.keys(base), ...Object.keys(m), ...Object.keys(l)])].sort();
  for (const f of fields) {
    const bv = base[f];
    const mv = m[f];
    const lv = l[f];
    const mChanged = !sameValue(mv, bv);
    const lChanged = !sameValue(lv, bv);
    masterChanged ||= mChanged;
    localChanged ||= lChanged;
    let value: unknown;
    if (!lChanged || sameValue(mv, lv)) value = mv;
    else if (!mChanged) value = lv;
    else {
      value = mv;
      added.push({ field: f, value: canonicalJson(lv), lostAt: updatedAt, fromRevision: contentHash(local) });
    }
    if (value !== undefined) merged[f] = value;
  }

  let deleted = mDel && lDel;
  if (mDel !== lDel) {
    const editorChanged = mDel ? localChanged : masterChanged;
    if (editorChanged) {
      added.push({ field: '_deleted', value: 'true', lostAt: updatedAt, fromRevision: contentHash(mDel ? master : local) });
    } else deleted = true;
  }

  const kept = mergeKept(baseDoc?.keptConflicts, master.keptConflicts, local.keptConflicts, added);
  const out: Record<string, unknown> = { id: master.id, ...merged, updatedAt };
  if (kept.length > 0) out.keptConflicts = kept;
  out._deleted = deleted;
  return out as T;
}
