// Scoring worker thread (Node): the helper thread a large training run hands its hold-out to
// (learn/hold-out.ts). Started with the scoring worker where the machine has a second core, so a
// training never waits for one to start; it is small (no workspace data, only the hold-out rows it
// is handed while training) and capped by resourceLimits. A helper that has died is simply not
// offered: training then runs on the scoring worker's thread alone, as it does on one core, and
// makes the same model.
import { availableParallelism, loadavg } from 'node:os';
import type { ResourceLimits, Worker, WorkerOptions } from 'node:worker_threads';
import type { HoldOutJob, TrainingThreads } from '@shared/scoring/learn';

/** A helper holds a copy of the hold-out's merged rows and their logits: a few MB on a 100k-row training set. */
export const TRAIN_THREAD_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128 };

/** Every core taken (the load average counts this process's busy threads too). */
function machineBusy(): boolean {
  return loadavg()[0]! >= availableParallelism() - 0.5;
}

export interface TrainingHelpers extends TrainingThreads {
  close(): Promise<void>;
}

/**
 * The helper, where the machine has a second core. `load` gives this runtime's way of starting
 * it (train-spawn-electron.ts or train-spawn-node.ts).
 */
export function startTrainingHelpers(
  load: () => Promise<(options: WorkerOptions) => Worker>,
  { busy = machineBusy }: { busy?: () => boolean } = {},
): TrainingHelpers {
  const count = availableParallelism() > 1 ? 1 : 0;
  const workers: Worker[] = [];
  const alive = new Set<Worker>();
  let closed = false;
  const started =
    count === 0
      ? Promise.resolve()
      : load().then((create) => {
          for (let i = 0; i < count && !closed; i++) {
            const w = create({ resourceLimits: TRAIN_THREAD_LIMITS });
            w.unref();
            w.on('online', () => alive.add(w));
            w.on('error', (err) => console.error(`[training thread] stopped: ${err.message}`));
            w.on('exit', () => alive.delete(w));
            workers.push(w);
          }
        });
  started.catch((err: unknown) => console.error(`[training thread] could not start: ${String(err)}`));
  return {
    // Only when the helper is up and a core is free for it: one queueing for a busy core would
    // only add its hand-offs to the run (the scoring worker waits when it is 4 rounds behind).
    get helpers() {
      return alive.size === count && !busy() ? count : 0;
    },
    start(job: HoldOutJob) {
      workers[0]!.postMessage(job);
    },
    async close() {
      closed = true;
      await started.catch(() => undefined);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
