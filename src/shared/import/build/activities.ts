// Pure (shared): an activity row (task, call, e-mail, meeting/appointment, event) → an
// interaction, linked to its account, deal and people by id, name or e-mail. Links it names but
// that are not found are a warning; an activity that reaches no account at all is a row error.
import type { Channel, Direction, InteractionKind } from '../../domain';
import type { Found, LinkKind } from '../links';
import type { Crm } from '../presets';
import { parseDurationMinutes } from '../values';
import { RowFailure, first, type KindBuilder, type Raw, type RowContext, type Warn } from './core';

/** Tasks say little; their type or subject tells calls and e-mails from meetings. */
export function activityKind(type: string | undefined, subject: string | undefined): InteractionKind {
  const t = `${type ?? ''} ${type ? '' : (subject ?? '')}`.toLowerCase();
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
    case 'call':
      return 'phone';
    case 'email':
    case 'content':
      return 'email';
    case 'event':
      return 'event';
    case 'web_visit':
      return 'web';
    case 'support_case':
      return 'chat';
    case 'meeting':
      return /zoom|teams|video|webex|meet\.google|online/i.test(text) ? 'video' : 'in_person';
  }
}

function directionOf(raw: string | undefined, kind: InteractionKind): Direction {
  const t = (raw ?? '').trim().toLowerCase();
  if (/^(in|inbound|incoming|received)/.test(t)) return 'inbound';
  if (/^(out|outbound|outgoing|sent)/.test(t)) return 'outbound';
  return kind === 'meeting' || kind === 'event' ? 'two_way' : 'outbound';
}

function activityLinks(ctx: RowContext, raw: Raw, crm: Crm, warn: Warn) {
  const { index } = ctx;
  let accountId: string | undefined;
  let opportunityId: string | undefined;
  const attendeeIds: string[] = [];
  const missed: string[] = [];
  const look = (kind: LinkKind, objects: string[], ref: string | undefined): string | undefined => {
    if (!ref) return undefined;
    const f = index.byExternalId(kind, crm, objects, ref);
    return f.ok ? f.id : undefined;
  };
  const opp = (id: string | undefined) => {
    if (!id) return;
    opportunityId ??= id;
    accountId ??= index.get('opportunity', id)?.accountId;
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
  for (const ref of [raw.whoRef, raw.contactRef].flatMap(
    (v) =>
      v
        ?.split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean) ?? [],
  )) {
    const id = look('person', ['contact', 'lead'], ref);
    if (id) attendeeIds.push(id);
    else missed.push(`person id ${ref}`);
  }
  if (raw.contactEmail) {
    const f = index.byEmail('person', raw.contactEmail);
    if (f.ok) attendeeIds.push(f.id);
    else missed.push(`person ${raw.contactEmail}`);
  }
  if (raw.accountName && !accountId) {
    const f = index.byName('account', raw.accountName);
    if (f.ok) accountId = f.id;
    else missed.push(`account "${raw.accountName}"${f.reason === 'ambiguous' ? ' (more than one)' : ''}`);
  }
  if (raw.opportunityName && !opportunityId) {
    const f = index.byName('opportunity', raw.opportunityName, accountId);
    if (f.ok) opp(f.id);
    else missed.push(`opportunity "${raw.opportunityName}"${f.reason === 'ambiguous' ? ' (more than one)' : ''}`);
  }
  if (raw.regarding && !accountId && !opportunityId) {
    // Dynamics "Regarding" and Zoho "Related To" hold a display name: an account's or a deal's.
    const a: Found = index.byName('account', raw.regarding);
    const o: Found = a.ok ? { ok: false, reason: 'missing' } : index.byName('opportunity', raw.regarding);
    if (a.ok) accountId = a.id;
    else if (o.ok) opp(o.id);
    else
      missed.push(
        `"${raw.regarding}"${a.reason === 'ambiguous' || o.reason === 'ambiguous' ? ' (more than one record has that name)' : ''}`,
      );
  }
  if (raw.contactName) {
    const f = index.byName('person', raw.contactName, accountId);
    if (f.ok) {
      if (!attendeeIds.includes(f.id)) attendeeIds.push(f.id);
    } else missed.push(`person "${raw.contactName}"`);
  }
  if (!accountId) {
    for (const p of attendeeIds) {
      accountId = index.get('person', p)?.accountId;
      if (accountId) break;
    }
  }
  if (!accountId) {
    throw new RowFailure(
      'DS_IMPORT_UNLINKED',
      missed.length
        ? `No ${missed.join(', ')} was found, so the activity belongs to no account. Import those files too, or fix the links.`
        : 'The activity names no account, deal or person. Map the column that links it.',
    );
  }
  if (missed.length)
    warn(
      'DS_IMPORT_UNLINKED',
      `Not found: ${missed.join(', ')}. The activity is imported without ${missed.length > 1 ? 'those links' : 'that link'}.`,
    );
  return { accountId, opportunityId, attendeeIds: [...new Set(attendeeIds)].slice(0, 100) };
}

export const activities: KindBuilder = {
  naturalKey: (raw) => [
    raw.subject ?? raw.type,
    raw.at ?? raw.createdAt,
    raw.regarding ?? raw.accountName ?? raw.whatRef ?? raw.accountRef ?? '',
    raw.whoRef ?? raw.contactName ?? raw.contactRef ?? '',
  ],
  plan(ctx, { plan, raw, warn }) {
    const links = activityLinks(ctx, raw, plan.crm, warn);
    const at = ctx.date(raw, 'at', plan.dateOrder) ?? ctx.date(raw, 'createdAt', plan.dateOrder);
    if (at === undefined) throw new RowFailure('DS_IMPORT_MISSING', 'The activity has no date.');
    const kind = activityKind(raw.type, raw.subject);
    const text = [raw.subject, raw.description].filter(Boolean).join('\n\n');
    const duration = raw.duration !== undefined ? parseDurationMinutes(raw.duration) : null;
    if (raw.duration !== undefined && duration === null)
      warn('DS_IMPORT_BAD_NUMBER', `"${raw.duration}" is not a duration; the activity is imported without one.`);
    const fields: Record<string, unknown> = {
      accountId: links.accountId,
      ...(links.opportunityId ? { opportunityId: links.opportunityId } : {}),
      kind,
      at,
      channel: channelOf(kind, text),
      direction: directionOf(raw.direction, kind),
      ...(duration !== null ? { durationMin: Math.min(duration, 24 * 60) } : {}),
      attendeeIds: links.attendeeIds,
      loggedBy: ctx.ownerOrFallback(raw.owner, plan.crm),
      notes: text.slice(0, 20_000),
    };
    return { fields, defaults: { sentiment: 0 }, link: null };
  },
};
