// Sync server (Node): command line.
//   tsx src/server/cli.ts --port N [--data DIR]               serve (PGlite in DIR, or DATABASE_URL)
//   tsx src/server/cli.ts admin create --workspace NAME --email E --password P [--role R] [--data DIR]
//   tsx src/server/cli.ts admin list --workspace W [--data DIR]            members, devices, invites
//   tsx src/server/cli.ts admin invite --workspace W --email E [--role R]  prints a one-time code
//   tsx src/server/cli.ts admin set-role --workspace W --email E --role R
//   tsx src/server/cli.ts admin remove --workspace W --email E            ends every token at once
//   tsx src/server/cli.ts admin audit [--workspace W] [--limit N]          newest first
//   tsx src/server/cli.ts compact [--older-than-days N] [--data DIR]   change-log compaction now
// W is a workspace id or its exact name. On a PGlite folder every command takes the folder's
// lock (db/folder-lock.ts): while a server runs on it, use the server's admin routes instead.
import { parseArgs } from 'node:util';
import { Role } from '@shared/sync';
import { adminInvite, adminRemove, adminSetRole, AdminCommandError, createWorkspaceWithAdmin, resolveWorkspace } from './admin';
import { createSyncServer } from './app';
import { DEFAULT_CONFIG } from './config';
import { openDatabase, type Database } from './db';
import { newAccountProblems } from './password-policy';

type Values = Record<string, string | undefined>;

function need(values: Values, ...names: string[]): void {
  const missing = names.filter((n) => !values[n]);
  if (missing.length > 0) throw new AdminCommandError(`DS_SYNC_BAD_REQUEST: this command needs ${missing.map((n) => `--${n}`).join(', ')}`);
}

function roleOf(value: string | undefined, fallback: Role): Role {
  const r = Role.safeParse(value ?? fallback);
  if (!r.success) throw new AdminCommandError(`DS_SYNC_BAD_REQUEST: --role must be admin, member or viewer (got "${value}")`);
  return r.data;
}

const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('T', ' ').slice(0, 16));

async function admin(
  command: string | undefined,
  values: Values,
  open: () => Promise<Database>,
  out: (line: string) => void,
): Promise<void> {
  if (command === 'create') {
    need(values, 'workspace', 'email', 'password');
    // Checked before the folder is opened, so a refused password touches nothing.
    const problems = newAccountProblems(values.email!, values.password!);
    if (problems.length > 0) throw new AdminCommandError(problems.map((p) => `${p.code}: ${p.message}`).join('\n'));
    const role = roleOf(values.role, 'admin');
    const db = await open();
    try {
      const created = await createWorkspaceWithAdmin(db, {
        workspace: values.workspace!,
        email: values.email!,
        password: values.password!,
        role,
      });
      if (created.existingUser) out(`note: ${values.email} already has an account; it keeps its own password`);
      out(`workspace ${created.workspaceId}\nuser ${created.userId}\n${JSON.stringify(created)}`);
    } finally {
      await db.close();
    }
    return;
  }
  const known = ['list', 'invite', 'set-role', 'remove', 'audit'];
  if (!command || !known.includes(command))
    throw new AdminCommandError(`DS_SYNC_BAD_REQUEST: admin takes create, ${known.join(', ')} (got "${command ?? ''}")`);
  if (command !== 'audit') need(values, 'workspace');
  if (command === 'invite' || command === 'set-role' || command === 'remove') need(values, 'email');
  if (command === 'set-role') need(values, 'role');
  const role = command === 'set-role' || command === 'invite' ? roleOf(values.role, 'member') : undefined;
  const db = await open();
  try {
    const ws = values.workspace ? await resolveWorkspace(db, values.workspace) : undefined;
    if (command === 'list') {
      const { members, invites } = await db.team.members(ws!.id);
      out(`workspace ${ws!.name} (${ws!.id}): ${members.length} members`);
      for (const m of members) {
        out(
          `${m.email}\t${m.role}\tjoined ${when(m.joinedAt)}\tlast sign-in ${when(m.lastSignInAt)}\t${m.devices.length} signed-in devices`,
        );
        for (const d of m.devices) out(`  device ${d.id}\tsince ${when(d.signedInAt)}\t${d.address ?? ''}\t${d.device ?? ''}`);
      }
      for (const i of invites) out(`invited ${i.email}\t${i.role}\tuntil ${when(i.expiresAt)}`);
    } else if (command === 'invite') {
      const invite = await adminInvite(db, ws!.id, values.email!, role!, DEFAULT_CONFIG.inviteTtlMs);
      out(`invite code for ${invite.email} (${invite.role}), shown once, valid until ${when(invite.expiresAt)}:\n${invite.code}`);
    } else if (command === 'set-role') {
      const done = await adminSetRole(db, ws!.id, values.email!, role!);
      out(`${values.email}: ${done.from} → ${done.to}`);
    } else if (command === 'remove') {
      const done = await adminRemove(db, ws!.id, values.email!);
      out(`${values.email} removed from ${ws!.name}; ${done.tokensEnded} signed-in devices ended`);
    } else {
      const limit = Number(values.limit ?? '50');
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new AdminCommandError('DS_SYNC_BAD_REQUEST: --limit takes a whole number from 1 to 500');
      for (const e of await db.team.auditLog(ws?.id ?? null, limit)) {
        out(
          `${when(e.at)}\t${e.action}\t${e.actorEmail ?? (e.action.startsWith('sign_in') ? '' : 'cli')}\t${e.targetEmail ?? ''}\t${e.address ?? ''}\t${e.details ? JSON.stringify(e.details) : ''}`,
        );
      }
    }
  } finally {
    await db.close();
  }
}

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
      limit: { type: 'string' },
      'older-than-days': { type: 'string', default: '7' },
    },
  });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = values.data ?? (databaseUrl ? undefined : './server-data');
  const open = () => openDatabase({ databaseUrl, dataDir });

  if (positionals[0] === 'admin') {
    await admin(positionals[1], values, open, (line) => process.stdout.write(`${line}\n`));
    return;
  }
  if (positionals[0] === 'compact' && positionals.length === 1) {
    const days = Number(values['older-than-days']);
    if (!Number.isFinite(days) || days < 0) throw new Error('DS_SYNC_BAD_REQUEST: --older-than-days takes a number of days, 0 or more');
    const db = await open();
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
