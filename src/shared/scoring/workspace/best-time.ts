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
  return smoothInto(hist, new Float64Array(168));
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

// Scratch buffers: bestTime runs once per stakeholder in a full rescore (60k in an L workspace),
// so it allocates nothing per call beyond its result.
const SMOOTHED = new Float64Array(168);
const DAY_TOTAL = new Float64Array(7);
const HOUR_TOTAL = new Float64Array(24);
const DEFAULT_HIST = businessHoursHistogram();

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
  HOUR_TOTAL.fill(0);
  for (const d of days) for (let h = 0; h < 24; h++) HOUR_TOTAL[h]! += s[d * 24 + h]!;
  let bestH = 0;
  for (let h = 1; h < 23; h++) if (HOUR_TOTAL[h]! + HOUR_TOTAL[h + 1]! > HOUR_TOTAL[bestH]! + HOUR_TOTAL[bestH + 1]!) bestH = h;
  const window = `${dayRanges(days)} ${bestH}–${bestH + 2} in ${tz}`;
  let note = history ? `From ${samples} times they answered or reached out.` : 'No replies on record yet, so this is ordinary business hours.';
  if (!known) note += zone ? ` Time zone "${zone}" is not recognised; times are in UTC.` : ' No time zone on record; times are in UTC.';
  return { basis: history ? 'history' : 'business_hours', timezone: tz, window, nextSlotAt: nextSlot(s, tz, now), note };
}

function smoothInto(hist: Float64Array, out: Float64Array): Float64Array {
  for (let h = 0; h < 168; h++) {
    out[h] = hist[h]! + 0.5 * (hist[(h + 167) % 168]! + hist[(h + 1) % 168]!) + 0.25 * (hist[(h + 144) % 168]! + hist[(h + 24) % 168]!);
  }
  return out;
}

/**
 * First hour after `now` whose smoothed score is at least half the best, within two weeks. The
 * zone offset is taken once at `now`: across a DST switch inside the fortnight the slot can be
 * an hour off, which is within the two-hour window we show anyway.
 */
function nextSlot(s: Float64Array, zone: string, now: number): number {
  let max = 0;
  for (let h = 0; h < 168; h++) if (s[h]! > max) max = s[h]!;
  const start = Math.ceil(now / HOUR) * HOUR;
  if (max <= 0) return start;
  const how0 = hourOfWeek(zone, start);
  for (let k = 0; k < 336; k++) if (s[(how0 + k) % 168]! >= 0.5 * max) return start + k * HOUR;
  return start;
}
