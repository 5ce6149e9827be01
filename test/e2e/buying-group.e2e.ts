// A planner maps a buying group: everyone is on the map, people can be dragged into place,
// a new relationship appears as an edge, and the gaps in the group are named.
import { expect, test } from '@playwright/test';

test('map a buying group: one node per person, drag, connect two people, roles nobody covers', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  await page.getByTestId('account-map-buying-group').click();

  const nodes = page.getByTestId('bg-node');
  await expect(nodes.first()).toBeVisible();
  const people = await page.getByTestId('bg-person-row').count();
  expect(people).toBeGreaterThan(1);
  await expect(nodes).toHaveCount(people);

  // Drag a node nobody overlaps (the one really under the pointer) and check it lands there.
  const pick = await page.evaluate(() => {
    const all = [...document.querySelectorAll('[data-testid="bg-node"]')];
    return all.findIndex((node) => {
      const r = node.querySelector('circle.bg-body')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit?.closest('[data-testid="bg-node"]') === node;
    });
  });
  expect(pick).toBeGreaterThanOrEqual(0);
  const node = nodes.nth(pick);
  const box = (await node.locator('circle.bg-body').boundingBox())!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 60, y0 + 30, { steps: 5 });
  await page.mouse.move(x0 + 120, y0 + 60, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => {
      const b = (await node.locator('circle.bg-body').boundingBox())!;
      return Math.hypot(b.x + b.width / 2 - (x0 + 120), b.y + b.height / 2 - (y0 + 60));
    })
    .toBeLessThan(6);

  // Shift-click two people: the relationship dialog opens with them; save a conflict.
  const edges = page.getByTestId('bg-edge');
  const before = await edges.count();
  const conflictsBefore = await page.locator('[data-testid="bg-edge"][data-kind="conflicts_with"]').count();
  await nodes.nth(0).dispatchEvent('click', { shiftKey: true });
  await nodes.nth(1).dispatchEvent('click', { shiftKey: true });
  const dialog = page.getByTestId('bg-connect-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('select[name="kind"]').selectOption('conflicts_with');
  await dialog.locator('select[name="strength"]').selectOption('0.9');
  await page.getByTestId('bg-connect-save').click();
  await expect(dialog).toBeHidden();
  await expect(edges).toHaveCount(before + 1);
  await expect(page.locator('[data-testid="bg-edge"][data-kind="conflicts_with"]')).toHaveCount(conflictsBefore + 1);

  // Select it from the keyboard list and delete it again.
  const row = page.getByTestId('bg-relationship-row').filter({ hasText: 'Conflicts with' }).last();
  await row.getByRole('button', { name: 'Select' }).click();
  await page.getByTestId('bg-delete-edge').click();
  await expect(edges).toHaveCount(before);

  await expect(page.getByTestId('bg-uncovered')).toContainText(
    /All core roles are covered|Decision maker|Economic buyer|Champion|Technical evaluator|User/,
  );
});

test('the buying group page without an account offers a picker', async ({ page }) => {
  await page.goto('/#/buying-group');
  // The picker is a filterable list box of accounts (issue 15): its options are the links.
  await page.getByTestId('account-picker').getByRole('option').first().click();
  await expect(page.getByTestId('bg-node').first()).toBeVisible();
});

test('Journey and Workshop pick a deal: type to filter, Enter opens it', async ({ page }) => {
  for (const page_ of ['journey', 'workshop'] as const) {
    await page.goto(`/#/${page_}`);
    const picker = page.getByTestId('deal-picker');
    const first = picker.getByTestId('picker-item').first();
    await expect(first).toBeVisible();
    const name = (await first.locator('.cell-name').innerText()).trim();
    const id = await first.getAttribute('data-id');
    await picker.getByTestId('deal-picker-filter').fill(name);
    await expect(picker.getByRole('status')).toContainText(' of ');
    await expect(picker.locator(`[data-id="${id}"]`)).toHaveAttribute('aria-selected', 'true');
    await picker.getByTestId('deal-picker-filter').press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/${page_}/${id}$`));
  }
});
