// Runs in Node: `npm run import -- --data DIR [--stage "CRM stage=propose"]… [--owner "CRM owner=tm_id"]…
// [--currency EUR] [--dry-run] FILE…` imports CRM CSV exports (Salesforce, Dynamics 365,
// HubSpot, Zoho, or our own export) into the workspace folder DIR. Row errors go to stderr with
// file and line; the last line on stdout is one JSON object of counts per object kind.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appNow } from '../src/main/clock';
import { runImport } from '../src/main/import/run-import';
import { createStore } from '../src/main/store';
import { checkWorkspaceFolder, WorkspaceFolderError } from '../src/main/workspace/workspace-folder';
import { folderDatabaseKey } from '../src/main/workspace/database-key';
import { STAGE_TARGETS, type StageTarget } from '../src/shared/import/stages';

const USAGE =
  'usage: npm run import -- --data DIR [--stage "NAME=qualify|discover|propose|negotiate|commit|won|lost"]… [--owner "VALUE=TEAM_MEMBER_ID"]… [--currency CODE] [--dry-run] FILE…';

function fail(message: string, code = 2): never {
  process.stderr.write(`import: ${message}\n${USAGE}\n`);
  process.exit(code);
}

function pairs(list: string[] | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const at = item.lastIndexOf('=');
    if (at <= 0) fail(`--${what} takes NAME=VALUE (got ${item})`);
    out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}

async function main(): Promise<void> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        stage: { type: 'string', multiple: true },
        owner: { type: 'string', multiple: true },
        currency: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const data = values.data as string | undefined;
  if (!data) fail('--data DIR (the workspace folder) is required');
  if (positionals.length === 0) fail('name at least one CSV file to import');
  const stageMap = pairs(values.stage as string[] | undefined, 'stage');
  for (const [name, target] of Object.entries(stageMap)) {
    if (!(STAGE_TARGETS as readonly string[]).includes(target))
      fail(`--stage "${name}=${target}": the target must be one of ${STAGE_TARGETS.join(', ')}`);
  }
  const directory = path.resolve(data);
  try {
    await checkWorkspaceFolder(directory, { create: true });
  } catch (err) {
    if (err instanceof WorkspaceFolderError) fail(`${err.code}: ${err.message}`, 1);
    throw err;
  }
  const files = await Promise.all(
    positionals.map(async (file) => {
      try {
        return { name: path.basename(file), bytes: await readFile(file) };
      } catch (err) {
        return fail(`DS_IMPORT_READ: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`, 1);
      }
    }),
  );
  // Encrypted like the web preview's own open of the folder, with the key kept beside it.
  const store = await createStore({ directory, key: await folderDatabaseKey(directory) });
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  let shown = -1;
  try {
    const report = await runImport({
      store,
      files,
      now: appNow(),
      stageMap: stageMap as Record<string, StageTarget>,
      ownerMap: pairs(values.owner as string[] | undefined, 'owner'),
      defaultCurrency: (values.currency as string | undefined)?.toUpperCase(),
      dryRun: values['dry-run'] === true,
      signal: controller.signal,
      onProgress: (fraction, message) => {
        const pct = Math.floor(fraction * 100);
        if (pct !== shown && pct % 10 === 0) {
          shown = pct;
          process.stderr.write(`import: ${pct}% ${message}\n`);
        }
      },
    });
    for (const f of report.files)
      process.stderr.write(
        `import: ${f.file}: ${f.crm} ${f.kind}, ${f.rows} rows (${f.encoding}, "${f.delimiter === '\t' ? '\\t' : f.delimiter}")\n`,
      );
    for (const e of report.errors) process.stderr.write(`import: ${e.file}:${e.line}: ${e.code}: ${e.message}\n`);
    for (const w of report.warnings) process.stderr.write(`import: ${w.file}:${w.line}: warning ${w.code}: ${w.message}\n`);
    if (report.cancelled)
      process.stderr.write('import: cancelled; records written so far are kept whole. Run the same import again to finish it.\n');
    const counts = Object.fromEntries(
      Object.entries(report.counts).map(([k, c]) => [
        k,
        { created: c.created, updated: c.updated, unchanged: c.unchanged, failed: c.failed, conflicts: c.conflicts },
      ]),
    );
    process.stdout.write(`${JSON.stringify(counts)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`import: DS_IMPORT_FAILED: ${(err as Error).message}\n`);
  process.exit(1);
});
