// Pure (shared): what every record kind's row builder shares — the plan types, the row's values
// by target, row failures, and the run's lookups (owners, the account a row belongs to, dates).
// A row that cannot become a valid document is a row error with its file and line; a link given
// but not found is a warning on a row that is still imported without it (or an error when the
// link is required). The per-kind builders (accounts.ts, contacts.ts, …) are plain functions of
// a RowContext, so no rule lives in two places.
import type { TeamMember } from '../../domain';
import { importedId } from '../ids';
import type { Indexed, LinkIndex, LinkKind } from '../links';
import type { AnyTarget, ColumnMapping, Crm, ImportKind } from '../presets';
import type { StageTarget } from '../stages';
import { domainOf, parseDate, type DateOrder } from '../values';

export interface RowIssue {
  file: string;
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface FilePlan {
  file: string;
  crm: Crm;
  kind: ImportKind;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
}

export interface ImportSettings {
  /** CRM stage name (as written) → our stage, won or lost. Stages not named here use autoStage. */
  stageMap: Record<string, StageTarget>;
  /** CRM owner value (id, name or e-mail) → team member id; unnamed ones are matched, else created. */
  ownerMap: Record<string, string>;
  /** Owner of deals and activities whose row names none. */
  defaultOwnerId: string;
  defaultCurrency: string;
  now: number;
}

export type Collection = 'teammembers' | 'accounts' | 'stakeholders' | 'opportunities' | 'interactions';

export const COLLECTION_OF: Record<ImportKind, Collection> = {
  users: 'teammembers',
  accounts: 'accounts',
  contacts: 'stakeholders',
  leads: 'stakeholders',
  opportunities: 'opportunities',
  activities: 'interactions',
};
export const PREFIX: Record<ImportKind, string> = {
  users: 'tm',
  accounts: 'acc',
  contacts: 'stk',
  leads: 'lea',
  opportunities: 'opp',
  activities: 'int',
};
export const OBJECT: Record<ImportKind, string> = {
  users: 'user',
  accounts: 'account',
  contacts: 'contact',
  leads: 'lead',
  opportunities: 'opportunity',
  activities: 'activity',
};
export const LINK_OF: Record<ImportKind, LinkKind | null> = {
  users: 'member',
  accounts: 'account',
  contacts: 'person',
  leads: 'person',
  opportunities: 'opportunity',
  activities: null,
};

export interface Planned {
  collection: Collection;
  id: string;
  source: { crm: Crm; object: string; externalId: string };
  /** Fields the CRM owns: compared with reconcile() on a re-import. */
  fields: Record<string, unknown>;
  /** Fields set only when the record is created here (people own them afterwards). */
  defaults: Record<string, unknown>;
  link: Indexed | null;
  warnings: RowIssue[];
}

/** What a kind's builder returns: the plan without the collection, id, source and warnings. */
export type KindPlan = Pick<Planned, 'fields' | 'defaults' | 'link'>;

export type Built = { ok: true; planned: Planned } | { ok: false; error: RowIssue };

export type Raw = Partial<Record<AnyTarget, string>>;

/** The row's values by target: first non-empty mapped column wins, values trimmed. */
export function fieldsOf(mapping: ColumnMapping, record: readonly string[]): Raw {
  const out: Raw = {};
  mapping.forEach((target, i) => {
    if (!target || out[target] !== undefined) return;
    const v = (record[i] ?? '').trim();
    if (v !== '') out[target] = v;
  });
  return out;
}

export class RowFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The first of a list the CRM wrote into one cell ("a;b" or "a, b"). */
export const first = (list: string | undefined): string | undefined =>
  list
    ?.split(/[;,]/)
    .map((s) => s.trim())
    .find((s) => s !== '');

/** The new team members an import creates for owners it cannot match, by id. */
export interface NewMember {
  id: string;
  doc: Omit<TeamMember, 'updatedAt'>;
}

export function personName(raw: Raw): string | undefined {
  const joined = [raw.firstName, raw.lastName].filter(Boolean).join(' ');
  return raw.name ?? (joined || undefined);
}

/**
 * The run's state and the lookups every kind's rows make: the link index, the mappings, the
 * team members the import had to create, and one row's file, CRM and warnings.
 */
export class RowContext {
  readonly newMembers = new Map<string, NewMember>();

