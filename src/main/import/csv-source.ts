// Main process (or plain Node): CRM CSV bytes → records with their line numbers, streamed. Text
// is UTF-8 (with or without BOM), UTF-16 with a BOM, or else Windows-1252 (what Excel on
// Windows writes); the delimiter is sniffed from the header line; CRLF or LF; newlines inside
// quotes. Work is cut into chunks with a turn of the event loop between them, so reading 100k
// rows never holds the main thread for long.
import { Readable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { parse, type CsvError } from 'csv-parse';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

export interface SniffedCsv {
  encoding: TextEncoding;
  bom: boolean;
  delimiter: string;
}

export interface CsvRecord {
  record: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface UnreadableRecord {
  line: number;
  message: string;
}

// 16 KiB of text is ~120 CRM rows: parsed in one go, a millisecond or two of the event loop.
const CHUNK = 16 * 1024;

/** Strict UTF-8 check in chunks (a turn between them): any invalid byte means Windows-1252. */
export async function detectEncoding(bytes: Uint8Array): Promise<{ encoding: TextEncoding; bom: boolean }> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < bytes.length; i += CHUNK * 4) {
      decoder.decode(bytes.subarray(i, i + CHUNK * 4), { stream: true });
      if (i > 0) await turn();
    }
    decoder.decode();
    return { encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: CRM exports opened and saved in Excel on Windows are Windows-1252.
    return { encoding: 'windows-1252', bom: false };
  }
}

/** The delimiter of the header line: the most frequent of , ; TAB | outside quotes. */
export function sniffDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && c in counts) counts[c]!++;
  }
  let best = ',';
  for (const d of [';', '\t', '|']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

export async function sniffCsv(bytes: Uint8Array): Promise<SniffedCsv> {
  const { encoding, bom } = await detectEncoding(bytes);
  const head = new TextDecoder(encoding).decode(bytes.subarray(bom ? (encoding === 'utf-8' ? 3 : 2) : 0, 65_536));
  return { encoding, bom, delimiter: sniffDelimiter(head.replace(/^\uFEFF/, '')) };
}

async function* textChunks(bytes: Uint8Array, sniffed: SniffedCsv): AsyncGenerator<string> {
  const decoder = new TextDecoder(sniffed.encoding);
  const start = sniffed.bom ? (sniffed.encoding === 'utf-8' ? 3 : 2) : 0;
  for (let i = start; i < bytes.length; i += CHUNK) {
    const text = decoder.decode(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), { stream: true });
    if (text) yield text;
    await turn();
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

export interface ReadOptions {
  sniffed?: SniffedCsv;
  onUnreadable?: (u: UnreadableRecord) => void;
  /** Bytes consumed so far, for progress. */
  onBytes?: (read: number) => void;
}

/** Every record (the header first) with the line it starts on. */
export async function* csvRecords(bytes: Uint8Array, options: ReadOptions = {}): AsyncGenerator<CsvRecord> {
  const sniffed = options.sniffed ?? (await sniffCsv(bytes));
  // Lines are counted here, at parse time: csv-parse counts a CRLF inside quotes as two lines
  // and reports a skipped record where it noticed the problem (an unclosed quote: the file's end).
  let lastEnd = 1;
  let crlfInCells = 0;
  const parser = parse({
    delimiter: sniffed.delimiter,
    relax_column_count: true,
    // Files that mix line endings (pasted together, edited by hand) still break records at each.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A stray quote inside a field ("Broken "quote) is kept as text, the way Excel reads it.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // csv-parse types on_record as returning a record; ours returns the record with its line.
    on_record: ((record: string[], context: { lines: number }): CsvRecord => {
      let breaks = 0;
      for (const cell of record) {
        const n = countNewlines(cell);
        if (n) {
          breaks += n;
          crlfInCells += countCrlf(cell);
        }
      }
      const end = context.lines - crlfInCells;
      lastEnd = end;
      // A line break inside a cell is a line break whichever way the file ends its lines.
      const cells = breaks ? record.map((c) => (c.includes('\r') ? c.replace(/\r\n?/g, '\n') : c)) : record;
      return { record: cells, line: end - breaks };
    }) as never,
    on_skip: (err: CsvError | undefined) => {
      if (err) options.onUnreadable?.({ line: lastEnd + 1, message: err.message });
      return undefined;
    },
  });
  let read = 0;
  const source = Readable.from(
    (async function* () {
      for await (const chunk of textChunks(bytes, sniffed)) {
        read += chunk.length;
        yield chunk;
      }
    })(),
  );
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let n = 0;
  for await (const item of parser as AsyncIterable<CsvRecord>) {
    yield item;
    if (++n % 2000 === 0) options.onBytes?.(Math.min(bytes.length, read));
  }
  options.onBytes?.(bytes.length);
}

function countCrlf(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\r\n'); i >= 0; i = cell.indexOf('\r\n', i + 2)) n++;
  return n;
}

function countNewlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  // A lone CR inside quotes is a line break too (old Mac files); CRLF counts once.
  for (let i = cell.indexOf('\r'); i >= 0; i = cell.indexOf('\r', i + 1)) if (cell[i + 1] !== '\n') n++;
  return n;
}

/** One CSV cell, quoted when it has to be. */
export function csvCell(value: string): string {
  return /[",\r\n;]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
