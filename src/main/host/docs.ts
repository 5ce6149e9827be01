// Main process: small helpers the handler modules share for reading and writing documents.
import type { RxCollection } from 'rxdb';
import { ApiError } from '../../shared/api';
import { newId } from '../../shared/domain';
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

/**
 * Create or patch a document. Patching keeps fields the caller did not send (such as
 * keptConflicts), so an edit on one device never erases what sync set aside.
 */
export async function upsertDoc<T extends Doc>(
  collection: RxCollection<T>,
  input: Omit<T, 'updatedAt' | 'id'> & { id?: string },
  ctx: HostContext,
  newIdPrefix: string,
): Promise<T> {
  const updatedAt = ctx.now();
  if (input.id) {
    const existing = await collection.findOne(input.id).exec();
    if (existing) {
      const patched = await existing.incrementalPatch({ ...input, updatedAt } as Partial<T>);
      return plain<T>(patched);
    }
  }
  const id = input.id ?? newId<string>(newIdPrefix);
  const created = await collection.insert({ ...input, id, updatedAt } as unknown as T);
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
