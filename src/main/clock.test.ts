import { spawnSync } from 'node:child_process';
import { CLOCK_STARTED_ENV, ClockConfigError, clockOffsetFrom, sharedClockOffset, startOfDay } from './clock';

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

  it('is one clock for the thread that took DS_NOW and every thread or process started after it', () => {
    const env: NodeJS.ProcessEnv = { DS_NOW: '2027-03-01T09:00:00Z' };
    const hostStart = Date.UTC(2026, 11, 4, 16);
    const host = sharedClockOffset(env, hostStart);
    expect(env[CLOCK_STARTED_ENV]).toBe(`${hostStart}@2027-03-01T09:00:00Z`);
    // The scoring worker starts with the first scoring call, minutes later: same clock, not a new start.
    expect(sharedClockOffset({ ...env }, hostStart + 5 * 60_000)).toBe(host);
    // Started with another date: its own clock from its own start.
    const other = { ...env, DS_NOW: '2028-02-29' };
    expect(sharedClockOffset(other, hostStart + 60_000)).toBe(clockOffsetFrom('2028-02-29', hostStart + 60_000));
    expect(sharedClockOffset({}, hostStart)).toBe(0);
  });

  it('runs on from when DS_NOW was first taken in a process started later', () => {
    const script = "import('./src/main/clock.ts').then((c) => process.stdout.write(String(c.appNow())))";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      env: { ...process.env, DS_NOW: '2028-02-29T12:00:00Z', [CLOCK_STARTED_ENV]: `${Date.now() - 3_600_000}@2028-02-29T12:00:00Z` },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(Math.abs(Number(run.stdout) - Date.UTC(2028, 1, 29, 13))).toBeLessThan(60_000);
  });
});
