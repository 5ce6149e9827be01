// Main process (plain Node, no Electron import): the app's log in the user-data folder, so a
// seller's "it broke" comes with the error codes the host and store log. Small and rotating:
// main.log grows to `maxBytes`, then becomes main.log.1 (main.log.2 …, `keep` files in all), so
// the folder never holds more than keep × maxBytes. Files are 0600: logs name accounts.
// Writes are synchronous appends — a log line must survive the crash it describes.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

export interface RotatingLogOptions {
  directory: string;
  file?: string;
  maxBytes?: number;
  keep?: number;
  now?: () => number;
}

export interface RotatingLog {
  readonly file: string;
  write(level: 'info' | 'warn' | 'error', args: readonly unknown[]): void;
}

export function rotatingLog(options: RotatingLogOptions): RotatingLog {
  const file = path.join(options.directory, options.file ?? 'main.log');
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const now = options.now ?? Date.now;
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // No log yet: it starts at 0 bytes.
  }
  const rotate = () => {
    rmSync(`${file}.${keep - 1}`, { force: true });
    for (let n = keep - 2; n >= 1; n--) {
      try {
        renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    if (keep > 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    size = 0;
  };
  return {
    file,
    write(level, args) {
      const line = `${new Date(now()).toISOString()} ${level.toUpperCase()} ${format(...args)}\n`;
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
      size += bytes;
    },
  };
}

/** Copies console.log/info/warn/error to `log` (they still print, for `npm start`). */
export function teeConsole(log: RotatingLog): () => void {
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const tee =
    (level: 'info' | 'warn' | 'error', print: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      print(...args);
      try {
        log.write(level, args);
      } catch (error) {
        // A full disk must not take the app down with it; say so where the user can still see it.
        original.error('[log] DS_LOG_WRITE_FAILED', error);
      }
    };
  console.log = tee('info', original.log);
  console.info = tee('info', original.info);
  console.warn = tee('warn', original.warn);
  console.error = tee('error', original.error);
  return () => Object.assign(console, original);
}
