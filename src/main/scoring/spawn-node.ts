// Main process under plain Node (web preview, tests, benchmarks): start the scoring worker as a
// forked Node process running its TypeScript source through tsx's loader. The loader is passed
// as an absolute URL, so the child finds it whatever its working directory.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childProcessWorker, type ScoringWorker } from './worker-handle';

const ENTRY = './worker.ts';

export function createWorker(): ScoringWorker {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(fileURLToPath(new URL(ENTRY, import.meta.url)), [], {
    execArgv: ['--import', tsx],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return childProcessWorker(child);
}
