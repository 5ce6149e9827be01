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
   * Settles once the service, when started, has stored its first scores (the first that a person
   * waits for, or the first full rescore, whichever comes first); never settles if nothing
   * starts it (callers race it with a timeout).
   */
  firstScores(): Promise<void>;
}

export function scoringHandle(start: () => Promise<ScoringService>): ScoringHandle {
  let started: Promise<ScoringService> | null = null;
  let running: ScoringService | null = null;
  let closed = false;
  let scored!: () => void;
  const firstScores = new Promise<void>((resolve) => (scored = resolve));
  return {
    service() {
      if (closed) return Promise.reject(new ApiError('DS_SCORING_ERROR', 'Scoring has stopped because the workspace is closing.'));
      started ??= start().then((service) => {
        void service.firstStored().then(scored, scored);
        running = service;
        return service;
      });
      return started;
    },
    current: () => (closed ? null : running),
    firstScores: () => firstScores,
    async close() {
      closed = true;
      if (!started) return;
      // A service that failed to start has nothing to close; its error went to whoever asked.
      const service = await started.catch(() => null);
      scored();
      await service?.close();
    },
  };
}
