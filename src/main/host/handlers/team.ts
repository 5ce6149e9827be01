// Main process: the 'team.*' API — the workspace's team members.
import type { TeamMember } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { plain } from '../docs';

export const teamHandlers: HandlerMap = {
  'team.list': async (_input, { store }) =>
    (await store.teammembers.find().exec()).map((d) => plain<TeamMember>(d)).sort((a, b) => a.name.localeCompare(b.name)),
};
