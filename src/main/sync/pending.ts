// Main process: which local writes the server has not acknowledged, read from the store — the
// same facts RxDB's upstream works from (its persisted "up" checkpoint and the assumed master
// state of each document), so the count is right after a restart with the server down, not
// only for writes this process saw.
import { getChangedDocumentsSince, getComposedPrimaryKeyOfDocumentData, stripMetaDataFromDocument, type RxStorageInstance } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { sameDocState } from '@shared/sync';

interface MetaDoc {
  itemId: string;
  checkpointData?: unknown;
  docData?: Record<string, unknown>;
}

const PAGE = 1000;

/**
 * Ids written before `writtenBefore` (RxDB's own write clock, Date.now based) and not
 * acknowledged. The bound keeps this to what earlier runs left: documents the pull writes while
 * this reads come after it, and paging stops there (a fresh client pulling 100k documents must
 * not read them all again here).
 */
export async function unacknowledgedIds(rep: RxReplicationState<unknown, unknown>, writtenBefore: number): Promise<string[]> {
  await rep.startPromise;
  const state = rep.internalReplicationState;
  if (!state) return [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB's storage instances are generic over the doc type
  const meta = state.input.metaInstance as RxStorageInstance<any, any, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  const fork = state.input.forkInstance as RxStorageInstance<any, any, any>;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '1', itemId: 'up' });
  const [checkpointDoc] = (await meta.findDocumentsById([checkpointId], false)) as MetaDoc[];
  let checkpoint = checkpointDoc?.checkpointData;
  const out: string[] = [];
  for (;;) {
    const page = await getChangedDocumentsSince(fork, PAGE, checkpoint);
    const documents = page.documents.filter((d) => ((d as { _meta?: { lwt?: number } })._meta?.lwt ?? 0) < writtenBefore);
    if (documents.length === 0) break;
    const ids = documents.map((d) => String((d as Record<string, unknown>)['id']));
    const metaIds = ids.map((id) => getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '0', itemId: id }));
    const assumed = new Map(((await meta.findDocumentsById(metaIds, true)) as MetaDoc[]).map((m) => [m.itemId, m.docData]));
    for (const doc of documents) {
      const id = String((doc as Record<string, unknown>)['id']);
      const master = assumed.get(id);
      const local = stripMetaDataFromDocument(doc as never) as Record<string, unknown>;
      // Created and deleted here before it was ever sent: nothing to tell the server.
      if (!master && local['_deleted'] === true) continue;
      if (!master || !sameDocState(stripMetaDataFromDocument(master as never) as object, local)) out.push(id);
    }
    checkpoint = page.checkpoint;
    // Sorted by write time: once one is past the bound, so are the rest.
    if (documents.length < page.documents.length || page.documents.length < PAGE) break;
  }
  return out;
}
