// What-if: a seller sees what would change a deal's odds, as the model's estimate, on Today and
// on the account page (the opportunity's Why panel) and on the opportunity page.
import { expect, test, type Locator, type Page } from '@playwright/test';

const ODDS = /\d+% → \d+%/;

/**
 * Today with its full ranking: on the server's first open it is provisional for a moment and then
 * replaced, which would swap the cards under a click.
 */
async function openToday(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('today-item').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('today-provisional')).toHaveCount(0, { timeout: 60_000 });
}

/** Today's first card that shows a what-if. */
async function firstCardWithWhatIf(page: Page): Promise<Locator> {
  await openToday(page);
  const card = page
    .getByTestId('today-item')
    .filter({ has: page.getByTestId('today-what-if') })
    .first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  return card;
}

test('Today shows what-ifs: the card’s own action’s on the card, said to be the model’s estimate, all of them in its Why panel', async ({
  page,
}) => {
  await openToday(page);
  const items = page.getByTestId('today-item');
  await expect(page.getByTestId('today-what-if').first()).toContainText(ODDS, { timeout: 30_000 });
  const card = items.filter({ has: page.getByTestId('today-what-if') }).first();
  // The what-if is the one of the action the card suggests, and says it is an estimate.
  const action = (await card.locator('.action-title').innerText()).split(' — ')[0]!.trim();
  await expect(card.getByTestId('today-what-if')).toContainText(`${action} this week:`);
  await expect(card.locator('.what-if-caveat')).toContainText('The model’s estimate');
  await card.getByRole('button', { name: 'Why?' }).click();
  const list = card.getByTestId('what-ifs');
  await expect(list).toContainText('What would change the odds');
  await expect(list.getByTestId('what-if').first()).toContainText(ODDS);
  await expect(list).toContainText('The model’s estimate');
});

test('the account page shows what-ifs for an open deal', async ({ page }) => {
  const card = await firstCardWithWhatIf(page);
  const dealId = await card.getAttribute('data-opportunity-id');
  await card.getByTestId('today-account').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The deal's row: its score cell opens the Why panel below it.
  const why = page.locator(`#why-${dealId}`);
  await page.locator(`[aria-controls="why-${dealId}"]`).click();
  await expect(why.getByTestId('what-if').first()).toContainText(ODDS, { timeout: 30_000 });
});

test("a Today card's deal name opens the opportunity page, which shows the deal's what-ifs", async ({ page }) => {
  const card = await firstCardWithWhatIf(page);
  const dealName = (await card.getByTestId('today-deal').innerText()).trim();
  await card.getByTestId('today-deal').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(dealName);
  const list = page.getByTestId('what-ifs');
  await expect(list).toContainText('What would change the odds', { timeout: 30_000 });
  await expect(list.getByTestId('what-if').first()).toContainText(ODDS);
  await expect(list).toContainText('The model’s estimate');
});
