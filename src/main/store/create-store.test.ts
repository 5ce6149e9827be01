import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTIONS, rxSchemaFor, type Opportunity, type WorkshopNote } from '@shared/domain';
import { getRxStorageSQLite } from './sqlite';
import { makeTempDir, removeDir } from './sqlite/test-helpers';
import { createStore } from './create-store';

addRxPlugin(RxDBMigrationSchemaPlugin);

let dir: string;
beforeEach(() => {
  dir = makeTempDir('ds-store-');
});
afterEach(() => removeDir(dir));

const oldDeal = {
  id: 'opp_old',
  accountId: 'acc_1',
  name: 'Renewal',
  amount: 12_000,
  currency: 'USD',
  stage: 'propose',
  stageChangedAt: 1_700_000_000_000,
  createdAt: 1_690_000_000_000,
  closeDate: 1_710_000_000_000,
  status: 'open',
  ownerId: 'tm_1',
  members: [],
  updatedAt: 1_700_000_000_000,
};

describe('createStore', () => {
  it('opens a workspace whose opportunities were written with schema version 0 and keeps every deal', async () => {
    // Version 0 of opportunities: today's schema without stageHistory.
    const v0 = rxSchemaFor('opportunities');
    const { stageHistory: _dropped, ...properties } = v0.properties;
    const old = await createRxDatabase({
      name: 'workspace',
      storage: getRxStorageSQLite({ databaseDirectory: dir }),
      multiInstance: false,
    });
    await old.addCollections({ opportunities: { schema: { ...v0, version: 0, properties } as never } });
    await old.opportunities!.insert(oldDeal);
    await old.close();

    // v1 added stageHistory; v2 (issue 16) the import source; v3 (issue 15) actionStates: a v0
    // workspace migrates through all three.
    expect(COLLECTIONS.opportunities.version).toBe(3);
    const store = await createStore({ directory: dir });
    try {
      const doc = await store.opportunities.findOne('opp_old').exec();
      expect(doc?.toJSON()).toMatchObject(oldDeal);
      // and the new field can be written from now on
      await doc!.incrementalPatch({ stageHistory: [{ stage: 'propose', at: oldDeal.stageChangedAt }] } as Partial<Opportunity>);
      expect((await store.opportunities.findOne('opp_old').exec())?.stageHistory).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('opens a workspace whose opportunities were written with schema version 2 (no done or snoozed actions) and can mark one', async () => {
    const v2 = rxSchemaFor('opportunities');
    const { actionStates: _dropped, ...properties } = v2.properties;
    const old = await createRxDatabase({
      name: 'workspace',
      storage: getRxStorageSQLite({ databaseDirectory: dir }),
      multiInstance: false,
    });
    await old.addCollections({ opportunities: { schema: { ...v2, version: 2, properties } as never } });
    await old.opportunities!.insert(oldDeal);
    await old.close();

    const store = await createStore({ directory: dir });
    try {
      const doc = await store.opportunities.findOne('opp_old').exec();
      expect(doc?.toJSON()).toMatchObject(oldDeal);
      const marked = [{ key: 'cover_role:stk_1', state: 'snoozed' as const, until: 1_700_100_000_000, at: 1_700_000_000_000, by: 'tm_1' }];
      await doc!.incrementalPatch({ actionStates: marked } as Partial<Opportunity>);
      expect((await store.opportunities.findOne('opp_old').exec())?.actionStates).toEqual(marked);
    } finally {
      await store.close();
    }
  });

  it('opens a workspace whose workshop notes were written with schema version 0 (no time) and keeps every note', async () => {
    const v0 = rxSchemaFor('workshopnotes');
    const { at: _dropped, ...properties } = v0.properties;
    const oldNote = {
      id: 'wsn_old',
      accountId: 'acc_1',
      opportunityId: 'opp_old',
      stakeholderId: 'stk_1',
      job: 'validation',
      text: 'Legal wants a DPA',
      color: 'pink',
      authorId: 'tm_1',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    };
    const old = await createRxDatabase({
      name: 'workspace',
      storage: getRxStorageSQLite({ databaseDirectory: dir }),
      multiInstance: false,
    });
    await old.addCollections({ workshopnotes: { schema: { ...v0, version: 0, properties } as never } });
    await old.workshopnotes!.insert(oldNote);
    await old.close();

    // v1 (issue 18) added the optional time a note points at.
    expect(COLLECTIONS.workshopnotes.version).toBe(1);
    const store = await createStore({ directory: dir });
    try {
      const doc = await store.workshopnotes.findOne('wsn_old').exec();
      expect(doc?.toJSON()).toMatchObject(oldNote);
      await doc!.incrementalPatch({ at: 1_699_000_000_000 } as Partial<WorkshopNote>);
      expect((await store.workshopnotes.findOne('wsn_old').exec())?.at).toBe(1_699_000_000_000);
    } finally {
      await store.close();
    }
  });
});
