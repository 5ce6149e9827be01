// Main process: the 'workspace.*' API — facts about the open workspace.
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
};
