import { REGIONS } from './words/regions';
import { localToUtc } from './timezone';

function localParts(utc: number, zone: string): { day: string; hour: number; minute: number } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(f.formatToParts(new Date(utc)).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

describe('localToUtc', () => {
  it('matches Intl for business hours in every seeded zone across two years', () => {
    const zones = REGIONS.flatMap((r) => r.zones);
    for (const zone of zones) {
      for (let d = Date.UTC(2024, 10, 1); d < Date.UTC(2026, 10, 1); d += 5 * 86_400_000) {
        const utc = localToUtc(zone, d, 10 * 60 + 30);
        const got = localParts(utc, zone.name);
        expect({ zone: zone.name, ...got }).toEqual({
          zone: zone.name,
          day: new Date(d).toISOString().slice(0, 10),
          hour: 10,
          minute: 30,
        });
      }
    }
  });
});
