// axe on every page and dialog a seller, planner or facilitator meets, in one sweep: no serious
// or critical violation (issue 15). Pages with flows of their own are also checked in their files
// (records, today-mine, buying-group-map, workshop-present); this sweep is what none of them covers
// alone: the lists and pickers, the model and import pages, search and the log dialog.
import { expect, test } from '@playwright/test';
import { axe } from './support/axe';
import { biggestDeal } from './support/deals';

test('every page and dialog: no serious or critical axe violation', async ({ page }) => {
  test.setTimeout(180_000);
  const visit = async (hash: string, ready: string, what: string) => {
    await page.goto(`/#/${hash}`);
    await expect(page.getByTestId(ready).first()).toBeVisible();
    await axe(page, what);
  };
  await page.goto('/#/today');
  await expect(page.getByTestId('today-item').first()).toBeVisible();
  await axe(page, 'Today');
  await visit('accounts', 'account-row', 'Accounts');
  const deal = await biggestDeal(page);
  await page.getByTestId('account-row').first().click();
  await expect(page).toHaveURL(/#\/accounts\/[^/]+$/);
  const accountId = decodeURIComponent(new URL(page.url()).hash.replace('#/accounts/', ''));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await axe(page, 'Account');

  for (const [hash, what] of [
    ['buying-group', 'Buying group picker'],
    ['journey', 'Journey picker'],
    ['workshop', 'Workshop picker'],
    ['model', 'Model'],
    ['settings', 'Settings'],
    ['import', 'Import'],
  ] as const) {
    await page.goto(`/#/${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The page's data, not its loading state.
    await expect(page.getByRole('status', { name: /loading/i })).toHaveCount(0);
    await axe(page, what);
  }
  await visit(`buying-group/${encodeURIComponent(accountId)}`, 'bg-node', 'Buying group map');
  await visit(`accounts/${encodeURIComponent(accountId)}/journey`, 'account-journey-canvas', 'Account journey');
  await visit(`journey/${encodeURIComponent(deal.id)}`, 'journey-map', 'Deal journey');
  await visit(`workshop/${encodeURIComponent(deal.id)}`, 'presenter', 'Workshop');
  await visit(`opportunities/${encodeURIComponent(deal.id)}`, 'deal-buying-group', 'Opportunity');

  // Search (Ctrl+K) with results, then the log dialog (Ctrl+L) over the account page.
  await page.goto(`/#/accounts/${encodeURIComponent(accountId)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('search-palette');
  await expect(palette).toBeVisible();
  await page.getByTestId('search-input').fill('a');
  await expect(palette.locator('.palette-results')).toHaveAttribute('data-results-for', 'a');
  await axe(page, 'Search palette', '[data-testid="search-palette"]');
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('log-dialog')).toBeVisible();
  await axe(page, 'Log dialog', '[data-testid="log-dialog"]');
});
