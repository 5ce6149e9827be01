// A seller moves a deal on from the account page, then back when the buyers reopen requirements:
// the table shows the loop back and the way the deal went, and it is still there after a reload.
import { expect, test } from '@playwright/test';

test('move a deal to another stage and back: the loop back is recorded and shown', async ({ page }) => {
  // The first account (by name) with an open deal: closed deals show their stage as text.
  await page.goto('/#/accounts');
  const stage = page.getByTestId('opportunity-stage').first();
  const accounts = page.getByTestId('account-row');
  await expect(accounts.first()).toBeVisible();
  for (let i = 0; i < (await accounts.count()); i++) {
    await accounts.nth(i).click();
    await expect(page.getByTestId('opportunity-row').first()).toBeVisible();
    if ((await stage.count()) > 0) break;
    await page.goBack();
  }
  await expect(stage).toBeVisible();
  const row = page.getByTestId('opportunity-row').filter({ has: stage });
  const before =
    (await row.getByTestId('opportunity-loops').count()) > 0
      ? Number(/(\d+)×|once/.exec(await row.getByTestId('opportunity-loops').innerText())?.[1] ?? 1)
      : 0;

  await stage.selectOption('negotiate');
  await expect(stage).toHaveValue('negotiate');
  await expect(stage).toBeEnabled();
  await stage.selectOption('discover');
  await expect(stage).toBeEnabled();
  await expect(row.getByTestId('opportunity-loops')).toContainText(before === 0 ? 'looped back once' : `looped back ${before + 1}×`);
  await expect(row.locator('td[title]').first()).toHaveAttribute('title', /Negotiate → Discover$/);

  await page.reload();
  await expect(page.getByTestId('opportunity-stage').first()).toHaveValue('discover');
  await page.locator('section[aria-labelledby="opportunities-title"]').screenshot({ path: 'test-results/deal-stage.png' });
});
