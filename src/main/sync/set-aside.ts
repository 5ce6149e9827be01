// Main process: documents the server refused, kept aside with the reason so they never block
// the others. Persisted in the store's local-only settings (when the store has them), so the
// list survives a restart; a refused document stays in its collection on this device.
import { BehaviorSubject } from 'rxjs';
import type { RxCollection, RxDatabase } from 'rxdb';
import { z } from 'zod';
import { appNow } from '../clock';

export const SET_ASIDE_KEY = 'sync.setAside';
/** A refused state larger than this is not copied into the record (the settings value cap). */
const MAX_KEPT_STATE_CHARS = 1_000_000;

export const SetAsideRecord = z.object({
  collection: z.string(),
  id: z.string(),
  code: z.string(),
  message: z.string(),
  status: z.number().optional(),
  at: z.number(),
  /** What the server holds (null: nothing); sent as the base when the document is retried. */
  assumedMasterState: z.unknown().nullable(),
  /** The refused state itself, so a later pull cannot take it away without a trace. */
  refusedState: z.unknown().optional(),
});
export type SetAsideRecord = z.infer<typeof SetAsideRecord>;

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class SetAsideList {
  private readonly records = new Map<string, SetAsideRecord>();
  readonly changes$ = new BehaviorSubject<SetAsideRecord[]>([]);
  private writing: Promise<void> = Promise.resolve();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any store; settings are optional
  constructor(private readonly store: RxDatabase<any>) {}

  private get settings(): RxCollection | undefined {
    return this.store.collections['settings'] as RxCollection | undefined;
  }

  async load(): Promise<void> {
    const doc = await this.settings?.findOne(SET_ASIDE_KEY).exec();
    if (!doc) return;
    const parsed = z.array(SetAsideRecord).safeParse(JSON.parse((doc.toJSON() as { value: string }).value));
    if (!parsed.success) {
      console.warn('[sync] DS_SYNC_SET_ASIDE_UNREADABLE', parsed.error.message);
      return;
    }
    for (const r of parsed.data) this.records.set(keyOf(r.collection, r.id), r);
    this.changes$.next(this.list());
  }

  list(): SetAsideRecord[] {
    return [...this.records.values()].sort((a, b) => a.at - b.at);
  }

  get(collection: string, id: string): SetAsideRecord | undefined {
    return this.records.get(keyOf(collection, id));
  }

  async add(record: Omit<SetAsideRecord, 'at'>): Promise<void> {
    const previous = this.get(record.collection, record.id);
    const keep = record.refusedState !== undefined && JSON.stringify(record.refusedState).length <= MAX_KEPT_STATE_CHARS;
    this.records.set(keyOf(record.collection, record.id), {
      ...record,
      // A document refused again keeps what the server holds from the first refusal.
      assumedMasterState: previous ? previous.assumedMasterState : record.assumedMasterState,
      ...(keep ? {} : { refusedState: undefined }),
      at: appNow(),
    });
    await this.persist();
  }

  async remove(collection: string, id: string): Promise<void> {
    if (this.records.delete(keyOf(collection, id))) await this.persist();
  }

  private persist(): Promise<void> {
    this.changes$.next(this.list());
    const settings = this.settings;
    if (!settings) return Promise.resolve();
    const value = JSON.stringify(this.list());
    // Writes queue so the last list always lands last.
    this.writing = this.writing.then(() => settings.upsert({ id: SET_ASIDE_KEY, value, updatedAt: appNow() }).then(() => undefined));
    return this.writing;
  }
}
