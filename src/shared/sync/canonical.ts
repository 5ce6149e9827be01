// Pure (shared): canonical JSON, structural equality and a stable content hash. Client and
// server both compare document states with these, so "equal" means the same thing on both ends.

/** Fields that belong to a local replica, never to the replicated document state. */
export const LOCAL_ONLY_FIELDS = ['_meta', '_rev', '_attachments'] as const;

/** Deep copy without local-only fields; `_deleted` defaults to false so absent and false compare equal. */
export function toDocState<T extends object>(doc: T): T & { _deleted: boolean } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if ((LOCAL_ONLY_FIELDS as readonly string[]).includes(k) || v === undefined) continue;
    out[k] = v;
  }
  out._deleted = (doc as { _deleted?: boolean })._deleted === true;
  return out as T & { _deleted: boolean };
}

/** JSON with object keys sorted, so equal values always serialise to equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** Equality of two replicated document states (local-only fields ignored). */
export function sameDocState(a: object | undefined | null, b: object | undefined | null): boolean {
  if (!a || !b) return !a && !b;
  return canonicalJson(toDocState(a)) === canonicalJson(toDocState(b));
}

/**
 * 64-bit FNV-1a of the canonical JSON, as 16 hex chars. Not cryptographic: it only names a
 * document state deterministically (for keptConflicts.fromRevision) without a clock.
 */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
