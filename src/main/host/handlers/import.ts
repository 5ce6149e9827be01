// Main process: the 'import.*' and 'export.csv' API. Files arrive in base64 parts (each under
// the request limit) and wait in memory for the wizard's preview and run; a run works in the
// background with progress events (task 'import') and can be cancelled: records written before
// the cancel stay, whole (see src/main/import/run-import.ts). Uploads and runs belong to the
// workspace's store and go with it.
import { ApiError } from '@shared/api';
import { isCodedError } from '@shared/errors';
import type { ImportPlanInput, ImportReportView, ImportRunView } from '@shared/api';
import type { ImportKind } from '@shared/import/presets';
import { exportCollectionText } from '@main/import/export-csv';
import { prepareImport, runImport, type ImportFile, type ImportReport } from '@main/import/run-import';
import type { Store } from '@main/store';
import type { HostContext } from '../context';
import type { HandlerMap } from '../handler';

/** All uploads of a workspace together; a CRM export of 100k activities is ~30 MB. */
const MAX_UPLOAD_BYTES = 512 * 2 ** 20;

interface Upload {
  name: string;
  parts: Buffer[];
  bytes: number;
}

interface Run {
  view: ImportRunView;
  controller: AbortController;
}

interface ImportState {
  uploads: Map<string, Upload>;
  runs: Map<string, Run>;
}

const states = new WeakMap<Store, ImportState>();

function stateOf(store: Store): ImportState {
  let s = states.get(store);
  if (!s) {
    s = { uploads: new Map(), runs: new Map() };
    states.set(store, s);
  }
  return s;
}

const randomId = (prefix: string) => `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 24)}`;

function filesOf(state: ImportState, input: ImportPlanInput): { files: ImportFile[]; idOf: Map<string, string> } {
  const idOf = new Map<string, string>();
  const files = input.fileIds.map((id) => {
    const upload = state.uploads.get(id);
    if (!upload) throw new ApiError('DS_NOT_FOUND', 'That file is no longer here. Choose the files again.');
    // Two files of one name (contacts.csv from two folders) stay apart by their id.
    const name = idOf.has(upload.name) ? `${upload.name} (${id.slice(-4)})` : upload.name;
    idOf.set(name, id);
    return { name, bytes: Buffer.concat(upload.parts) };
  });
  return { files, idOf };
}

function options(state: ImportState, input: ImportPlanInput) {
  const { files, idOf } = filesOf(state, input);
  const overrides = Object.fromEntries([...idOf].map(([name, id]) => [name, input.overrides?.[id] ?? {}]));
  return { files, idOf, overrides: overrides as Record<string, { kind?: ImportKind }> };
}

function view(report: ImportReport, idOf: Map<string, string>): ImportReportView {
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, fileId: idOf.get(f.file) ?? '' })),
    samples: report.samples.map((s) => ({
      file: s.file,
      docs: s.docs.map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>),
    })),
  };
}

export const importHandlers: HandlerMap = {
  'import.upload': async ({ fileId, name, chunk }, { store }) => {
    const state = stateOf(store);
    const bytes = Buffer.from(chunk, 'base64');
    const total = [...state.uploads.values()].reduce((s, u) => s + u.bytes, 0) + bytes.length;
    if (total > MAX_UPLOAD_BYTES) {
      throw new ApiError(
        'DS_API_PAYLOAD_TOO_LARGE',
        `The files chosen come to more than ${MAX_UPLOAD_BYTES / 2 ** 20} MB. Import them in smaller groups, or use npm run import.`,
      );
    }
    if (fileId) {
      const upload = state.uploads.get(fileId);
      if (!upload) throw new ApiError('DS_NOT_FOUND', 'That file is no longer here. Choose the files again.');
      upload.parts.push(bytes);
      upload.bytes += bytes.length;
      return { fileId, name: upload.name, bytes: upload.bytes };
    }
    // A new file: the preview comes next, and the thread it runs on takes a moment to start.
    prepareImport();
    const id = randomId('imp').toLowerCase();
    state.uploads.set(id, { name, parts: [bytes], bytes: bytes.length });
    return { fileId: id, name, bytes: bytes.length };
  },

  'import.preview': async (input, ctx) => {
    const state = stateOf(ctx.store);
    const { files, idOf, overrides } = options(state, input);
    const me = await ctx.me();
    const report = await runImport({
      store: ctx.store,
      files,
      overrides,
      stageMap: input.stageMap,
      ownerMap: input.ownerMap,
      defaultCurrency: input.defaultCurrency,
      defaultOwnerId: me,
      now: ctx.now(),
      dryRun: true,
    });
    return view(report, idOf);
  },

  'import.run': async (input, ctx) => {
    const state = stateOf(ctx.store);
    if ([...state.runs.values()].some((r) => r.view.state === 'running')) {
      throw new ApiError('DS_CONFLICT', 'An import is already running. Wait for it to finish or cancel it first.');
    }
    const { files, idOf, overrides } = options(state, input);
    const runId = randomId('run');
    const run: Run = {
      view: { runId, state: 'running', fraction: 0, message: 'Starting the import', report: null, error: null },
      controller: new AbortController(),
    };
    state.runs.set(runId, run);
    const me = await ctx.me();
    const progress = (fraction: number, message: string) => {
      run.view = { ...run.view, fraction, message };
      ctx.events.next({ type: 'progress', task: 'import', fraction, message });
    };
    void runImport({
      store: ctx.store,
      files,
      overrides,
      stageMap: input.stageMap,
      ownerMap: input.ownerMap,
      defaultCurrency: input.defaultCurrency,
      defaultOwnerId: me,
      now: ctx.now(),
      signal: run.controller.signal,
      onProgress: progress,
    }).then(
      (report) => {
        run.view = { ...run.view, state: report.cancelled ? 'cancelled' : 'done', fraction: 1, report: view(report, idOf) };
        // The files are done with; a new import starts from choosing files again.
        for (const id of input.fileIds) state.uploads.delete(id);
      },
      (error: unknown) => {
        // A coded failure (the import's thread failing: DS_IMPORT_WORKER) says what happened and
        // what to do in its message; anything else is unexpected.
        const coded = isCodedError(error) && error.code.startsWith('DS_IMPORT_');
        console.error(`[host] ${coded ? error.code : 'DS_IMPORT_FAILED'}`, error);
        run.view = {
          ...run.view,
          state: 'failed',
          error: coded
            ? error.message
            : 'The import stopped on an unexpected error. Records written before it are kept; run the import again to finish.',
        };
        ctx.events.next({ type: 'progress', task: 'import', fraction: 1, message: 'Import failed' });
      },
    );
    return run.view;
  },

  'import.status': async ({ runId }, { store }) => {
    const run = stateOf(store).runs.get(runId);
    if (!run) throw new ApiError('DS_NOT_FOUND', `There is no import ${runId}.`);
    return run.view;
  },

  'import.cancel': async ({ runId }, { store }) => {
    const run = stateOf(store).runs.get(runId);
    if (!run) throw new ApiError('DS_NOT_FOUND', `There is no import ${runId}.`);
    run.controller.abort();
    return run.view;
  },
};

/** The 'export.*' namespace: one CSV per kind of record, in the format import reads back. */
export const exportHandlers: HandlerMap = {
  'export.csv': async ({ collection }, ctx: HostContext) => {
    const csv = await exportCollectionText(ctx.store, collection);
    return { name: `${collection}.csv`, csv, rows: await ctx.store[collection].count().exec() };
  },
};
