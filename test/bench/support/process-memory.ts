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
