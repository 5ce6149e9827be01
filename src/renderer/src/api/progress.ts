// Renderer: long tasks the host reports through `progress` events (training, imports, first
// sync), as a tiny external store beside the sync status (sync-status.ts); the one dispatcher of
// host events (data/host-events.ts) feeds both. A task leaves the store shortly after it reaches
// 1, or when the host stops reporting it (a crashed task must not leave a bar up forever).
import { useSyncExternalStore } from 'react';

export interface TaskProgress {
  task: string;
  fraction: number;
  message: string;
  updatedAt: number;
}

const DONE_LINGER_MS = 900;
const STALE_MS = 120_000;

let tasks: readonly TaskProgress[] = [];
const listeners = new Set<() => void>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

function publish(next: readonly TaskProgress[]): void {
  tasks = next;
  for (const listener of listeners) listener();
}

function drop(task: string): void {
  timers.delete(task);
  publish(tasks.filter((t) => t.task !== task));
}

export function reportProgress(task: string, fraction: number, message: string): void {
  const entry: TaskProgress = { task, fraction: Math.min(1, Math.max(0, fraction)), message, updatedAt: Date.now() };
  const rest = tasks.filter((t) => t.task !== task);
  publish([...rest, entry]);
  clearTimeout(timers.get(task));
  timers.set(
    task,
    setTimeout(() => drop(task), entry.fraction >= 1 ? DONE_LINGER_MS : STALE_MS),
  );
}

/** Ends a task the host stopped without a final event (a failed training, say). */
export function finishProgress(task: string): void {
  const current = tasks.find((t) => t.task === task);
  if (current && current.fraction < 1) reportProgress(task, 1, current.message);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useProgressTasks(): readonly TaskProgress[] {
  return useSyncExternalStore(subscribe, () => tasks);
}

export function useTaskProgress(task: string): TaskProgress | undefined {
  return useProgressTasks().find((t) => t.task === task);
}

/** The tasks shown now, outside React (tests, the dispatcher's callers). */
export function currentTasks(): readonly TaskProgress[] {
  return tasks;
}
