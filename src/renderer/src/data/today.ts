// Renderer: the Today list — open deals ranked by who needs the seller next. Under 'scores', so
// it refreshes whenever the worker rewrites scores after a change.
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const TODAY_LIMIT = 25;

export const todayQuery = () =>
  queryOptions({
    queryKey: ['scores', 'today', TODAY_LIMIT] as const,
    queryFn: () => call('scoring.today', { limit: TODAY_LIMIT }),
  });
