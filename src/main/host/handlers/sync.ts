// Main process: connecting this device to the team's sync server.
import type { HandlerMap } from '../handler';
import type { SyncSession } from '../sync-session';

export function syncHandlers(session: SyncSession): HandlerMap {
  return {
    'sync.status': async () => {
      await session.refreshPlace();
      return session.view();
    },
    'sync.connect': (input) => session.connect(input),
    'sync.disconnect': async () => {
      await session.disconnect();
      return { ok: true };
    },
  };
}
