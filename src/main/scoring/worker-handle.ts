// Main process: what the scoring service needs of its worker, whatever runs it. Scoring runs in a
// process of its own (Electron's utilityProcess in the desktop app, a forked Node process under
// plain Node) rather than a worker thread of the main process, for isolation: the heaviest and
// most memory-hungry code of the app (aggregates of a million interactions, training) can crash
// or run out of memory without taking the main process, its store writer and every window with
// it (the service answers with DS_SCORING_ERROR and starts a new one), and its heap is not
// counted against the main process's (Electron caps a process's V8 heap at 4 GB with pointer
// compression). The main thread's responsiveness was measured the same either way (README,
// scoring figures). The messages are the same structured-clone messages (protocol.ts).
import type { ChildProcess } from 'node:child_process';
import type { HostToWorker, WorkerToHost } from './protocol';

export interface ScoringWorker {
  /** The worker's process id (this process's own for a thread; undefined until it started). */
  pid(): number | undefined;
  postMessage(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  /** Called once if the worker cannot start, or stops without being asked to. */
  onFailure(listener: (error: Error) => void): void;
  /**
   * Whether waiting for it keeps this process alive. Off while nothing is asked of it, so an idle
   * worker never keeps a closing app (or a finished test run) alive; on while an answer is awaited.
   */
  keepAlive(on: boolean): void;
  /** Stops it; resolves once it has exited. */
  terminate(): Promise<void>;
}

/** The few things a process handle offers, whichever API started it. */
export interface ProcessEnds {
  pid(): number | undefined;
  send(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  onError(listener: (error: Error) => void): void;
  /** `how`: exit code or signal, in words. */
  onExit(listener: (how: string) => void): void;
  kill(): void;
  keepAlive(on: boolean): void;
}

export function processWorker(ends: ProcessEnds): ScoringWorker {
  let running = true;
  let stopping = false;
  let failed = false;
  const failureListeners: ((error: Error) => void)[] = [];
  const fail = (error: Error) => {
    if (stopping || failed) return;
    failed = true;
    for (const l of failureListeners) l(error);
  };
  const exited = new Promise<void>((resolve) => ends.onExit((how) => {
    running = false;
    resolve();
    fail(new Error(`scoring process exited (${how})`));
  }));
  ends.onError(fail);
  return {
    pid: () => ends.pid(),
    postMessage: (message) => { if (running) ends.send(message); },
    onMessage: (listener) => ends.onMessage(listener),
    onFailure: (listener) => { failureListeners.push(listener); },
    keepAlive: (on) => ends.keepAlive(on),
    async terminate() {
      stopping = true;
      if (running) ends.kill();
      await exited;
    },
  };
}

/** A forked Node process with an IPC channel (`serialization: 'advanced'`: structured clone). */
export function childProcessWorker(child: ChildProcess): ScoringWorker {
  // The process itself never keeps this one alive; its channel does while an answer is awaited.
  child.unref();
  child.channel?.unref();
  return processWorker({
    keepAlive: (on) => { if (on) child.channel?.ref(); else child.channel?.unref(); },
    pid: () => child.pid,
    // A send racing the process's death fails with EPIPE; its exit says why, so that is all.
    send: (m) => { if (child.connected) child.send(m, () => undefined); },
    onMessage: (listener) => { child.on('message', (m) => listener(m as WorkerToHost)); },
    onError: (listener) => { child.on('error', listener); },
    onExit: (listener) => { child.once('exit', (code, signal) => listener(signal ?? `code ${code}`)); },
    // Its exit must be awaited even though nothing else keeps this process alive now.
    kill: () => { child.ref(); child.kill(); },
  });
}
