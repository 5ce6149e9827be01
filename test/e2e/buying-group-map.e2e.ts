// Issue 17: a map the planner keeps. Same data draws the same picture; a placed person stays
// placed across a reload; an edit on the map moves nobody and shows on the account page; the
// org chart and back; undo/redo; a keyboard-only walk; the exported SVG explains itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The machine is shared; a slow page is not what these tests judge.
test.setTimeout(180_000);

async function openMap(page: Page, accountIndex = 0): Promise<string> {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').nth(accountIndex).click();
  await page.getByTestId('account-map-buying-group').click();
  await expect(page.getByTestId('bg-node').first()).toBeVisible({ timeout: 60_000 });
  return page.url();
}

/** Graph-space position of everyone (the node's transform), by id. */
async function layout(page: Page): Promise<Record<string, string>> {
  await expect(page.getByTestId('bg-graph')).not.toHaveAttribute('data-settled', 'false');
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="bg-node"]')].map((n) => [n.getAttribute('data-id')!, n.getAttribute('transform')!]),
    ),
  );
}

async function unobstructedNode(page: Page): Promise<string> {
  const id = await page.evaluate(() => {
    const all = [...document.querySelectorAll('[data-testid="bg-node"]')];
    const found = all.find((node) => {
      const r = node.querySelector('circle.bg-body')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit?.closest('[data-testid="bg-node"]') === node;
    });
    return found?.getAttribute('data-id') ?? null;
  });
  expect(id).not.toBeNull();
  return id!;
}

test('the same map drawn twice is identical; a placed person stays placed after reload', async ({ page }) => {
  const url = await openMap(page);
  const first = await layout(page);
  expect(Object.keys(first).length).toBeGreaterThan(1);
  await page.reload();
  await expect(page.getByTestId('bg-node').first()).toBeVisible({ timeout: 60_000 });
  expect(await layout(page)).toEqual(first);

  const id = await unobstructedNode(page);
  const node = page.locator(`[data-testid="bg-node"][data-id="${id}"]`);
  const box = (await node.locator('circle.bg-body').boundingBox())!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 50, y0 + 40, { steps: 6 });
  await page.mouse.move(x0 + 90, y0 + 70, { steps: 6 });
  await page.mouse.up();
  const dropped = await node.getAttribute('transform');
  expect(dropped).not.toEqual(first[id]);
  // Saved: the undo button lights up, and the write comes back from the host unchanged.
  await expect(page.getByTestId('bg-undo')).toBeEnabled();
  await page.waitForTimeout(500);
  await page.goto(url);
  await page.reload();
  await expect(node).toBeVisible({ timeout: 60_000 });
  const after = await layout(page);
  expect(after[id]).toEqual(dropped);
  // Everyone else is where the fresh layout puts them, which is where they were before.
  const moved = Object.keys(first).filter((k) => k !== id && after[k] !== first[k]);
  expect(moved.length).toBeLessThanOrEqual(2);
});

test('edit a stance on the map: nobody moves, the account page agrees; undo and redo; org chart and back', async ({ page }) => {
  await openMap(page, 1);
  const before = await layout(page);
  const id = await unobstructedNode(page);
  const node = page.locator(`[data-testid="bg-node"][data-id="${id}"]`);
  await node.click();
  const name = (await page.locator('#bg-person-title').textContent())!;
  const stance = page.getByTestId('bg-edit-stance');
  const original = await stance.inputValue();
  const next = original === 'champion' ? 'opponent' : 'champion';
  await stance.selectOption(next);
  await expect(node.locator('.bg-glyph text')).toHaveText(next === 'champion' ? '★' : '−');
  expect(await layout(page)).toEqual(before);

  // Undo / redo from the keyboard (focus on the map, not in a field).
  await node.focus();
  await page.keyboard.press('Control+z');
  await expect(stance).toHaveValue(original);
  await page.keyboard.press('Control+Shift+Z');
  await expect(stance).toHaveValue(next);
  expect(await layout(page)).toEqual(before);

  // Org chart and back: a different picture, then exactly the first one again.
  await page.getByTestId('bg-layout-org').click();
  await expect.poll(async () => JSON.stringify(await layout(page))).not.toEqual(JSON.stringify(before));
  await page.getByTestId('bg-layout-force').click();
  await expect.poll(async () => JSON.stringify(await layout(page))).toEqual(JSON.stringify(before));

  // The account page shows the new stance.
  await page.locator('#bg-person-title').locator('xpath=..').getByRole('link', { name: 'Edit on the account page' }).click();
  const row = page.getByTestId('stakeholder-row').filter({ hasText: name });
  await expect(row).toContainText(next === 'champion' ? 'Champion' : 'Opponent');
});

