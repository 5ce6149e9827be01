// Sync server (Node): command line.
//   tsx src/server/cli.ts --port N [--data DIR]               serve (PGlite in DIR, or DATABASE_URL)
//   tsx src/server/cli.ts admin create --workspace W --email E --password P [--data DIR]
//   tsx src/server/cli.ts compact [--older-than-days N] [--data DIR]   change-log compaction now
import { parseArgs } from 'node:util';
import { createWorkspaceWithAdmin } from './admin';
import { createSyncServer } from './app';
import { openDatabase } from './db';

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      workspace: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      'older-than-days': { type: 'string', default: '7' },
    },
  });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = values.data ?? (databaseUrl ? undefined : './server-data');

  if (positionals[0] === 'admin' && positionals[1] === 'create') {
    if (!values.workspace || !values.email || !values.password) {
      throw new Error('DS_SYNC_BAD_REQUEST: admin create needs --workspace, --email and --password');
    }
    const db = await openDatabase({ databaseUrl, dataDir });
    try {
      const created = await createWorkspaceWithAdmin(db, {
        workspace: values.workspace, email: values.email, password: values.password,
        role: (values.role as 'admin' | 'member' | 'viewer' | undefined) ?? 'admin',
      });
      process.stdout.write(`workspace ${created.workspaceId}\nuser ${created.userId}\n${JSON.stringify(created)}\n`);
    } finally {
      await db.close();
    }
    return;
  }
  if (positionals[0] === 'compact' && positionals.length === 1) {
    const days = Number(values['older-than-days']);
    if (!Number.isFinite(days) || days < 0) throw new Error('DS_SYNC_BAD_REQUEST: --older-than-days takes a number of days, 0 or more');
    const db = await openDatabase({ databaseUrl, dataDir });
    try {
      const deleted = await db.sync.compactChanges(new Date(Date.now() - days * 24 * 3600_000));
      process.stdout.write(`compacted: ${deleted} superseded changes older than ${days} days deleted\n`);
    } finally {
      await db.close();
    }
    return;
  }
  if (positionals.length > 0) throw new Error(`DS_SYNC_BAD_REQUEST: unknown command "${positionals.join(' ')}"`);

  const server = await createSyncServer({ databaseUrl, dataDir, logger: process.env.DS_SYNC_LOG === '1' });
  const url = await server.listen(Number(values.port), values.host);
  process.stdout.write(`listening on ${url}\n`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
