// Pure (shared): when a stakeholder tends to answer, as ONE model that gives both the words and
// the slots, so they cannot disagree:
//
//   1. Responsive interactions (two-way or from them) go on a 168-bin hour-of-week histogram in
//      the stakeholder's own zone, each weighted by recency (half-life RECENCY_HALF_LIFE_DAYS):
//      what they did last quarter counts more than what they did two years ago.
//   2. The histogram is smoothed over neighbouring hours and days; with fewer than MIN_HISTORY
//      replies, business hours (Tue–Thu 10–12) stand in, and the words say so.
//   3. The window is a set of weekdays (those with at least 60% of the best day's weight) times
//      one two-hour block (the best block over those days): the exact cells the words state.
//   4. Slots are the starts of that window's cells (both hours of each block) after `now`, in
//      order, each checked with an exact zone conversion: every slot lies inside the stated
//      window in the person's zone.
//   5. The seller's night: `slotFor` picks the first slot still ahead that is not at night in the
//      seller's zone (a block's second hour can be where the first is not); when every one is,
//      it keeps the first and says so (`atNightForSeller`).
//   6. How sure: the note names the number of replies it rests on ("only 2 replies to go on")
//      and how many of them fell in the window.
//
// Zone conversion uses Intl.DateTimeFormat (available in Node and browsers). Intl is slow
// (microseconds per call) and a full rescore places a million interactions, so the UTC offset
// is cached per zone and UTC day, taken at 12:00 UTC: only the hour or two around a DST switch
// can land one bin off, which the smoothing absorbs.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MIN_HISTORY = 3;

const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Per zone: UTC day number → offset in ms. Numeric keys: this sits in the hottest loop of a rescore. */
const offsets = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      f = null; // not an IANA zone this runtime knows: treated as UTC by the caller, which says so
    }
    formatters.set(zone, f);
  }
  return f;
}

export function isKnownZone(zone: string | undefined): zone is string {
  return !!zone && formatterFor(zone) !== null;
}

function offsetAtNoon(f: Intl.DateTimeFormat | null, day: number): number {
  if (!f) return 0;
  const noon = day * DAY + 12 * HOUR;
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0;
  for (const x of f.formatToParts(noon)) {
    if (x.type === 'year') y = +x.value;
    else if (x.type === 'month') mo = +x.value;
    else if (x.type === 'day') d = +x.value;
    else if (x.type === 'hour') h = +x.value;
    else if (x.type === 'minute') mi = +x.value;
  }
  return Date.UTC(y, mo - 1, d, h, mi) - noon;
}

/** The day → offset table of one zone (look it up once per stakeholder, not per interaction). */
export function zoneTable(zone: string): Map<number, number> {
  let table = offsets.get(zone);
  if (!table) offsets.set(zone, (table = new Map()));
  return table;
}

/** Local time minus UTC, in ms, for `zone` around instant `t`. */
export function zoneOffset(zone: string, t: number, table = zoneTable(zone)): number {
  const day = Math.floor(t / DAY);
  let off = table.get(day);
  if (off === undefined) {
    off = offsetAtNoon(formatterFor(zone), day);
    table.set(day, off);
  }
  return off;
}

/** Hour of week 0..167 (Monday 00:00 = 0) of instant `t` in `zone`. 1970-01-01 was a Thursday. */
export function hourOfWeek(zone: string, t: number, table = zoneTable(zone)): number {
  const local = t + zoneOffset(zone, t, table);
  const day = Math.floor(local / DAY);
  const dow = (((day + 3) % 7) + 7) % 7;
  return dow * 24 + Math.floor((local - day * DAY) / HOUR);
}

/** Circular smoothing: ±1 hour at half weight, same hour on neighbouring days at a quarter. */
export function smooth(hist: Float64Array): Float64Array {
  return smoothInto(hist, new Float64Array(168));
}

export interface BestTime {
  basis: 'history' | 'business_hours';
  timezone: string;
  /** "Tue–Thu 10–12 in Europe/Berlin" (hours in 24-hour time): exactly the cells every slot lies in. */
  window: string;
  /** Weekdays (0 = Mon) and the local hours [fromHour, fromHour + 2) of the window. */
  days: number[];
  fromHour: number;
  /** The first slot (the window's next cell start after now). */
  nextSlotAt: number;
  /** The next window cell starts over two weeks, in order (the seller's night is filtered with these). */
  slots: number[];
  /** Responsive interactions it rests on. */
  samples: number;
  confidence: 'none' | 'low' | 'medium' | 'high';
  note: string;
}

