// Edits are what the user changed, through the whole app (openWorkspace on real SQLite, the
// host API the dialogs call, a real server on PGlite and PostgreSQL) while another device
// edits through its own replicating store (one process holds at most 13 RxDB collections, so
// the other device is a two-collection client, as in the other sync suites): a dialog
// saved after another device's change keeps both changes, or keeps the loser in keptConflicts
// when both changed one field; a dialog saved after another device's delete does not bring the
// document back; a create sent twice makes one document.
import type { RxDatabase } from 'rxdb';
import { createSyncClient, startSync, type SyncHandle } from '../../src/main/sync';
import type { Stakeholder } from '../../src/shared/domain';
import type { SyncServer } from '../../src/server';
import { BACKENDS, startServer, waitFor } from './fixtures/sync-harness';
import { createTeam, openDevice, removeDevice, type Device, type TeamAccount } from './fixtures/app-devices';
import { createTestStore } from './fixtures/sync-store';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

type Detail = { stakeholders: Stakeholder[] };

describe.each(BACKENDS)('dialog saves after remote changes, on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  let server: SyncServer;
  let url: string;
  let team: TeamAccount;
  let b: Device;
  let other: { store: RxDatabase; sync: SyncHandle };
  const ACC = 'acc_dialogs';

  beforeAll(async () => {
    env = await backend.create('edits');
    ({ server, url } = await startServer(env.db));
    team = await createTeam(server, 'Dialogs');
    b = await openDevice('edit-b', false);
    await b.signIn(url, team);
    const { token } = await createSyncClient(url).signIn(team);
    const store = await createTestStore(`edit-other-${backend.name}-${Math.random().toString(36).slice(2)}`, ['accounts', 'stakeholders']);
    other = {
      store,
      sync: startSync({
        store,
        serverUrl: url,
        workspaceId: team.workspaceId,
        token,
        collections: ['accounts', 'stakeholders'],
        retryTimeMs: 200,
      }),
    };
    await b.call('accounts.upsert', { id: ACC, name: 'Dialog Co', industry: 'Software', region: 'EMEA', segment: 'smb' });
    await waitFor(async () => !!(await other.store.collections.accounts!.findOne(ACC).exec()), 15_000, 'the account on the other device');
  });
  afterAll(async () => {
    await other.sync.stop();
    await other.store.close();
    await b.close();
    await removeDevice(b);
    await server.close();
    await env.db.close();
    await env.drop();
  });

  const person = async (device: Device, id: string) =>
    (await device.call<Detail>('accounts.get', { id: ACC })).stakeholders.find((s) => s.id === id);
  const onOther = async (id: string) =>
    (await other.store.collections.stakeholders!.findOne(id).exec())?.toJSON() as Stakeholder | undefined;
  /** The other device changes fields the way its own host would (a patch, stamped by it). */
  const otherEdits = async (id: string, changes: Partial<Stakeholder>) =>
    (await other.store.collections.stakeholders!.findOne(id).exec())!.incrementalPatch({ ...changes, updatedAt: Date.now() });

  /** What the stakeholder dialog sends: the form's values over the person as it opened, with that as base. */
  const dialogSave = (device: Device, opened: Stakeholder, changes: Partial<Stakeholder>) => {
    const { updatedAt: _u, keptConflicts: _k, ...fields } = opened;
    return device.raw('stakeholders.upsert', { ...fields, ...changes, base: fields });
  };

  /** A person made on b (through its dialog's create) and arrived on the other device. */
  async function newPerson(id: string): Promise<Stakeholder> {
    await b.call('stakeholders.upsert', {
      id,
      accountId: ACC,
      name: 'Pat Buyer',
      title: 'CIO',
      department: 'IT',
      buyingRoles: ['champion'],
      stance: 'neutral',
      influence: 3,
      needs: [],
      pains: [],
    });
    await waitFor(async () => !!(await onOther(id)), 15_000, `${id} on the other device`);
    return (await person(b, id))!;
  }

  it('keeps both changes when the other device changed another field', async () => {
    const openedOnB = await newPerson('stk_other_field');
    // The other device changes the title and it reaches b while b's dialog is open.
    await otherEdits('stk_other_field', { title: 'CTO' });
    await waitFor(async () => (await person(b, 'stk_other_field'))?.title === 'CTO', 15_000, "the other device's title on b");
    // b saves the dialog it opened before: only the department was changed there.
    const saved = await dialogSave(b, openedOnB, { department: 'Operations' });
    expect(saved.ok).toBe(true);
    expect(saved.ok && saved.output).toMatchObject({ title: 'CTO', department: 'Operations' });
    expect(saved.ok && (saved.output as Stakeholder).keptConflicts).toBeUndefined();
    await waitFor(
      async () => (await onOther('stk_other_field'))?.department === 'Operations',
      15_000,
      "b's department on the other device",
    );
    expect(await onOther('stk_other_field')).toMatchObject({ title: 'CTO', department: 'Operations' });
  });

  it('keeps the losing value in keptConflicts when both changed the same field', async () => {
    const openedOnB = await newPerson('stk_same_field');
    await otherEdits('stk_same_field', { name: 'Pat from A' });
    await waitFor(async () => (await person(b, 'stk_same_field'))?.name === 'Pat from A', 15_000, "the other device's name on b");
    const saved = await dialogSave(b, openedOnB, { name: 'Pat from B', stance: 'supporter' });
    expect(saved.ok).toBe(true);
    const out = saved.ok ? (saved.output as Stakeholder) : undefined;
    // The change that reached the server first stays; b's value is kept, not dropped.
    expect(out).toMatchObject({ name: 'Pat from A', stance: 'supporter' });
    expect(out?.keptConflicts).toEqual([expect.objectContaining({ field: 'name', value: JSON.stringify('Pat from B') })]);
    await waitFor(
      async () => {
        const there = await onOther('stk_same_field');
        return there?.stance === 'supporter' && (there.keptConflicts ?? []).some((k) => k.value === JSON.stringify('Pat from B'));
      },
      15_000,
      'the merged person with its kept value on the other device',
    );
    const listed = await b.call<{ id: string; field: string; keptValue: unknown }[]>('conflicts.list', {});
    expect(listed).toContainEqual(expect.objectContaining({ id: 'stk_same_field', field: 'name', keptValue: 'Pat from B' }));
  });

  it('does not bring back a person the other device deleted', async () => {
    const openedOnB = await newPerson('stk_deleted');
    await (await other.store.collections.stakeholders!.findOne('stk_deleted').exec())!.remove();
    await waitFor(async () => !(await person(b, 'stk_deleted')), 15_000, 'the delete on b');
    const saved = await dialogSave(b, openedOnB, { title: 'Head of IT' });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.error.code).toBe('DS_NOT_FOUND');
    // Nothing came back, here or there (a new person written after it does arrive).
    await newPerson('stk_after_delete');
    await waitFor(async () => !!(await onOther('stk_after_delete')), 15_000, 'the next person on the other device');
    expect(await person(b, 'stk_deleted')).toBeUndefined();
    expect(await onOther('stk_deleted')).toBeUndefined();
  });

  it('makes one document of a create sent twice (a retry after a dropped connection)', async () => {
    const note = {
      id: 'stk_retried',
      accountId: ACC,
      name: 'Once',
      title: 'CFO',
      department: 'Finance',
      buyingRoles: [],
      stance: 'neutral',
      influence: 2,
      needs: [],
      pains: [],
    };
    const first = await b.raw('stakeholders.upsert', note);
    const again = await b.raw('stakeholders.upsert', note);
    expect(first.ok && again.ok).toBe(true);
    const all = (await b.call<Detail>('accounts.get', { id: ACC })).stakeholders.filter((s) => s.name === 'Once');
    expect(all).toHaveLength(1);
  });
});