test('keyboard only: tab to a person, arrow to a connected one, Enter opens the side panel', async ({ page }) => {
  await openMap(page);
  await page.getByTestId('bg-deal-filter').focus();
  let focused = '';
  for (let i = 0; i < 40 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() =>
      document.activeElement?.getAttribute('data-testid') === 'bg-node' ? document.activeElement.getAttribute('data-id')! : '',
    );
  }
  expect(focused).not.toBe('');
  const label = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
  expect(label).toMatch(/stance: /);
  let reached = '';
  for (const key of ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft']) {
    await page.keyboard.press(key);
    const now = await page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? '');
    if (now && now !== focused) {
      reached = now;
      break;
    }
  }
  expect(reached).not.toBe('');
  // The walk went along a line: some edge joins the two people.
  // (A line or a suggested ghost line: both join people on the map.)
  const joined = page.locator(
    `g[data-source="${focused}"][data-target="${reached}"], g[data-source="${reached}"][data-target="${focused}"]`,
  );
  expect(await joined.count()).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  const name = await page.evaluate(() => document.activeElement!.querySelector('text.bg-name')!.textContent);
  await expect(page.locator('#bg-person-title')).toHaveText(name!);
});

test('exported SVG holds every name, the legend and the highlighted deal', async ({ page }) => {
  await openMap(page);
  // Highlight a deal (the first one listed), so the export has to name it.
  await page.getByTestId('bg-deal-filter').selectOption({ index: 1 });
  const deal = await page.getByTestId('bg-deal-filter').locator('option:checked').textContent();
  const dealName = deal!.replace(/ \(.*$/, '');
  const names = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="bg-node"] text.bg-name')].map((t) => t.textContent!),
  );
  const download = page.waitForEvent('download');
  await page.getByTestId('bg-export-svg').click();
  const file = await (await download).path();
  const svg = readFileSync(file!, 'utf8');
  for (const n of names) expect(svg).toContain(n.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  for (const word of ['Champion', 'Opponent', 'Reports to', 'Influences', 'Size = influence']) expect(svg).toContain(word);
  expect(svg).toContain(`Highlighted deal: ${dealName.replace(/&/g, '&amp;')}`);

  // PNG: a real PNG file.
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('bg-export-png').click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  // PDF: one page, read back as text: the title and the highlighted deal are on it.
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('bg-export-pdf').click();
  const pdfFile = (await (await pdfDownload).path())!;
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\b/);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const account = (await page.locator('#page-title').textContent())!.replace(/: buying group$/, '');
  const plain = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  expect(plain(text)).toContain(plain(`${account} — buying group`));
  expect(plain(text)).toContain(plain(`Highlighted deal: ${dealName}`));
});

test('coverage: our team beside the people they met; gaps listed with an action and ringed on the map', async ({ page }) => {
  await openMap(page);
  const gaps = page.getByTestId('bg-coverage-gap');
  await expect(page.getByTestId('bg-coverage')).toBeVisible();
  const count = await gaps.count();
  // Every gap says what to do.
  for (let i = 0; i < count; i++) await expect(gaps.nth(i).locator('.bg-side-scope')).toContainText('→ ');
  // Someone was met: their node carries our teammate's initials, and the panel names the teammate.
  const covered = page.locator('[data-testid="bg-node"][data-cover]').first();
  await expect(covered).toBeAttached();
  const initials = (await covered.getAttribute('data-cover'))!;
  await covered.dispatchEvent('click');
  const by = page.getByTestId('bg-covered-by');
  await expect(by).toContainText(/\d+ logged interactions?, last/);
  const firstName = (await by.textContent())!.split(' (')[0]!;
  expect(
    firstName
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .slice(0, 1),
  ).toBe(initials[0]);
  // With a deal highlighted, a gap about a person rings that person on the map, and "Show" selects them.
  await page.getByTestId('bg-deal-filter').selectOption({ index: 1 });
  const withPerson = gaps.filter({ has: page.getByRole('button', { name: /^Show / }) });
  expect(await withPerson.count()).toBeGreaterThan(0);
  const button = withPerson
    .first()
    .getByRole('button', { name: /^Show / })
    .first();
  const who = (await button.textContent())!.replace(/^Show /, '');
  await button.click();
  await expect(page.locator('#bg-person-title')).toHaveText(who);
  const node = page.locator('[data-testid="bg-node"][aria-pressed="true"]');
  await expect(node).toHaveAttribute('data-flag', 'true');
  await expect(node).toHaveAttribute('aria-label', /gap: /);
});

test('collapse a department into one node with a count; expanding restores everyone where they were', async ({ page }) => {
  await openMap(page);
  const before = await layout(page);
  await page.getByTestId('bg-departments').locator('summary').click();
  const toggle = page.getByTestId('bg-dept-toggle').first();
  const dept = (await toggle.getAttribute('data-dept'))!;
  const size = Number(await toggle.locator('xpath=..').locator('.count').textContent());
  await toggle.click();
  const deptNode = page.locator(`[data-testid="bg-node"][data-id="dept:${dept}"]`);
  await expect(deptNode).toBeVisible();
  await expect(deptNode.locator('text.bg-roles')).toHaveText(new RegExp(`${size} (people|person) · collapsed`));
  await expect(page.getByTestId('bg-node')).toHaveCount(Object.keys(before).length - size + 1);
  // Clicking the department node expands it: the same picture as before.
  await deptNode.dispatchEvent('click');
  await expect(deptNode).toHaveCount(0);
  await expect.poll(async () => JSON.stringify(await layout(page))).toEqual(JSON.stringify(before));
});

