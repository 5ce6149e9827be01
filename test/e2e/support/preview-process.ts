// e2e support: starts extra web-preview hosts (own port, own data folder) and sync servers for
// tests that need a restart, a second host or a team server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { testNow } from '../../clock';

export interface PreviewProcess {
  url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port of its own for an extra host: `offset` above the suite's preview (DS_PREVIEW_PORT keeps checkouts apart). */
export const extraPort = (offset: number): number => Number(process.env['DS_PREVIEW_PORT'] ?? 4517) + offset;

/** One secret per port for this test run, so a restarted preview still accepts the browser's cookie. */
const secrets = new Map<number, string>();

/** `url` is the printed launch URL (`…/key/<secret>`); `${url}/#/route` opens a route. */
export function startPreview(port: number, args: string[] = []): Promise<PreviewProcess> {
  const secret = secrets.get(port) ?? randomBytes(32).toString('base64url');
  secrets.set(port, secret);
  // The renderer was built by the suite's own web server into out/preview; reuse it.
  return startNode(['scripts/serve.ts', '--port', String(port), '--no-build', ...args], /web preview: (http:\/\/\S+)/, {
    DS_PREVIEW_SECRET: secret,
  });
}

/** The team sync server on PGlite in `dataDir`. */
export function startSyncServer(port: number, dataDir: string): Promise<PreviewProcess> {
  return startNode(['src/server/cli.ts', '--port', String(port), '--data', dataDir], /listening on (http:\/\/\S+)/);
}

async function startNode(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<PreviewProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Extra hosts run at the suite's date, like the suite's own preview.
    env: { ...process.env, DS_NOW: testNow(), ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
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
