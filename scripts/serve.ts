// Plain Node: `npm run serve -- [--port N] [--data DIR] [--empty | --local-data] [--no-build]` builds the renderer, starts
// the same host the desktop app runs, and serves both on loopback for a browser (and the e2e
// tests). Without --data the demo workspace lives in a temporary folder removed on exit: the same
// SQLite storage and scoring feed the desktop app runs, never a test-only in-memory variant. The URL
// it prints carries a per-launch secret (DS_PREVIEW_SECRET to reuse one) that the API socket requires.
// A sync token is kept sealed in `<data>-secrets` (a 0600 key file), never in the workspace files.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { limitHeapGrowth } from '../src/main/heap-growth';
import { openWorkspace } from '../src/main/workspace/open-workspace';
import { checkWorkspaceFolder, WorkspaceFolderError } from '../src/main/workspace/workspace-folder';
import { startPreviewServer } from '../src/main/web-preview/preview-server';
import { PREVIEW_SECRET_ENV, previewSecret } from '../src/main/web-preview/preview-access';

// Workspace, secrets and logs are the user's alone (folders 0700, files 0600).
if (process.platform !== 'win32') process.umask(0o077);
// V8's heaps in this process collect at a fixed growth past what they kept (heap-growth.ts).
limitHeapGrowth();

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4517' },
    data: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    /** Start with an empty workspace instead of the demo (e.g. a second device that will sync). */
    empty: { type: 'boolean', default: false },
    /** Fill with the demo data set but as this device's own data (joining a team then asks to upload it). */
    'local-data': { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: 'out/preview' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
  process.exit(2);
}
const dataDir = values.data ? path.resolve(values.data) : null;
if (dataDir) {
  // Before the build: a wrong --data is said in plain words at once, not as ENOTDIR from SQLite.
  try {
    await checkWorkspaceFolder(dataDir, { create: true });
  } catch (err) {
    if (!(err instanceof WorkspaceFolderError)) throw err;
    console.error(`serve: ${err.code}: ${err.message}`);
    process.exit(2);
  }
}
const outDir = path.resolve(values['out-dir']);
if (!values['no-build']) {
  // Loaded only when building: vite is a large import a restart with --no-build does not need.
  const [{ build }, { rendererConfig }] = await Promise.all([import('vite'), import('../vite.renderer.config')]);
  await build(rendererConfig(outDir));
}

const temporary = dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'deep-sales-preview-'));
const workspace = await openWorkspace({
  directory: dataDir ?? temporary,
  seedDemo: !values.empty,
  seedAs: values['local-data'] ? 'local' : 'demo',
});
const server = await startPreviewServer({
  host: workspace.host,
  rendererDir: outDir,
  port,
  secret: previewSecret(process.env[PREVIEW_SECRET_ENV]),
});
console.log(`Deep Sales web preview: ${server.launchUrl}`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await server.close();
  await workspace.close();
  // The temporary workspace and its siblings: team folders and the sync token's key file.
  if (temporary) for (const dir of [temporary, `${temporary}-teams`, `${temporary}-secrets`]) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
