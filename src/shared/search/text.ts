// Pure (shared): how search reads text. The same tokenizer as the index's (SQLite FTS5
// `unicode61 remove_diacritics 2`): lower case, accents folded, split on anything that is not a
// letter or a digit; so what the vocabulary holds and what the index matches agree.

/** Lower-cased, accent-folded words of a text. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * Damerau–Levenshtein distance (adjacent swaps count one), or `max + 1` as soon as it is
 * certainly above `max`: typo tolerance only needs to know "within 1 or 2".
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = i; // row[0]: deleting all of a's first i characters
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed in a typed word: none for short words (too many false friends), then 1, then 2. */
export function typosAllowed(term: string): number {
  return term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/**
 * Vocabulary terms a typed word may have meant: within its typo allowance of the whole term, or
 * of the term's start of the same length (the word is still being typed: "yamda" → "yamada",
 * "procur" → nothing needed, prefix matching finds it). Closest first, at most `limit`.
 */
export function fuzzyCandidates(word: string, vocabulary: Iterable<string>, limit = 6): string[] {
  const allowed = typosAllowed(word);
  if (allowed === 0) return [];
  const found: [string, number][] = [];
  for (const term of vocabulary) {
    if (term === word || Math.abs(term.length - word.length) > allowed + 12) continue;
    if (term[0] !== word[0] && term[1] !== word[1]) continue; // a typo rarely hits both first letters
    const whole = editDistanceWithin(word, term, allowed);
    const start = term.length > word.length ? editDistanceWithin(word, term.slice(0, word.length), allowed) : whole;
    const d = Math.min(whole, start);
    if (d > 0 && d <= allowed) found.push([term, d]);
  }
  return found
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([t]) => t);
}

/** FTS5 string literal: double quotes doubled, so no typed text is read as query syntax. */
export function ftsLiteral(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression for typed words: every word must match, as a prefix (the last word
 * is usually half typed) or as one of its typo candidates. Null when nothing searchable was typed.
 */
export function matchExpression(words: readonly string[], candidates: (word: string) => string[]): string | null {
  if (words.length === 0) return null;
  return words
    .map((w) => [`${ftsLiteral(w)}*`, ...candidates(w).map(ftsLiteral)].join(' OR '))
    .map((alternatives) => `(${alternatives})`)
    .join(' AND ');
}
