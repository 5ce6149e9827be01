// Renderer: long tasks the host reports through `progress` events (training, imports, first
// sync), as a tiny external store. A task leaves the store shortly after it reaches 1, or when
// the host stops reporting it (a crashed task must not leave a bar up forever).
import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HostEvent, Transport } from '@shared/api';
import { getTransport } from '../api/client';

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
  timers.set(task, setTimeout(() => drop(task), entry.fraction >= 1 ? DONE_LINGER_MS : STALE_MS));
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

/**
 * Feeds the store from host events. A finished task can change what scoring shows (a new model,
 * imported history), so its end also refreshes score queries.
 */
export function useProgressEvents(transport: Transport = getTransport()): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transport.subscribe((event: HostEvent) => {
        if (event.type !== 'progress') return;
        reportProgress(event.task, event.fraction, event.message);
        if (event.fraction >= 1) void queryClient.invalidateQueries({ queryKey: ['scores'] });
      }),
    [transport, queryClient],
  );
}
