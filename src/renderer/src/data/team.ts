// Renderer: the team roster (owners of accounts and deals, loggers of interactions).
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const teamQuery = () =>
  queryOptions({
    queryKey: ['team'] as const,
    queryFn: () => call('team.list', {}),
    select: (members) => new Map(members.map((member) => [member.id as string, member])),
  });
