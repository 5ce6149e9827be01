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
 * A CRM row as the main thread needs it to store it: the CRM's fields and source (merged with
 * what is stored on a re-import), and the record it becomes if new, already validated.
 */
export interface PlannedRow {
  id: string;
  line: number;
  fields: Planned['fields'];
  source: Planned['source'];
  warnings: RowIssue[];
  /** The record as created, or null with `invalid` when the schema refuses it. */
  created: Record<string, unknown> | null;
  invalid: string | null;
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
