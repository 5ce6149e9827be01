// Pure (shared): the one rule for text at every boundary (host API, CSV import, sync server).
// Text may hold any Unicode scalar value except NUL: a NUL truncates strings in C libraries and
// PostgreSQL refuses it in text and jsonb (\u0000 cannot be stored in jsonb), and a lone UTF-16
// surrogate is not a character at all — it cannot be encoded as UTF-8, so it would be stored as
// U+FFFD or refused further down. Invalid UTF-8 bytes never reach this rule: decoders at the
// boundary must be fatal (TextDecoder { fatal: true }), so bad bytes are refused, never replaced.
import { z } from 'zod';

export type TextProblem = 'nul' | 'lone-surrogate';

export const TEXT_PROBLEM_WORDS: Record<TextProblem, string> = {
  nul: 'contains a NUL character (U+0000), which cannot be stored',
  'lone-surrogate': 'contains a broken character (a lone UTF-16 surrogate), which cannot be stored',
};

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// No `u` flag on purpose: the string is matched by UTF-16 code units, so halves are visible.
const BAD_TEXT_RE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with `text`, or null when it may be stored. */
export function textProblem(text: string): TextProblem | null {
  // Fast path: almost all text has neither NUL nor surrogates.
  const m = BAD_TEXT_RE.exec(text);
  if (!m) return null;
  return m[0] === '\u0000' ? 'nul' : 'lone-surrogate';
}

export const isCleanText = (text: string): boolean => textProblem(text) === null;

/** A zod string that refuses NUL and lone surrogates, with the same words everywhere. */
export const cleanText = () =>
  z.string().superRefine((s, ctx) => {
    const p = textProblem(s);
    if (p) ctx.addIssue({ code: 'custom', message: `Text ${TEXT_PROBLEM_WORDS[p]}.`, params: { textProblem: p } });
  });

export interface TextIssue {
  /** Dotted path to the offending string, e.g. "name" or "tags.2"; a bad key names itself. */
  path: string;
  problem: TextProblem;
  message: string;
}

/**
 * The first string (value or key) in a JSON-like value that breaks the rule, or null. Walks
 * without recursion, so a hostile nesting depth cannot overflow the stack.
 */
export function findTextProblem(value: unknown): TextIssue | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  const issue = (path: string, problem: TextProblem): TextIssue => ({ path, problem, message: `Text ${TEXT_PROBLEM_WORDS[problem]}.` });
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) return issue(path, p);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: path ? `${path}.${i}` : String(i) });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${k}` : k;
        const kp = textProblem(k);
        if (kp) return issue(childPath, kp);
        stack.push({ v: child, path: childPath });
      }
    }
  }
  return null;
}
