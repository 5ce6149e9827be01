// Pure (shared): local business time → UTC for the zones the seed uses. Intl could do this, but
// it is ~100x slower and the L workspace places a million interactions; three DST rule families
// reproduce the real offsets for every business hour (timezone.test.ts checks against Intl).
import type { DstRule, Zone } from './words/regions';

const DAY = 86_400_000;
const boundaryCache = new Map<number, { usStart: number; usEnd: number; euStart: number; euEnd: number; auEnd: number; auStart: number }>();

/** Midnight UTC of the n-th (1-based) Sunday of a month; n = -1 for the last one. */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = Date.UTC(year, month, 1);
    const dow = new Date(first).getUTCDay();
    return first + (((7 - dow) % 7) + (n - 1) * 7) * DAY;
  }
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}

function boundaries(year: number) {
  let b = boundaryCache.get(year);
  if (!b) {
    b = {
      usStart: sunday(year, 2, 2),
      usEnd: sunday(year, 10, 1),
      euStart: sunday(year, 2, -1),
      euEnd: sunday(year, 9, -1),
      auEnd: sunday(year, 3, 1),
      auStart: sunday(year, 9, 1),
    };
    boundaryCache.set(year, b);
  }
  return b;
}

/** Whether daylight saving applies on a local calendar day (given as midnight UTC of that date). */
export function isDst(rule: DstRule, localDay: number): boolean {
  if (rule === 'none') return false;
  const b = boundaries(new Date(localDay).getUTCFullYear());
  if (rule === 'us') return localDay >= b.usStart && localDay < b.usEnd;
  if (rule === 'eu') return localDay >= b.euStart && localDay < b.euEnd;
  return localDay < b.auEnd || localDay >= b.auStart;
}

/** UTC instant of `minutes` past local midnight on a local calendar day (midnight UTC of that date). */
export function localToUtc(zone: Zone, localDay: number, minutes: number): number {
  const offset = zone.offsetMin + (isDst(zone.dst, localDay) ? 60 : 0);
  return localDay + (minutes - offset) * 60_000;
}

/** Local calendar day (as midnight UTC of that date) that contains a UTC instant. */
export function localDayOf(zone: Zone, utc: number): number {
  const approx = utc + zone.offsetMin * 60_000;
  const day = approx - (((approx % DAY) + DAY) % DAY);
  const offset = zone.offsetMin + (isDst(zone.dst, day) ? 60 : 0);
  const local = utc + offset * 60_000;
  return local - (((local % DAY) + DAY) % DAY);
}
