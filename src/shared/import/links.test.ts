import { describe, expect, it } from 'vitest';
import { LinkIndex } from './links';

describe('link index', () => {
  it('finds by CRM id, name (within an account first), e-mail and domain; a shared name is ambiguous, not guessed', () => {
    const index = new LinkIndex();
    index.add('account', {
      id: 'a1',
      name: 'Acme GmbH',
      website: 'https://www.acme.example',
      source: { crm: 'hubspot', object: 'account', externalId: '5101' },
    });
    index.add('account', { id: 'a2', name: 'Twin Co' });
    index.add('account', { id: 'a3', name: 'twin co.' });
    index.add('opportunity', { id: 'o1', name: 'Renewal', accountId: 'a1' });
    index.add('opportunity', { id: 'o2', name: 'Renewal', accountId: 'a2' });
    index.add('person', { id: 'p1', name: 'Jo', email: 'Jo@Acme.example', accountId: 'a1' });
    expect(index.byExternalId('account', 'hubspot', ['account'], '5101')).toEqual({ ok: true, id: 'a1' });
    expect(index.byExternalId('account', 'zoho', ['account'], '5101')).toEqual({ ok: false, reason: 'missing' });
    expect(index.byName('account', 'ACME gmbh')).toEqual({ ok: true, id: 'a1' });
    expect(index.byName('account', 'Twin Co')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(index.byName('opportunity', 'Renewal')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(index.byName('opportunity', 'Renewal', 'a2')).toEqual({ ok: true, id: 'o2' });
    expect(index.byEmail('person', 'jo@acme.EXAMPLE')).toEqual({ ok: true, id: 'p1' });
    expect(index.byDomain('account', 'someone@acme.example')).toEqual({ ok: true, id: 'a1' });
  });
});
