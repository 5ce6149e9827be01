// Pure (shared): what the search box asks and what it is answered.
import { z } from 'zod';
import { AccountId, OpportunityId } from '../domain';

export const SEARCH_KINDS = ['account', 'person', 'opportunity', 'interaction', 'note'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchInput = z
  .object({
    text: z.string().max(200),
    /** Hits per kind (the palette shows a few of each; a "more" view asks for more). */
    limit: z.number().int().min(1).max(100).optional(),
    kinds: z.array(SearchKind).max(SEARCH_KINDS.length).optional(),
  })
  .strict();
export type SearchInput = z.infer<typeof SearchInput>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: z.string(),
  title: z.string(),
  /** Where it belongs, in words ("CFO · Vantage Freight"). */
  subtitle: z.string(),
  /** The matching words of a note, with the match between \u0002 and \u0003. */
  snippet: z.string().optional(),
  accountId: AccountId,
  opportunityId: OpportunityId.optional(),
  /** For interactions: when it happened. */
  at: z.number().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({ kind: SearchKind, hits: z.array(SearchHit), more: z.boolean() });
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchView = z.object({
  groups: z.array(SearchGroup),
  /** The index is built in the background on open; until then answers may be incomplete. */
  indexing: z.object({ ready: z.boolean(), indexed: z.number().int(), total: z.number().int() }),
  /** Typed words matched through a typo ("yamda" → "yamada"). */
  corrected: z.boolean(),
});
export type SearchView = z.infer<typeof SearchView>;

/** Marks around matched words in a snippet (control characters no note can contain). */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';
