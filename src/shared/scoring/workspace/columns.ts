// Pure (shared): the typed-array columns of the scoring engine's state (state.ts): grown by
// doubling while the workspace is read, cut to what they hold once the read is done.

export type Column = Float64Array | Int32Array | Uint8Array | Int8Array;

export function grow<T extends Column>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 1024));
  next.set(a);
  return next;
}

/** The column cut to `length` entries (or `a` itself when it is not longer). */
export function cut<T extends Column>(a: T, length: number): T {
  return length < a.length ? (a.slice(0, length) as T) : a;
}

/** Entries a column keeps after `trim` for `used` of them: room for an eighth more before it doubles again. */
export const trimmedLength = (used: number) => Math.max(1024, used + (used >> 3));

/** Bytes the engine holds outside V8's heap, by part (the scoring-memory bench prints them). */
export interface ColumnBytes {
  interactionIds: number;
  stepIds: number;
  interactionColumns: number;
  stepColumns: number;
}
