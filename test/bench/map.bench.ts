/// <reference lib="dom" />
// Runs in Node, measures in Chromium (issue 17): the buying group map at scale.
// 1. map.settle.300x1000 — the deterministic force layout of 300 people / 1,000 lines, run in
//    the browser (the layout module bundled as is). Target < 1.5 s.
// 2. map.open.largestAccount.<size> — navigation to the map of the account with the most people
//    until the frame after every person is drawn, timed in the page, in the web preview on a
//    generated workspace; each run in a freshly loaded window (warmMs: coming back to it;
//    pacedMs: opened after a second on the accounts list, as a person would).
//    Target < 500 ms on L; BENCH_SIZE=XS (default here: the CPU is shared) runs the smaller case.
// 3. map.dragFrame.p95 — a 300-person group built through the host API, one person dragged for
//    120 pointer moves; frame intervals from requestAnimationFrame. Target < 18 ms.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { type Page } from 'playwright-core';
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config';
import { describeSize, type SeedSize } from '../../src/shared/seed';
import { cachedWorkspace, copyCachedWorkspace, removeWorkspaceCopy } from './support/workspace-cache';
import { machine, median, p95, report } from './report';
import { launchChromium, startBenchPreview } from './support/preview';

/** The 1-, 5- and 15-minute load averages when a figure was taken (2 cores: above 2 is shared). */
const load = () =>
  os
    .loadavg()
    .map((l) => Math.round(l * 10) / 10)
    .join(' ');

const size = (process.env['BENCH_SIZE'] as SeedSize | undefined) ?? 'XS';
// A checkout given DS_PREVIEW_PORT (a helper beside others) takes a port above it; 4597 otherwise
// (unusual: 45xx ports near ours are other checkouts' previews).
const PORT = process.env['DS_PREVIEW_PORT'] ? Number(process.env['DS_PREVIEW_PORT']) + 597 : 4597;

/** A synthetic group: a reporting tree plus cross lines, the same shape the e2e uses. */
const groupSource = `
  window.makeGroup = (n, e) => {
    const people = Array.from({ length: n }, (_, i) => ({ id: 'sh_' + String(i).padStart(4, '0'), radius: 14 + (i % 5) * 4,
      level: Math.min(5, Math.floor(Math.log2(i + 1))), labelWidth: 70 + ((i * 37) % 80) }));
    const lines = [];
    for (let i = 1; i < n; i++) lines.push({ source: people[i].id, target: people[Math.floor((i - 1) / 2)].id, kind: 'reports_to' });
    for (let k = 0; lines.length < e; k++) lines.push({ source: people[(k * 7) % n].id, target: people[(k * 13 + 5) % n].id, kind: k % 2 ? 'influences' : 'allied_with' });
    return { people, lines };
  };`;

