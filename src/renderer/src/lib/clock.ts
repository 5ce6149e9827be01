// Renderer: the app's "now". The host may run as if it were another day (DS_NOW, for tests and
// demos); the renderer takes the host's clock once at start and keeps the same offset, so "today",
// "in 2 days" and a new meeting's default time agree with what the host scored and stored.
let offset = 0;

/** Now, in ms since the epoch, as the host sees it. */
export function now(): number {
  return Date.now() + offset;
}

/**
 * Takes the host's clock. Offsets under a second are the time the answer took, not a chosen
 * date, and are ignored.
 */
export function adoptHostClock(hostNow: number, sentAt: number, receivedAt: number): void {
  const diff = hostNow - (sentAt + receivedAt) / 2;
  offset = Math.abs(diff) < 1000 ? 0 : Math.round(diff);
}
