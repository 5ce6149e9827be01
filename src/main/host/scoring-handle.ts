// Main process: the host's scoring service, built by createHost and closed by host.close().
// It starts with the first scoring call (the Today page makes one at launch), not with the host:
// a host that never scores (sync tests, scripts) never starts a scoring process.
import { ApiError } from '@shared/api';
import type { ScoringService, ScoringServiceOptions } from '../scoring/service';

export type ScoringStartOptions = Omit<ScoringServiceOptions, 'store' | 'events'>;

export interface ScoringHandle {
  /** The workspace's scoring service, started on first use. */
  service(): Promise<ScoringService>;
  /** Closes the service if it was started; afterwards `service()` fails with DS_SCORING_ERROR. */
  close(): Promise<void>;
}

export function scoringHandle(start: () => Promise<ScoringService>): ScoringHandle {
  let started: Promise<ScoringService> | null = null;
  let closed = false;
  return {
    service() {
      if (closed) return Promise.reject(new ApiError('DS_SCORING_ERROR', 'Scoring has stopped because the workspace is closing.'));
      started ??= start();
      return started;
    },
    async close() {
      closed = true;
      if (!started) return;
      // A service that failed to start has nothing to close; its error went to whoever asked.
      const service = await started.catch(() => null);
      await service?.close();
    },
  };
}
