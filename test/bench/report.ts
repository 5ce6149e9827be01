// Runs in Node (benchmarks). Every figure a benchmark measures is printed as one JSON line.
import os from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  size: string | number;
  extra?: Record<string, unknown>;
}

export function report(figure: Figure): void {
  const { extra, ...rest } = figure;
  process.stdout.write(`${JSON.stringify({ ...rest, ...extra })}\n`);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length}x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** The value at quantile `q` (0–1) of the numbers, by rank (NaN when there are none). */
export const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? NaN;
export const median = (xs: number[]): number => quantile(xs, 0.5);
export const p95 = (xs: number[]): number => quantile(xs, 0.95);
