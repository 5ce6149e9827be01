// A field seller's workspace lives on disk: what they add is there after the app restarts.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview, extraPort } from './support/preview-process';

test('a stakeholder added with --data DIR is there after the server restarts', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-e2e-data-'));
  let preview = await startPreview(extraPort(10), ['--data', dir]);
  const name = `Pat Persistent ${Date.now()}`;
  try {
    await page.goto(`${preview.url}/#/accounts`);
    await page.getByTestId('account-row').first().click();
    await page.getByTestId('add-stakeholder').click();
    const form = page.getByTestId('stakeholder-form');
    await form.locator('[name="name"]').fill(name);
    await form.locator('[name="title"]').fill('VP Operations');
    await form.locator('[name="department"]').fill('Operations');
    await page.getByTestId('save-stakeholder').click();
    await expect(page.getByTestId('stakeholder-row').filter({ hasText: name })).toBeVisible();
    const accountUrl = page.url();
    await preview.stop('SIGKILL');

    preview = await startPreview(extraPort(10), ['--data', dir]);
    await page.goto(accountUrl);
    await expect(page.getByTestId('stakeholder-row').filter({ hasText: name })).toBeVisible();
  } finally {
    await preview.stop();
  }
});
