// Renderer (pure): scores in words — bands, sources, trends and reach-out times in the user's
// own clock. Kept apart from the widgets so the wording is tested without a browser.
import { USER_LOCALE } from '@renderer/lib/locale';
import type { NextBestAction, ScoreSource } from '@shared/domain';
import { NOW_GRACE_MS, slotFor } from '@shared/scoring/workspace/best-time';

export type Band = 'low' | 'medium' | 'high';

export const BAND_WORDS: Record<Band, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** Whether a change of odds shows as one: "95% → 95%" is no reason to suggest an action. */
export function readsAsMove(from: number, to: number): boolean {
  return percent(from) !== percent(to);
}

/** Where a score comes from, in one sentence a seller can repeat to a manager. */
export function sourceWords(source: ScoreSource, closedDeals: number): string {
  const deals = closedDeals === 1 ? '1 closed deal' : `${closedDeals} closed deals`;
  switch (source) {
    case 'prior':
      return 'Based on general B2B buying research; not yet learned from your team’s deals.';
    case 'blended':
      return `Blends general buying research with what was learned from ${deals} of your team.`;
    case 'model':
      return `Learned from ${deals} of your team.`;
  }
}

export const TREND_WORDS: Record<'rising' | 'steady' | 'cooling', { arrow: string; label: string }> = {
  rising: { arrow: '↑', label: 'Rising' },
  steady: { arrow: '→', label: 'Steady' },
  cooling: { arrow: '↓', label: 'Cooling' },
};

const DAY = 24 * 3600_000;
const time = new Intl.DateTimeFormat(USER_LOCALE, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(USER_LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** A slot within five minutes of now: "now", which needs no "your time" after it ("Best time: now"). */
export function slotIsNow(at: number, now: number): boolean {
  return Math.abs(at - now) < NOW_GRACE_MS;
}

/** A moment in the user's local time: "now", "today 14:30", "tomorrow 09:00", "Thu 12 Jun, 09:00". */
export function slotWords(at: number, now: number): string {
  if (slotIsNow(at, now)) return 'now';
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY);
  if (days === 0) return `today ${time.format(at)}`;
  if (days === 1) return `tomorrow ${time.format(at)}`;
  return dayAndTime.format(at);
}

/** Engagement 0–100 in a word, for the meter's accessible name. */
export function engagementWords(value: number): string {
  return value >= 70 ? 'strong' : value >= 40 ? 'moderate' : value >= 15 ? 'weak' : 'very weak';
}

/** The user's own time zone (the clock every "your time" is in). */
export const userZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * When to reach an action's person, for a user in `zone` at `now`: the first of its slots still
 * ahead that is not at night there, else the first with `atNightForSeller` set, so the words can
 * say so; null without a person to reach, or when every stored slot has passed.
 */
export function actionSlot(
  a: Pick<NextBestAction, 'when'> & { whenSlots?: readonly number[] },
  zone: string,
  now: number,
): { at: number; atNightForSeller: boolean } | null {
  if (a.when === null) return null;
  return slotFor({ slots: a.whenSlots?.length ? [...a.whenSlots] : [a.when], nextSlotAt: a.when }, zone, now);
}

type Sureness = 'none' | 'low' | 'medium' | 'high';

/**
 * A person's window in words, with what it rests on: "usually Tue–Thu 10–12 in Asia/Kolkata
 * (only 3 replies)", or, with too few replies to go on, "business hours Tue–Thu 10–12 in
 * Asia/Kolkata (no replies yet)" — never "usually" for a habit nobody has seen. Scores stored
 * before the window carried its sureness (null) read as they did: "usually …".
 */
export function windowWords(window: string, confidence: Sureness | null, samples: number | null): string {
  const replies = samples === 1 ? '1 reply' : `${samples ?? 0} replies`;
  if (confidence === 'none') return `business hours ${window} (${samples ? `only ${replies}` : 'no replies yet'})`;
  if (confidence === 'low') return `usually ${window} (only ${replies})`;
  return `usually ${window}`;
}
