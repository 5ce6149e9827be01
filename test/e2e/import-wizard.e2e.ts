// A team coming from HubSpot: from the empty Accounts page into the import wizard, through the
// mapping, stage and preview steps, to their accounts — and a second import that changes nothing.
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview, extraPort } from './support/preview-process';

const HUBSPOT = path.resolve(import.meta.dirname, '../fixtures/crm/hubspot');
const ZOHO = path.resolve(import.meta.dirname, '../fixtures/crm/zoho');
const filesIn = (dir: string) => readdirSync(dir).map((n) => path.join(dir, n));

test('import a CRM export through the wizard into an empty workspace', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-e2e-import-'));
  // The suite's own preview holds the demo; an empty workspace of its own shows the empty page.
  const preview = await startPreview(extraPort(76), ['--data', dir, '--empty']);
  try {
    await page.goto(`${preview.url}/#/accounts`);
    await page.getByRole('link', { name: 'import them from your CRM' }).click();
    await expect(page.getByRole('heading', { name: 'Import from your CRM' })).toBeVisible();

    await page.getByTestId('import-files').setInputFiles(filesIn(HUBSPOT));
    const files = page.getByTestId('import-file');
    await expect(files).toHaveCount(4);
    await expect(page.getByTestId('import-crm').first()).toHaveValue('hubspot');
    const deals = files.filter({ hasText: 'deals.csv' });
    await expect(deals.getByTestId('import-kind')).toHaveValue('opportunities');
    await expect(deals.getByLabel('Deal Stage becomes')).toHaveValue('stage');
    // Column by column: stop importing the deals' amounts, then take them back.
    await deals.getByLabel('Amount becomes').selectOption('');
    await expect(deals.getByLabel('Amount becomes')).toHaveValue('');
    await deals.getByLabel('Amount becomes').selectOption('amount');
    await expect(deals.getByLabel('Amount becomes')).toHaveValue('amount');

    await page.getByTestId('import-next').click();
    const stages = page.getByTestId('import-stages');
    await expect(stages.getByLabel('closedwon becomes')).toHaveValue('won');
    await expect(stages.getByLabel('contractsent becomes')).toHaveValue('negotiate');
    await stages.getByLabel('contractsent becomes').selectOption('commit');
    await expect(page.getByTestId('import-owners')).toContainText('Maya Chen');

    await page.getByTestId('import-next').click();
    const previewPanel = page.getByTestId('import-preview');
    await expect(previewPanel).toContainText('Pinecrest Health');
    await expect(previewPanel).toContainText('Pinecrest - Imaging archive');

    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-done')).toHaveText('Import finished.');
    const counts = page.getByTestId('import-counts');
    await expect(counts.getByRole('row', { name: /^accounts/ })).toContainText('2');
    await expect(counts.getByRole('row', { name: /^opportunities/ })).toHaveText(/opportunities\s*3\s*0\s*0\s*0\s*0/);
    // The meeting without a date is listed with its file and line.
    await expect(page.getByTestId('import-errors')).toContainText('meetings.csv');
    await expect(page.getByTestId('import-errors').getByRole('row').filter({ hasText: 'The activity has no date.' })).toContainText('4');

    await page.getByRole('link', { name: 'See the accounts' }).click();
    await expect(page.getByTestId('account-row')).toHaveCount(2);
    await page.getByTestId('account-row').filter({ hasText: 'Pinecrest Health' }).click();
    await expect(page.getByText('Pinecrest - Imaging archive')).toBeVisible();

    // The same files again: nothing new, nothing duplicated.
    await page.goto(`${preview.url}/#/import`);
    await page.getByTestId('import-files').setInputFiles(filesIn(HUBSPOT));
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await expect(page.getByTestId('import-counts').getByRole('row', { name: /^accounts/ })).toHaveText(/accounts\s*0\s*0\s*2\s*0\s*0/);

    // A stage no pipeline knows must be chosen before its deal comes in.
    await page.getByRole('button', { name: 'Import more files' }).click();
    await page.getByTestId('import-files').setInputFiles(filesIn(ZOHO));
    await page.getByTestId('import-next').click();
    await expect(page.getByTestId('import-stages').getByLabel('Pending Board Vote becomes')).toHaveValue('');
    await page.getByTestId('import-stages').getByLabel('Pending Board Vote becomes').selectOption('commit');
    await page.getByTestId('import-next').click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-counts').getByRole('row', { name: /^opportunities/ })).toHaveText(
      /opportunities\s*3\s*0\s*0\s*0\s*0/,
    );
  } finally {
    await preview.stop();
  }
});
