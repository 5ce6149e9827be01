// Pure (shared): when a stakeholder tends to answer. Responsive interactions (two-way or from
// them) are placed on a 168-bin hour-of-week histogram in the stakeholder's own zone, smoothed
// over neighbouring hours and days, and read two ways: the usual window in words and the next
// good slot after `now`. Without enough history it falls back to business hours and says so.
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
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
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
  let y = 0, mo = 0, d = 0, h = 0, mi = 0;
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
  const out = new Float64Array(168);
  for (let h = 0; h < 168; h++) {
    out[h] = hist[h]! + 0.5 * (hist[(h + 167) % 168]! + hist[(h + 1) % 168]!) + 0.25 * (hist[(h + 144) % 168]! + hist[(h + 24) % 168]!);
  }
  return out;
}

export interface BestTime {
  basis: 'history' | 'business_hours';
  timezone: string;
  /** "Tue–Thu 9–11 in Europe/Berlin". */
  window: string;
  nextSlotAt: number;
  note: string;
}

function dayRanges(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${WEEKDAYS[days[i]!]}–${WEEKDAYS[days[j]!]}` : days.slice(i, j + 1).map((d) => WEEKDAYS[d]).join(', '));
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

export function bestTime(hist: Float64Array, samples: number, zone: string | undefined, now: number): BestTime {
  const known = isKnownZone(zone);
  const tz = known ? zone : 'UTC';
  const history = samples >= MIN_HISTORY;
  const s = history ? smooth(hist) : businessHoursHistogram();
  const dayTotal = Array.from({ length: 7 }, (_, d) => s.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
  const maxDay = Math.max(...dayTotal);
  const days = dayTotal.map((v, d) => (v >= 0.6 * maxDay && v > 0 ? d : -1)).filter((d) => d >= 0);
  const hourTotal = Array.from({ length: 24 }, (_, h) => days.reduce((a, d) => a + s[d * 24 + h]!, 0));
  let bestH = 0;
  for (let h = 0; h < 23; h++) if (hourTotal[h]! + hourTotal[h + 1]! > hourTotal[bestH]! + hourTotal[bestH + 1]!) bestH = h;
  const window = `${dayRanges(days)} ${bestH}–${bestH + 2} in ${tz}`;
  const notes: string[] = [];
  notes.push(history ? `From ${samples} times they answered or reached out.` : 'No replies on record yet, so this is ordinary business hours.');
  if (!known) notes.push(zone ? `Time zone "${zone}" is not recognised; times are in UTC.` : 'No time zone on record; times are in UTC.');
  return { basis: history ? 'history' : 'business_hours', timezone: tz, window, nextSlotAt: nextSlot(s, tz, now), note: notes.join(' ') };
}

/** First hour after `now` whose smoothed score is at least half the best, within two weeks. */
function nextSlot(s: Float64Array, zone: string, now: number): number {
  const table = zoneTable(zone);
  let max = 0;
  for (let h = 0; h < 168; h++) if (s[h]! > max) max = s[h]!;
  const start = Math.ceil(now / HOUR) * HOUR;
  for (let k = 0; k < 336; k++) {
    const t = start + k * HOUR;
    if (max > 0 && s[hourOfWeek(zone, t, table)]! >= 0.5 * max) return t;
  }
  return start;
}
