import { spawnSync } from 'node:child_process';
import { ClockConfigError, clockOffsetFrom, startOfDay } from './clock';

describe('app clock (DS_NOW)', () => {
  it('is the real clock when unset or blank', () => {
    expect(clockOffsetFrom(undefined)).toBe(0);
    expect(clockOffsetFrom('  ')).toBe(0);
  });

  it('starts at the chosen date, leap days included', () => {
    const real = Date.UTC(2026, 11, 4, 16);
    expect(real + clockOffsetFrom('2028-02-29T00:00:00Z', real)).toBe(Date.UTC(2028, 1, 29));
    expect(real + clockOffsetFrom('2027-03-01', real)).toBe(Date.UTC(2027, 2, 1));
  });

  it('refuses what is not a date, with a code', () => {
    expect(() => clockOffsetFrom('next tuesday')).toThrow(ClockConfigError);
    expect(() => clockOffsetFrom('2027-13-45')).toThrow(/DS_NOW="2027-13-45" is not a date/);
  });

  it('gives midnight UTC of a day', () => {
    expect(startOfDay(Date.UTC(2028, 1, 29, 23, 59))).toBe(Date.UTC(2028, 1, 29));
  });

  it('is what the host process sees', () => {
    const script = "import('./src/main/clock.ts').then((c) => process.stdout.write(String(c.appNow())))";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      env: { ...process.env, DS_NOW: '2028-02-29T12:00:00Z' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(Math.abs(Number(run.stdout) - Date.UTC(2028, 1, 29, 12))).toBeLessThan(60_000);
  });
});
