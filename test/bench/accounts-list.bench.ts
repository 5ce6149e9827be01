// Runs in Node: cold open of an L workspace in the web preview to the first rendered row of the
// Accounts list in Chromium — what a seller waits for when the app starts.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { filter, firstValueFrom } from 'rxjs';
import path from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config';
import { describeSize, type SeedSize } from '../../src/shared/seed';
import { openWorkspace } from '../../src/main/workspace/open-workspace';
import { cachedWorkspace } from './support/workspace-cache';
import { machine, median, report } from './report';
import { launchChromium, startBenchPreview } from './support/preview';

const size = (process.env['BENCH_SIZE'] as SeedSize | undefined) ?? 'L';
const PORT = 4537;
const RUNS = 3;

interface InProcess {
  answerMs: number;
  accounts: number;
  /** From the answer until every account's figures are counted (in the background). */
  countedMs: number;
  /** The main thread's longest event-loop block meanwhile (what a window would feel). */
  maxBlockMs: number;
}

/**
 * What the main process does before a window can show the list: open the store file, create the
 * host, answer accounts.list — measured in this process on a workspace it has not opened yet —
 * then how long the background counting takes and how long it ever holds the event loop.
 */
async function openToListAnswer(dir: string): Promise<InProcess> {
  const started = performance.now();
  const workspace = await openWorkspace({ directory: dir, seedDemo: false });
  const counted = firstValueFrom(workspace.host.events.pipe(filter((e) => e.type === 'changed' && e.collections.includes('accounts'))));
  const result = await workspace.host.invoke('accounts.list', {});
  const answered = performance.now();
  if (!result.ok) throw new Error(`accounts.list failed: ${result.error.code}`);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  await counted;
  loop.disable();
  const done = performance.now();
  await workspace.close();
  return {
    answerMs: answered - started,
    accounts: (result.output as unknown[]).length,
    countedMs: done - answered,
    maxBlockMs: loop.max / 1e6,
  };
}

async function main(): Promise<void> {
  const dir = await cachedWorkspace(size);
  const inProcess = await openToListAnswer(dir);
  const outDir = path.resolve('out/bench-preview');
  await build(rendererConfig(outDir));
  const browser = await launchChromium();
  const firstRender: number[] = [];
  const coldOpen: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const spawned = performance.now();
    const server = await startBenchPreview(PORT, dir, outDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    const navigated = performance.now();
    await page.goto(`${server.url}/#/accounts`);
    await page.getByTestId('account-row').first().waitFor({ state: 'visible', timeout: 120_000 });
    const now = performance.now();
    firstRender.push(now - navigated);
    coldOpen.push(now - spawned);
    await context.close();
    await server.stop();
  }
  await browser.close();
  const extra = { machine: machine(), runs: RUNS };
  report({
    name: `workspace.openToAccountsAnswer.${size}`,
    value: Math.round(inProcess.answerMs),
    unit: 'ms',
    size: describeSize(size),
    extra: {
      ...extra,
      runs: 1,
      accounts: inProcess.accounts,
      includes: 'store open, host, accounts.list answered (main process, in-process)',
      target: '< 1000',
    },
  });
  report({
    name: `accounts.figuresCounted.${size}`,
    value: Math.round(inProcess.countedMs),
    unit: 'ms',
    size: describeSize(size),
    extra: {
      ...extra,
      runs: 1,
      maxEventLoopBlockMs: Math.round(inProcess.maxBlockMs),
      includes: 'people, open deals and latest interaction of every account, in the background after the first answer',
    },
  });
  report({ name: `accounts.firstRender.${size}`, value: Math.round(median(firstRender)), unit: 'ms', size: describeSize(size), extra });
  report({
    name: `workspace.coldOpenToAccounts.${size}`,
    value: Math.round(median(coldOpen)),
    unit: 'ms',
    size: describeSize(size),
    extra: { ...extra, includes: 'process start, tsx, store open, first query, render' },
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`accounts-list.bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
