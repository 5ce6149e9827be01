// Scoring worker thread (Node): the helper thread a large training run shares its rows' work
// with and hands its hold-out to (learn/row-helper.ts, learn/hold-out.ts). Started on demand where the machine has a second core — when a workspace
// with many closed deals has loaded, before its training, or an import brought history — and
// stopped once that training is done (`rest`), or after a minute unused, so it costs no memory
// between trainings (~20 MiB while up, bundled; ~40 MiB under tsx). It holds no workspace data,
// only the binned training and hold-out rows it is handed while training, and is capped by
// resourceLimits. A helper
// that is not up (or has died) is simply not offered: training then runs on the scoring worker's
// thread alone, as it does on one core, and makes the same model.
import { availableParallelism, loadavg } from 'node:os';
import type { ResourceLimits, Worker, WorkerOptions } from 'node:worker_threads';
import type { HelperJob, TrainingThreads } from '@shared/scoring/learn';

/** What the helper thread posts once its code has loaded and it takes jobs (train-thread.ts). */
export const HELPER_READY = 'deep-sales/training-helper-ready';

/** A helper holds copies of the merged rows' bins and the hold-out's logits: a few MB on a 100k-row training set. */
export const TRAIN_THREAD_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128 };

/** Every core taken (the load average counts this process's busy threads too). */
function machineBusy(): boolean {
  return loadavg()[0]! >= availableParallelism() - 0.5;
}

export interface TrainingHelpers extends TrainingThreads {
  /** Starts the helper if it is not up (a training soon will want it); resets its idle clock. */
  warm(): void;
  /**
   * Stops the helper now: the training it was started for is done. A first open of L reaches its
   * memory peak right after training (its scores stored, search's build starting), and a helper
   * kept for its idle minute was part of it. The next warm() starts it again.
   */
  rest(): Promise<void>;
  close(): Promise<void>;
}

export interface TrainingHelperOptions {
  busy?: () => boolean;
  /** Stopped after this long unused (ms). */
  idleMs?: number;
}

/** `load` gives this runtime's way of starting the thread (train-spawn-electron.ts or train-spawn-node.ts). */
export function trainingHelpers(
  load: () => Promise<(options: WorkerOptions) => Worker>,
  { busy = machineBusy, idleMs = 60_000 }: TrainingHelperOptions = {},
): TrainingHelpers {
  const possible = availableParallelism() > 1;
  let worker: Worker | null = null;
  let up = false;
  let closed = false;
  let starting: Promise<void> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;

  const stop = (): Promise<void> => {
    const w = worker;
    worker = null;
    up = false;
    return w ? w.terminate().then(() => undefined) : Promise.resolve();
  };
  const touch = (): void => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), idleMs);
    idle.unref();
  };
  const warm = (): void => {
    if (!possible || closed) return;
    touch();
    if (worker || starting) return;
    starting = load()
      .then((create) => {
        if (closed) return;
        const w = create({ resourceLimits: TRAIN_THREAD_LIMITS });
        worker = w;
        w.unref();
        // Up once the thread says so, not at 'online': that comes when the thread starts, before
        // its code has loaded (a quarter of a second from TypeScript source), and a training
        // handed to it then waited for it to load, slower than training alone.
        w.on('message', (m) => {
          if (m === HELPER_READY && worker === w) up = true;
        });
        w.on('error', (err) => console.error(`[training thread] stopped: ${err.message}`));
        w.on('exit', () => {
          if (worker === w) {
            worker = null;
            up = false;
          }
        });
      })
      .catch((err: unknown) => console.error(`[training thread] could not start: ${String(err)}`))
      .finally(() => {
        starting = null;
      });
  };
  return {
    // Only when the helper is up and a core is free for it: one queueing for a busy core would
    // only add its hand-offs to the run (the scoring worker waits when it is 4 rounds behind).
    get helpers() {
      return up && !busy() ? 1 : 0;
    },
    start(job: HelperJob) {
      touch();
      worker!.postMessage(job);
    },
    warm,
    async rest() {
      if (idle) clearTimeout(idle);
      idle = null;
      await starting;
      await stop();
    },
    async close() {
      closed = true;
      if (idle) clearTimeout(idle);
      await starting;
      await stop();
    },
  };
}
