// Renderer: search reads. Keys carry the typed text; results stay on screen while the next
// keystroke's answer is on its way (placeholderData), so the list never flickers empty.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SearchInput } from '@shared/api';
import { call } from '@renderer/api/client';

export const searchKeys = {
  query: (input: SearchInput) => ['search', input.text.trim().toLowerCase(), input.limit ?? 0, input.kinds?.join(',') ?? ''] as const,
};

export const searchQuery = (input: SearchInput) =>
  queryOptions({
    queryKey: searchKeys.query(input),
    queryFn: () => call('search.query', input),
    enabled: input.text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
