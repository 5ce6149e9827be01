// Benchmarks (Linux): the memory a tree of processes holds — a web preview and the Chromium
// showing it — as PSS (each shared page divided among the processes sharing it), so Chromium's
// processes, which share most of their code, are not counted once per process. Chromium's
// processes that Electron has no counterpart for (headless Chrome's own UI) are kept apart from
// the app's figure and given beside it. Null elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

/** PSS of one process in bytes, or null when it is gone or /proc is not there. */
export function pssBytes(pid: number): number | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = /^Pss:\s+(\d+) kB/m.exec(rollup);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Every process descended from `root` (not `root` itself), with its command's first word. */
export function descendants(root: number): { pid: number; command: string }[] {
  const parentOf = new Map<number, number>();
  const commandOf = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid ...": the command may hold spaces and parentheses.
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commandOf.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
    } catch {
      // gone meanwhile
    }
  }
  const out: { pid: number; command: string }[] = [];
  const walk = (parent: number) => {
    for (const [pid, ppid] of parentOf)
      if (ppid === parent) {
        out.push({ pid, command: commandOf.get(pid) ?? '' });
        walk(pid);
      }
  };
  walk(root);
  return out;
}

/** Bytes of one line of a process's smaps_rollup (`Pss_Anon`, `Pss_File`, …), or null. */
export function rollupBytes(pid: number, field: string): number | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface AppMemory {
  /**
   * The app's processes: the web preview's Node process plus the Chromium processes that stand in
   * for the desktop's (browser, GPU, zygote, utilities, the page's renderer), PSS. Without
   * `standInOnlyBytes`. The figure the benchmark reports.
   */
  appBytes: number;
  /**
   * Chromium processes of the stand-in that Electron does not have: headless Chrome's own UI
   * (`renderer:chrome-ui`, its omnibox popup at chrome://omnibox-popup.top-chrome, 65–85 MiB on
   * Linux; it can be neither switched off by feature flags nor closed over CDP). Printed, not counted.
   */
  standInOnlyBytes: number;
  nodeBytes: number;
  /** The Node process's anonymous memory (heaps, malloc arenas, SQLite caches), PSS. */
  nodeAnonBytes: number;
  /** The app's Chromium processes (the stand-in's, without `standInOnlyBytes`), PSS. */
  chromiumBytes: number;
  /** Every Chromium process, the stand-in-only ones included. */
  chromiumProcesses: number;
  /** Chromium's PSS by process type (`--type=`; the browser process has none), the stand-in-only ones included. */
  chromiumByType: Record<string, number>;
}

/** Process types (chromiumType) that only the stand-in has: headless Chrome's own UI. */
const STAND_IN_ONLY = /:chrome-ui$/;

function chromiumType(pid: number): string {
  try {
    // Chromium rewrites its process titles: the arguments are then one string, split by spaces.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    if (args[0]?.endsWith('crashpad_handler')) return 'crashpad';
    const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
    // `network.mojom.NetworkService` → `network`, `storage.mojom.StorageService` → `storage`.
    const sub = args
      .find((a) => a.startsWith('--utility-sub-type='))
      ?.slice('--utility-sub-type='.length)
      .split('.')[0];
    // Headless Chrome's own omnibox popup (chrome://omnibox-popup.top-chrome): Chrome's UI, which
    // Electron does not have (STAND_IN_ONLY), kept apart from the page's renderer.
    if (args.includes('--top-chrome-webui')) return `${type}:chrome-ui`;
    return sub ? `${type}:${sub}` : type;
  } catch {
    return 'gone';
  }
}

/**
 * Every process of the app as a benchmark runs it: the web preview's Node process (`previewPid`:
 * the host and its threads) and the Chromium processes this benchmark process started (standing
 * in for the desktop's renderer and GPU processes), less those only the stand-in has, whose PSS
 * is given apart (`standInOnlyBytes`). Null where /proc is not there.
 */
export function appMemory(previewPid: number): AppMemory | null {
  const nodeBytes = pssBytes(previewPid);
  const chromium = descendants(process.pid).filter((p) => /chrom/i.test(p.command));
  if (nodeBytes === null || chromium.length === 0) return null;
  const chromiumByType: Record<string, number> = {};
  let chromiumBytes = 0;
  let standInOnlyBytes = 0;
  for (const p of chromium) {
    const bytes = pssBytes(p.pid) ?? 0;
    const type = chromiumType(p.pid);
    chromiumByType[type] = (chromiumByType[type] ?? 0) + bytes;
    if (STAND_IN_ONLY.test(type)) standInOnlyBytes += bytes;
    else chromiumBytes += bytes;
  }
  return {
    appBytes: nodeBytes + chromiumBytes,
    standInOnlyBytes,
    nodeBytes,
    nodeAnonBytes: rollupBytes(previewPid, 'Pss_Anon') ?? 0,
    chromiumBytes,
    chromiumProcesses: chromium.length,
    chromiumByType,
  };
}
