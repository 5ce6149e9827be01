import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { AccountId } from '@shared/domain';
import { onAppCommand } from '@renderer/api/app-commands';
import { currentTasks } from '@renderer/api/progress';
import { apiKey } from './keys';
import { applyHostEvent } from './host-events';

function seeded() {
  const client = new QueryClient();
  const keys = {
    account: apiKey('accounts.get', { id: 'acc_1' as AccountId }),
    today: apiKey('scoring.today', { limit: 25 }),
    model: apiKey('scoring.model', {}),
    sync: apiKey('sync.status', {}),
  };
  for (const key of Object.values(keys)) client.setQueryData(key, {});
  const stale = () =>
    Object.entries(keys)
      .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { client, stale };
}

describe('applyHostEvent, the one dispatcher of host events', () => {
  it('refreshes what reads the changed collections, and nothing else', async () => {
    const { client, stale } = seeded();
    await applyHostEvent({ type: 'changed', collections: ['stakeholders'] }, client);
    expect(stale()).toEqual(['account']);
    await applyHostEvent({ type: 'changed', collections: ['scores', 'settings'] }, client);
    expect(stale()).toEqual(['account', 'model', 'sync', 'today']);
  });

  it('shows progress, and refreshes scores when a task ends', async () => {
    const { client, stale } = seeded();
    await applyHostEvent({ type: 'progress', task: 'training', fraction: 0.5, message: 'Half way' }, client);
    expect(currentTasks().find((t) => t.task === 'training')).toMatchObject({ fraction: 0.5, message: 'Half way' });
    expect(stale()).toEqual([]);
    await applyHostEvent({ type: 'progress', task: 'training', fraction: 1, message: 'Done' }, client);
    expect(currentTasks().find((t) => t.task === 'training')?.fraction).toBe(1);
    expect(stale()).toEqual(['model', 'today']);
  });

  it("passes the desktop menu's commands to the shell and refreshes nothing", async () => {
    const { client, stale } = seeded();
    const seen: string[] = [];
    const off = onAppCommand((command) => seen.push(command));
    await applyHostEvent({ type: 'command', command: 'search' }, client);
    await applyHostEvent({ type: 'command', command: 'log' }, client);
    off();
    await applyHostEvent({ type: 'command', command: 'log' }, client);
    expect(seen).toEqual(['search', 'log']);
    expect(stale()).toEqual([]);
  });
});
