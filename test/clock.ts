// Tests (vitest and Playwright configs): the moment the suite runs at. Every test that uses the
// demo or a generated workspace sees this date, whatever day the suite runs on; run the whole
// suite as if it were another date with `DS_NOW=2027-03-01 npm test` (src/main/clock.ts reads it
// in the host, the scoring process and scripts; the renderer takes it from the host).
export const DEFAULT_TEST_NOW = '2026-11-16T10:00:00Z';

export function testNow(): string {
  const chosen = process.env['DS_NOW'];
  return chosen && chosen.trim() !== '' ? chosen : DEFAULT_TEST_NOW;
}