async function settleInBrowser(page: Page): Promise<number[]> {
  const bundle = await esbuild({
    stdin: {
      contents: "import { forceLayout } from './src/renderer/src/features/buying-group/map-layout'; window.forceLayout = forceLayout;",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  await page.setContent('<!doctype html><title>map bench</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text + groupSource });
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    times.push(
      await page.evaluate(() => {
        const w = window as unknown as {
          makeGroup: (n: number, e: number) => { people: unknown[]; lines: unknown[] };
          forceLayout: (p: unknown[], l: unknown[]) => Map<string, unknown>;
        };
        const g = w.makeGroup(300, 1000);
        const t = performance.now();
        w.forceLayout(g.people, g.lines);
        return performance.now() - t;
      }),
    );
  }
  return times;
}

async function largestAccountOpen(
  page: Page,
  url: string,
): Promise<{ ms: number[]; layout: number[]; warm: number[]; paced: number[]; query: number[]; people: number }> {
  await page.goto(`${url}/#/accounts`);
  await page.getByTestId('account-row').first().waitFor({ timeout: 120_000 });
  const best = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((ok) => ws.addEventListener('open', ok, { once: true }));
    const ask = (id: number, method: string, input: unknown) =>
      new Promise<{ output: unknown }>((ok) => {
        ws.addEventListener('message', function on(m) {
          const f = JSON.parse(String(m.data));
          if (f.kind === 'result' && f.id === id) {
            ws.removeEventListener('message', on);
            ok(f.result);
          }
        });
        ws.send(JSON.stringify({ id, method, input }));
      });
    // The host counts people per account in the background after opening (statsPending); wait
    // for the counts, then take the account with the most people (L: one of its 60–80 groups).
    type Row = { id: string; stakeholderCount: number; statsPending: boolean };
    let n = 1;
    let list = (await ask(n++, 'accounts.list', {})).output as Row[];
    for (let i = 0; i < 240 && list.some((a) => a.statsPending); i++) {
      await new Promise((ok) => setTimeout(ok, 500));
      list = (await ask(n++, 'accounts.list', {})).output as Row[];
    }
    const best = list.reduce((a, b) => (b.stakeholderCount > a.stakeholderCount ? b : a));
    const g = (await ask(n++, 'buyingGroup.get', { accountId: best.id })).output as { stakeholders: unknown[] };
    ws.close();
    return { id: best.id, people: g.stakeholders.length };
  });
  // Timed in the page, from the address changing to the frame after every person is drawn (the
  // map can then be used); Playwright's own round trips to the browser are not part of the wait.
  // Each cold run starts from a reloaded window (nothing of the map in memory: its code, query
  // cache and layouts are gone); a warm run comes back to the map in the same window.
  const open = (id: string, people: number) =>
    page.evaluate(
      async ([id, people]) => {
        performance.clearMeasures('ds-bg-layout');
        const t = performance.now();
        location.hash = `#/buying-group/${encodeURIComponent(id)}`;
        await new Promise<void>((ok) => {
          const check = () =>
            document.querySelectorAll('[data-testid="bg-node"]').length === people ? ok() : requestAnimationFrame(check);
          check();
        });
        await new Promise((ok) => requestAnimationFrame(ok));
        const layout = performance.getEntriesByName('ds-bg-layout').reduce((a, e) => a + e.duration, 0);
        return { ms: performance.now() - t, layout };
      },
      [id, people] as const,
    );
  const ms: number[] = [];
  const layout: number[] = [];
  const warm: number[] = [];
  const paced: number[] = [];
  for (let run = 0; run < 3; run++) {
    // The launch URL (/key/<secret>) answers with a redirect: going to it always loads afresh.
    await page.goto(`${url}/#/accounts`);
    await page.getByTestId('account-row').first().waitFor();
    const cold = await open(best.id, best.people);
    ms.push(cold.ms);
    layout.push(cold.layout);
    await page.evaluate(() => {
      location.hash = '#/accounts';
    });
    await page.getByTestId('account-row').first().waitFor();
    warm.push((await open(best.id, best.people)).ms);
    // Paced like a person: a freshly loaded window given a second on the accounts list before the
    // map is opened (the cold runs above open it the moment the list shows, while the window is
    // still fetching the code of the pages one click away from the same busy preview process).
    await page.goto(`${url}/#/accounts`);
    await page.getByTestId('account-row').first().waitFor();
    await page.waitForTimeout(1000);
    paced.push((await open(best.id, best.people)).ms);
  }
  // The host's part alone: the map's one query over the preview's socket, as the page asks it.
  const query = await page.evaluate(async (id) => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((ok) => ws.addEventListener('open', ok, { once: true }));
    const times: number[] = [];
    for (let n = 1; n <= 3; n++) {
      const t = performance.now();
      await new Promise<void>((ok) => {
        ws.addEventListener('message', function on(e) {
          const f = JSON.parse(String(e.data));
          if (f.kind === 'result' && f.id === n) {
            ws.removeEventListener('message', on);
            ok();
          }
        });
        ws.send(JSON.stringify({ id: n, method: 'buyingGroup.get', input: { accountId: id } }));
      });
      times.push(performance.now() - t);
    }
    ws.close();
    return times;
  }, best.id);
  return { ms, layout, warm, paced, query, people: best.people };
}

