// Runs in Node: `npx tsx scripts/seed.ts --size S|M|L --seed N [--now DATE] --out FILE` writes the
// seeded workspace, generated up to DATE (default: today, DS_NOW honoured), as NDJSON ({"collection":"accounts","doc":{...}} per line), streaming with
// backpressure so even L (a million interactions) stays far below 2 GiB of memory. With
// `--out DIR/` (a trailing slash, or a folder that exists) or `--workspace DIR` it writes a
// workspace folder instead, the SQLite store that `npm run serve -- --data DIR` opens, and
// prints its time and size.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { appNow, startOfDay } from '../src/main/clock';
import { SEED_SIZES, describeSize, generateWorkspaceBatches, type SeedSize } from '../src/shared/seed';
import { writeWorkspaceFolder } from '../src/main/workspace/seed-workspace';
import { checkWorkspaceFolder, WorkspaceFolderError } from '../src/main/workspace/workspace-folder';
import { folderDatabaseKey } from '../src/main/workspace/database-key';
import { statSync } from 'node:fs';

const USAGE =
  'usage: npx tsx scripts/seed.ts --size XS|S|M|L --seed N [--now YYYY-MM-DD] (--out FILE.ndjson | --out DIR/ | --workspace DIR)';

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** The day the workspace is generated up to: midnight UTC of DATE, or of today. */
function readNow(text: string | undefined): number {
  if (text === undefined) return startOfDay(appNow());
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(at)) fail(`--now must be a date such as 2027-03-01 (got ${text})`);
  return startOfDay(at);
}

function readArgs(): { size: SeedSize; seed: number; out: string; now: number; folder: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        size: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        workspace: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const size = values.size as string | undefined;
  if (!size || !SEED_SIZES.includes(size as SeedSize)) fail(`--size must be one of ${SEED_SIZES.join(', ')} (got ${size ?? 'nothing'})`);
  const seedText = values.seed as string | undefined;
  if (!seedText || !/^\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText)))
    fail(`--seed must be a non-negative integer (got ${seedText ?? 'nothing'})`);
  const workspace = values.workspace as string | undefined;
  const out = workspace ?? (values.out as string | undefined);
  if (!out) fail('--out FILE (NDJSON), --out DIR/ or --workspace DIR is required');
  const folder = workspace !== undefined || /[/\\]$/.test(out) || isFolder(out);
  return { size: size as SeedSize, seed: Number(seedText), out, now: readNow(values.now as string | undefined), folder };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

async function write(stream: WriteStream, text: string): Promise<void> {
  // Respect backpressure: without it the generator outruns the disk and buffers gigabytes.
  if (!stream.write(text)) await once(stream, 'drain');
}

async function main(): Promise<void> {
  const { size, seed, out, now, folder } = readArgs();
  if (folder) {
    try {
      if ((await checkWorkspaceFolder(out, { create: true })) === 'existing')
        fail(`DS_WORKSPACE_EXISTS: ${out} already holds a workspace; give an empty or new folder.`);
    } catch (err) {
      if (err instanceof WorkspaceFolderError) fail(`${err.code}: ${err.message}`);
      throw err;
    }
    const result = await writeWorkspaceFolder({ directory: out, size, seed, now, key: await folderDatabaseKey(out) });
    process.stdout.write(
      `seed ${size} (${describeSize(size)}) seed=${seed} now=${new Date(now).toISOString().slice(0, 10)} → workspace folder ${out}: ` +
        `${result.documents} docs in ${(result.ms / 1000).toFixed(1)}s, ${(result.bytes / 2 ** 20).toFixed(1)} MiB on disk. Open it: npm run serve -- --data ${out}\n`,
    );
    return;
  }
  const started = performance.now();
  const stream = createWriteStream(out, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const counts: Record<string, number> = {};
  let peakRss = process.memoryUsage().rss;
  const run = (async () => {
    for (const batch of generateWorkspaceBatches({ size, seed, now })) {
      // Same bytes as JSON.stringify({ collection, doc }) without building a wrapper per document.
      const prefix = `{"collection":${JSON.stringify(batch.collection)},"doc":`;
      let text = '';
      for (const doc of batch.docs) text += `${prefix}${JSON.stringify(doc)}}\n`;
      counts[batch.collection] = (counts[batch.collection] ?? 0) + batch.docs.length;
      await write(stream, text);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    stream.end();
    await once(stream, 'finish');
  })();
  await Promise.race([run, failed]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stderr.write(`seed: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB\n`);
  process.stdout.write(
    `seed ${size} (${describeSize(size)}) seed=${seed} now=${new Date(now).toISOString().slice(0, 10)} → ${out}: ${total} docs ` +
      `(${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}) in ${seconds}s\n`,
  );
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  process.stderr.write(
    `seed: could not write the workspace (${e.code ?? 'error'}): ${e.message}. Check that the --out folder exists and is writable.\n`,
  );
  process.exit(1);
});
