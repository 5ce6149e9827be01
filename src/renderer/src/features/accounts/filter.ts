// Renderer (pure): the in-memory account filter. Lowercased search text is built once per fetch,
// so each keystroke is one `includes` per account (well under a millisecond for 5,000).
import { USER_LOCALE } from '@renderer/lib/locale';
import type { AccountSummary } from '@shared/api';

export interface AccountIndex {
  accounts: readonly AccountSummary[];
  /** name, industry and region, lowercased, separated so a word cannot span two fields. */
  haystacks: readonly string[];
}

const collator = new Intl.Collator(USER_LOCALE, { sensitivity: 'base', numeric: true });

export function indexAccounts(accounts: readonly AccountSummary[]): AccountIndex {
  const sorted = [...accounts].sort((a, b) => collator.compare(a.name, b.name));
  return {
    accounts: sorted,
    haystacks: sorted.map((a) => `${a.name}\n${a.industry}\n${a.region}`.toLowerCase()),
  };
}

/** Every word of the query must appear in the name, industry or region. */
export function filterAccounts(index: AccountIndex, query: string): readonly AccountSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.accounts;
  const out: AccountSummary[] = [];
  for (let i = 0; i < index.accounts.length; i++) {
    const haystack = index.haystacks[i]!;
    if (words.every((word) => haystack.includes(word))) out.push(index.accounts[i]!);
  }
  return out;
}
