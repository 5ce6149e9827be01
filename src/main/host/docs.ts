// Main process: small helpers the handler modules share for reading and writing documents.
import type { RxCollection } from 'rxdb';
import { ApiError } from '@shared/api';
import { mergeDocs, type SyncDocState } from '@shared/sync';
import { newId } from '@shared/domain';
import type { HostContext } from './context';

type Doc = { id: string; updatedAt: number };

/** Plain JSON of a document, without RxDB's bookkeeping fields. */
export function plain<T>(doc: { toJSON(): unknown }): T {
  return doc.toJSON() as T;
}

export async function mustGet<T>(collection: RxCollection<T>, id: string, what: string): Promise<T> {
  const doc = await collection.findOne(id).exec();
  if (!doc) throw new ApiError('DS_NOT_FOUND', `${what} ${id} was not found.`);
  return plain<T>(doc);
}

/** Fields of a write that are bookkeeping, never part of what the user edited. */
const NOT_EDITED = new Set(['id', 'updatedAt', 'keptConflicts', '_deleted', '_meta', '_rev', '_attachments']);

function editedFields(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!NOT_EDITED.has(k) && v !== undefined) out[k] = v;
  return out;
}

/**
 * The document after an edit made from `base`: a three-way merge with the current state by the
 * sync rules (src/shared/sync/merge.ts), the current state playing master. A field the edit did
 * not change keeps its current value; a field both changed keeps the current value and the
 * edit's value goes to keptConflicts. Fields in neither base nor edit are not the edit's.
 */
export function mergeEdit<T extends Doc>(current: T, base: Record<string, unknown>, edit: Record<string, unknown>, now: number): T {
  const baseFields = editedFields(base);
  const editFields = editedFields(edit);
  // A field the form does not own (absent from both) is taken as untouched.
  for (const k of Object.keys(current)) {
    if (NOT_EDITED.has(k) || k in baseFields || k in editFields) continue;
    const v = (current as Record<string, unknown>)[k];
    baseFields[k] = v;
    editFields[k] = v;
  }
  const id = current.id;
  const merged: Record<string, unknown> = mergeDocs<SyncDocState>({
    base: { ...baseFields, id, updatedAt: 0 },
    master: { ...(current as unknown as SyncDocState), _deleted: false },
    local: { ...editFields, id, updatedAt: now },
  });
  const { _deleted: _gone, ...alive } = merged;
  return { ...alive, updatedAt: now } as unknown as T;
}

/** True when the store knows `id` as a deleted document (a tombstone sync keeps). */
async function wasDeleted(collection: RxCollection, id: string): Promise<boolean> {
  const [found] = await collection.storageInstance.findDocumentsById([id], true);
  return found?._deleted === true;
}

/**
 * Create or edit a document.
 * - With `base` (an edit): merged with the current state (see mergeEdit). A document deleted
 *   meanwhile answers DS_NOT_FOUND: saving a stale dialog never brings it back silently.
 * - Without `base` (a create): the id may come from the caller, so a create retried after a
 *   dropped connection finds its own document and makes no second one. A caller that sends an
 *   existing id without base patches the fields it sent (what every caller did before bases).
 */
export async function upsertDoc<T extends Doc>(
  collection: RxCollection<T>,
  input: Omit<T, 'updatedAt' | 'id'> & { id?: string; base?: Record<string, unknown> | undefined },
  ctx: HostContext,
  newIdPrefix: string,
): Promise<T> {
  const updatedAt = ctx.now();
  const { base, ...fields } = input as typeof input & Record<string, unknown>;
  if (fields.id) {
    const id = fields.id as string;
    const existing = await collection.findOne(id).exec();
    if (existing && base) {
      const written = await existing.incrementalModify((current) => mergeEdit(current as T, base, fields, updatedAt) as never);
      return plain<T>(written);
    }
    if (existing) {
      const patched = await existing.incrementalPatch({ ...fields, updatedAt } as Partial<T>);
      return plain<T>(patched);
    }
    if (base || (await wasDeleted(collection as RxCollection, id))) {
      throw new ApiError('DS_NOT_FOUND', `This was deleted (${id}), possibly on another device; it was not saved again.`);
    }
  }
  const id = (fields.id as string | undefined) ?? newId<string>(newIdPrefix);
  const created = await collection.insert({ ...fields, id, updatedAt } as unknown as T);
  return plain<T>(created);
}

export async function removeDoc<T>(collection: RxCollection<T>, id: string, what: string): Promise<{ ok: true }> {
  const doc = await collection.findOne(id).exec();
  if (!doc) throw new ApiError('DS_NOT_FOUND', `${what} ${id} was not found.`);
  await doc.remove();
  return { ok: true };
}

export async function ensureExists<T>(collection: RxCollection<T>, id: string, what: string): Promise<void> {
  await mustGet(collection, id, what);
}
