// Main process: the 'workspace.*' API — facts about the open workspace.
import { ApiError } from '@shared/api';
import type { TeamMember } from '@shared/domain';
import { COLLECTION_NAMES } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { plain } from '../docs';

export const workspaceHandlers: HandlerMap = {
  'workspace.info': async (_input, ctx) => {
    const counts: Record<string, number> = {};
    await Promise.all(COLLECTION_NAMES.map(async (name) => (counts[name] = await ctx.store[name].count().exec())));
    const meId = await ctx.me();
    const me = meId ? await ctx.store.teammembers.findOne(meId).exec() : null;
    return { name: ctx.workspaceName, dataDirectory: ctx.dataDirectory, counts, me: me ? plain<TeamMember>(me) : null };
  },
  // A host without a placer (tests, an in-memory store) has no file that could be damaged.
  'workspace.health': async (_input, ctx) =>
    ctx.placer ? ctx.placer.health() : { state: 'ok' as const, problem: null, file: null, backups: [], team: null },
  'workspace.recover': async (input, ctx) => {
    if (!ctx.placer)
      throw new ApiError('DS_STORE_RECOVERY_FAILED', 'This workspace is not kept in a file, so there is nothing to restore.');
    return ctx.placer.recover(input);
  },
};
