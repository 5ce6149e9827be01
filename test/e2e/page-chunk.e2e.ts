// Pages one click from an account load their code on demand (app/page-module.tsx, no Suspense).
// When that code cannot be fetched (the preview restarted, a network blip) the page says so in
// words and Try again opens it once the code can be had.
import { expect, test } from '@playwright/test';
import { holdAnswers } from './support/hold-answers';

test('a page whose code fails to load says so, and Try again opens it', async ({ page }) => {
  let failing = true;
  // Every request for the buying group page's chunk fails while `failing`, the idle prefetch's too.
  await page.route(/\/assets\/BuyingGroupPage-[^/]*\.js$/, (route) => (failing ? route.abort('connectionreset') : route.continue()));
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  await page.getByTestId('account-map-buying-group').click();

  await expect(page.getByRole('heading', { name: 'This page did not open' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Try again');

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('bg-node').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This page did not open' })).toHaveCount(0);
});

// The idle prefetch of those pages waits for the first page's answers: while Today waits for its
// data the window is idle, and the prefetched code's parsing used to land on the frames that draw
// Today's first cards. Today's answer is held here (the socket routed through the test) to see it.
test("the pages one click away fetch their code only after the first page's answers arrive", async ({ page }) => {
  const NEAR = /\/assets\/(AccountPage|OpportunityPage|BuyingGroupPage|AccountJourneyPage)-[^/]*\.js$/;
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (NEAR.test(request.url())) prefetched.push(request.url());
  });
  const { release } = await holdAnswers(page, 'scoring.today');
  await page.goto('/#/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  // Well past the idle callback's 300 ms timeout, within the 3 s the prefetch waits at most.
  await page.waitForTimeout(1500);
  expect(prefetched).toEqual([]);
  release();
  await expect(page.getByTestId('today-item').first()).toBeVisible();
  await expect.poll(() => prefetched.length).toBeGreaterThanOrEqual(4);
});
