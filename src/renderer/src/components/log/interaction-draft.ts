// Renderer (pure, components/log): the quick "log an interaction" form's state, its defaults and its conversion
// to the API input. Times are edited in the user's local clock and stored as epoch ms.
import type { InteractionInput, InteractionUpdateInput } from '@shared/api';
import type { BuyingJob, Channel, Direction, Interaction, InteractionKind } from '@shared/domain';

type Person = { id: string; name: string; title: string };

export interface InteractionDraft {
  kind: InteractionKind;
  /** datetime-local value, "YYYY-MM-DDTHH:mm", local time. */
  at: string;
  channel: Channel;
  direction: Direction;
  sentiment: -2 | -1 | 0 | 1 | 2;
  buyingJob: BuyingJob | '';
  attendeeIds: string[];
  notes: string;
}

/** The channel a kind usually goes through; the seller can change it. */
export const CHANNEL_FOR_KIND: Record<InteractionKind, Channel> = {
  meeting: 'in_person',
  call: 'phone',
  email: 'email',
  event: 'event',
  content: 'web',
  web_visit: 'web',
  support_case: 'chat',
};

export const SENTIMENTS = [
  { value: -2, label: 'Hostile' },
  { value: -1, label: 'Cool' },
  { value: 0, label: 'Neutral' },
  { value: 1, label: 'Warm' },
  { value: 2, label: 'Enthusiastic' },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi).getTime();
  return Number.isFinite(at) ? at : null;
}

export function newDraft(now: number, attendeeIds: readonly string[] = []): InteractionDraft {
  return {
    kind: 'meeting',
    at: toLocalInput(now),
    channel: CHANNEL_FOR_KIND.meeting,
    direction: 'two_way',
    sentiment: 0,
    buyingJob: '',
    attendeeIds: [...attendeeIds],
    notes: '',
  };
}

export type DraftResult = { ok: true; input: InteractionInput } | { ok: false; errors: Partial<Record<'at' | 'attendeeIds', string>> };

export function draftToInput(draft: InteractionDraft, accountId: string, opportunityId: string | undefined, now: number): DraftResult {
  const at = fromLocalInput(draft.at);
  const errors: Partial<Record<'at' | 'attendeeIds', string>> = {};
  if (at === null) errors.at = 'Enter a date and time, for example today at 14:30.';
  else if (at > now + 366 * 24 * 3600_000) errors.at = 'That is more than a year ahead. Log interactions that happened or are booked.';
  if (draft.kind === 'meeting' && draft.attendeeIds.length === 0)
    errors.attendeeIds = 'Add at least one person who was in the meeting: type a name.';
  if (at === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      accountId: accountId as InteractionInput['accountId'],
      ...(opportunityId ? { opportunityId: opportunityId as InteractionInput['opportunityId'] } : {}),
      kind: draft.kind,
      at,
      channel: draft.channel,
      direction: draft.direction,
      sentiment: draft.sentiment,
      ...(draft.buyingJob ? { buyingJob: draft.buyingJob } : {}),
      attendeeIds: draft.attendeeIds as InteractionInput['attendeeIds'],
      notes: draft.notes.trim(),
    },
  };
}

/** The form of a logged interaction, to edit it. */
export function draftFrom(i: Interaction): InteractionDraft {
  return {
    kind: i.kind,
    at: toLocalInput(i.at),
    channel: i.channel,
    direction: i.direction,
    sentiment: i.sentiment as InteractionDraft['sentiment'],
    buyingJob: i.buyingJob ?? '',
    attendeeIds: [...i.attendeeIds],
    notes: i.notes,
  };
}

/** An interaction as an edit's base: its fields without what the host keeps (update time, kept conflicts). */
export function baseOf(i: Interaction) {
  const { updatedAt: _u, keptConflicts: _k, ...fields } = i;
  return fields;
}

