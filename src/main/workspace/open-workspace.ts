// Main process (or plain Node): opens the workspace a window works on — the store, the host
// around it and, for a brand-new workspace, the demo data so a first launch is not empty. The
// demo is generated up to the app's today (DS_NOW honoured), so its open deals are current.
import { createHost, type Host } from '../host';
import { createStore, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { generateWorkspaceBatches } from '../../shared/seed';
import { appNow, startOfDay } from '../clock';

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


export async function openWorkspace(options: OpenWorkspaceOptions): Promise<OpenWorkspace> {
  const store = await createStore(options.directory ? { directory: options.directory } : {});
  if (options.seedDemo && (await store.accounts.count().exec()) === 0) {
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: options.seed ?? 7, now: startOfDay(appNow()) }), options.onProgress);
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