async function dragFrames(page: Page): Promise<number[]> {
  // Draw the 300/1,000 group through the real component on a synthetic account.
  const accountId = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((ok) => ws.addEventListener('open', ok, { once: true }));
    let next = 1;
    const waiting = new Map<number, (r: { output: { id: string } }) => void>();
    ws.addEventListener('message', (m) => {
      const f = JSON.parse(String(m.data));
      if (f.kind === 'result') waiting.get(f.id)?.(f.result);
    });
    const call = (method: string, input: unknown) =>
      new Promise<{ id: string }>((ok) => {
        const id = next++;
        waiting.set(id, (r) => ok(r.output));
        ws.send(JSON.stringify({ id, method, input }));
      });
    const acc = await call('accounts.upsert', { name: 'Zz Bench 300', industry: 'Bench', region: 'Bench', segment: 'enterprise' });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      ids.push(
        (
          await call('stakeholders.upsert', {
            accountId: acc.id,
            name: `Person ${i}`,
            title: 'Manager',
            department: 'IT',
            buyingRoles: ['user'],
            stance: 'neutral',
            influence: 1 + (i % 5),
            needs: [],
            pains: [],
          })
        ).id,
      );
    }
    let made = 0;
    for (let i = 1; i < 300; i++, made++)
      await call('relationships.upsert', {
        accountId: acc.id,
        fromId: ids[i],
        toId: ids[Math.floor((i - 1) / 2)],
        kind: 'reports_to',
        strength: 0.7,
        source: 'manual',
      });
    for (let k = 0; made < 1000; k++) {
      if ((k * 7) % 300 === (k * 13 + 5) % 300) continue;
      await call('relationships.upsert', {
        accountId: acc.id,
        fromId: ids[(k * 7) % 300],
        toId: ids[(k * 13 + 5) % 300],
        kind: 'influences',
        strength: 0.5,
        source: 'manual',
      });
      made++;
    }
    ws.close();
    return acc.id;
  });
  await page.goto(`${page.url().split('#')[0]}#/buying-group/${accountId}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="bg-node"]').length === 300, undefined, { timeout: 120_000 });
  const circle = page.locator('[data-testid="bg-node"] circle.bg-body').first();
  const box = (await circle.boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { frames: number[] };
    w.frames = [];
    let last = performance.now();
    const loop = (t: number) => {
      w.frames.push(t - last);
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(box.x + box.width / 2 + i * 2, box.y + box.height / 2 + Math.sin(i / 10) * 40);
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { frames: number[] }).frames.slice(2));
}

async function main(): Promise<void> {
  const dir = await cachedWorkspace(size);
  const outDir = path.resolve('out/bench-preview');
  await build(rendererConfig(outDir));
  const browser = await launchChromium();
  const extra = { machine: machine() };
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    // tsx compiles this file with esbuild's keepNames, which wraps named functions inside the
    // callbacks handed to page.evaluate in a `__name(...)` call the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const settle = await settleInBrowser(page);
    report({
      name: 'map.settle.300x1000',
      value: Math.round(median(settle)),
      unit: 'ms',
      size: '300 people / 1,000 lines',
      extra: { ...extra, load: load(), runs: settle.length, target: '< 1500' },
    });
    // A copy: the drag case adds an account, and the cache is shared by other benchmarks.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'ds-map-bench-'));
    copyCachedWorkspace(dir, copy);
    const server = await startBenchPreview(PORT, copy, outDir);
    try {
      const open = await largestAccountOpen(page, server.url);
      report({
        name: `map.open.largestAccount.${size}`,
        value: Math.round(median(open.ms)),
        unit: 'ms',
        size: describeSize(size),
        extra: {
          ...extra,
          load: load(),
          people: open.people,
          runs: open.ms.length,
          all: open.ms.map(Math.round),
          layoutMs: Math.round(median(open.layout)),
          hostQueryMs: Math.round(median(open.query)),
          warmMs: Math.round(median(open.warm)),
          pacedMs: Math.round(median(open.paced)),
          pacedAll: open.paced.map(Math.round),
          target: '< 500 (L)',
        },
      });
      const frames = await dragFrames(page);
      report({
        name: 'map.dragFrame.p95',
        value: Math.round(p95(frames) * 10) / 10,
        unit: 'ms',
        size: '300 people / 1,000 lines',
        extra: { ...extra, load: load(), frames: frames.length, target: '< 18' },
      });
    } finally {
      await server.stop();
      removeWorkspaceCopy(copy);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`map.bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
