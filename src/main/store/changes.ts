// Main process: a collection's change events, and batching them. Read from RxDB's `eventBulks$`,
// not from `collection.$`: in RxDB 17.6, `$` maps each write's event bulk through a module-level
// Map (EVENT_BULK_CACHE in rx-change-event.js) that is never cleared, so every document written
// while anyone listens to `$` stays in memory for good (seen in a heap snapshot: 89 MB of score
// payloads after scoring an L workspace once; test: changes.test.ts). The ESLint config forbids
// `.$` in src/main so it does not come back.
import type { RxCollection, RxDocumentData, RxStorageChangeEvent } from 'rxdb';
import { mergeMap, Observable, type OperatorFunction } from 'rxjs';

export type StoreChange<T> = RxStorageChangeEvent<RxDocumentData<T>>;

/** Every change of a collection, one event per document, in write order. */
export function changesOf<T>(collection: RxCollection<T>): Observable<StoreChange<T>> {
  return collection.eventBulks$.pipe(mergeMap((bulk) => bulk.events as StoreChange<T>[]));
}

/**
 * Groups values: the first one starts a `ms` timer and everything until it fires goes out as one
 * array. Unlike `bufferTime`, no timer runs while nothing comes (an idle app does not wake up
 * every `ms`, and nothing keeps a finished script alive).
 */
export function batchFor<T>(ms: number): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        timer = null;
        const ready = batch;
        batch = [];
        subscriber.next(ready);
      };
      const subscription = source.subscribe({
        next(value) {
          batch.push(value);
          timer ??= setTimeout(flush, ms);
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          if (timer) clearTimeout(timer);
          if (batch.length) subscriber.next(batch);
          subscriber.complete();
        },
      });
      return () => {
        if (timer) clearTimeout(timer);
        subscription.unsubscribe();
      };
    });
}
