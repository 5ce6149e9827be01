// A facilitator opens a deal's journey from the account page, sees each person's lane and the
// loops back, adds a step, then runs the workshop and puts a sticky note up.
import { expect, test } from '@playwright/test';

test('journey from the account page: lanes, loops back, add and remove a step', async ({ page }) => {
  // An open deal: its axis runs to its close date and marks today (a closed deal's does not).
  await page.goto('/#/accounts');
  const accounts = page.getByTestId('account-row');
  await expect(accounts.first()).toBeVisible();
  const openDeal = page.getByTestId('opportunity-row').filter({ has: page.getByTestId('opportunity-stage') });
  for (let i = 0; i < 12; i++) {
    await page.goto('/#/accounts');
    await accounts.nth(i).click();
    await expect(page.getByTestId('opportunity-row').first()).toBeVisible();
    if ((await openDeal.count()) > 0) break;
  }
  await openDeal.first().getByTestId('opportunity-journey').click();

  const lanes = page.getByTestId('journey-lane');
  await expect(lanes.first()).toBeVisible();
  expect(await lanes.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('journey-today')).toBeVisible();

  // The demo journeys loop back about three times in ten; when this deal has one, it is drawn.
  const loopRows = await page.getByTestId('journey-step-row').filter({ hasText: 'Loop back' }).count();
  if (loopRows > 0) await expect(page.getByTestId('journey-loop').first()).toBeVisible();

  // Click the first lane's Validation band near the right edge (after today: nothing drawn there).
  const steps = page.getByTestId('journey-step');
  const before = await steps.count();
  const cell = lanes.first().locator('[data-testid="journey-cell"][data-job="validation"]');
  const box = (await cell.boundingBox())!;
  await cell.click({ position: { x: box.width - 6, y: box.height / 2 } });
  const dialog = page.getByTestId('journey-step-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('select[name="job"]')).toHaveValue('validation');
  const note = `E2E step ${Date.now()}`;
  await dialog.locator('textarea[name="note"]').fill(note);
  await page.getByTestId('journey-step-save').click();
  await expect(dialog).toBeHidden();
  await expect(steps).toHaveCount(before + 1);
  const row = page.getByTestId('journey-step-row').filter({ hasText: note });
  await expect(row).toBeVisible();

  await row.getByTestId('journey-remove-step').click();
  await expect(row).toHaveCount(0);
  await expect(steps).toHaveCount(before);
});

test('workshop: add a sticky note and see it', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  await page.getByTestId('opportunity-workshop').first().click();
  await expect(page.getByTestId('journey-lane').first()).toBeVisible();

  const text = `Legal wants a DPA first ${Date.now()}`;
  await page.getByTestId('workshop-add-note').click();
  const dialog = page.getByTestId('workshop-note-dialog');
  await dialog.locator('textarea[name="text"]').fill(text);
  await dialog.getByLabel('Pink').check();
  await dialog.locator('select[name="job"]').selectOption('validation');
  await page.getByTestId('workshop-note-save').click();
  const note = page.getByTestId('workshop-note').filter({ hasText: text });
  await expect(note).toBeVisible();

  await note.getByTestId('workshop-note-remove').click();
  await expect(note).toHaveCount(0);
});
