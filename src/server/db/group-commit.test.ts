import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

interface Item {
  key: string;
  n: number;
  weight?: number;
  poison?: boolean;
}

/** A fake database: records each group, answers after `release()`, fails groups holding a poisoned item. */
function harness(concurrency: number, maxWeight = 100) {
  const groups: Item[][] = [];
  const waiting: (() => void)[] = [];
  const push = createGroupCommit<Item, string>({
    key: (i) => i.key,
    weight: (i) => i.weight ?? 1,
    maxWeight,
    concurrency,
    async apply(items) {
      groups.push(items);
      await new Promise<void>((r) => waiting.push(r));
      if (items.some((i) => i.poison)) throw new Error('refused');
      return items.map((i) => `${i.key}${i.n}`);
    },
  });
  const tick = () => new Promise((r) => setImmediate(r));
  const releaseAll = async () => {
    for (let i = 0; i < 50; i++) {
      waiting.splice(0).forEach((r) => r());
      await tick();
    }
  };
  return { push, groups, releaseAll, tick, inFlight: () => waiting.length };
}

describe('group commit', () => {
  it('answers each item with its own result, in order', async () => {
    const h = harness(2);
    const all = Promise.all([1, 2, 3].map((n) => h.push({ key: 'a', n })));
    await h.releaseAll();
    expect(await all).toEqual(['a1', 'a2', 'a3']);
    expect(h.groups.map((g) => g.map((i) => i.n))).toEqual([[1, 2, 3]]);
  });

  it('groups what arrives while a group is in flight, and never puts one key in two groups at once', async () => {
    const h = harness(2);
    const first = h.push({ key: 'a', n: 1 });
    await h.tick();
    expect(h.inFlight()).toBe(1);
    const later = [h.push({ key: 'a', n: 2 }), h.push({ key: 'b', n: 1 }), h.push({ key: 'a', n: 3 })];
    await h.tick();
    // b may start beside the a-group in flight; a's later items wait for it, in order.
    expect(h.groups.map((g) => g.map((i) => `${i.key}${i.n}`))).toEqual([['a1'], ['b1']]);
    await h.releaseAll();
    expect([await first, ...(await Promise.all(later))]).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(h.groups.map((g) => g.map((i) => `${i.key}${i.n}`))).toEqual([['a1'], ['b1'], ['a2', 'a3']]);
  });

  it('keeps at most `concurrency` groups in flight', async () => {
    const h = harness(1);
    void h.push({ key: 'a', n: 1 });
    await h.tick();
    void h.push({ key: 'b', n: 1 });
    void h.push({ key: 'c', n: 1 });
    await h.tick();
    expect(h.groups).toHaveLength(1);
    await h.releaseAll();
    expect(h.groups.map((g) => g.map((i) => i.key))).toEqual([['a'], ['b', 'c']]);
  });

  it('stops a group at maxWeight but always takes one item, keeping each key in order', async () => {
    const h = harness(1, 10);
    const all = Promise.all([
      h.push({ key: 'a', n: 1, weight: 15 }),
      h.push({ key: 'b', n: 1, weight: 4 }),
      h.push({ key: 'a', n: 2, weight: 4 }),
      h.push({ key: 'b', n: 2, weight: 4 }),
      h.push({ key: 'c', n: 1, weight: 4 }),
    ]);
    await h.releaseAll();
    await all;
    expect(h.groups.map((g) => g.map((i) => `${i.key}${i.n}`))).toEqual([['a1'], ['b1', 'a2'], ['b2', 'c1']]);
  });

  it('fails only the item the database refuses, answering the others from a retry one by one', async () => {
    const h = harness(1);
    void h.push({ key: 'x', n: 0 });
    await h.tick();
    const results = [h.push({ key: 'a', n: 1 }), h.push({ key: 'b', n: 1, poison: true }), h.push({ key: 'a', n: 2 })].map((p) =>
      p.then(
        (v) => v,
        (e: Error) => `error: ${e.message}`,
      ),
    );
    await h.releaseAll();
    expect(await Promise.all(results)).toEqual(['a1', 'error: refused', 'a2']);
    expect(h.groups.map((g) => g.map((i) => `${i.key}${i.n}`))).toEqual([['x0'], ['a1', 'b1', 'a2'], ['a1'], ['b1'], ['a2']]);
  });
});
