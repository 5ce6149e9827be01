import { firstValueFrom, filter, timeout } from 'rxjs';
import { createStore, writeScores, type Store } from '../store';
import type { AccountId } from '@shared/domain';
import { createHost, type Host } from './host';
import { MAX_REQUEST_BYTES, type CallResult } from '@shared/api';
import { fillTinyWorkspace } from '../../../test/support/tiny-workspace';

let store: Store;
let host: Host;

beforeEach(async () => {
  store = await createStore({ name: `host${Math.random().toString(36).slice(2)}` });
  await fillTinyWorkspace(store);
  host = createHost({ store, now: () => 1_800_000_000_000 });
});
afterEach(async () => {
  await host.close();
  await store.close();
});

function errorCode(result: CallResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    (['accounts', 'stakeholders', 'relationships', 'opportunities', 'interactions'] as const).map(async (n) =>
      JSON.stringify((await store[n].find().exec()).map((d) => d.toJSON())),
    ),
  );
  return parts.join('|');
}

type Summary = { name: string; stakeholderCount: number; openPipeline: number; lastInteractionAt: number | null; statsPending: boolean };

/** The list once its figures are counted (the first answer may be names only). */
async function settledList(): Promise<Summary[]> {
  for (let i = 0; i < 100; i++) {
    const result = await host.invoke('accounts.list', {});
    if (!result.ok) throw new Error(result.error.message);
    const list = result.output as Summary[];
    if (list.every((a) => !a.statsPending)) return list;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('account figures never settled');
}

describe('host API', () => {
  it('lists accounts with their summaries, sorted by name', async () => {
    const list = await settledList();
    expect(list.map((a) => a.name)).toEqual(['Acme Logistics', 'Bolt Energy']);
    expect(list[0]).toMatchObject({ stakeholderCount: 2, openPipeline: 250000 });
    expect(list[0]?.lastInteractionAt).toBe(Date.UTC(2026, 9, 1) - 86_400_000);
    expect(list[1]?.lastInteractionAt).toBeNull();
  });

  it('keeps the summaries current as documents change, without recounting', async () => {
    await settledList();
    await host.invoke('stakeholders.upsert', {
      accountId: 'acc_bolt',
      name: 'Nia New',
      title: 'CTO',
      department: 'IT',
      buyingRoles: [],
      stance: 'neutral',
      influence: 3,
      needs: [],
      pains: [],
    });
    await host.invoke('interactions.log', {
      accountId: 'acc_bolt',
      kind: 'call',
      at: 1_790_000_000_000,
      channel: 'phone',
      direction: 'two_way',
      sentiment: 0,
      attendeeIds: [],
      notes: '',
    });
    const opp = await store.opportunities.findOne('opp_1').exec();
    await opp!.incrementalPatch({ status: 'won' });
    const list = await settledList();
    expect(list[1]).toMatchObject({ name: 'Bolt Energy', stakeholderCount: 1, lastInteractionAt: 1_790_000_000_000 });
    expect(list[0]).toMatchObject({ name: 'Acme Logistics', openPipeline: 0 });
  });

  it('opens an account with stakeholders, opportunities and recent interactions', async () => {
    const result = await host.invoke('accounts.get', { id: 'acc_acme' });
    if (!result.ok) throw new Error(result.error.message);
    const detail = result.output as { stakeholders: unknown[]; opportunities: unknown[]; recentInteractions: { id: string }[] };
    expect(detail.stakeholders).toHaveLength(2);
    expect(detail.opportunities).toHaveLength(1);
    expect(detail.recentInteractions.map((i) => i.id)).toEqual(['int_1', 'int_2', 'int_3']);
  });

  it("answers the account's journey: every deal's steps and every interaction, in time order", async () => {
    await store.opportunities.insert({
      id: 'opp_2',
      accountId: 'acc_acme',
      name: 'Depot pilot',
      amount: 1000,
      currency: 'USD',
      stage: 'closed_won',
      stageChangedAt: 1_700_000_000_000,
      createdAt: 1_690_000_000_000,
      closeDate: 1_700_000_000_000,
      closedAt: 1_700_000_000_000,
      status: 'won',
      ownerId: 'tm_ana',
      members: [{ stakeholderId: 'stk_it', role: 'champion' }],
      updatedAt: 1,
    } as never);
    await store.journeysteps.bulkInsert([
      {
        id: 'js_a',
        accountId: 'acc_acme',
        opportunityId: 'opp_1',
        stakeholderId: 'stk_it',
        job: 'validation',
        at: 1_780_000_000_000,
        move: 'start',
        updatedAt: 1,
      },
      {
        id: 'js_b',
        accountId: 'acc_acme',
        opportunityId: 'opp_2',
        stakeholderId: 'stk_it',
        job: 'problem_identification',
        at: 1_695_000_000_000,
        move: 'start',
        updatedAt: 1,
      },
      {
        id: 'js_c',
        accountId: 'acc_bolt',
        opportunityId: 'opp_elsewhere',
        stakeholderId: 'stk_x',
        job: 'validation',
        at: 1_695_000_000_000,
        move: 'start',
        updatedAt: 1,
      },
    ] as never);
    await store.interactions.insert({
      id: 'int_0',
      accountId: 'acc_acme',
      kind: 'call',
      at: 1_600_000_000_000,
      channel: 'phone',
      direction: 'two_way',
      sentiment: 0,
      attendeeIds: [],
      loggedBy: 'tm_ana',
      notes: '',
      updatedAt: 1,
    } as never);
    const result = await host.invoke('accounts.journey', { id: 'acc_acme' });
    if (!result.ok) throw new Error(result.error.message);
    const view = result.output as {
      opportunities: { id: string }[];
      journey: { id: string }[];
      interactions: { id: string }[];
      stakeholders: unknown[];
    };
    expect(view.opportunities.map((o) => o.id).sort()).toEqual(['opp_1', 'opp_2']);
    expect(view.journey.map((s) => s.id).sort()).toEqual(['js_a', 'js_b']);
    expect(view.interactions.map((i) => i.id)).toEqual(['int_0', 'int_3', 'int_2', 'int_1']);
    expect(view.stakeholders).toHaveLength(2);
    expect(errorCode(await host.invoke('accounts.journey', { id: 'acc_nope' }))).toBe('DS_NOT_FOUND');
  });

  it("keeps a workshop note's time within the deal's life, and lets an edit take it away", async () => {
    const T0 = Date.UTC(2026, 9, 1);
    const DAY = 86_400_000;
    const base = {
      accountId: 'acc_acme',
      opportunityId: 'opp_1',
      text: 'Legal wants a DPA',
      color: 'yellow',
      authorId: 'tm_ana',
      stakeholderId: 'stk_it',
      job: 'validation',
    };
    expect(errorCode(await host.invoke('workshop.upsertNote', { ...base, at: 1_800_000_000_000 + 2 * DAY }))).toBe('DS_API_INVALID_INPUT');
    expect(errorCode(await host.invoke('workshop.upsertNote', { ...base, at: T0 - 500 * DAY }))).toBe('DS_API_INVALID_INPUT');
    const made = await host.invoke('workshop.upsertNote', { ...base, at: T0 });
    if (!made.ok) throw new Error(made.error.message);
    const note = made.output as Record<string, unknown> & { id: string; at?: number };
    expect(note.at).toBe(T0);
    const { updatedAt: _u, ...fields } = note;
    const { at: _at, ...withoutTime } = fields;
    const edited = await host.invoke('workshop.upsertNote', { ...withoutTime, base: fields });
    if (!edited.ok) throw new Error(edited.error.message);
    expect((await store.workshopnotes.findOne(note.id).exec())?.toJSON().at).toBeUndefined();
  });

  it('adds and edits a stakeholder and tells every window', async () => {
    const changed = firstValueFrom(
      host.events.pipe(
        filter((e) => e.type === 'changed' && e.collections.includes('stakeholders')),
        timeout(2000),
      ),
    );
    const added = await host.invoke('stakeholders.upsert', {
      accountId: 'acc_acme',
      name: 'Paula Procure',
      title: 'Head of Procurement',
      department: 'Procurement',
      buyingRoles: ['procurement'],
      stance: 'skeptic',
      influence: 3,
      needs: [],
      pains: [],
    });
    if (!added.ok) throw new Error(added.error.message);
    expect(await changed).toMatchObject({ type: 'changed', collections: ['stakeholders'] });
    const id = (added.output as { id: string }).id;
    const edited = await host.invoke('stakeholders.upsert', { ...(added.output as object), id, stance: 'supporter', updatedAt: undefined });
    expect(edited.ok).toBe(true);
    const doc = await store.stakeholders.findOne(id).exec();
    expect(doc?.stance).toBe('supporter');
    expect(doc?.updatedAt).toBe(1_800_000_000_000);
  });

  it("does not announce scoring's own score writes, which the scoring service announces once per run; other score writes are", async () => {
    const seen: string[][] = [];
    const sub = host.events.subscribe((e) => {
      if (e.type === 'changed') seen.push([...e.collections]);
    });
    const doc = (n: number) => ({
      id: `opportunity:opp_${n}`,
      subjectType: 'opportunity' as const,
      subjectId: `opp_${n}`,
      accountId: 'acc_acme' as AccountId,
      computedAt: 1_800_000_000_000,
      payload: '{}',
    });
    const marker = (collection: string) =>
      firstValueFrom(
        host.events.pipe(
          filter((e) => e.type === 'changed' && e.collections.includes(collection as never)),
          timeout(2000),
        ),
      );
    // 25 writes of 2 scores with a turn between each, then a change the host must announce: every
    // event up to it is what the score writes caused.
    await writeScores(
      store,
      Array.from({ length: 50 }, (_, n) => doc(n)),
      [],
      2,
    );
    const stakeholders = marker('stakeholders');
    await (await store.stakeholders.findOne().exec())!.incrementalPatch({ title: 'Changed title' });
    await stakeholders;
    expect(seen.flat()).not.toContain('scores');
    const scores = marker('scores');
    await store.scores.upsert({ ...doc(99) });
    await scores;
    sub.unsubscribe();
  });

  it('records every stage a deal enters, back as well as forward, starting from what an old deal knew', async () => {
    const before = (await store.opportunities.findOne('opp_1').exec())!.toJSON();
    expect(before.stageHistory).toBeUndefined(); // written before histories were kept
    for (const stage of ['negotiate', 'discover', 'propose'] as const) {
      const moved = await host.invoke('opportunities.setStage', { id: 'opp_1', stage });
      if (!moved.ok) throw new Error(moved.error.message);
    }
    const same = await host.invoke('opportunities.setStage', { id: 'opp_1', stage: 'propose' });
    expect(same.ok).toBe(true);
    const after = (await store.opportunities.findOne('opp_1').exec())!.toJSON();
    const at = 1_800_000_000_000;
    expect(after.stageHistory).toEqual([
      { stage: before.stage, at: before.stageChangedAt },
      { stage: 'negotiate', at },
      { stage: 'discover', at },
      { stage: 'propose', at },
    ]);
    expect(after).toMatchObject({ stage: 'propose', stageChangedAt: at });
    expect(errorCode(await host.invoke('opportunities.setStage', { id: 'opp_1', stage: 'won' }))).toBe('DS_API_INVALID_INPUT');
    expect(errorCode(await host.invoke('opportunities.setStage', { id: 'opp_nope', stage: 'propose' }))).toBe('DS_NOT_FOUND');
    // upsert never takes a history from the caller: the host's is kept
    const { stageHistory: _kept, updatedAt: _u, ...input } = after;
    const renamed = await host.invoke('opportunities.upsert', { ...input, name: 'Renamed', stageHistory: [] });
    expect(renamed.ok && (renamed.output as { stageHistory: unknown[] }).stageHistory).toHaveLength(4);
  });

  it('removing a stakeholder removes their relationships', async () => {
    expect((await host.invoke('stakeholders.remove', { id: 'stk_it' })).ok).toBe(true);
    expect(await store.relationships.count().exec()).toBe(0);
  });

  describe('bad calls get coded errors and change nothing', () => {
    const cases: [string, string, unknown, string][] = [
      ['unknown method', 'accounts.drop', {}, 'DS_API_UNKNOWN_METHOD'],
      ['prototype method name', '__proto__', {}, 'DS_API_UNKNOWN_METHOD'],
      ['wrong types', 'stakeholders.upsert', { accountId: 'acc_acme', name: 42, influence: 'high' }, 'DS_API_INVALID_INPUT'],
      ['input not an object', 'accounts.get', 'acc_acme', 'DS_API_INVALID_INPUT'],
      ['unexpected keys on a strict input', 'accounts.get', { id: 'acc_acme', drop: true }, 'DS_API_INVALID_INPUT'],
      ['id with SQL-looking text', 'accounts.get', { id: "x'; DROP TABLE accounts;--" }, 'DS_API_INVALID_INPUT'],
      [
        'influence out of range',
        'stakeholders.upsert',
        {
          accountId: 'acc_acme',
          name: 'X',
          title: '',
          department: '',
          buyingRoles: [],
          stance: 'neutral',
          influence: 9,
          needs: [],
          pains: [],
        },
        'DS_API_INVALID_INPUT',
      ],
      [
        'reference to a missing account',
        'stakeholders.upsert',
        {
          accountId: 'acc_none',
          name: 'X',
          title: '',
          department: '',
          buyingRoles: [],
          stance: 'neutral',
          influence: 2,
          needs: [],
          pains: [],
        },
        'DS_NOT_FOUND',
      ],
      ['oversized payload', 'accounts.list', { search: 'x'.repeat(MAX_REQUEST_BYTES + 10) }, 'DS_API_PAYLOAD_TOO_LARGE'],
      ['NUL in a name', 'accounts.upsert', { name: 'Acme\u0000 Corp', industry: 'x', region: 'EMEA' }, 'DS_API_INVALID_TEXT'],
      [
        'lone surrogate in a stakeholder need',
        'stakeholders.upsert',
        {
          accountId: 'acc_bolt',
          name: 'Nia',
          title: 'CTO',
          department: 'IT',
          buyingRoles: [],
          stance: 'neutral',
          influence: 3,
          needs: ['ok', 'bad \ud800 half'],
          pains: [],
        },
        'DS_API_INVALID_TEXT',
      ],
      ['NUL in a key', 'accounts.list', { ['se\u0000arch']: 'x' }, 'DS_API_INVALID_TEXT'],
      [
        'self relationship',
        'relationships.upsert',
        {
          accountId: 'acc_acme',
          fromId: 'stk_it',
          toId: 'stk_it',
          kind: 'influences',
          strength: 0.5,
          source: 'manual',
        },
        'DS_API_INVALID_INPUT',
      ],
    ];
    it.each(cases)('%s', async (_name, method, input, code) => {
      const before = await snapshot();
      const result = await host.invoke(method, input);
      expect(errorCode(result)).toBe(code);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
      expect(await snapshot()).toBe(before);
    });
  });
});
