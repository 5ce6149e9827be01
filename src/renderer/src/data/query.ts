// Renderer: the one way a query factory is made. Key and fetch both come from the method and
// its input, so a factory cannot key one thing and fetch another.
import { queryOptions } from '@tanstack/react-query';
import type { InputOf, QueryName } from '@shared/api';
import { call } from '@renderer/api/client';
import { apiKey } from './keys';

export function apiQuery<M extends QueryName>(method: M, input: InputOf<M>) {
  return queryOptions({
    queryKey: apiKey(method, input),
    queryFn: () => call(method, input),
  });
}
