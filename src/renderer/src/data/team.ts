// Renderer: the team roster (owners of accounts and deals, loggers of interactions), by id.
import { queryOptions } from '@tanstack/react-query';
import { apiQuery } from './query';

export const teamQuery = () =>
  queryOptions({
    ...apiQuery('team.list', {}),
    select: (members) => new Map(members.map((member) => [member.id, member])),
  });

/** Who "I" am on this device (chosen in Settings, else the signed-in member), or nobody. */
export const youQuery = () => apiQuery('team.me', {});
