// Main process: values that lost a same-field sync conflict, kept on their documents
// (keptConflicts) for the user to review, restore or dismiss. Nothing is dropped silently.
import { ApiError, type KeptConflictView } from '@shared/api';
import { SYNCED_COLLECTIONS, type CollectionName, type KeptConflict } from '@shared/domain';
import type { HandlerMap } from '../handler';
import type { HostContext } from '../context';
import { DISCARDED_FIELD } from '@shared/sync';

type Synced = Exclude<CollectionName, 'scores' | 'settings'>;
const LABEL: Record<Synced, string> = {
  accounts: 'Account',
  stakeholders: 'Stakeholder',
  relationships: 'Relationship',
  opportunities: 'Opportunity',
  interactions: 'Interaction',
  journeysteps: 'Journey step',
  workshopnotes: 'Workshop note',
  teammembers: 'Team member',
};

function collectionOf(name: string): Synced {
  if (!(SYNCED_COLLECTIONS as string[]).includes(name)) throw new ApiError('DS_API_INVALID_INPUT', `Unknown collection ${name}.`);
  return name as Synced;
}

async function findKept(ctx: HostContext, ref: { collection: string; id: string; field: string; lostAt: number }) {
  const doc = await ctx.store[collectionOf(ref.collection) as 'accounts'].findOne(ref.id).exec();
  const kept = doc?.keptConflicts?.find((k) => k.field === ref.field && k.lostAt === ref.lostAt);
  if (!doc || !kept) throw new ApiError('DS_NOT_FOUND', 'That kept value is no longer there; it may have been handled on another device.');
  return { doc, kept };
}

function describe(collection: Synced, doc: Record<string, unknown>): string {
  const name = doc['name'] ?? doc['text'] ?? doc['notes'] ?? doc['id'];
  return `${LABEL[collection]} ${String(name).slice(0, 60)}`;
}

export const conflictHandlers: HandlerMap = {
  'conflicts.list': async (_input, { store }) => {
    const out: KeptConflictView[] = [];
    for (const name of SYNCED_COLLECTIONS as Synced[]) {
      const docs = await store[name as 'accounts'].find({ selector: { keptConflicts: { $exists: true } } }).exec();
      for (const doc of docs) {
        const json = doc.toJSON() as Record<string, unknown> & { keptConflicts?: KeptConflict[] };
        for (const k of json.keptConflicts ?? []) {
          out.push({
            collection: name,
            id: String(json['id']),
            label: describe(name, json),
            field: k.field,
            keptValue: JSON.parse(k.value),
            currentValue: json[k.field] ?? null,
            lostAt: k.lostAt,
          });
        }
      }
    }
    return out.sort((a, b) => b.lostAt - a.lostAt);
  },
  'conflicts.restore': async (ref, ctx) => {
    if (ref.field === DISCARDED_FIELD)
      throw new ApiError('DS_API_INVALID_INPUT', 'That is a notice that older values were discarded; it can only be dismissed.');
    const { doc, kept } = await findKept(ctx, ref);
    // Restoring swaps: the value shown now becomes the kept one, so a restore can be undone too.
    const current = JSON.stringify((doc.toJSON() as Record<string, unknown>)[ref.field] ?? null);
    const others = (doc.keptConflicts ?? []).filter((k) => k !== kept);
    await doc.incrementalPatch({
      [ref.field]: JSON.parse(kept.value),
      keptConflicts: [...others, { ...kept, value: current, lostAt: ctx.now() }],
      updatedAt: ctx.now(),
    } as never);
    return { ok: true };
  },
  'conflicts.dismiss': async (ref, ctx) => {
    const { doc, kept } = await findKept(ctx, ref);
    await doc.incrementalPatch({ keptConflicts: (doc.keptConflicts ?? []).filter((k) => k !== kept), updatedAt: ctx.now() } as never);
    return { ok: true };
  },
};
