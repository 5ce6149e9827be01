// Benchmarks (Linux): the memory a tree of processes holds — a web preview and the Chromium
// showing it — as PSS (each shared page divided among the processes sharing it), so Chromium's
// processes, which share most of their code, are not counted once per process. Null elsewhere.
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
  /** The web preview's Node process plus every Chromium process, PSS. */
  totalBytes: number;
  nodeBytes: number;
  /** The Node process's anonymous memory (heaps, malloc arenas, SQLite caches), PSS. */
  nodeAnonBytes: number;
  chromiumBytes: number;
  chromiumProcesses: number;
  /** Chromium's PSS by process type (`--type=`; the browser process has none). */
  chromiumByType: Record<string, number>;
}

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
    // Electron does not have, kept apart from the page's renderer so the two can be told apart.
    if (args.includes('--top-chrome-webui')) return `${type}:chrome-ui`;
    return sub ? `${type}:${sub}` : type;
  } catch {
    return 'gone';
  }
}

/**
 * Every process of the app as a benchmark runs it: the web preview's Node process (`previewPid`:
 * the host and its threads) and the Chromium processes this benchmark process started (standing
 * in for the desktop's renderer and GPU processes). Null where /proc is not there.
 */
export function appMemory(previewPid: number): AppMemory | null {
  const nodeBytes = pssBytes(previewPid);
  const chromium = descendants(process.pid).filter((p) => /chrom/i.test(p.command));
  if (nodeBytes === null || chromium.length === 0) return null;
  const chromiumByType: Record<string, number> = {};
  let chromiumBytes = 0;
  for (const p of chromium) {
    const bytes = pssBytes(p.pid) ?? 0;
    const type = chromiumType(p.pid);
    chromiumByType[type] = (chromiumByType[type] ?? 0) + bytes;
    chromiumBytes += bytes;
  }
  return {
    totalBytes: nodeBytes + chromiumBytes,
    nodeBytes,
    nodeAnonBytes: rollupBytes(previewPid, 'Pss_Anon') ?? 0,
    chromiumBytes,
    chromiumProcesses: chromium.length,
    chromiumByType,
  };
}
