// Main process, the scoring worker and Node scripts: the app's "now".
//
// DS_NOW=<date> (anything Date.parse reads: 2027-03-01, 2028-02-29T09:30:00Z) runs the app as if
// it were that moment: the clock starts there when the process starts and runs on in real time,
// so timers, "5 minutes ago" and rescoring still move. The scoring worker and any process started
// from here inherit the variable and the moment it was taken (DS_NOW_STARTED_AT), so they run the
// same clock; the renderer asks the host (`app.clock`) and keeps the same offset. The test harness sets it
// (test/clock.ts), so the suite never depends on the day it runs. Elapsed-time measurements
// (timeouts, restart windows, benches) keep using Date.now()/performance.now(): they are not dates.
import { CodedError } from '@shared/errors';

export const CLOCK_ENV = 'DS_NOW';

/**
 * `<real ms>@<DS_NOW>`: the real moment DS_NOW was taken as "now", set by the first thread that
 * reads it and inherited by every thread and process started after (a worker's env is a copy of
 * its parent's). Why: each thread used to take DS_NOW as its own start, so the scoring worker,
 * started by the first scoring call, ran behind the host by that delay (a minute or more on a
 * loaded machine); a meeting logged "now" was still in its future, did not count, and Today said
 * nothing moved. Honoured only for the same DS_NOW, so a process started with another date starts
 * its own clock.
 */
export const CLOCK_STARTED_ENV = 'DS_NOW_STARTED_AT';

export class ClockConfigError extends CodedError<'DS_CLOCK_INVALID'> {
  override name = 'ClockConfigError';

  constructor(value: string) {
    super(
      'DS_CLOCK_INVALID',
      `${CLOCK_ENV}="${value}" is not a date. Give an ISO date such as 2027-03-01 or 2027-03-01T09:30:00Z, or unset it to use the real clock.`,
    );
  }
}

/** The offset from the real clock that DS_NOW asks for, fixed at the moment this is called. */
export function clockOffsetFrom(value: string | undefined, realNow = Date.now()): number {
  if (value === undefined || value.trim() === '') return 0;
  const at = Date.parse(value.trim());
  if (!Number.isFinite(at)) throw new ClockConfigError(value);
  return at - realNow;
}

/**
 * The offset for this thread: the one inherited through CLOCK_STARTED_ENV when it was taken for
 * this DS_NOW, else a new one, which is then recorded there for the threads and processes that
 * this one starts.
 */
export function sharedClockOffset(env: NodeJS.ProcessEnv, realNow = Date.now()): number {
  const value = env[CLOCK_ENV];
  if (value === undefined || value.trim() === '') return 0;
  const started = /^(\d+)@(.*)$/s.exec(env[CLOCK_STARTED_ENV] ?? '');
  if (started && started[2] === value) return clockOffsetFrom(value, Number(started[1]));
  const offset = clockOffsetFrom(value, realNow);
  env[CLOCK_STARTED_ENV] = `${realNow}@${value}`;
  return offset;
}

const offset = sharedClockOffset(process.env);

/** Now, in ms since the epoch, as the app sees it (DS_NOW honoured). */
export function appNow(): number {
  return Date.now() + offset;
}

/** Midnight UTC of the app's today: the "now" the demo and `npm run seed` generate up to. */
export function startOfDay(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
