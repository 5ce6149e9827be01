// Sync server (Node): fans change notifications out to this instance's open streams. Every
// instance LISTENs on PostgreSQL, so a push on any instance wakes streams on all of them.
// Streams only say "collection X changed up to seq N"; clients then pull by checkpoint, which
// keeps the checkpoint the single source of truth (a stream can never make a client skip).
import type { SqlDriver } from './db';
import { NOTIFY_CHANNEL } from './db';

export interface StreamSubscriber {
  workspaceId: string;
  /** Null means every collection. */
  collections: Set<string> | null;
  onChange(seq: number, collection: string): void;
  /** Notifications may have been lost (listener reconnected): re-check everything. */
  onResync(): void;
}

export interface StreamHub {
  subscribe(sub: StreamSubscriber): () => void;
  size(): number;
  close(): Promise<void>;
}

export async function createStreamHub(driver: SqlDriver): Promise<StreamHub> {
  const byWorkspace = new Map<string, Set<StreamSubscriber>>();
  const unlisten = await driver.listen(NOTIFY_CHANNEL, (payload) => {
    if (payload === '') {
      for (const set of byWorkspace.values()) for (const s of set) s.onResync();
      return;
    }
    const [workspaceId, seqText, collection] = payload.split(' ');
    if (!workspaceId || !seqText || !collection) return;
    for (const s of byWorkspace.get(workspaceId) ?? []) {
      if (!s.collections || s.collections.has(collection)) s.onChange(Number(seqText), collection);
    }
  });
  return {
    subscribe(sub) {
      let set = byWorkspace.get(sub.workspaceId);
      if (!set) byWorkspace.set(sub.workspaceId, (set = new Set()));
      set.add(sub);
      return () => {
        set.delete(sub);
        if (set.size === 0) byWorkspace.delete(sub.workspaceId);
      };
    },
    size: () => [...byWorkspace.values()].reduce((n, s) => n + s.size, 0),
    close: () => unlisten(),
  };
}
