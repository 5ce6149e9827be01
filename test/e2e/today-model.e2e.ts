// Today and Model: a seller finds who needs them next and logs the meeting in seconds; a manager
// sees what the model learned from, how well it predicts, and retrains it.
import { expect, test } from '@playwright/test';

test('Today ranks open deals; a meeting logged from Today shows on the account page', async ({ page }) => {
  await page.goto('/');
  const items = page.getByTestId('today-item');
  // The scoring worker starts with the first scoring call; give it time on a cold host.
  await expect(items.first()).toBeVisible({ timeout: 30_000 });
  expect(await items.count()).toBeGreaterThan(1);
  // Each best time says what it rests on: a habit seen in replies ("usually …"), or business
  // hours when there are too few replies to go on — never "usually" for a habit nobody has seen.
  const whens = await page.getByTestId('today-best-time').allInnerTexts();
  expect(whens.length).toBeGreaterThan(0);
  for (const when of whens) {
    expect(when).toMatch(
      /^.?\s*Best time: .+ · (.+: )?(usually .+ in \S+( \(only \d+ repl(y|ies)\))?|business hours .+ in \S+ \((no replies yet|only \d+ repl(y|ies))\))$/,
    );
  }

  // Logging a meeting rescores and may re-rank the list: follow the deal by its id, not by place
  // (nor by name: names are what people read, ids are what identify).
  const dealId = await items.first().getAttribute('data-opportunity-id');
  expect(dealId).toBeTruthy();
  const first = page.locator(`[data-testid="today-item"][data-opportunity-id="${dealId}"]`);
  await expect(first.getByTestId('win-badge')).toContainText('%');
  await first.getByRole('button', { name: 'Why?' }).click();
  await expect(first.getByTestId('score-factors')).toBeVisible();

  const accountLink = first.getByTestId('today-account');
  const accountName = (await accountLink.innerText()).trim();
  await first.getByTestId('log-interaction').click();
  const form = page.getByTestId('interaction-form');
  await expect(form).toBeVisible();
  // Attendees are chosen by type-ahead now (issue 15), no longer one checkbox each.
  if ((await form.getByTestId('attendee-chip').count()) === 0) {
    await form.getByRole('combobox', { name: 'Who was there' }).focus();
    await form.getByRole('option').first().click();
  }
  await form.locator('label').filter({ hasText: 'Warm' }).click();
  const note = `Whiteboard session on rollout ${Date.now()}`;
  await form.locator('textarea[name="notes"]').fill(note);
  // Fast keyboard flow: Enter saves from the fields (Ctrl+Enter from the notes).
  await form.locator('input[name="at"]').press('Enter');
  await expect(form).toBeHidden();
  await expect(first.getByRole('status')).toContainText('Logged');

  await accountLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(accountName);
  await expect(page.getByTestId('interaction-row').filter({ hasText: note })).toBeVisible();
  await expect(page.getByTestId('win-badge').first()).toBeVisible();
  await expect(page.getByTestId('engagement-row').first()).toBeVisible();
});

test('Model page shows the summary and both charts, exportable; retrain shows progress and finishes', async ({ page }) => {
  await page.goto('/#/model');
  const summary = page.getByTestId('model-summary');
  await expect(summary).toContainText('Closed deals learned from', { timeout: 30_000 });
  await expect(summary).toContainText(/buying research|learned from your/i);
  await expect(page.getByTestId('reliability-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('importance-chart').locator('svg')).toBeAttached();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Reliability as SVG' }).click();
  expect((await download).suggestedFilename()).toBe('deep-sales-reliability.svg');

  // Training the demo can finish within a frame or two, so the bar is recorded as it appears
  // (an observer in the page) instead of being looked for after the click.
  const progress = page.getByTestId('retrain-progress');
  await progress.evaluate((panel) => {
    const seen = { bar: false };
    (window as unknown as { retrainSeen: typeof seen }).retrainSeen = seen;
    new MutationObserver(() => {
      if (panel.getAttribute('data-state') === 'running' && panel.querySelector('progress')) seen.bar = true;
    }).observe(panel, { childList: true, subtree: true, attributes: true });
  });
  await page.getByTestId('retrain').click();
  await expect(page.getByTestId('retrain')).toBeEnabled({ timeout: 45_000 });
  expect(await page.evaluate(() => (window as unknown as { retrainSeen: { bar: boolean } }).retrainSeen.bar)).toBe(true);
  await expect(progress).toHaveAttribute('data-state', 'idle');
  // The demo may have too few closed deals to learn from; either way the outcome is in words.
  await expect(progress).toContainText(/Training finished|Training stopped/);
});
