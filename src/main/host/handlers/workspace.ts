// Main process: facts about the open workspace and its team, and restoring conflict losers.
import type { TeamMember } from '../../../shared/domain';
import { COLLECTION_NAMES } from '../../../shared/domain';
import { ApiError } from '../../../shared/api';
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
  'team.list': async (_input, { store }) =>
    (await store.teammembers.find().exec()).map((d) => plain<TeamMember>(d)).sort((a, b) => a.name.localeCompare(b.name)),
  'conflicts.restore': async ({ collection, id, field, lostAt }, ctx) => {
    if (!(COLLECTION_NAMES as string[]).includes(collection) || collection === 'scores' || collection === 'settings') {
      throw new ApiError('DS_API_INVALID_INPUT', `Unknown collection ${collection}.`);
    }
    const coll = ctx.store[collection as 'accounts'];
    const doc = await coll.findOne(id).exec();
    const kept = doc?.keptConflicts?.find((k) => k.field === field && k.lostAt === lostAt);
    if (!doc || !kept) throw new ApiError('DS_NOT_FOUND', 'That kept value is no longer there.');
    // Restoring swaps: the value shown now becomes the kept one, so a restore can be undone too.
    const current = JSON.stringify((doc.toJSON() as Record<string, unknown>)[field] ?? null);
    const others = (doc.keptConflicts ?? []).filter((k) => k !== kept);
    await doc.incrementalPatch({
      [field]: JSON.parse(kept.value),
      keptConflicts: [...others, { ...kept, value: current, lostAt: ctx.now() }],
      updatedAt: ctx.now(),
    } as never);
    return { ok: true };
  },
};
