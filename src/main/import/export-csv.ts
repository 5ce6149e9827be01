// Main process (or plain Node for the CLI): the workspace → one CSV file per collection, in our
// own format (src/shared/import/deepsales.ts) that import reads back. Documents are read by
// pages of the primary key with a turn between pages, so exporting a million interactions
// neither holds the event loop nor the whole collection in memory.
import { setImmediate as turn } from 'node:timers/promises';
import type { RxCollection } from 'rxdb';
import { EXPORT_COLLECTIONS, exportColumns, toCells, type ExportCollection } from '@shared/import/deepsales';
import type { Store } from '../store';
import { csvCell } from './csv-source';

const PAGE = 2000;

/** CSV text of one collection, in pieces (the header first, then a page of rows each). */
export async function* exportCollectionCsv(store: Store, collection: ExportCollection): AsyncGenerator<string> {
  const cols = exportColumns(collection);
  yield `${cols.names.map(csvCell).join(',')}\r\n`;
  const coll = store[collection] as unknown as RxCollection<{ id: string }>;
  let last = '';
  for (;;) {
    const docs = await coll.find({ selector: { id: { $gt: last } } as never, sort: [{ id: 'asc' } as never], limit: PAGE }).exec();
    let text = '';
    for (const d of docs)
      text += `${toCells(cols, d.toJSON() as Record<string, unknown>)
        .map(csvCell)
        .join(',')}\r\n`;
    if (text) yield text;
    if (docs.length < PAGE) return;
    last = docs[docs.length - 1]!.primary;
    await turn();
  }
}

export async function exportCollectionText(store: Store, collection: ExportCollection): Promise<string> {
  let out = '';
  for await (const piece of exportCollectionCsv(store, collection)) out += piece;
  return out;
}

export { EXPORT_COLLECTIONS };
