// Main process ↔ import planning thread: the messages, plain structured-clone data. The thread
// reads the CSV files (encoding, delimiter, records), maps their columns and builds every row's
// record (src/shared/import/build), validated as it would be created; the main thread reads what
// is stored already, merges, and writes, in small pieces. See run-import.ts for the whole flow.
import type { ImportSettings, NewMember, Planned, RowIssue } from '@shared/import/build';
import type { ExportCollection } from '@shared/import/deepsales';
import type { Indexed, LinkKind } from '@shared/import/links';
import type { ColumnMapping, Crm, ImportKind } from '@shared/import/presets';
import type { DateOrder } from '@shared/import/values';

export interface FileOverride {
  crm?: Crm;
  kind?: ImportKind;
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
}

export interface FileSummary {
  file: string;
  crm: Crm;
  /** CRM files: the kind of records; our own export: the collection. */
  kind: ImportKind | ExportCollection;
  headers: string[];
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  encoding: string;
  delimiter: string;
  rows: number;
}

/** A file as the thread described it: its summary, and the collection when it is our own export. */
export interface DescribedFile extends FileSummary {
  collection: ExportCollection | null;
  /** Its place in the files given. */
  source: number;
}

/**
 * A CRM row as the main thread needs it to store it: the record it becomes if new, already
 * validated, and what a re-import merges with the stored record — the CRM's fields and source.
 * Those are sent apart only when the created record is refused; otherwise they are read back
 * out of it (`crmPart`), since rows cross to the main thread copied and 100k rows copied twice
 * cost its time.
 */
export interface PlannedRow {
  id: string;
  line: number;
  warnings: RowIssue[] | null;
  /** The record as created, or null with `invalid` when the schema refuses it. */
  created: Record<string, unknown> | null;
  /** The CRM's field names in `created`, space-separated. */
  fieldNames: string;
  invalid: string | null;
  /** Only with `invalid`: the CRM's fields and source. */
  fields: Planned['fields'] | null;
  source: Planned['source'] | null;
}

/** The CRM's fields and source of a planned row, for the merge with a stored record. */
export function crmPart(row: PlannedRow): { fields: Planned['fields']; source: Planned['source'] } {
  if (row.fields && row.source) return { fields: row.fields, source: row.source };
  const created = row.created!;
  const fields: Record<string, unknown> = {};
  for (const name of row.fieldNames ? row.fieldNames.split(' ') : []) fields[name] = created[name];
  const { crm, object, externalId } = created.source as Planned['source'];
  return { fields, source: { crm, object, externalId } };
}

/** A row of our own export: the document as written, with its line. */
export interface OwnRow {
  doc: Record<string, unknown>;
  line: number;
}

/** What the thread found besides rows since its last message: row errors, failed rows, new owners. */
export interface Findings {
  issues: RowIssue[];
  failed: number;
  members: NewMember[];
  /** Stage names and owner values met for the first time (up to 500 of each in a run). */
  stages: string[];
  owners: string[];
}

export type HostToPlanner =
  /** Files are shared memory (copied once by the main thread, a piece at a time). */
  | {
      type: 'start';
      files: { name: string; bytes: SharedArrayBuffer; length: number }[];
      overrides: Record<string, FileOverride>;
      settings: Omit<ImportSettings, 'defaultOwnerId'>;
      batchSize: number;
      /** Tests only: the thread fails, uncaught, after this many rows. */
      crashAfterRows: number | null;
    }
  /** Records already stored that rows may link to, a page at a time, before the first file. */
  | { type: 'links'; entries: [LinkKind, Indexed][] }
  /**
   * Plan the file `at` (in the order of `described`). Sent once the previous file is stored:
   * its records become linkable, except `rejected` (refused by the schema when stored).
   */
  | { type: 'file'; at: number; defaultOwnerId: string | null; rejected: string[] }
  /** The main thread took a batch off its queue: the thread may plan one more. */
  | { type: 'credit' };

export type PlannerToHost =
  | { type: 'described'; files: DescribedFile[]; issues: RowIssue[] }
  | ({
      type: 'batch';
      at: number;
      crm: PlannedRow[];
      own: OwnRow[];
      /** Records of the file read so far, and its bytes read (progress). */
      rows: number;
      bytes: number;
    } & Findings)
  | ({ type: 'fileEnd'; at: number; rows: number } & Findings)
  | { type: 'failed'; code: string; message: string };
