// Renderer (pure): the quick "log an interaction" form's state, its defaults and its conversion
// to the API input. Times are edited in the user's local clock and stored as epoch ms.
import type { InteractionInput } from '@shared/api';
import type { BuyingJob, Channel, Direction, InteractionKind } from '@shared/domain';

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
  meeting: 'in_person', call: 'phone', email: 'email', event: 'event', content: 'web', web_visit: 'web', support_case: 'chat',
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
    kind: 'meeting', at: toLocalInput(now), channel: CHANNEL_FOR_KIND.meeting, direction: 'two_way',
    sentiment: 0, buyingJob: '', attendeeIds: [...attendeeIds], notes: '',
  };
}

export type DraftResult = { ok: true; input: InteractionInput } | { ok: false; errors: Partial<Record<'at' | 'attendeeIds', string>> };

export function draftToInput(draft: InteractionDraft, accountId: string, opportunityId: string | undefined, now: number): DraftResult {
  const at = fromLocalInput(draft.at);
  const errors: Partial<Record<'at' | 'attendeeIds', string>> = {};
  if (at === null) errors.at = 'Enter a date and time, for example today at 14:30.';
  else if (at > now + 366 * 24 * 3600_000) errors.at = 'That is more than a year ahead. Log interactions that happened or are booked.';
  if (draft.kind === 'meeting' && draft.attendeeIds.length === 0) errors.attendeeIds = 'Tick at least one person who was in the meeting.';
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
