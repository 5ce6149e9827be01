// Benchmarks in Chromium: the web preview started on a generated workspace, and Debian's Chromium
// launched headless the way the e2e suite launches it, plus the switches the desktop app sets on
// its Electron (chromium-switches.ts), so the memory figures are the app's configuration.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArguments } from '../../../src/main/electron/chromium-switches';

export interface BenchPreview {
  url: string;
  /** Ms from spawning the preview to its printed launch URL. */
  readyMs: number;
  /** The preview's Node process (the host and its threads). */
  pid: number;
  stop(): Promise<void>;
}

/** `npm run serve` on `dir` with the renderer already built into `outDir`. */
export function startBenchPreview(port: number, dir: string, outDir: string): Promise<BenchPreview> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--no-build', '--out-dir', outDir, '--data', dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /web preview: (\S+)/.exec(seen);
      if (!match) return;
      seen = '';
      const stop = () =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      resolve({ url: match[1]!, stop, readyMs: performance.now() - started, pid: child.pid! });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/** Starts CHROMIUM_PATH (Debian's by default) with its feature lists merged with the app's. */
const MERGING_LAUNCHER = path.join(import.meta.dirname, 'chromium-merged-features.sh');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: MERGING_LAUNCHER,
    args: [
      ...chromiumArguments(),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
