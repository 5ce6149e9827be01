// Sync server (Node): bootstrapping a workspace and its first admin (CLI `admin create`).
import { randomUUID } from 'node:crypto';
import type { Database } from './db';
import { hashPassword } from './auth';

export interface CreatedWorkspace {
  workspaceId: string;
  userId: string;
}

export async function createWorkspaceWithAdmin(
  db: Database,
  input: { workspace: string; email: string; password: string; role?: 'admin' | 'member' | 'viewer'; passwordMemoryKiB?: number },
): Promise<CreatedWorkspace> {
  const email = input.email.trim().toLowerCase();
  const workspaceId = randomUUID();
  await db.access.createWorkspace(workspaceId, input.workspace);
  const existing = await db.access.findUserByEmail(email);
  const userId = existing?.id ?? randomUUID();
  if (!existing) await db.access.createUser(userId, email, await hashPassword(input.password, input.passwordMemoryKiB));
  await db.access.upsertMembership(workspaceId, userId, input.role ?? 'admin');
  return { workspaceId, userId };
}
