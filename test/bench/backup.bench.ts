// Runs in Node: `node --import tsx test/bench/backup.bench.ts` — File → Back Up and Restore on a
// persisted workspace (M by default, BACKUP_BENCH_SIZE=L for the large one): the backup
// (VACUUM INTO), the checks a restore runs first (integrity_check and tables), the restore's file
// swap, and the one-time compaction a workspace gets when an old sync token is moved out of it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupStore, checkBackup, compactStore, restoreStore } from '../../src/main/store/backup';
import { databaseFilePath } from '../../src/main/store';
import { describeSize, type SeedSize } from '../../src/shared/seed';
import { cachedWorkspace, copyCachedWorkspace } from './support/workspace-cache';
import { machine, report, timeIt } from './report';

const size: SeedSize = (process.env.BACKUP_BENCH_SIZE as SeedSize | undefined) ?? 'M';
const NAME = 'workspace';

async function main(): Promise<void> {
  const cached = await cachedWorkspace(size);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-backup-bench-'));
  try {
    const folder = path.join(dir, 'workspace');
    copyCachedWorkspace(cached, folder);
    const bytes = statSync(databaseFilePath(folder, NAME)).size;
    const extra = {
      machine: machine(),
      fileMiB: Math.round(bytes / 2 ** 20),
      loadavg: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    };
    const target = path.join(dir, 'backup.sqlite');
    const backup = await timeIt(() => backupStore(folder, NAME, target));
    report({
      name: `backup.write.${size}`,
      value: Math.round(backup.ms),
      unit: 'ms',
      size: describeSize(size),
      extra: { ...extra, backupMiB: Math.round(backup.result.bytes / 2 ** 20) },
    });
    const check = await timeIt(() => checkBackup(target));
    report({ name: `backup.check.${size}`, value: Math.round(check.ms), unit: 'ms', size: describeSize(size), extra });
    // restoreStore checks again, then swaps files: the swap is the difference.
    const restore = await timeIt(() => restoreStore(folder, NAME, target));
    report({ name: `backup.restore.${size}`, value: Math.round(restore.ms), unit: 'ms', size: describeSize(size), extra });
    const compact = await timeIt(() => compactStore(folder, NAME));
    report({ name: `backup.compact.${size}`, value: Math.round(compact.ms), unit: 'ms', size: describeSize(size), extra });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`backup.bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
