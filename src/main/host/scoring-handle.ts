// Main process: the host's scoring service, built by createHost and closed by host.close().
// It starts with the first scoring call (the Today page makes one at launch), not with the host:
// a host that never scores (sync tests, scripts) never starts a scoring process.
import { ApiError } from '@shared/api';
import type { ScoringService, ScoringServiceOptions } from '../scoring/service';

export type ScoringStartOptions = Omit<ScoringServiceOptions, 'store' | 'events'>;

export interface ScoringHandle {
  /** The workspace's scoring service, started on first use. */
  service(): Promise<ScoringService>;
  /** The service once it has started, without starting or waiting for it (null before). */
  current(): ScoringService | null;
  /** Closes the service if it was started; afterwards `service()` fails with DS_SCORING_ERROR. */
  close(): Promise<void>;
  /**
   * Settles once the service, when started, has stored the work its start brought (its first
   * full rescore, and on a first open the training it started: ScoringService.settled), or once
   * scoring closes; never settles if nothing starts it.
   */
  settled(): Promise<void>;
  /** Whether anything has asked for the service yet. */
  asked(): boolean;
}

export function scoringHandle(start: () => Promise<ScoringService>): ScoringHandle {
  let started: Promise<ScoringService> | null = null;
  let running: ScoringService | null = null;
  let closed = false;
  let quiet!: () => void;
  const settled = new Promise<void>((resolve) => (quiet = resolve));
  return {
    service() {
      if (closed) return Promise.reject(new ApiError('DS_SCORING_ERROR', 'Scoring has stopped because the workspace is closing.'));
      if (!started) {
        started = start().then((service) => {
          void service.settled().then(quiet, quiet);
          running = service;
          return service;
        });
        // A service that failed to start brings no work to wait for (its error went to whoever asked).
        started.catch(quiet);
      }
      return started;
    },
    current: () => (closed ? null : running),
    settled: () => settled,
    asked: () => started !== null,
    async close() {
      closed = true;
      if (!started) return;
      // A service that failed to start has nothing to close; its error went to whoever asked.
      const service = await started.catch(() => null);
      quiet();
      await service?.close();
    },
  };
}
