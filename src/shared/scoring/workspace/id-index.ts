// Pure (shared): document id → slot, for the million interactions and 600k journey steps the
// scoring worker indexes by id (an edit or a deletion names the id; the worker must find the
// slot to undo). A Map<string, number> kept every id string alive: 58 MB for interactions and
// 46 MB for steps on L (scoring-memory bench), ~40% of the engine's live heap. This keeps, per
// id, a 64-bit fingerprint (two independent 32-bit hashes) and the slot in three Int32Arrays:
// 12 bytes per table entry at a load of at most MAX_LOAD.
//
// The capacity need not be a power of two: an entry's home bucket is its first hash scaled to
// the capacity (a multiply, not a mask), so after the worker's first read `trim` can size the
// table to what it holds. Doubling alone left it at up to 4× its entries (a load of 0.25–0.5):
// on L the two tables held 48 MB, the largest off-heap part of the worker at a first open's
// memory peak (issue 19).
//
// The price: two ids with the same 64-bit fingerprint would share a slot. For 1.6M ids that
// has a probability of about n²/2⁶⁵ ≈ 7·10⁻⁸ per workspace; its effect would be one interaction
// or step counted for another until the worker restarts. Not zero, written down, accepted.
//
// Open addressing with linear probing; deletion shifts the following entries back (no
// tombstones), so a table that sees many edits does not fill up with dead entries.

const EMPTY = -1;
const MIN_CAPACITY = 1024;
/**
 * Entries per bucket before the table grows. Linear probing at 0.7 costs ~2 probes for a hit and
 * ~6 for a miss (0.5: 1.5 and 2.5); a miss is one per new id, so a first read barely notices.
 */
const MAX_LOAD = 0.7;

/** FNV-1a then murmur3's finaliser, with the given offset basis: a well-mixed 32-bit hash. */
function hash32(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A second hash independent of the first: another basis and a reversed walk over the characters. */
function hash32b(s: string): number {
  let h = 0x9747b28c;
  for (let i = s.length - 1; i >= 0; i--) h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h ^ (h >>> 16);
}

export class IdIndex {
  private h1 = new Int32Array(MIN_CAPACITY);
  private h2 = new Int32Array(MIN_CAPACITY);
  private slot = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table's arrays (the bench reports it). */
  get bytes(): number {
    return this.h1.byteLength + this.h2.byteLength + this.slot.byteLength;
  }

  /** The bucket where the probe for a first hash `a` starts: `a` as unsigned, scaled to [0, capacity). */
  private static home(a: number, capacity: number): number {
    // (2³² − 1) · capacity stays below 2⁵³ for capacity < 2²¹ and rounds well below capacity · 2³²
    // above it, so the result is always < capacity.
    return Math.floor(((a >>> 0) * capacity) / 4294967296);
  }

  private find(a: number, b: number): number {
    const n = this.slot.length;
    let i = IdIndex.home(a, n);
    while (this.slot[i] !== EMPTY) {
      if (this.h1[i] === a && this.h2[i] === b) return i;
      if (++i === n) i = 0;
    }
    return ~i; // where it would go
  }

  get(id: string): number | undefined {
    const i = this.find(hash32(id, 0x811c9dc5), hash32b(id));
    return i >= 0 ? this.slot[i] : undefined;
  }

  set(id: string, value: number): void {
    if (value < 0 || !Number.isInteger(value)) throw new RangeError(`IdIndex holds slots (integers ≥ 0), not ${value}`);
    const a = hash32(id, 0x811c9dc5);
    const b = hash32b(id);
    let i = this.find(a, b);
    if (i >= 0) {
      this.slot[i] = value;
      return;
    }
    if (this.count + 1 > MAX_LOAD * this.slot.length) {
      this.resize(this.slot.length * 2);
      i = this.find(a, b);
    }
    i = ~i;
    this.h1[i] = a;
    this.h2[i] = b;
    this.slot[i] = value;
    this.count++;
  }

  delete(id: string): boolean {
    let i = this.find(hash32(id, 0x811c9dc5), hash32b(id));
    if (i < 0) return false;
    const n = this.slot.length;
    // Backward-shift deletion: pull later entries of the same run into the hole when their home
    // bucket does not lie (cyclically) after the hole, so every entry stays reachable from its home.
    let j = i;
    for (;;) {
      this.slot[i] = EMPTY;
      for (;;) {
        if (++j === n) j = 0;
        if (this.slot[j] === EMPTY) {
          this.count--;
          return true;
        }
        const home = IdIndex.home(this.h1[j]!, n);
        const movable = i <= j ? home <= i || home > j : home <= i && home > j;
        if (movable) break;
      }
      this.h1[i] = this.h1[j]!;
      this.h2[i] = this.h2[j]!;
      this.slot[i] = this.slot[j]!;
      i = j;
    }
  }

  clear(): void {
    this.h1 = new Int32Array(MIN_CAPACITY);
    this.h2 = new Int32Array(MIN_CAPACITY);
    this.slot = new Int32Array(MIN_CAPACITY).fill(EMPTY);
    this.count = 0;
  }

  /**
   * Sizes the table to what it holds, with room for `slack` (a fraction of it) more before it
   * grows again: after a bulk read, which doubling left at a load of 0.35–0.7.
   */
  trim(slack = 1 / 8): void {
    const capacity = Math.max(MIN_CAPACITY, Math.ceil((this.count * (1 + slack)) / MAX_LOAD));
    if (capacity < this.slot.length) this.resize(capacity);
  }

  private resize(capacity: number): void {
    const { h1, h2, slot } = this;
    this.h1 = new Int32Array(capacity);
    this.h2 = new Int32Array(capacity);
    this.slot = new Int32Array(capacity).fill(EMPTY);
    for (let k = 0; k < slot.length; k++) {
      if (slot[k] === EMPTY) continue;
      let i = IdIndex.home(h1[k]!, capacity);
      while (this.slot[i] !== EMPTY) if (++i === capacity) i = 0;
      this.h1[i] = h1[k]!;
      this.h2[i] = h2[k]!;
      this.slot[i] = slot[k]!;
    }
  }
}
