// Main process: what the scoring service needs of its worker, whatever runs it. Scoring runs in a
// process of its own (Electron's utilityProcess in the desktop app, a forked Node process under
// plain Node) rather than a worker thread of the main process: measured with
// test/bench/scoring.bench.ts (part C), a thread's big heap and garbage collection shared the
// process with the main thread and delayed its event loop by 15–33 ms during a full rescore with
// training, where a process of its own left it at 11–14 ms. The messages are the same
// structured-clone messages either way (protocol.ts).
import type { ChildProcess } from 'node:child_process';
import type { HostToWorker, WorkerToHost } from './protocol';

export interface ScoringWorker {
  /** The worker's process id (this process's own for a thread; undefined until it started). */
  pid(): number | undefined;
  postMessage(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  /** Called once if the worker cannot start, or stops without being asked to. */
  onFailure(listener: (error: Error) => void): void;
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
    async terminate() {
      stopping = true;
      if (running) ends.kill();
      await exited;
    },
  };
}

/** A forked Node process with an IPC channel (`serialization: 'advanced'`: structured clone). */
export function childProcessWorker(child: ChildProcess): ScoringWorker {
  // Neither the process nor its channel may keep a closing app (or a finished test run) alive.
  child.unref();
  child.channel?.unref();
  return processWorker({
    pid: () => child.pid,
    send: (m) => { if (child.connected) child.send(m); },
    onMessage: (listener) => { child.on('message', (m) => listener(m as WorkerToHost)); },
    onError: (listener) => { child.on('error', listener); },
    onExit: (listener) => { child.once('exit', (code, signal) => listener(signal ?? `code ${code}`)); },
    kill: () => { child.kill(); },
  });
}