/** Half-life of a reply's weight: habits change, and last quarter says more than two years ago. */
export const RECENCY_HALF_LIFE_DAYS = 120;
/** Weight of a reply `ageMs` old. */
export function recencyWeight(ageMs: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / (RECENCY_HALF_LIFE_DAYS * DAY));
}

function dayRanges(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    parts.push(
      j - i >= 2
        ? `${WEEKDAYS[days[i]!]}–${WEEKDAYS[days[j]!]}`
        : days
            .slice(i, j + 1)
            .map((d) => WEEKDAYS[d])
            .join(', '),
    );
    i = j + 1;
  }
  return parts.join(', ');
}

/** Business hours Tue–Thu 10–12 local: a neutral default when someone never answered. */
export function businessHoursHistogram(): Float64Array {
  const h = new Float64Array(168);
  for (let d = 1; d <= 3; d++) for (let hr = 10; hr < 12; hr++) h[d * 24 + hr] = 1;
  return h;
}

// Scratch buffers: bestTime runs once per stakeholder in a full rescore (60k in an L workspace),
// so it allocates nothing per call beyond its result.
const SMOOTHED = new Float64Array(168);
const DAY_TOTAL = new Float64Array(7);
const HOUR_TOTAL = new Float64Array(24);
const DEFAULT_HIST = businessHoursHistogram();
/**
 * Both cells of three blocks: a week ahead for a three-day window. Stored with every stakeholder's
 * score (60k on L), so kept as few as before; a stored score shown after its slots have passed
 * shows none until the open's rescore replaces it (slotFor).
 */
const SLOTS = 6;

/** Exact local hour of week of `t` in `zone` (Intl, no cache): the check every slot passes. */
export function exactHourOfWeek(zone: string, t: number): number {
  const f = exactFormatter(zone);
  let wd = 0,
    h = 0;
  for (const x of f.formatToParts(t)) {
    if (x.type === 'weekday') wd = WEEKDAYS.indexOf(x.value as (typeof WEEKDAYS)[number]);
    else if (x.type === 'hour') h = +x.value % 24;
  }
  return wd * 24 + h;
}

const exactFormatters = new Map<string, Intl.DateTimeFormat>();
function exactFormatter(zone: string): Intl.DateTimeFormat {
  let f = exactFormatters.get(zone);
  if (!f)
    exactFormatters.set(
      zone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone: isKnownZone(zone) ? zone : 'UTC',
        hourCycle: 'h23',
        weekday: 'short',
        hour: 'numeric',
      })),
    );
  return f;
}

/**
 * `hist`: recency-weighted replies per local hour of week (see stakeholderActivity);
 * `samples`: how many replies (unweighted) it holds.
 */
export function bestTime(hist: Float64Array, samples: number, zone: string | undefined, now: number): BestTime {
  const known = isKnownZone(zone);
  const tz = known ? zone : 'UTC';
  const history = samples >= MIN_HISTORY;
  const s = history ? smoothInto(hist, SMOOTHED) : DEFAULT_HIST;
  let maxDay = 0;
  for (let d = 0; d < 7; d++) {
    let t = 0;
    for (let h = 0; h < 24; h++) t += s[d * 24 + h]!;
    DAY_TOTAL[d] = t;
    if (t > maxDay) maxDay = t;
  }
  const days: number[] = [];
  for (let d = 0; d < 7; d++) if (DAY_TOTAL[d]! > 0 && DAY_TOTAL[d]! >= 0.6 * maxDay) days.push(d);
  if (!days.length) days.push(1, 2, 3); // all weights underflowed (replies decades old): business days
  HOUR_TOTAL.fill(0);
  for (const d of days) for (let h = 0; h < 24; h++) HOUR_TOTAL[h]! += s[d * 24 + h]!;
  let bestH = history ? 0 : 10;
  // Blocks that wrap past midnight are not offered: "23:00–01:00" would span two weekdays.
  if (history)
    for (let h = 1; h < 23; h++) if (HOUR_TOTAL[h]! + HOUR_TOTAL[h + 1]! > HOUR_TOTAL[bestH]! + HOUR_TOTAL[bestH + 1]!) bestH = h;
  const window = `${dayRanges(days)} ${bestH}–${bestH + 2} in ${tz}`;
  const slots = windowSlots(days, bestH, tz, now, SLOTS);
  const inWindow = history ? shareInWindow(hist, days, bestH) : 0;
  const confidence = !history ? 'none' : samples < 5 ? 'low' : samples < 15 ? 'medium' : 'high';
  const replies = samples === 1 ? '1 reply' : `${samples} replies`;
  let note = !history
    ? samples === 0
      ? 'No replies on record yet, so this is ordinary business hours.'
      : `Only ${replies} on record, too few to go on, so this is ordinary business hours.`
    : confidence === 'low'
      ? `Only ${replies} to go on; treat this as a hint.`
      : `From ${replies}, recent ones counting most.`;
  if (history) note += ` ${Math.round(inWindow * 100)}% of their recent replies fell in this window.`;
  if (!known) note += zone ? ` Time zone "${zone}" is not recognised; times are in UTC.` : ' No time zone on record; times are in UTC.';
  return {
    basis: history ? 'history' : 'business_hours',
    timezone: tz,
    window,
    days,
    fromHour: bestH,
    nextSlotAt: slots[0]!,
    slots,
    samples,
    confidence,
    note,
  };
}

