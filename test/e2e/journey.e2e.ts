// A facilitator opens a deal's journey from the account page, sees each person's lane and the
// loops back, adds a step, then runs the workshop and puts a sticky note up.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { biggestDeal } from './support/deals';

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

test("journey page's PDF: the app's vector PDF (not the print dialog), every lane whole on one page, a dated note", async ({ page }) => {
  test.setTimeout(90_000);
  // The deal with the most people: more than one journey page, so a lane could be cut between them.
  await page.goto('/#/workshop');
  const deal = await biggestDeal(page);
  expect(deal.lanes).toBeGreaterThan(12);
  await page.goto(`/#/workshop/${encodeURIComponent(deal.id)}`);
  const lanes = page.getByTestId('journey-lane');
  await expect(lanes.first()).toBeVisible();
  const workshopUrl = page.url();

  // A note put up from the map carries the time clicked (the dialog shows it; it can be cleared).
  const cell = lanes.first().locator('[data-testid="journey-cell"][data-job="validation"]');
  const box = (await cell.boundingBox())!;
  await cell.click({ position: { x: box.width / 2, y: box.height / 2 } });
  const dialog = page.getByTestId('workshop-note-dialog');
  await expect(dialog).toBeVisible();
  const when = await dialog.locator('input[name="when"]').inputValue();
  expect(when).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const text = `Procurement wants a second security review ${Date.now()}`;
  await dialog.locator('textarea[name="text"]').fill(text);
  await page.getByTestId('workshop-note-save').click();
  await expect(dialog).toBeHidden();
  // The board says whose note it is and the day it points at.
  const [wy] = when.split('-');
  await expect(page.locator('.workshop-note').filter({ hasText: text }).getByTestId('workshop-note-who')).toContainText(wy!);

  // A date outside the deal's life is refused in the dialog, in words.
  await page.getByTestId('workshop-add-note').click();
  await dialog.locator('textarea[name="text"]').fill('Too late');
  await dialog.locator('input[name="when"]').fill('2099-01-01');
  await page.getByTestId('workshop-note-save').click();
  await expect(dialog.getByText("the deal's life")).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(workshopUrl.replace('#/workshop/', '#/journey/'));
  await expect(lanes.first()).toBeVisible();
  const names = await lanes.evaluateAll((els) => els.map((el) => el.querySelector('g[transform^="translate(14,"] text')!.textContent!));
  const title = `${(await page.locator('.breadcrumbs a').nth(1).textContent())!} — ${(await page.locator('#page-title').textContent())!.replace(/: journey$/, '')}`;
  let printed = false;
  await page.exposeFunction('dsPrinted', () => {
    printed = true;
  });
  await page.evaluate(() => {
    window.print = () => (window as unknown as { dsPrinted: () => void }).dsPrinted();
  });
  const download = page.waitForEvent('download');
  await page.getByTestId('journey-export-pdf').click();
  const file = test.info().outputPath('journey.pdf');
  await (await download).saveAs(file);
  expect(printed).toBe(false);

  const pages = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  expect(flat(pages[0]!)).toContain(title);
  expect(flat(pages[0]!)).toContain('Buyer journey');
  const journeyPages = pages.filter((p) => p.trimStart().startsWith('Journey'));
  expect(journeyPages.length).toBe(Math.ceil(names.length / 12));
  // Every person's lane is drawn whole on exactly one page (a lane is never cut across pages).
  for (const name of names) expect(journeyPages.filter((p) => p.includes(name)).length, name).toBe(1);
  expect(pages.some((p) => p.trimStart().startsWith('Legend'))).toBe(true);
  const notes = pages.filter((p) => p.trimStart().startsWith('Notes')).map(flat);
  const mine = notes.find((p) => p.includes(text));
  expect(mine).toBeDefined();
  // The note's line names its person, job and the date it points at.
  const [y, m, d] = when.split('-').map(Number) as [number, number, number];
  const day = await page.evaluate(
    ([yy, mm, dd]) =>
      new Intl.DateTimeFormat(navigator.language, { day: 'numeric', month: 'short', year: 'numeric' }).format(
        new Date(yy!, mm! - 1, dd!, 12),
      ),
    [y, m, d],
  );
  expect(mine).toContain(`${names[0]} · Validation · ${day}`);
  const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+842 x 595 pts/);
  console.log(`[e2e] journey PDF: ${pages.length} pages, ${journeyPages.length} journey pages for ${names.length} people`);
});
