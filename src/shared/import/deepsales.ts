// Pure (shared): our own CSV format, written by export and read back by import — one file per
// collection, one column per top-level field, named as in the schema. Dates are ISO 8601 (UTC,
// milliseconds), numbers and text as they are, lists and objects as JSON. Export then import
// into an empty workspace gives the same documents (test/integration/import-roundtrip.test.ts).
import { z } from 'zod';
import { COLLECTIONS, Millis } from '../domain';

export const EXPORT_COLLECTIONS = [
  'teammembers',
  'accounts',
  'stakeholders',
  'relationships',
  'opportunities',
  'interactions',
  'journeysteps',
  'workshopnotes',
] as const;
export type ExportCollection = (typeof EXPORT_COLLECTIONS)[number];

type FieldKind = 'text' | 'number' | 'date' | 'json';

function unwrap(t: z.ZodType): z.ZodType {
  let cur = t;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
  return cur;
}

function kindOf(t: z.ZodType): FieldKind {
  const inner = unwrap(t);
  if (inner === Millis) return 'date';
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) return 'text';
  return 'json';
}

export interface ExportColumns {
  names: string[];
  kinds: FieldKind[];
}

export function exportColumns(collection: ExportCollection): ExportColumns {
  const shape = (COLLECTIONS[collection].schema as z.ZodObject).shape as Record<string, z.ZodType>;
  // id first, so a reader sees what the row is; the rest in schema order.
  const names = ['id', ...Object.keys(shape).filter((k) => k !== 'id')];
  return { names, kinds: names.map((n) => kindOf(shape[n]!)) };
}

/** One document → its CSV cells. */
export function toCells(cols: ExportColumns, doc: Record<string, unknown>): string[] {
  return cols.names.map((name, i) => {
    const v = doc[name];
    if (v === undefined || v === null) return '';
    switch (cols.kinds[i]) {
      case 'date':
        return new Date(v as number).toISOString();
      case 'number':
        return String(v);
      case 'text':
        return String(v);
      default:
        return JSON.stringify(v);
    }
  });
}

/**
 * The collection a header row of ours belongs to: one whose fields include every header (with
 * `id` and `updatedAt`), the file's name breaking ties ("accounts.csv"), else the closest fit.
 */
export function collectionOfHeader(headers: string[], fileName = ''): ExportCollection | null {
  if (!headers.includes('id') || !headers.includes('updatedAt')) return null;
  const fits = EXPORT_COLLECTIONS.filter((c) => {
    const names = exportColumns(c).names;
    return headers.every((h) => names.includes(h));
  });
  if (fits.length === 0) return null;
  const base = fileName.replace(/\.[^.]+$/, '').toLowerCase();
  return fits.find((c) => base.endsWith(c)) ?? [...fits].sort((a, b) => exportColumns(a).names.length - exportColumns(b).names.length)[0]!;
}

export type CellsResult = { ok: true; doc: Record<string, unknown> } | { ok: false; message: string };

/** CSV cells of ours → a document, validated by the collection's own schema. */
export function fromCells(collection: ExportCollection, headers: string[], cells: readonly string[]): CellsResult {
  const cols = exportColumns(collection);
  const doc: Record<string, unknown> = {};
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i]!;
    const at = cols.names.indexOf(name);
    if (at < 0) continue;
    const cell = cells[i] ?? '';
    if (cell === '') {
      if (cols.kinds[at] === 'text' && !isOptional(collection, name)) doc[name] = '';
      continue;
    }
    switch (cols.kinds[at]) {
      case 'date': {
        const t = Date.parse(cell);
        if (!Number.isFinite(t)) return { ok: false, message: `${name}: "${cell}" is not an ISO date.` };
        doc[name] = t;
        break;
      }
      case 'number': {
        const n = Number(cell);
        if (!Number.isFinite(n)) return { ok: false, message: `${name}: "${cell}" is not a number.` };
        doc[name] = n;
        break;
      }
      case 'text':
        doc[name] = cell;
        break;
      default:
        try {
          doc[name] = JSON.parse(cell);
        } catch {
          return { ok: false, message: `${name}: the cell is not valid JSON.` };
        }
    }
  }
  const parsed = (COLLECTIONS[collection].schema as z.ZodObject).safeParse(doc);
  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    };
  }
  return { ok: true, doc: parsed.data as Record<string, unknown> };
}

function isOptional(collection: ExportCollection, name: string): boolean {
  const shape = (COLLECTIONS[collection].schema as z.ZodObject).shape as Record<string, z.ZodType>;
  return shape[name] instanceof z.ZodOptional;
}