/** Weighted share of replies that fell in the window's cells. */
function shareInWindow(hist: Float64Array, days: number[], fromHour: number): number {
  let all = 0,
    inside = 0;
  for (let h = 0; h < 168; h++) all += hist[h]!;
  for (const d of days) inside += hist[d * 24 + fromHour]! + hist[d * 24 + fromHour + 1]!;
  return all > 0 ? inside / all : 0;
}

function smoothInto(hist: Float64Array, out: Float64Array): Float64Array {
  for (let h = 0; h < 168; h++) {
    out[h] = hist[h]! + 0.5 * (hist[(h + 167) % 168]! + hist[(h + 1) % 168]!) + 0.25 * (hist[(h + 144) % 168]! + hist[(h + 24) % 168]!);
  }
  return out;
}

/**
 * The next `count` starts of window cells after `now`: whole hours whose local hour of week is a
 * window cell. Candidates come from the cached zone offset (fast); each is confirmed with an
 * exact conversion, so a DST switch can only skip a candidate, never yield one outside the window.
 * In zones with a half-hour offset a whole UTC hour is a local :30, still inside its cell.
 */
function windowSlots(days: number[], fromHour: number, zone: string, now: number, count: number): number[] {
  const cell = new Uint8Array(168);
  for (const d of days) {
    cell[d * 24 + fromHour] = 1;
    cell[d * 24 + fromHour + 1] = 1;
  }
  const out: number[] = [];
  // Now itself, when this very moment is inside the window.
  if (cell[exactHourOfWeek(zone, now)]) out.push(now);
  const table = zoneTable(zone);
  for (let t = Math.floor(now / HOUR) * HOUR + HOUR; t < now + 22 * DAY && out.length < count; t += HOUR) {
    if (!cell[hourOfWeek(zone, t, table)] || !cell[exactHourOfWeek(zone, t)]) continue;
    // A block's second hour is a slot of its own: it may be morning for the seller where the
    // first is still night.
    out.push(t);
  }
  // Days and hours always name a cell, so a fortnight always holds one; this only guards a zone
  // table gone wrong.
  if (!out.length) out.push(now);
  return out;
}

/** Night in a zone: 21:00–07:00 local. */
export function isNightIn(zone: string, t: number): boolean {
  const h = exactHourOfWeek(zone, t) % 24;
  return h >= 21 || h < 7;
}

/** A slot this recent still reads as "now" (the words' rule); older ones have passed. */
export const NOW_GRACE_MS = 5 * 60_000;

/**
 * The slot to propose to a seller in `sellerZone` at `now`: the first one still ahead that is
 * not at night for them, or, when every one ahead is, the first with `atNightForSeller` set so
 * the words can say so. Null when every slot has passed: slots are stored with a score, and a
 * workspace reopened days later shows its stored scores until they are computed again.
 */
export function slotFor(
  t: Pick<BestTime, 'slots' | 'nextSlotAt'>,
  sellerZone: string,
  now: number,
): { at: number; atNightForSeller: boolean } | null {
  const slots = (t.slots.length ? t.slots : [t.nextSlotAt]).filter((at) => at >= now - NOW_GRACE_MS);
  if (!slots.length) return null;
  const day = slots.find((at) => !isNightIn(sellerZone, at));
  return day !== undefined ? { at: day, atNightForSeller: false } : { at: slots[0]!, atNightForSeller: true };
}
