// Benchmarks: a bare Node process timing its own event loop over the same window as a probe of
// ours, so a block the machine's scheduling causes (waiting for a core) is told from one of ours.
import { spawn } from 'node:child_process';

/** Starts the control process; `stop()` answers its longest event-loop delay (ms). */
export function startControl(resolutionMs: number): { stop(): Promise<number> } {
  const code = `const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: ${resolutionMs} }); h.enable();
    process.on('message', () => { h.disable(); process.send(h.max / 1e6, () => process.exit(0)); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        child.once('message', (max) => resolve(Number(max)));
        child.send('stop');
      }),
  };
}
