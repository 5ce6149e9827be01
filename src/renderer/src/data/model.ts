// Renderer: the model's status. Under 'scores': a retrain or an import rewrites scores, and the
// end of a `progress` task refreshes it too (see components/use-progress.ts).
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const modelQuery = () =>
  queryOptions({
    queryKey: ['scores', 'model'] as const,
    queryFn: () => call('scoring.model', {}),
  });
