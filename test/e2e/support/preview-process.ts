// e2e support: starts extra web-preview hosts (own port, own data folder) for tests that need
// a restart or a second window on a second host.
import { spawn, type ChildProcess } from 'node:child_process';

export interface PreviewProcess {
  url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startPreview(port: number, args: string[] = [], env: Record<string, string> = {}): Promise<PreviewProcess> {
  // The renderer was built by the suite's own web server into out/preview; reuse it.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--no-build', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview on ${port} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /web preview: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
