// Pure (shared): finds the records a row points at — by the CRM's id first, then by name,
// web domain or e-mail where the CRM exports no ids (Dynamics links by display name). A name
// two records share is ambiguous and reported as such; nothing is linked by a guess. The host
// fills the index from the store before an import and adds each record as it is written.
import { domainOf, nameKey } from './values';
import type { Crm } from './presets';

export type LinkKind = 'account' | 'person' | 'opportunity' | 'member';

export type Found = { ok: true; id: string } | { ok: false; reason: 'missing' | 'ambiguous' };

export interface Indexed {
  id: string;
  /** Set for people and opportunities: the account they belong to. */
  accountId?: string;
  name?: string;
  email?: string;
  website?: string;
  source?: { crm: Crm; object: string; externalId: string };
}

class Multi {
  private readonly map = new Map<string, string | string[]>();
  add(key: string | null | undefined, id: string): void {
    if (!key) return;
    const have = this.map.get(key);
    if (have === undefined) this.map.set(key, id);
    else if (typeof have === 'string') {
      if (have !== id) this.map.set(key, [have, id]);
    } else if (!have.includes(id)) have.push(id);
  }
  find(key: string | null | undefined): Found {
    if (!key) return { ok: false, reason: 'missing' };
    const have = this.map.get(key);
    if (have === undefined) return { ok: false, reason: 'missing' };
    return typeof have === 'string' ? { ok: true, id: have } : { ok: false, reason: 'ambiguous' };
  }
}

class Table {
  readonly byExt = new Map<string, string>();
  readonly byName = new Multi();
  readonly byAccountName = new Multi();
  readonly byEmail = new Multi();
  readonly byDomain = new Multi();
  readonly byId = new Map<string, Indexed>();
}

const extKey = (crm: Crm, object: string, externalId: string) => `${crm}\u0000${object}\u0000${externalId}`;

export class LinkIndex {
  private readonly tables: Record<LinkKind, Table> = {
    account: new Table(),
    person: new Table(),
    opportunity: new Table(),
    member: new Table(),
  };

  add(kind: LinkKind, rec: Indexed): void {
    const t = this.tables[kind];
    t.byId.set(rec.id, rec);
    if (rec.source) t.byExt.set(extKey(rec.source.crm, rec.source.object, rec.source.externalId), rec.id);
    if (rec.name) {
      t.byName.add(nameKey(rec.name), rec.id);
      if (rec.accountId) t.byAccountName.add(`${rec.accountId}\u0000${nameKey(rec.name)}`, rec.id);
    }
    if (rec.email) t.byEmail.add(rec.email.trim().toLowerCase(), rec.id);
    if (rec.website) t.byDomain.add(domainOf(rec.website), rec.id);
  }

  get(kind: LinkKind, id: string): Indexed | undefined {
    return this.tables[kind].byId.get(id);
  }

  has(kind: LinkKind, id: string): boolean {
    return this.tables[kind].byId.has(id);
  }

  byExternalId(kind: LinkKind, crm: Crm, objects: readonly string[], externalId: string): Found {
    for (const object of objects) {
      const id = this.tables[kind].byExt.get(extKey(crm, object, externalId.trim()));
      if (id) return { ok: true, id };
    }
    return { ok: false, reason: 'missing' };
  }

  /** By name, within an account when one is known (two accounts may each have a "Renewal"). */
  byName(kind: LinkKind, name: string, accountId?: string): Found {
    const t = this.tables[kind];
    if (accountId) {
      const found = t.byAccountName.find(`${accountId}\u0000${nameKey(name)}`);
      if (found.ok || found.reason === 'ambiguous') return found;
    }
    return t.byName.find(nameKey(name));
  }

  byEmail(kind: LinkKind, email: string): Found {
    return this.tables[kind].byEmail.find(email.trim().toLowerCase());
  }

  byDomain(kind: LinkKind, urlOrEmail: string): Found {
    return this.tables[kind].byDomain.find(domainOf(urlOrEmail));
  }

  /** Team members by our id, CRM id, e-mail or name. */
  member(value: string, crm: Crm): Found {
    const v = value.trim();
    if (this.tables.member.byId.has(v)) return { ok: true, id: v };
    const ext = this.byExternalId('member', crm, ['user'], v);
    if (ext.ok) return ext;
    if (v.includes('@')) return this.byEmail('member', v);
    return this.byName('member', v);
  }
}
