// A relaunch asks Today's questions as the code starts (app/first-answers.ts), not after the app
// has mounted: mounting waits for the host's clock and the store gate, and Today's ranking used to
// be asked only after both had answered. The clock's answer is held here (the socket routed
// through the test) to see what has been asked meanwhile.
import { expect, test } from '@playwright/test';
import { holdAnswers } from './support/hold-answers';

test("Today's ranking, the store's health and who I am are asked before the host's clock answers", async ({ page }) => {
  const { asked, release } = await holdAnswers(page, 'app.clock');
  await page.goto('/#/today');
  await expect.poll(() => asked.map((a) => a.method).sort()).toEqual(['app.clock', 'scoring.today', 'team.me', 'workspace.health']);
  expect(asked.find((a) => a.method === 'scoring.today')!.input).toMatchObject({ mine: true });
  // Nothing is drawn until the clock is known (dates are the host's).
  await expect(page.getByTestId('today-item')).toHaveCount(0);
  release();
  await expect(page.getByTestId('today-item').first()).toBeVisible();
  // The page's own questions were answered from what was asked at boot: nothing asked twice
  // (until the host says scores changed — the preview stores its first scores meanwhile).
  expect(asked.filter((a) => a.method === 'scoring.today' && !a.afterEvent)).toHaveLength(1);
});

test('another page asks only the store gate’s question at boot', async ({ page }) => {
  const asked: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (frame) => asked.push((JSON.parse(String(frame.payload)) as { method: string }).method)));
  await page.goto('/#/accounts');
  await expect(page.getByTestId('account-row').first()).toBeVisible();
  expect(asked).not.toContain('scoring.today');
});
