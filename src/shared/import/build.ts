// Pure (shared): one CSV row → the document we store, through the file's column mapping, the
// value parsers, the link index and the stage and owner mappings. A row that cannot become a
// valid document is a row error with its file and line; a link given but not found is a
// warning on a row that is still imported without it (or an error when the link is required).
import type { ZodError } from 'zod';
import { Account, Interaction, Opportunity, Stakeholder, TeamMember, type Channel, type Direction, type InteractionKind, type Stage } from '../domain';
import { importedId } from './ids';
import type { Found, Indexed, LinkIndex, LinkKind } from './links';
import type { AnyTarget, ColumnMapping, Crm, ImportKind } from './presets';
import { autoStage, outcomeOf, statusWord, type StageTarget } from './stages';
import {
  domainOf, parseAmount, parseBool, parseDate, parseDurationMinutes, parseNumber, type DateOrder,
} from './values';

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
  users: 'teammembers', accounts: 'accounts', contacts: 'stakeholders', leads: 'stakeholders', opportunities: 'opportunities', activities: 'interactions',
};
const PREFIX: Record<ImportKind, string> = { users: 'tm', accounts: 'acc', contacts: 'stk', leads: 'lea', opportunities: 'opp', activities: 'int' };
const OBJECT: Record<ImportKind, string> = { users: 'user', accounts: 'account', contacts: 'contact', leads: 'lead', opportunities: 'opportunity', activities: 'activity' };
export const LINK_OF: Record<ImportKind, LinkKind | null> = {
  users: 'member', accounts: 'account', contacts: 'person', leads: 'person', opportunities: 'opportunity', activities: null,
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

export type Built = { ok: true; planned: Planned } | { ok: false; error: RowIssue };

type Raw = Partial<Record<AnyTarget, string>>;

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

class RowFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function zodWords(error: ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

const first = (list: string | undefined): string | undefined => list?.split(/[;,]/).map((s) => s.trim()).find((s) => s !== '');

/** The new team members an import creates for owners it cannot match, by id. */
export interface NewMember {
  id: string;
  doc: Omit<TeamMember, 'updatedAt'>;
}

/** One import run's state: the link index, the mappings and the team members it had to create. */
export class RowBuilder {
  readonly newMembers = new Map<string, NewMember>();

  constructor(readonly index: LinkIndex, readonly settings: ImportSettings) {}

  build(plan: FilePlan, record: readonly string[], line: number): Built {
    const raw = fieldsOf(plan.mapping, record);
    const warnings: RowIssue[] = [];
    const warn = (code: string, message: string) => warnings.push({ file: plan.file, line, code, message, severity: 'warning' });
    try {
      const planned = this.plan(plan, raw, warn);
      planned.warnings = warnings;
      return { ok: true, planned };
    } catch (err) {
      if (!(err instanceof RowFailure)) throw err;
      return { ok: false, error: { file: plan.file, line, code: err.code, message: err.message, severity: 'error' } };
    }
  }

  private plan(plan: FilePlan, raw: Raw, warn: (code: string, message: string) => void): Planned {
    const { crm, kind } = plan;
    const name = personName(raw);
    const natural = naturalKey(kind, raw, name);
    const externalId = raw.externalId ?? natural;
    if (!externalId) throw new RowFailure('DS_IMPORT_NO_KEY', `The row has no ${kind === 'activities' ? 'subject or date' : 'id or name'}, so it cannot be matched on a later import.`);
    const source = { crm, object: OBJECT[kind], externalId };
    const id = importedId(PREFIX[kind], crm, kind === 'leads' ? `lead:${externalId}` : externalId);
    const base = { collection: COLLECTION_OF[kind], id, source, warnings: [] as RowIssue[] };
    const date = (target: AnyTarget): number | undefined => {
      const v = raw[target];
      if (v === undefined) return undefined;
      const t = parseDate(v, plan.dateOrder);
      if (t === null || t < 0) throw new RowFailure('DS_IMPORT_BAD_DATE', `"${v}" in ${target} is not a date this import reads (e.g. 2024-11-10, 5/20/2024 7:42, 15 Apr, 2021 00:02:00).`);
      return t;
    };

    switch (kind) {
      case 'users': {
        const email = raw.email ?? '';
        const fields = { name: name ?? email, email };
        return this.check(TeamMember, { ...base, fields, defaults: { role: 'seller', timezone: 'UTC' }, link: { id, name: fields.name, email, source } });
      }
      case 'accounts': {
        if (!raw.name) throw new RowFailure('DS_IMPORT_MISSING', 'The account has no name.');
        const employees = raw.employees !== undefined ? parseNumber(raw.employees) : null;
        if (raw.employees !== undefined && (employees === null || employees < 0)) throw new RowFailure('DS_IMPORT_BAD_NUMBER', `"${raw.employees}" is not a number of employees.`);
        const fields: Record<string, unknown> = {
          name: raw.name,
          industry: raw.industry ?? '',
          region: [raw.state ?? raw.city, raw.country].filter(Boolean).join(', '),
          ...(employees !== null ? { employees: Math.round(employees), segment: segmentOf(employees) } : {}),
          ...(raw.website ? { website: raw.website } : {}),
          ...(raw.owner ? { ownerId: this.owner(raw.owner, crm) } : {}),
        };
        return this.check(Account, { ...base, fields, defaults: { segment: 'smb' }, link: { id, name: raw.name, website: raw.website, source } });
      }
      case 'contacts':
      case 'leads': {
        if (!name) throw new RowFailure('DS_IMPORT_MISSING', 'The person has no name.');
        const accountId = this.account(raw, crm, kind === 'leads' ? raw.website ?? raw.email : raw.email, true)!;
        const fields: Record<string, unknown> = {
          accountId, name, title: raw.title ?? '', department: raw.department ?? '',
          ...(raw.email ? { email: raw.email } : {}),
          ...(raw.phone ?? raw.mobile ? { phone: raw.phone ?? raw.mobile } : {}),
        };
        const defaults = { buyingRoles: [], stance: 'unknown', influence: 3, needs: [], pains: [] };
        return this.check(Stakeholder, { ...base, fields, defaults, link: { id, name, email: raw.email, accountId, source } });
      }
      case 'opportunities': {
        if (!raw.name) throw new RowFailure('DS_IMPORT_MISSING', 'The opportunity has no name.');
        const accountId = this.account(raw, crm, undefined, true)!;
        const amount = raw.amount !== undefined ? parseAmount(raw.amount) : { value: 0, currency: null };
        if (!amount || amount.value < 0) throw new RowFailure('DS_IMPORT_BAD_AMOUNT', `"${raw.amount}" is not an amount (e.g. 1124741.15 or $22,700.00).`);
        const currency = currencyCode(raw.currency) ?? amount.currency ?? this.settings.defaultCurrency;
        const closeDate = date('closeDate');
        if (closeDate === undefined) throw new RowFailure('DS_IMPORT_MISSING', 'The opportunity has no close date.');
        const createdAt = date('createdAt') ?? Math.min(closeDate, this.settings.now);
        const { stage, status } = this.stage(raw);
        const stageChangedAt = date('stageChangedAt');
        const fields: Record<string, unknown> = {
          accountId, name: raw.name, amount: Math.round(amount.value * 100) / 100, currency, stage, status, closeDate, createdAt,
          ...(status !== 'open' ? { closedAt: closeDate } : {}),
          ownerId: raw.owner ? this.owner(raw.owner, crm) : this.fallbackOwner(),
          ...(stageChangedAt !== undefined ? { stageChangedAt } : {}),
        };
        const since = stageChangedAt ?? createdAt;
        const defaults = { members: [], stageChangedAt: since, stageHistory: [{ stage, at: since }] };
        return this.check(Opportunity, { ...base, fields, defaults, link: { id, name: raw.name, accountId, source } });
      }
      case 'activities': {
        const links = this.activityLinks(raw, crm, warn);
        const at = date('at') ?? date('createdAt');
        if (at === undefined) throw new RowFailure('DS_IMPORT_MISSING', 'The activity has no date.');
        const ikind = activityKind(raw.type, raw.subject);
        const text = [raw.subject, raw.description].filter(Boolean).join('\n\n');
        const duration = raw.duration !== undefined ? parseDurationMinutes(raw.duration) : null;
        if (raw.duration !== undefined && duration === null) warn('DS_IMPORT_BAD_NUMBER', `"${raw.duration}" is not a duration; the activity is imported without one.`);
        const fields: Record<string, unknown> = {
          accountId: links.accountId,
          ...(links.opportunityId ? { opportunityId: links.opportunityId } : {}),
          kind: ikind, at, channel: channelOf(ikind, text), direction: directionOf(raw.direction, ikind),
          ...(duration !== null ? { durationMin: Math.min(duration, 24 * 60) } : {}),
          attendeeIds: links.attendeeIds, loggedBy: raw.owner ? this.owner(raw.owner, crm) : this.fallbackOwner(),
          notes: text.slice(0, 20_000),
        };
        return this.check(Interaction, { ...base, fields, defaults: { sentiment: 0 }, link: null });
      }
    }
  }

  /** Validates the document the plan would create with the domain's own schema. */
  private check(schema: typeof Account | typeof Stakeholder | typeof Opportunity | typeof Interaction | typeof TeamMember, p: Omit<Planned, 'warnings'> & { warnings: RowIssue[] }): Planned {
    const source = { ...p.source, importedAt: this.settings.now, fields: JSON.stringify(p.fields) };
    const parsed = schema.safeParse({ ...p.defaults, ...p.fields, id: p.id, updatedAt: this.settings.now, source });
    if (!parsed.success) throw new RowFailure('DS_IMPORT_INVALID_ROW', `The row does not make a valid record: ${zodWords(parsed.error)}.`);
    return p;
  }

  private stage(raw: Raw): { stage: Stage; status: 'open' | 'won' | 'lost' } {
    const name = raw.stage;
    let target: StageTarget | null = null;
    if (name !== undefined) {
      target = this.settings.stageMap[name] ?? autoStage(name);
      if (!target) throw new RowFailure('DS_IMPORT_UNMAPPED_STAGE', `The stage "${name}" is not mapped to one of ours. Map it in the stage step (or --stage "${name}=propose").`);
    }
    const status = (raw.status !== undefined ? statusWord(raw.status) : null)
      ?? (raw.won !== undefined && parseBool(raw.won) === true ? 'won' : null)
      ?? (raw.closed !== undefined && parseBool(raw.closed) === true ? (raw.won !== undefined ? 'lost' : null) : null);
    if (!target && !status) throw new RowFailure('DS_IMPORT_MISSING', 'The opportunity has no stage.');
    const outcome = outcomeOf(target ?? (status === 'open' ? 'qualify' : status!));
    if (status && status !== 'open') return outcomeOf(status, target && target !== 'won' && target !== 'lost' ? target : undefined);
    if (status === 'open' && outcome.status !== 'open') return { stage: 'commit', status: 'open' };
    return outcome;
  }

  /** The owner of rows that name none: the run's default, else a member the import adds. */
  private fallbackOwner(): string {
    if (this.settings.defaultOwnerId) return this.settings.defaultOwnerId;
    const id = 'tm_imported_owner';
    this.settings.defaultOwnerId = id;
    if (!this.index.has('member', id)) {
      this.newMembers.set(id, { id, doc: { id, name: 'Imported owner', email: '', role: 'seller', timezone: 'UTC' } as NewMember['doc'] });
      this.index.add('member', { id, name: 'Imported owner' });
    }
    return id;
  }

  private owner(value: string, crm: Crm): string {
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
  private account(raw: Raw, crm: Crm, domainHint: string | undefined, required: boolean): string | undefined {
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
      if (f.reason === 'ambiguous') throw new RowFailure('DS_IMPORT_AMBIGUOUS_LINK', `More than one account is named "${raw.accountName}"; export the account id with the row.`);
      tried.push(`account "${raw.accountName}"`);
    }
    if (domainHint && domainOf(domainHint)) {
      const f = this.index.byDomain('account', domainHint);
      if (f.ok) return f.id;
    }
    if (!required) return undefined;
    throw new RowFailure('DS_IMPORT_UNLINKED', tried.length
      ? `No ${tried.join(' or ')} was found. Import the accounts file too, or fix the link.`
      : 'The row names no account. Map the column that holds the account id or name.');
  }

  private activityLinks(raw: Raw, crm: Crm, warn: (code: string, message: string) => void) {
    let accountId: string | undefined;
    let opportunityId: string | undefined;
    const attendeeIds: string[] = [];
    const missed: string[] = [];
    const look = (kind: LinkKind, objects: string[], ref: string | undefined): string | undefined => {
      if (!ref) return undefined;
      const f = this.index.byExternalId(kind, crm, objects, ref);
      return f.ok ? f.id : undefined;
    };
    const opp = (id: string | undefined) => {
      if (!id) return;
      opportunityId ??= id;
      accountId ??= this.index.get('opportunity', id)?.accountId;
    };
    // Polymorphic "related to" ids (Salesforce WhatId, Zoho SEID): a deal or an account.
    const what = first(raw.whatRef);
    if (what) {
      const asOpp = look('opportunity', ['opportunity'], what);
      const asAcc = asOpp ? undefined : look('account', ['account'], what);
      if (asOpp) opp(asOpp);
      else if (asAcc) accountId = asAcc;
      else missed.push(`related record ${what}`);
    }
    const oppRef = first(raw.opportunityRef);
    if (oppRef) {
      const id = look('opportunity', ['opportunity'], oppRef);
      if (id) opp(id);
      else missed.push(`opportunity id ${oppRef}`);
    }
    const accRef = first(raw.accountRef);
    if (accRef) {
      const id = look('account', ['account'], accRef);
      if (id) accountId ??= id;
      else missed.push(`account id ${accRef}`);
    }
    for (const ref of [raw.whoRef, raw.contactRef].flatMap((v) => v?.split(/[;,]/).map((s) => s.trim()).filter(Boolean) ?? [])) {
      const id = look('person', ['contact', 'lead'], ref);
      if (id) attendeeIds.push(id);
      else missed.push(`person id ${ref}`);
    }
    if (raw.contactEmail) {
      const f = this.index.byEmail('person', raw.contactEmail);
      if (f.ok) attendeeIds.push(f.id);
      else missed.push(`person ${raw.contactEmail}`);
    }
    if (raw.accountName && !accountId) {
      const f = this.index.byName('account', raw.accountName);
      if (f.ok) accountId = f.id;
      else missed.push(`account "${raw.accountName}"${f.reason === 'ambiguous' ? ' (more than one)' : ''}`);
    }
    if (raw.opportunityName && !opportunityId) {
      const f = this.index.byName('opportunity', raw.opportunityName, accountId);
      if (f.ok) opp(f.id);
      else missed.push(`opportunity "${raw.opportunityName}"${f.reason === 'ambiguous' ? ' (more than one)' : ''}`);
    }
    if (raw.regarding && !accountId && !opportunityId) {
      // Dynamics "Regarding" and Zoho "Related To" hold a display name: an account's or a deal's.
      const a: Found = this.index.byName('account', raw.regarding);
      const o: Found = a.ok ? { ok: false, reason: 'missing' } : this.index.byName('opportunity', raw.regarding);
      if (a.ok) accountId = a.id;
      else if (o.ok) opp(o.id);
      else missed.push(`"${raw.regarding}"${a.reason === 'ambiguous' || o.reason === 'ambiguous' ? ' (more than one record has that name)' : ''}`);
    }
    if (raw.contactName) {
      const f = this.index.byName('person', raw.contactName, accountId);
      if (f.ok) { if (!attendeeIds.includes(f.id)) attendeeIds.push(f.id); }
      else missed.push(`person "${raw.contactName}"`);
    }
    if (!accountId) {
      for (const p of attendeeIds) {
        accountId = this.index.get('person', p)?.accountId;
        if (accountId) break;
      }
    }
    if (!accountId) {
      throw new RowFailure('DS_IMPORT_UNLINKED', missed.length
        ? `No ${missed.join(', ')} was found, so the activity belongs to no account. Import those files too, or fix the links.`
        : 'The activity names no account, deal or person. Map the column that links it.');
    }
    if (missed.length) warn('DS_IMPORT_UNLINKED', `Not found: ${missed.join(', ')}. The activity is imported without ${missed.length > 1 ? 'those links' : 'that link'}.`);
    return { accountId, opportunityId, attendeeIds: [...new Set(attendeeIds)].slice(0, 100) };
  }
}

function personName(raw: Raw): string | undefined {
  const joined = [raw.firstName, raw.lastName].filter(Boolean).join(' ');
  return raw.name ?? (joined || undefined);
}

/** A stable key for records the CRM exported without ids: what identifies them to a person. */
function naturalKey(kind: ImportKind, raw: Raw, name: string | undefined): string | undefined {
  const parts = (() => {
    switch (kind) {
      case 'users': return [raw.email ?? name];
      case 'accounts': return [raw.name];
      case 'contacts':
      case 'leads': return [raw.email ?? (name ? `${name}|${raw.accountName ?? raw.accountRef ?? ''}` : undefined)];
      case 'opportunities': return [raw.name && `${raw.name}|${raw.accountName ?? raw.accountRef ?? ''}`];
      case 'activities': return [raw.subject ?? raw.type, raw.at ?? raw.createdAt, raw.regarding ?? raw.accountName ?? raw.whatRef ?? raw.accountRef ?? '', raw.whoRef ?? raw.contactName ?? raw.contactRef ?? ''];
    }
  })();
  if (parts.some((p) => p === undefined) || parts.every((p) => !p)) return undefined;
  return `~${parts.join('|').toLowerCase()}`;
}

const CURRENCY_NAMES: Record<string, string> = {
  euro: 'EUR', 'us dollar': 'USD', dollar: 'USD', 'pound sterling': 'GBP', pound: 'GBP', 'swiss franc': 'CHF', yen: 'JPY',
  'canadian dollar': 'CAD', 'australian dollar': 'AUD', 'swedish krona': 'SEK', 'norwegian krone': 'NOK', 'danish krone': 'DKK',
  $: 'USD', '€': 'EUR', '£': 'GBP',
};

/** "EUR", "eur", "Euro" (Dynamics writes the currency's name) → "EUR"; null when unknown. */
export function currencyCode(raw: string | undefined): string | null {
  if (!raw) return null;
  const t = raw.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  return CURRENCY_NAMES[t.toLowerCase()] ?? null;
}

function segmentOf(employees: number): 'enterprise' | 'mid_market' | 'smb' {
  return employees >= 1000 ? 'enterprise' : employees >= 100 ? 'mid_market' : 'smb';
}

/** Tasks say little; their type or subject tells calls and e-mails from meetings. */
export function activityKind(type: string | undefined, subject: string | undefined): InteractionKind {
  const t = `${type ?? ''} ${type ? '' : subject ?? ''}`.toLowerCase();
  if (/call|phone/.test(t)) return 'call';
  if (/e-?mail|mail/.test(t)) return 'email';
  if (/webinar|conference|trade ?show|event(?!.*meeting)/.test(t) && !/^event$/.test((type ?? '').trim().toLowerCase())) return 'event';
  if (/meet|appointment|demo|visit|lunch|workshop|^event$/.test(t.trim())) return 'meeting';
  if (/support|case|ticket/.test(t)) return 'support_case';
  if (type === undefined && subject !== undefined) {
    const s = subject.toLowerCase();
    if (/meet|demo|visit|lunch|workshop/.test(s)) return 'meeting';
  }
  return type && /task|todo|to-do|follow/.test(t) ? 'content' : 'meeting';
}

function channelOf(kind: InteractionKind, text: string): Channel {
  switch (kind) {
    case 'call': return 'phone';
    case 'email':
    case 'content': return 'email';
    case 'event': return 'event';
    case 'web_visit': return 'web';
    case 'support_case': return 'chat';
    case 'meeting': return /zoom|teams|video|webex|meet\.google|online/i.test(text) ? 'video' : 'in_person';
  }
}

function directionOf(raw: string | undefined, kind: InteractionKind): Direction {
  const t = (raw ?? '').trim().toLowerCase();
  if (/^(in|inbound|incoming|received)/.test(t)) return 'inbound';
  if (/^(out|outbound|outgoing|sent)/.test(t)) return 'outbound';
  return kind === 'meeting' || kind === 'event' ? 'two_way' : 'outbound';
}
