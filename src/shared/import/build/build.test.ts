import { describe, expect, it } from 'vitest';
import { LinkIndex } from '../links';
import type { ColumnMapping, ImportKind } from '../presets';
import { RowBuilder, checkDoc, createdDoc, type ImportSettings } from './index';

const NOW = Date.UTC(2024, 6, 1);

function builder(settings: Partial<ImportSettings> = {}): RowBuilder {
  const index = new LinkIndex();
  index.add('member', { id: 'tm_1', name: 'Dana Seller', email: 'dana@example.com' });
  return new RowBuilder(index, { stageMap: {}, ownerMap: {}, defaultOwnerId: 'tm_1', defaultCurrency: 'USD', now: NOW, ...settings });
}

const plan = (kind: ImportKind, mapping: ColumnMapping) => ({
  file: `${kind}.csv`,
  crm: 'generic' as const,
  kind,
  mapping,
  dateOrder: 'mdy' as const,
});

describe('row builder (one core, a file per kind)', () => {
  it('keys rows without ids by what names them, keeps leads apart from contacts, and links people to accounts by name', () => {
    const b = builder();
    const acc = b.build(plan('accounts', ['name', 'industry', 'employees']), ['Northwind', 'Logistics', '2,300'], 2);
    expect(acc.ok && acc.planned).toMatchObject({
      collection: 'accounts',
      source: { externalId: '~northwind' },
      fields: { segment: 'enterprise', employees: 2300 },
    });
    if (!acc.ok) return;
    b.index.add('account', acc.planned.link!);
    const person = ['Ann', 'Lee', 'Northwind', 'ann@northwind.example'];
    const contact = b.build(plan('contacts', ['firstName', 'lastName', 'accountName', 'email']), person, 2);
    const lead = b.build(plan('leads', ['firstName', 'lastName', 'accountName', 'email']), person, 2);
    expect(contact.ok && contact.planned.fields).toMatchObject({ accountId: acc.planned.id, name: 'Ann Lee' });
    expect(contact.ok && lead.ok && [contact.planned.id.slice(0, 4), lead.planned.id.slice(0, 4)]).toEqual(['stk_', 'lea_']);
    expect(lead.ok && lead.planned.collection).toBe('stakeholders');
    expect(contact.ok && lead.ok && contact.planned.id !== lead.planned.id).toBe(true);
  });

  it('fails a row with its code and line, and adds an owner it cannot match as a new member', () => {
    const b = builder();
    const account = b.build(plan('accounts', ['externalId', 'name']), ['A1', 'Acme'], 2);
    if (account.ok) b.index.add('account', account.planned.link!);
    const mapping: ColumnMapping = ['name', 'accountRef', 'stage', 'amount', 'closeDate', 'owner'];
    const unmapped = b.build(plan('opportunities', mapping), ['Renewal', 'A1', 'Haggling', '$1,200.50', '5/20/2024', 'Dana Seller'], 7);
    expect(unmapped).toEqual({
      ok: false,
      error: expect.objectContaining({ file: 'opportunities.csv', line: 7, code: 'DS_IMPORT_UNMAPPED_STAGE' }),
    });
    const deal = b.build(plan('opportunities', mapping), ['Renewal', 'A1', 'Closed Won', '$1,200.50', '5/20/2024 7:42', 'Pat New'], 8);
    expect(deal.ok && deal.planned.fields).toMatchObject({
      amount: 1200.5,
      currency: 'USD',
      status: 'won',
      closeDate: Date.UTC(2024, 4, 20, 7, 42),
    });
    expect([...b.newMembers.values()].map((m) => m.doc.name)).toEqual(['Pat New']);
    expect(b.build(plan('opportunities', mapping), ['Renewal', 'A1', 'Closed Won', '1', 'someday', ''], 9)).toMatchObject({
      ok: false,
      error: { code: 'DS_IMPORT_BAD_DATE', line: 9 },
    });
  });

  it('imports an activity without the links it cannot find, with a warning; none at all is a row error', () => {
    const b = builder();
    const account = b.build(plan('accounts', ['externalId', 'name']), ['A1', 'Acme'], 2);
    if (account.ok) b.index.add('account', account.planned.link!);
    const mapping: ColumnMapping = ['subject', 'accountRef', 'contactRef', 'at'];
    const built = b.build(plan('activities', mapping), ['Call about pricing', 'A1', 'C404', '2024-05-01'], 3);
    expect(built.ok && built.planned.fields).toMatchObject({ kind: 'call', channel: 'phone', attendeeIds: [], loggedBy: 'tm_1' });
    expect(built.ok && built.planned.warnings.map((w) => [w.code, w.line])).toEqual([['DS_IMPORT_UNLINKED', 3]]);
    expect(b.build(plan('activities', mapping), ['Call', 'A404', '', '2024-05-01'], 4)).toMatchObject({
      ok: false,
      error: { code: 'DS_IMPORT_UNLINKED' },
    });
  });

  it('a created document is the plan with its source, and the domain schema refuses one that is not valid', () => {
    const b = builder();
    const built = b.build(plan('accounts', ['name', 'industry']), ['Acme', 'x'.repeat(81)], 2);
    if (!built.ok) throw new Error('expected a plan');
    const doc = createdDoc(built.planned, NOW);
    expect(doc).toMatchObject({
      id: built.planned.id,
      updatedAt: NOW,
      segment: 'smb',
      source: { crm: 'generic', importedAt: NOW, fields: expect.stringContaining('"name":"Acme"') },
    });
    expect(checkDoc('accounts', doc)).toMatchObject({ ok: false, message: expect.stringContaining('industry') });
    expect(checkDoc('accounts', { ...doc, industry: 'Retail' })).toMatchObject({ ok: true });
  });
});
