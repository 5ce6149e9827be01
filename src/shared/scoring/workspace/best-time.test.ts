// Best time is one model: the words state a window and every slot lies inside it, in the
// person's own zone, checked with a conversion written independently of best-time.ts. Property
// test over every stakeholder of the demo (XS) and of M, at random moments.
import fc from 'fast-check';
import { DEFAULT_NOW, generateWorkspace, type SeedSize } from '@shared/seed';
import { bestTime, isNightIn, slotFor, WEEKDAYS, type BestTime } from './best-time';
import { ScoringEngine } from './engine';
import { stakeholderActivity } from './stakeholder';

const ORDER = ['accounts', 'stakeholders', 'opportunities', 'interactions', 'journeysteps'] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Local weekday (0 = Mon) and hour of `t` in `zone`, the plain way. */
function local(zone: string, t: number): { day: number; hour: number } {
  const text = new Date(t).toLocaleString('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
  const m = /^(\w{3}),? (\d{1,2})$/.exec(text);
  if (!m) throw new Error(`unexpected local time text: ${text}`);
  return { day: WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]), hour: Number(m[2]) };
}

function inWindow(t: BestTime, at: number): boolean {
  const l = local(t.timezone, at);
  return t.days.includes(l.day) && l.hour >= t.fromHour && l.hour < t.fromHour + 2;
}

/** The words name exactly the days and hours the slots are checked against. */
function wordsMatch(t: BestTime): boolean {
  const hours = ` ${t.fromHour}–${t.fromHour + 2} in ${t.timezone}`;
  const named = t.days.map((d) => WEEKDAYS[d]!);
  return t.window.endsWith(hours) && named.every((d, k) => t.window.includes(d) || (k > 0 && k < named.length - 1));
}

function people(size: SeedSize, seed: number) {
  const ws = generateWorkspace({ size, seed, now: DEFAULT_NOW });
  const engine = new ScoringEngine(() => DEFAULT_NOW);
  for (const c of ORDER) engine.apply(c, ws[c] as never);
  const s = engine.state;
  const list = s.stakeholders
    .map((doc, slot) => ({ doc, slot }))
    .filter((x): x is { doc: NonNullable<typeof x.doc>; slot: number } => !!x.doc);
  return {
    count: list.length,
    at: (k: number, now: number) => {
      const { doc, slot } = list[k]!;
      const a = stakeholderActivity(s, slot, now, doc.timezone ?? 'UTC');
      return bestTime(a.hist, a.samples, doc.timezone, now);
    },
  };
}

describe.each([
  ['XS', 7],
  ['M', 1],
] as const)('best time over every stakeholder of %s', (size, seed) => {
  const ws = people(size, seed);

  it('every slot of every stakeholder lies inside the stated window in their zone, at the pinned date', () => {
    expect(ws.count).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (let k = 0; k < ws.count; k++) {
      const t = ws.at(k, DEFAULT_NOW);
      if (!wordsMatch(t)) wrong.push(`words ${t.window} vs ${t.days}/${t.fromHour}`);
      if (t.nextSlotAt !== t.slots[0]) wrong.push('next slot is not the first slot');
      for (const at of t.slots) if (!inWindow(t, at) || at < DEFAULT_NOW) wrong.push(`${new Date(at).toISOString()} outside ${t.window}`);
    }
    expect(wrong).toEqual([]);
  });

  it('property: at any moment within two years, the next slot lies inside the stated window', () => {
    fc.assert(
      fc.property(fc.nat({ max: ws.count - 1 }), fc.integer({ min: -365 * DAY, max: 365 * DAY }), (k, shift) => {
        const now = DEFAULT_NOW + shift;
        const t = ws.at(k, now);
        expect(inWindow(t, t.nextSlotAt)).toBe(true);
        expect(t.nextSlotAt).toBeGreaterThanOrEqual(now);
        expect(t.nextSlotAt - now).toBeLessThan(8 * DAY);
        for (const at of t.slots) expect(inWindow(t, at)).toBe(true);
      }),
      { numRuns: size === 'XS' ? 300 : 500, seed: 19 },
    );
  });
});