  constructor(
    readonly index: LinkIndex,
    readonly settings: ImportSettings,
  ) {}

  /** A date column's value; absent is undefined, unreadable fails the row. */
  date(raw: Raw, target: AnyTarget, order: DateOrder): number | undefined {
    const v = raw[target];
    if (v === undefined) return undefined;
    const t = parseDate(v, order);
    if (t === null || t < 0)
      throw new RowFailure(
        'DS_IMPORT_BAD_DATE',
        `"${v}" in ${target} is not a date this import reads (e.g. 2024-11-10, 5/20/2024 7:42, 15 Apr, 2021 00:02:00).`,
      );
    return t;
  }

  /** The owner a row names (mapped, matched, else added), or the fallback when it names none. */
  ownerOrFallback(value: string | undefined, crm: Crm): string {
    return value ? this.owner(value, crm) : this.fallbackOwner();
  }

  /** The owner of rows that name none: the run's default, else a member the import adds. */
  fallbackOwner(): string {
    if (this.settings.defaultOwnerId) return this.settings.defaultOwnerId;
    const id = 'tm_imported_owner';
    this.settings.defaultOwnerId = id;
    if (!this.index.has('member', id)) {
      this.newMembers.set(id, { id, doc: { id, name: 'Imported owner', email: '', role: 'seller', timezone: 'UTC' } as NewMember['doc'] });
      this.index.add('member', { id, name: 'Imported owner' });
    }
    return id;
  }

  owner(value: string, crm: Crm): string {
    const mapped = this.settings.ownerMap[value];
    if (mapped) return mapped;
    const found = this.index.member(value, crm);
    if (found.ok) return found.id;
    // Not a known member: the import adds one (shown in the owner step before anything runs).
    const id = importedId('tm', crm, `owner:${value}`);
    if (!this.newMembers.has(id) && !this.index.has('member', id)) {
      const isEmail = value.includes('@');
      const doc = { id, name: value.slice(0, 200), email: isEmail ? value.slice(0, 200) : '', role: 'seller' as const, timezone: 'UTC' };
      this.newMembers.set(id, { id, doc: doc as NewMember['doc'] });
      this.index.add('member', { id, name: doc.name, email: doc.email || undefined, source: { crm, object: 'user', externalId: value } });
    }
    return id;
  }

  /** The account a person or deal belongs to: by CRM id, then name, then web domain. */
  account(raw: Raw, crm: Crm, domainHint: string | undefined): string {
    const ref = first(raw.accountRef);
    const tried: string[] = [];
    if (ref) {
      const f = this.index.byExternalId('account', crm, ['account'], ref);
      if (f.ok) return f.id;
      tried.push(`account id ${ref}`);
    }
    if (raw.accountName) {
      const f = this.index.byName('account', raw.accountName);
      if (f.ok) return f.id;
      if (f.reason === 'ambiguous')
        throw new RowFailure(
          'DS_IMPORT_AMBIGUOUS_LINK',
          `More than one account is named "${raw.accountName}"; export the account id with the row.`,
        );
      tried.push(`account "${raw.accountName}"`);
    }
    if (domainHint && domainOf(domainHint)) {
      const f = this.index.byDomain('account', domainHint);
      if (f.ok) return f.id;
    }
    throw new RowFailure(
      'DS_IMPORT_UNLINKED',
      tried.length
        ? `No ${tried.join(' or ')} was found. Import the accounts file too, or fix the link.`
        : 'The row names no account. Map the column that holds the account id or name.',
    );
  }
}

/** A row's warnings, with its file and line. */
export type Warn = (code: string, message: string) => void;

/** One row as a kind's builder sees it. */
export interface RowInput {
  plan: FilePlan;
  raw: Raw;
  /** The person's name (first and last joined) or the record's name. */
  name: string | undefined;
  id: string;
  source: Planned['source'];
  warn: Warn;
}

/** One kind of record's rules: how its rows are keyed without an id and what they become. */
export interface KindBuilder {
  /** The parts of a stable key for rows the CRM exported without ids: what identifies them to a person. */
  naturalKey(raw: Raw, name: string | undefined): (string | undefined)[];
  plan(ctx: RowContext, row: RowInput): KindPlan;
}
