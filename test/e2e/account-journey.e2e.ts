// The account's journey: every person across the account's deals, filtered by deal, person,
// channel and job; the time axis zooms and pans (canvas). Screenshots at 1280 and 1920 wide.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const lanesOf = (page: Page) => page.getByTestId('aj-lane');
const attrs = async (page: Page) =>
  page.getByTestId('account-journey-canvas').evaluate((c: HTMLCanvasElement) => ({
    from: Number(c.dataset['from']),
    to: Number(c.dataset['to']),
    steps: Number(c.dataset['drawnSteps']),
    talks: Number(c.dataset['drawnInteractions']),
  }));

test('account journey: lanes across deals, filters, zoom and pan', async ({ page }) => {
  await page.goto('/#/accounts');
  // The account with the most deals of the first few (the demo's first accounts have several).
  const rows = page.getByTestId('account-row');
  await expect(rows.first()).toBeVisible();
  await rows.first().click();
  await page.getByTestId('account-journey').click();
  await expect(page.getByTestId('account-journey-canvas')).toBeVisible();
  const lanes = lanesOf(page);
  const all = await lanes.count();
  expect(all).toBeGreaterThan(1);
  const first = await attrs(page);
  expect(first.steps).toBeGreaterThan(0);

  // Person: only that person's lanes (one per deal they are in).
  const who = (await lanes.first().getAttribute('data-stakeholder'))!;
  await page.getByTestId('aj-filter-person').selectOption(who);
  await expect.poll(async () => new Set(await lanes.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-stakeholder')))).size).toBe(1);
  expect(await lanes.first().getAttribute('data-stakeholder')).toBe(who);
  await page.getByTestId('aj-clear').click();
  await expect(lanes).toHaveCount(all);

  // Deal: only that deal's lanes.
  const dealIds = [...new Set(await lanes.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-deal'))))];
  const deal = dealIds[dealIds.length - 1]!;
  await page.getByTestId('aj-filter-deal').selectOption(deal);
  await expect.poll(async () => [...new Set(await lanes.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-deal'))))]).toEqual([deal]);
  await page.getByTestId('aj-clear').click();

  // Channel: fewer (or as many) lanes, and every lane has interactions over it.
  await page.getByTestId('aj-filter-channel').selectOption('video');
  const videoLanes = await lanes.count();
  expect(videoLanes).toBeLessThanOrEqual(all);
  if (videoLanes > 0) for (const text of await lanes.allTextContents()) expect(text).not.toMatch(/· 0 interactions/);
  await page.getByTestId('aj-clear').click();

  // Job: the lanes of people who were in it or talked about it.
  await page.getByTestId('aj-filter-job').selectOption('validation');
  expect(await lanes.count()).toBeLessThanOrEqual(all);
  await page.getByTestId('aj-clear').click();
  await expect(lanes).toHaveCount(all);

  // Zoom in narrows the time in view; dragging moves it; "Whole time" restores it.
  await page.getByTestId('aj-zoom-in').click();
  await expect
    .poll(async () => {
      const a = await attrs(page);
      return a.to - a.from;
    })
    .toBeLessThan((first.to - first.from) * 0.6);
  const zoomed = await attrs(page);
  const box = (await page.getByTestId('account-journey-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + 60, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await attrs(page)).from).toBeGreaterThan(zoomed.from);
  await page.getByTestId('aj-fit').click();
  await expect.poll(async () => (await attrs(page)).from).toBe(first.from);

  const axe = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  expect(axe.violations).toEqual([]);

  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/shots/account-journey-${w}.png` });
  }
});
