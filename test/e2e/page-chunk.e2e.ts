// Pages one click from an account load their code on demand (app/page-module.tsx, no Suspense).
// When that code cannot be fetched (the preview restarted, a network blip) the page says so in
// words and Try again opens it once the code can be had.
import { expect, test } from '@playwright/test';

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
