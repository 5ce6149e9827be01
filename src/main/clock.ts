// Main process, the scoring worker and Node scripts: the app's "now".
//
// DS_NOW=<date> (anything Date.parse reads: 2027-03-01, 2028-02-29T09:30:00Z) runs the app as if
// it were that moment: the clock starts there when the process starts and runs on in real time,
// so timers, "5 minutes ago" and rescoring still move. The scoring process inherits the variable;
// the renderer asks the host (`app.clock`) and keeps the same offset. The test harness sets it
// (test/clock.ts), so the suite never depends on the day it runs. Elapsed-time measurements
// (timeouts, restart windows, benches) keep using Date.now()/performance.now(): they are not dates.
import { CodedError } from '@shared/errors';

export const CLOCK_ENV = 'DS_NOW';

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

const offset = clockOffsetFrom(process.env[CLOCK_ENV]);

/** Now, in ms since the epoch, as the app sees it (DS_NOW honoured). */
export function appNow(): number {
  return Date.now() + offset;
}

/** Midnight UTC of the app's today: the "now" the demo and `npm run seed` generate up to. */
export function startOfDay(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
