// Pure (shared): what a re-import does to a record imported before. Rules:
//
// 1. Only the fields the import sets are considered; fields people own here (stance, buying
//    roles, notes of their own, stage history) are never touched by a re-import.
// 2. Each imported field is compared three ways: the value the CRM gave at the last import
//    (the base, kept in `source.fields`), ours now, and the CRM's now.
// 3. CRM value unchanged since the last import: ours stays, whatever it is.
// 4. CRM value changed, ours still the base: ours takes the CRM's value (an update).
// 5. CRM value changed and ours changed here since, to something else: ours stays and the
//    CRM's value is kept in `keptConflicts` ({ field, value as JSON, lostAt, fromRevision }),
//    the way sync keeps a losing value (src/shared/sync/merge.ts), for Settings → Conflicts to
//    restore or dismiss. fromRevision names the import, so the same conflict is kept once.
// 6. The base becomes the CRM's values of this import, so an unchanged file changes nothing.
// 7. Nothing changed at all: the document is not written (counted as unchanged).
import { canonicalJson, MAX_KEPT_CONFLICTS, type KeptConflictEntry } from '../sync';
import type { Crm } from './presets';
import { hash64 } from './ids';

export interface ImportSource {
  crm: Crm;
  /** The CRM's kind of record: account, contact, lead, opportunity, task, user, … */
  object: string;
  externalId: string;
  importedAt: number;
  /** JSON of the values the last import set: the base of rule 2. */
  fields: string;
}

type Doc = Record<string, unknown> & { keptConflicts?: KeptConflictEntry[]; source?: ImportSource };

export interface Reconciled<T> {
  doc: T;
  outcome: 'updated' | 'unchanged';
  conflicts: number;
  changedFields: string[];
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export function baseOf(source: ImportSource | undefined): Record<string, unknown> {
  if (!source) return {};
  try {
    const parsed: unknown = JSON.parse(source.fields);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A base that cannot be read is treated as "no base": every differing field is a conflict.
    return {};
  }
}

export function reconcile<T extends Doc>(
  existing: T,
  incoming: Record<string, unknown>,
  source: Omit<ImportSource, 'fields'>,
  now: number,
): Reconciled<T> {
  const base = baseOf(existing.source);
  const hadBase = existing.source !== undefined;
  const next: Record<string, unknown> = { ...existing };
  const kept: KeptConflictEntry[] = [...(existing.keptConflicts ?? [])];
  const changedFields: string[] = [];
  let conflicts = 0;
  for (const [field, theirs] of Object.entries(incoming)) {
    const ours = existing[field];
    if (same(ours, theirs)) continue;
    if (hadBase && same(theirs, base[field])) continue; // rule 3
    if (hadBase && same(ours, base[field])) {
      // rule 4
      if (theirs === undefined) delete next[field];
      else next[field] = theirs;
      changedFields.push(field);
      continue;
    }
    // rule 5
    const value = theirs === undefined ? 'null' : JSON.stringify(theirs);
    const fromRevision = `import-${hash64(`${source.crm}:${source.externalId}:${field}:${value}`)}`;
    if (!kept.some((k) => k.field === field && k.fromRevision === fromRevision)) {
      kept.push({ field, value, lostAt: now, fromRevision });
      conflicts++;
    }
  }
  const fields = canonicalJson(incoming);
  const baseChanged =
    existing.source?.fields !== fields || existing.source.crm !== source.crm || existing.source.externalId !== source.externalId;
  if (changedFields.length === 0 && conflicts === 0 && !baseChanged) {
    return { doc: existing, outcome: 'unchanged', conflicts: 0, changedFields };
  }
  next.source = { ...source, fields };
  if (kept.length) next.keptConflicts = kept.slice(-MAX_KEPT_CONFLICTS);
  next.updatedAt = now;
  return { doc: next as T, outcome: 'updated', conflicts, changedFields };
}