/** The edit that saves the form's `input` over `opened`. The deal link is the form's too: cleared here means cleared. */
export function editOf(opened: Interaction, input: InteractionInput, deal: string): InteractionUpdateInput {
  const base = baseOf(opened);
  const { opportunityId: _o, ...rest } = input;
  return { ...base, ...rest, ...(deal ? { opportunityId: deal as never } : { opportunityId: undefined }), id: opened.id, base };
}

/** The edit that undoes saving `opened` as `saved`: its old fields back, on top of what was saved. */
export function undoEditOf(opened: Interaction, saved: Interaction): InteractionUpdateInput {
  return { ...baseOf(opened), id: opened.id, base: baseOf(saved) };
}

/**
 * Whether a key press saves the form: Enter from any field but a button and the notes (Ctrl/⌘+Enter
 * there), never while an input method is composing, and not when a field already took the Enter
 * (the name field picks a name with it).
 */
export function enterSaves(key: {
  key: string;
  composing: boolean;
  handled: boolean;
  ctrlOrMeta: boolean;
  target: 'button' | 'textarea' | 'other';
}): boolean {
  if (key.key !== 'Enter' || key.composing || key.handled) return false;
  if (key.target === 'button') return false;
  return key.target !== 'textarea' || key.ctrlOrMeta;
}

export type QuickTime = 'now' | 'hour' | 'morning' | 'yesterday';
export const QUICK_TIME_LABEL: Record<QuickTime, string> = {
  now: 'Now',
  hour: 'An hour ago',
  morning: 'This morning',
  yesterday: 'Yesterday',
};

/**
 * The quick choices for "when", as local datetime values: now, an hour ago, this morning at 9
 * (only once it is past 9) and yesterday at this time. Minutes are rounded down to 5.
 */
export function quickTimes(now: number): { key: QuickTime; at: string }[] {
  const round = (t: number) => {
    const d = new Date(t);
    d.setMinutes(d.getMinutes() - (d.getMinutes() % 5), 0, 0);
    return d.getTime();
  };
  const morning = new Date(now);
  morning.setHours(9, 0, 0, 0);
  const out: { key: QuickTime; at: string }[] = [
    { key: 'now', at: toLocalInput(now) },
    { key: 'hour', at: toLocalInput(round(now - 3600_000)) },
  ];
  if (morning.getTime() < now - 3600_000) out.push({ key: 'morning', at: toLocalInput(morning.getTime()) });
  const yesterday = new Date(round(now));
  yesterday.setDate(yesterday.getDate() - 1);
  out.push({ key: 'yesterday', at: toLocalInput(yesterday.getTime()) });
  return out;
}

/**
 * People to offer as attendees, most recently met first (then by name); those matching `query`
 * by the start of any word of their name or title come first, then those containing it.
 */
export function attendeeOptions<P extends Person>(
  people: readonly P[],
  lastSeen: ReadonlyMap<string, number>,
  query: string,
  exclude: readonly string[],
): P[] {
  const q = query.trim().toLowerCase();
  const skip = new Set(exclude);
  const ranked = people
    .filter((p) => !skip.has(p.id))
    .map((p) => {
      const text = `${p.name} ${p.title}`.toLowerCase();
      const starts = q === '' || text.split(/\s+/).some((w) => w.startsWith(q)) || text.startsWith(q);
      const match = starts ? 0 : text.includes(q) ? 1 : 2;
      return { p, match, seen: lastSeen.get(p.id) ?? -1 };
    })
    .filter((r) => r.match < 2)
    .sort((a, b) => a.match - b.match || b.seen - a.seen || a.p.name.localeCompare(b.p.name));
  return ranked.map((r) => r.p);
}

/** When each person was last at an interaction, from the account's recent interactions. */
export function lastSeenOf(interactions: readonly { at: number; attendeeIds: readonly string[] }[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const i of interactions) for (const id of i.attendeeIds) if ((seen.get(id) ?? -1) < i.at) seen.set(id, i.at);
  return seen;
}
