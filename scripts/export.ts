// Runs in Node: `npm run export -- --data DIR --out DIR` writes the workspace in DIR as one CSV
// per collection (accounts.csv, stakeholders.csv, …) in our own format, which `npm run import`
// reads back: export then import into an empty workspace gives the same workspace.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_COLLECTIONS, exportCollectionCsv } from '../src/main/import/export-csv';
import { createStore } from '../src/main/store';
import { checkWorkspaceFolder, WorkspaceFolderError } from '../src/main/workspace/workspace-folder';
import { folderDatabaseKey } from '../src/main/workspace/database-key';

const USAGE = 'usage: npm run export -- --data WORKSPACE_DIR --out DIR';

function fail(message: string, code = 2): never {
  process.stderr.write(`export: ${message}\n${USAGE}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (!values.data || !values.out) fail('--data and --out are both required');
  const directory = path.resolve(values.data as string);
  try {
    const state = await checkWorkspaceFolder(directory, { create: false });
    if (state === 'new') fail(`DS_WORKSPACE_MISSING: there is no workspace in ${directory}.`, 1);
  } catch (err) {
    if (err instanceof WorkspaceFolderError) fail(`${err.code}: ${err.message}`, 1);
    throw err;
  }
  const out = path.resolve(values.out as string);
  await mkdir(out, { recursive: true });
  // Encrypted like the web preview's own open of the folder, with the key kept beside it.
  const store = await createStore({ directory, key: await folderDatabaseKey(directory) });
  const counts: Record<string, number> = {};
  try {
    for (const collection of EXPORT_COLLECTIONS) {
      const stream = createWriteStream(path.join(out, `${collection}.csv`), { encoding: 'utf8' });
      for await (const piece of exportCollectionCsv(store, collection)) {
        if (!stream.write(piece)) await once(stream, 'drain');
      }
      stream.end();
      await once(stream, 'finish');
      counts[collection] = await store[collection].count().exec();
    }
  } finally {
    await store.close();
  }
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`export: DS_EXPORT_FAILED: ${(err as Error).message}\n`);
  process.exit(1);
});
