// Node (vitest): deletes cascade as the confirmation says, and undo puts back exactly what went.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '@main/store';
import { createHost, type Host } from '../host';
import type { CallResult, RemovedRecords } from '@shared/api';
import { fillTinyWorkspace } from '../../../../test/support/tiny-workspace';

let store: Store;
let host: Host;

beforeEach(async () => {
  store = await createStore({ name: `records${Math.random().toString(36).slice(2)}` });
  await fillTinyWorkspace(store);
  host = createHost({ store, now: () => 1_800_000_000_000 });
});
afterEach(async () => {
  await host.close();
  await store.close();
});

async function ok<T>(result: Promise<CallResult>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.output as T;
}

async function counts(): Promise<Record<string, number>> {
  const names = ['accounts', 'stakeholders', 'relationships', 'opportunities', 'interactions'] as const;
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await store[n].find().exec()).length] as const)));
}

describe('records', () => {
  it('says what deleting an account takes along, deletes exactly that, and undo brings it all back', async () => {
    const impact = await ok<Record<string, number>>(host.invoke('accounts.removalImpact', { id: 'acc_acme' }));
    expect(impact).toMatchObject({ stakeholders: 2, relationships: 1, opportunities: 1, interactions: 3 });
    const before = await counts();
    const { removed } = await ok<{ removed: RemovedRecords }>(host.invoke('accounts.remove', { id: 'acc_acme' }));
    expect(await counts()).toEqual({
      accounts: before['accounts']! - 1,
      stakeholders: before['stakeholders']! - 2,
      relationships: before['relationships']! - 1,
      opportunities: before['opportunities']! - 1,
      interactions: before['interactions']! - 3,
    });
    expect((await host.invoke('accounts.get', { id: 'acc_acme' })).ok).toBe(false);
    await ok(host.invoke('records.restore', removed));
    expect(await counts()).toEqual(before);
    const detail = await ok<{ opportunities: { members: unknown[] }[] }>(host.invoke('accounts.get', { id: 'acc_acme' }));
    expect(detail.opportunities[0]!.members).toHaveLength(2);
  });

  it('deleting a deal keeps its interactions with the account, unlinked; undo links them again', async () => {
    const { removed } = await ok<{ removed: RemovedRecords }>(host.invoke('opportunities.remove', { id: 'opp_1' }));
    const left = await store.interactions.find({ selector: { accountId: 'acc_acme' as never } }).exec();
    expect(left).toHaveLength(3);
    expect(left.every((i) => i.opportunityId === undefined)).toBe(true);
    await ok(host.invoke('records.restore', removed));
    const back = await store.interactions.find({ selector: { accountId: 'acc_acme' as never } }).exec();
    expect(back.every((i) => i.opportunityId === 'opp_1')).toBe(true);
    expect(await store.opportunities.findOne('opp_1').exec()).not.toBeNull();
  });

  it('deleting a person takes them out of deals; undo puts them back in with their role', async () => {
    const { removed } = await ok<{ removed: RemovedRecords }>(host.invoke('stakeholders.remove', { id: 'stk_it' }));
    expect((await store.opportunities.findOne('opp_1').exec())!.members.map((m) => m.stakeholderId)).toEqual(['stk_cfo']);
    await ok(host.invoke('records.restore', removed));
    expect((await store.opportunities.findOne('opp_1').exec())!.members).toContainEqual({ stakeholderId: 'stk_it', role: 'champion' });
  });

  it('sets, changes and clears a deal role, and refuses a person of another account', async () => {
    await ok(host.invoke('opportunities.setMember', { opportunityId: 'opp_1', stakeholderId: 'stk_cfo', role: 'decision_maker' }));
    let members = (await store.opportunities.findOne('opp_1').exec())!.members;
    expect(members).toContainEqual({ stakeholderId: 'stk_cfo', role: 'decision_maker' });
    expect(members).toHaveLength(2);
    await ok(host.invoke('opportunities.setMember', { opportunityId: 'opp_1', stakeholderId: 'stk_cfo', role: null }));
    members = (await store.opportunities.findOne('opp_1').exec())!.members;
    expect(members.map((m) => m.stakeholderId)).toEqual(['stk_it']);
    await store.stakeholders.insert({
      id: 'stk_bolt',
      accountId: 'acc_bolt',
      name: 'Bo',
      title: '',
      department: '',
      buyingRoles: [],
      stance: 'unknown',
      influence: 3,
      needs: [],
      pains: [],
      updatedAt: 1,
    } as never);
    const refused = await host.invoke('opportunities.setMember', { opportunityId: 'opp_1', stakeholderId: 'stk_bolt', role: 'user' });
    expect(refused.ok ? undefined : refused.error.code).toBe('DS_API_INVALID_INPUT');
  });

  it('edits an interaction from its base and refuses to revive a deleted one', async () => {
    const base = (await store.interactions.findOne('int_1').exec())!.toJSON();
    const { updatedAt: _u, ...fields } = base;
    const edited = await ok<{ notes: string; loggedBy: string }>(
      host.invoke('interactions.update', { ...fields, notes: 'Edited', base: fields }),
    );
    expect(edited).toMatchObject({ notes: 'Edited', loggedBy: 'tm_ana' });
    const { removed } = await ok<{ removed: RemovedRecords }>(host.invoke('interactions.remove', { id: 'int_1' }));
    const stale = await host.invoke('interactions.update', { ...fields, notes: 'Again', base: fields });
    expect(stale.ok ? undefined : stale.error.code).toBe('DS_NOT_FOUND');
    await ok(host.invoke('records.restore', removed));
    expect((await store.interactions.findOne('int_1').exec())!.notes).toBe('Edited');
  });

  it("a person's page lists the deals they are in and what they attended", async () => {
    const person = await ok<{ opportunities: unknown[]; interactions: unknown[] }>(host.invoke('stakeholders.get', { id: 'stk_it' }));
    expect(person.opportunities).toHaveLength(1);
    expect(person.interactions).toHaveLength(3);
  });
});
