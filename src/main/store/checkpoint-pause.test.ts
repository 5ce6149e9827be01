// Main process store, on real SQLite: a long writer's pause lets the checkpoint thread copy the
// whole WAL back into the file; a store in memory does not wait.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorkspaceBatches } from '@shared/seed';
import { pauseForCheckpoint } from './checkpoint-pause';
import { createStore, type Store } from './create-store';
import { loadWorkspaceIntoStore } from './load-workspace';
import { databaseFilePath } from './sqlite';
import { checkpointerOf } from './sqlite/connection';

let dir = '';
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pauseForCheckpoint', () => {
  it('waits until everything written is checkpointed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-checkpoint-pause-'));
    store = await createStore({ directory: dir, name: 'pause' });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 2 }));
    const checkpointer = checkpointerOf(databaseFilePath(dir, 'pause'))!;
    const runs = checkpointer.stats.runs;
    await pauseForCheckpoint(store, 30_000);
    expect(checkpointer.stats.runs).toBeGreaterThan(runs);
    expect(checkpointer.stats.last!.log).toBeGreaterThan(0);
    expect(checkpointer.stats.last!.checkpointed).toBe(checkpointer.stats.last!.log);
  });

  it('returns at once for a store in memory', async () => {
    store = await createStore({ name: `pause_${Math.random().toString(36).slice(2)}` });
    const started = performance.now();
    await pauseForCheckpoint(store, 30_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
