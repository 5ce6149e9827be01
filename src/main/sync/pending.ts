// Main process: which local writes the server has not acknowledged, read from the store — the
// same facts RxDB's upstream works from (its persisted "up" checkpoint and the assumed master
// state of each document), so the count is right after a restart with the server down, not
// only for writes this process saw.
import {
  getChangedDocumentsSince, getComposedPrimaryKeyOfDocumentData, stripMetaDataFromDocument, type RxStorageInstance,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { sameDocState } from '../../shared/sync';

interface MetaDoc {
  itemId: string;
  checkpointData?: unknown;
  docData?: Record<string, unknown>;
}

const PAGE = 1000;

export async function unacknowledgedIds(rep: RxReplicationState<unknown, unknown>): Promise<string[]> {
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
    if (page.documents.length === 0) break;
    const ids = page.documents.map((d) => String((d as Record<string, unknown>)['id']));
    const metaIds = ids.map((id) => getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '0', itemId: id }));
    const assumed = new Map(((await meta.findDocumentsById(metaIds, true)) as MetaDoc[]).map((m) => [m.itemId, m.docData]));
    for (const doc of page.documents) {
      const id = String((doc as Record<string, unknown>)['id']);
      const master = assumed.get(id);
      const local = stripMetaDataFromDocument(doc as never) as Record<string, unknown>;
      // Created and deleted here before it was ever sent: nothing to tell the server.
      if (!master && local['_deleted'] === true) continue;
      if (!master || !sameDocState(stripMetaDataFromDocument(master as never) as object, local)) out.push(id);
    }
    checkpoint = page.checkpoint;
    if (page.documents.length < PAGE) break;
  }
  return out;
}
