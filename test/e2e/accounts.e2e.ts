// What a seller does first: find an account, open it, add a person they just met.
import { expect, test } from '@playwright/test';

test('filter accounts, open one, add a stakeholder that survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Accounts' }).click();
  const rows = page.getByTestId('account-row');
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  expect(total).toBeGreaterThan(1);

  const firstName = (await rows.first().innerText()).split('\n')[0]!.trim();
  await page.getByTestId('accounts-filter').fill(firstName);
  await expect(rows.first()).toContainText(firstName);
  expect(await rows.count()).toBeLessThan(total);
  await expect(page.getByTestId('accounts-count')).toContainText('of');

  await rows.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(firstName);
  await expect(page.getByTestId('stakeholder-row').first()).toBeVisible();

  const name = `Erin Evaluator ${Date.now()}`;
  await page.getByTestId('add-stakeholder').click();
  const form = page.getByTestId('stakeholder-form');
  await form.locator('[name="name"]').fill(name);
  await form.locator('[name="title"]').fill('Head of Data');
  await form.locator('[name="department"]').fill('IT');
  await form.getByLabel('Technical evaluator').check();
  await page.getByTestId('save-stakeholder').click();
  await expect(page.getByTestId('stakeholder-row').filter({ hasText: name })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('stakeholder-row').filter({ hasText: name })).toBeVisible();
});

test('a bad form entry shows a field error and saves nothing', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  // Count only once the account's people are on screen, not while the page is still loading.
  await expect(page.getByTestId('stakeholder-row').first()).toBeVisible();
  const before = await page.getByTestId('stakeholder-row').count();
  await page.getByTestId('add-stakeholder').click();
  await page.getByTestId('save-stakeholder').click();
  await expect(page.getByTestId('stakeholder-form')).toContainText(/required|at least|empty/i);
  await expect(page.getByTestId('stakeholder-row')).toHaveCount(before);
});
