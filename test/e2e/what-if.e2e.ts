// What-if: a seller sees what would change a deal's odds, as the model's estimate, on Today and
// on the account page (the opportunity's Why panel) and on the opportunity page.
import { expect, test } from '@playwright/test';

const ODDS = /\d+% → \d+%/;

test('Today shows what-ifs: the best one on a card, all of them in its Why panel', async ({ page }) => {
  await page.goto('/');
  const items = page.getByTestId('today-item');
  await expect(items.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('today-what-if').first()).toContainText(ODDS, { timeout: 30_000 });
  const card = items.filter({ has: page.getByTestId('today-what-if') }).first();
  await card.getByRole('button', { name: 'Why?' }).click();
  const list = card.getByTestId('what-ifs');
  await expect(list).toContainText('What would change the odds');
  await expect(list.getByTestId('what-if').first()).toContainText(ODDS);
  await expect(list).toContainText('The model’s estimate');
});

test('the account page shows what-ifs for an open deal', async ({ page }) => {
  await page.goto('/');
  const card = page
    .getByTestId('today-item')
    .filter({ has: page.getByTestId('today-what-if') })
    .first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  const dealId = await card.getAttribute('data-opportunity-id');
  await card.getByTestId('today-account').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The deal's row: its score cell opens the Why panel below it.
  const why = page.locator(`#why-${dealId}`);
  await page.locator(`[aria-controls="why-${dealId}"]`).click();
  await expect(why.getByTestId('what-if').first()).toContainText(ODDS, { timeout: 30_000 });
});

test("a Today card's deal name opens the opportunity page, which shows the deal's what-ifs", async ({ page }) => {
  await page.goto('/');
  const card = page
    .getByTestId('today-item')
    .filter({ has: page.getByTestId('today-what-if') })
    .first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  const dealName = (await card.getByTestId('today-deal').innerText()).trim();
  await card.getByTestId('today-deal').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(dealName);
  const list = page.getByTestId('what-ifs');
  await expect(list).toContainText('What would change the odds', { timeout: 30_000 });
  await expect(list.getByTestId('what-if').first()).toContainText(ODDS);
  await expect(list).toContainText('The model’s estimate');
});