describe('best time in words', () => {
  const at = (zone: string, day: number, hour: number, weeksAgo: number) => {
    // 2026-10-26 was a Monday; build a UTC instant then shift by the zone's offset roughly via search.
    const base = Date.UTC(2026, 9, 26) - weeksAgo * 7 * DAY + day * DAY;
    for (let h = -14; h <= 14; h++) {
      const t = base + (hour + h) * HOUR;
      const l = local(zone, t);
      if (l.day === day && l.hour === hour) return t;
    }
    throw new Error('no such local time');
  };
  const histOf = (zone: string, times: number[]) => {
    const h = new Float64Array(168);
    for (const t of times) {
      const l = local(zone, t);
      h[l.day * 24 + l.hour]! += 1;
    }
    return h;
  };

  it('says how sure it is', () => {
    const zone = 'America/Los_Angeles';
    const two = [at(zone, 0, 10, 1), at(zone, 0, 11, 2)];
    expect(bestTime(histOf(zone, two), 2, zone, DEFAULT_NOW)).toMatchObject({
      basis: 'business_hours',
      confidence: 'none',
      note: expect.stringMatching(/Only 2 replies/),
    });
    const three = [...two, at(zone, 0, 10, 3)];
    const t = bestTime(histOf(zone, three), 3, zone, DEFAULT_NOW);
    expect(t).toMatchObject({
      basis: 'history',
      confidence: 'low',
      days: [0],
      fromHour: 10,
      note: expect.stringMatching(/Only 3 replies to go on/),
    });
    expect(t.window).toBe('Mon 10–12 in America/Los_Angeles');
    const many = Array.from({ length: 20 }, (_, k) => at(zone, 1 + (k % 3), 9, k));
    expect(bestTime(histOf(zone, many), 20, zone, DEFAULT_NOW)).toMatchObject({ confidence: 'high', days: [1, 2, 3], fromHour: 8 });
  });

  it("offers a slot outside the seller's night, and says so when there is none", () => {
    // Tue–Thu 10–12 in Los Angeles is 19:00–21:00 in Berlin: the first one is fine for a Berlin seller.
    const la = bestTime(new Float64Array(168), 0, 'America/Los_Angeles', DEFAULT_NOW);
    const berlin = slotFor(la, 'Europe/Berlin', DEFAULT_NOW)!;
    expect(berlin.atNightForSeller).toBe(false);
    expect(isNightIn('Europe/Berlin', berlin.at)).toBe(false);
    // For a seller in Sydney every one of them falls between 04:00 and 07:00 (or 05:00–07:00 in
    // its summer): kept, and flagged.
    const sydney = slotFor(la, 'Australia/Sydney', DEFAULT_NOW);
    expect(sydney).toEqual({ at: la.slots[0], atNightForSeller: true });
  });

  it("offers a block's second hour when only that one is daytime for the seller", () => {
    // Tue–Thu 10–12 in Kolkata (UTC+5:30) is 05:30–07:30 in Berlin in winter: the 10:30 start is
    // night there, the 11:30 one (07:00 in Berlin) is not.
    const kolkata = bestTime(new Float64Array(168), 0, 'Asia/Kolkata', DEFAULT_NOW);
    const slot = slotFor(kolkata, 'Europe/Berlin', DEFAULT_NOW)!;
    expect(slot.atNightForSeller).toBe(false);
    expect(isNightIn('Europe/Berlin', slot.at)).toBe(false);
    expect(inWindow(kolkata, slot.at)).toBe(true);
    // Both hours of each block are slots, in order.
    expect(kolkata.slots.length).toBeGreaterThanOrEqual(6);
    expect(kolkata.slots.every((at, i) => i === 0 || at > kolkata.slots[i - 1]!)).toBe(true);
  });

  it('proposes no slot once every one has passed', () => {
    const t = bestTime(new Float64Array(168), 0, 'Europe/London', DEFAULT_NOW);
    expect(slotFor(t, 'Europe/London', t.slots.at(-1)! + 10 * 60_000)).toBeNull();
  });
});
