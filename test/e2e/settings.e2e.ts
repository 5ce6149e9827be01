// Settings: team sync sign-in errors in plain words, and the kept-conflicts review. The two-host
// sync journey lives in its own spec.
import { expect, test } from '@playwright/test';

test('connecting to a wrong server address says what went wrong and what to do', async ({ page }) => {
  await page.goto('/#/settings');
  const form = page.getByTestId('sync-form');
  // Port 9 (discard) refuses connections on loopback: nothing listens there.
  await form.locator('[name="serverUrl"]').fill('http://127.0.0.1:9');
  await form.locator('[name="email"]').fill('seller@example.com');
  await form.locator('[name="password"]').fill('not-the-password');
  await page.getByTestId('sync-connect').click();

  const error = page.getByTestId('sync-error');
  await expect(error).toContainText('Could not reach a sync server at http://127.0.0.1:9');
  await expect(error).toContainText('Check the address');
  await expect(error).not.toContainText('DS_SYNC');
  // Still signed out, the form still there to fix the address.
  await expect(form).toBeVisible();
  await expect(page.getByTestId('sync-disconnect')).toHaveCount(0);
});

test('an address without http:// is caught before any round trip', async ({ page }) => {
  await page.goto('/#/settings');
  const form = page.getByTestId('sync-form');
  await form.locator('[name="serverUrl"]').fill('sync.example.com');
  await form.locator('[name="email"]').fill('seller@example.com');
  await form.locator('[name="password"]').fill('x');
  await page.getByTestId('sync-connect').click();
  await expect(form).toContainText('starts with http:// or https://');
  await expect(form.locator('[name="serverUrl"]')).toHaveAttribute('aria-invalid', 'true');
});

test('with nothing kept from conflicts, the review explains what would appear there', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: /Conflicts kept for review/ })).toBeVisible();
  await expect(page.getByText('When two people change the same field')).toBeVisible();
  await expect(page.getByTestId('conflict-row')).toHaveCount(0);
});
