// Main process: the 'team.*' API — the workspace's team members, and who "I" am on this device.
import { ApiError } from '@shared/api';
import type { TeamMember } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { plain } from '../docs';
import { ME_SETTING, whoIsMe } from '../me';

export const teamHandlers: HandlerMap = {
  'team.list': async (_input, { store }) =>
    (await store.teammembers.find().exec()).map((d) => plain<TeamMember>(d)).sort((a, b) => a.name.localeCompare(b.name)),
  'team.me': async (_input, { store }) => whoIsMe(store),
  'team.setMe': async ({ memberId }, { store, now }) => {
    if (memberId === null) {
      await (await store.settings.findOne(ME_SETTING).exec())?.remove();
      return whoIsMe(store);
    }
    if (!(await store.teammembers.findOne(memberId).exec())) {
      throw new ApiError('DS_NOT_FOUND', `Team member ${memberId} is not in this workspace; choose one of its members.`);
    }
    await store.settings.upsert({ id: ME_SETTING, value: memberId, updatedAt: now() });
    return whoIsMe(store);
  },
};
