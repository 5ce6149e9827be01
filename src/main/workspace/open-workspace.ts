// Main process (or plain Node): opens the workspace a window works on — the store, the host
// around it and, for a brand-new workspace, the demo data so a first launch is not empty.
import { createHost, type Host } from '../host';
import { createStore, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { generateWorkspaceBatches } from '../../shared/seed';

export interface OpenWorkspaceOptions {
  /** Folder of a persistent workspace; null keeps everything in memory. */
  directory: string | null;
  /** Fill an empty workspace with the demo (XS) data set. */
  seedDemo: boolean;
  seed?: number;
  onProgress?: (fraction: number) => void;
}

export interface OpenWorkspace {
  store: Store;
  host: Host;
  close(): Promise<void>;
}

/** The demo is generated up to today, so its open deals and follow-ups are current. */
function startOfToday(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<OpenWorkspace> {
  const store = await createStore(options.directory ? { directory: options.directory } : {});
  if (options.seedDemo && (await store.accounts.count().exec()) === 0) {
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: options.seed ?? 7, now: startOfToday() }), options.onProgress);
  }
  const host = createHost({ store, workspaceName: 'Demo workspace', dataDirectory: options.directory });
  await host.sync.resume();
  return {
    store,
    host,
    async close() {
      await host.close();
      await store.close();
    },
  };
}
