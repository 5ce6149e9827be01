// Test support (Node, Linux): the nice value of every thread of this process, read from /proc.
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadNice {
  tid: number;
  nice: number;
}

export function niceOfThreads(): ThreadNice[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after "(comm) ": state is the 1st, nice the 17th.
    return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
  });
}