test('axe: no serious or critical violation on the map page, both layouts, with a person open in the side panel', async ({ page }) => {
  await openMap(page);
  await page.getByTestId('bg-node').first().dispatchEvent('click');
  await expect(page.getByTestId('bg-edit-stance')).toBeVisible();
  for (const kind of ['force', 'org'] as const) {
    await page.getByTestId(`bg-layout-${kind}`).click();
    await expect(page.getByTestId('bg-graph')).not.toHaveAttribute('data-settled', 'false');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${kind} ${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    expect(bad).toEqual([]);
  }
});

test('accept and dismiss a suggestion from interactions; the dismissal survives a reload', async ({ page }) => {
  await openMap(page, 2);
  const rows = page.getByTestId('bg-suggestion-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('bg-suggestion').first()).toBeAttached();
  const dismissedKey = (await rows.first().getAttribute('data-key'))!;
  await rows.first().getByTestId('bg-dismiss-suggestion').click();
  await expect(page.locator(`[data-testid="bg-suggestion-row"][data-key="${dismissedKey}"]`)).toHaveCount(0);

  const edges = page.getByTestId('bg-edge');
  const before = await edges.count();
  const accepted = rows.first();
  const acceptedKey = (await accepted.getAttribute('data-key'))!;
  await accepted.getByTestId('bg-accept-suggestion').click();
  await expect(edges).toHaveCount(before + 1);
  await expect(page.locator(`[data-testid="bg-suggestion-row"][data-key="${acceptedKey}"]`)).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('bg-node').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(`[data-testid="bg-suggestion-row"][data-key="${dismissedKey}"]`)).toHaveCount(0);
  await expect(edges).toHaveCount(before + 1);
});

test('edit on the map: deal role, add and remove a person, draw and delete a line — every one undoable', async ({ page }) => {
  await openMap(page, 1);
  await page.getByTestId('bg-deal-filter').selectOption({ index: 1 });
  const nodes = page.getByTestId('bg-node');
  const count = await nodes.count();

  // Add a new person from the side panel: a new node, selected.
  const form = page.getByTestId('bg-add-person');
  await form.locator('[name="name"]').fill('Quentin Newcomer');
  await form.locator('[name="title"]').fill('Head of Data');
  await page.getByTestId('bg-add-person-save').click();
  await expect(nodes).toHaveCount(count + 1);
  await expect(page.locator('#bg-person-title')).toHaveText('Quentin Newcomer');
  const node = page.locator('[data-testid="bg-node"]').filter({ has: page.locator('text.bg-name', { hasText: 'Quentin Newcomer' }) });

  // Put them in the highlighted deal's group: the line under their name says so; undo takes it back.
  const dealRole = page.getByTestId('bg-edit-deal-role');
  await expect(dealRole).toHaveValue('');
  await dealRole.selectOption('technical_evaluator');
  await expect(node.locator('text.bg-roles')).toHaveText(/On deal: Technical evaluator/);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(node.locator('text.bg-roles')).not.toHaveText(/On deal/);
  await page.keyboard.press('Control+Shift+Z');
  await expect(node.locator('text.bg-roles')).toHaveText(/On deal: Technical evaluator/);

  // Draw a line from them to someone else, then undo it.
  const edges = page.getByTestId('bg-edge');
  const lines = await edges.count();
  await node.dispatchEvent('click');
  await page.getByTestId('bg-add-relationship').click();
  await page.getByTestId('bg-connect-save').click();
  await expect(edges).toHaveCount(lines + 1);
  await page.getByTestId('bg-undo').click();
  await expect(edges).toHaveCount(lines);
  await page.getByTestId('bg-redo').click();
  await expect(edges).toHaveCount(lines + 1);

  // Delete an existing line (select it in the list), undo brings it back.
  const row = page.getByTestId('bg-relationship-row').first();
  await row.getByRole('button', { name: 'Select' }).click();
  await page.getByTestId('bg-delete-edge').click();
  await expect(edges).toHaveCount(lines);
  await page.getByTestId('bg-undo').click();
  await expect(edges).toHaveCount(lines + 1);

  // Remove the new person (their line goes with them); undo brings both back.
  await node.dispatchEvent('click');
  await page.getByTestId('bg-remove-person').click();
  await expect(nodes).toHaveCount(count);
  await expect(edges).toHaveCount(lines);
  await page.getByTestId('bg-undo').click();
  await expect(nodes).toHaveCount(count + 1);
  await expect(edges).toHaveCount(lines + 1);
});
