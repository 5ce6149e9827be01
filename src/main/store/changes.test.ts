// changesOf delivers what `collection.$` did without keeping it; batchFor groups without a
// running timer. The memory check writes 120 MB of documents and fails if they stay reachable
// (as they do through `collection.$` in RxDB 17.6: +117 MB; RxDB's own change buffer keeps the
// last 100, ~20 MB here, whoever listens).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { firstValueFrom, Subject, toArray, take } from 'rxjs';
import { batchFor, changesOf } from './changes';
import { createStore } from './create-store';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

describe('changesOf', () => {
  it('delivers inserts, updates and deletes with their data, in order', async () => {
    const store = await createStore({ name: `changes-${Date.now()}` });
    const seen = firstValueFrom(changesOf(store.settings).pipe(take(3), toArray()));
    await store.settings.insert({ id: 'a', value: '1', updatedAt: 1 });
    await store.settings.upsert({ id: 'a', value: '2', updatedAt: 2 });
    await (await store.settings.findOne('a').exec())!.remove();
    const events = await seen;
    expect(events.map((e) => [e.operation, e.documentId, e.documentData.value])).toEqual([
      ['INSERT', 'a', '1'],
      ['UPDATE', 'a', '2'],
      ['DELETE', 'a', '2'],
    ]);
    expect(events[1]!.previousDocumentData?.value).toBe('1');
    await store.close();
  });

  it('keeps nothing of what it delivered', async () => {
    const store = await createStore({ name: `changes-mem-${Date.now()}` });
    let delivered = 0;
    const sub = changesOf(store.settings).subscribe(() => delivered++);
    const before = heapMB();
    for (let k = 0; k < 600; k++) {
      // A fresh 200 KB string per document (120 MB in all), gone from the store once overwritten.
      await store.settings.upsert({ id: 'blob', value: Buffer.alloc(200_000, 65 + (k % 26)).toString('latin1') + k, updatedAt: k });
    }
    // WeakRef'd documents are kept until the event loop turns.
    await new Promise((r) => setTimeout(r, 10));
    const grown = heapMB() - before;
    expect(delivered).toBe(600);
    expect(grown).toBeLessThan(45);
    sub.unsubscribe();
    await store.close();
  });
});

describe('batchFor', () => {
  it('groups what comes within the window and runs no timer while nothing comes', async () => {
    vi.useFakeTimers();
    try {
      const source = new Subject<number>();
      const out: number[][] = [];
      source.pipe(batchFor(30)).subscribe((b) => out.push(b));
      expect(vi.getTimerCount()).toBe(0);
      source.next(1);
      source.next(2);
      vi.advanceTimersByTime(29);
      source.next(3);
      vi.advanceTimersByTime(1);
      expect(out).toEqual([[1, 2, 3]]);
      expect(vi.getTimerCount()).toBe(0);
      source.next(4);
      vi.advanceTimersByTime(30);
      expect(out).toEqual([[1, 2, 3], [4]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
