// A seller finds anyone or anything in a keystroke: Ctrl/Cmd+K, part of a name or a word of a
// note, arrows and Enter; and no page lets the window scroll past its height.
import { expect, test, type Page } from '@playwright/test';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openSearch(page: Page) {
  await page.keyboard.press(`${MOD}+k`);
  const palette = page.getByTestId('search-palette');
  await expect(palette).toBeVisible();
  await expect(page.getByTestId('search-input')).toBeFocused();
  return palette;
}

test('Ctrl/Cmd+K finds a person by part of a name and a deal by a word of a note', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  const person = (await page.getByTestId('stakeholder-row').first().locator('th').innerText()).trim();
  const account = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const [first, last] = person.split(' ') as [string, string];

  let palette = await openSearch(page);
  await page.keyboard.type(`${first.slice(0, 3)} ${last.slice(0, 3)}`);
  const personHit = palette.locator('[data-testid="search-result"][data-kind="person"]').filter({ hasText: person });
  await expect(personHit.first()).toBeVisible();
  await expect(personHit.first()).toContainText(account);
  // Keyboard only: arrow down to the person, Enter opens their page, focus leaves the palette.
  const options = palette.getByTestId('search-result');
  const target = await personHit.first().getAttribute('data-id');
  for (let i = 0; i < 20 && (await options.nth(0).getAttribute('aria-selected')) !== null; i++) {
    const activeId = await palette.locator('[aria-selected="true"]').getAttribute('data-id');
    if (activeId === target) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(palette.locator('[aria-selected="true"]')).toHaveAttribute('data-id', target!);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(person);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(account);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(account);

  // A word from a logged note finds the interaction, titled with its deal.
  const note = (await page.getByTestId('interaction-row').first().locator('.timeline-notes').getAttribute('title')) ?? '';
  const word = note
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length >= 6)
    .at(-1)!;
  palette = await openSearch(page);
  await page.keyboard.type(word.toLowerCase());
  const noteHit = palette.locator('[data-testid="search-result"][data-kind="interaction"]').first();
  await expect(noteHit).toBeVisible();
  await expect(noteHit.locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test('a deal found by name opens the deal’s own page', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  const link = page.getByTestId('opportunity-link').first();
  const deal = (await link.innerText()).trim();
  const dealId = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).hash.split('/').pop()!;

  const palette = await openSearch(page);
  await page.keyboard.type(deal);
  const hit = palette.locator(`[data-testid="search-result"][data-kind="opportunity"][data-id="${dealId}"]`);
  await expect(hit).toBeVisible();
  for (let i = 0; i < 20; i++) {
    if ((await palette.locator('[aria-selected="true"]').getAttribute('data-id')) === dealId) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/opportunities/${dealId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deal);
});

test('a typo still finds the person; nothing found says so', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  const rows = page.getByTestId('stakeholder-row');
  await expect(rows.first()).toBeVisible();
  const names = (await rows.locator('th').allInnerTexts()).map((n) => n.trim());
  const person = names.find((n) => (n.split(' ')[1] ?? '').length >= 6) ?? names[0]!;
  const last = person.split(' ')[1]!;
  const typo = `${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4)}`; // two letters swapped

  await page.getByTestId('open-search').click();
  const palette = page.getByTestId('search-palette');
  await page.getByTestId('search-input').fill(typo);
  await expect(palette.locator('[data-kind="person"]').filter({ hasText: person }).first()).toBeVisible();
  await page.getByTestId('search-input').fill('qqqzzzxxy');
  await expect(palette.getByRole('status')).toContainText('Nothing matches');
});

const PAGES = ['#/today', '#/accounts', '#/buying-group', '#/journey', '#/workshop', '#/model', '#/settings'];

test('no page lets the window scroll past its height, whatever is under the wheel', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByTestId('account-row').first().click();
  const accountHash = new URL(page.url()).hash;
  for (const hash of [...PAGES, accountHash]) {
    await page.goto(`/${hash}`);
    await page.waitForLoadState('networkidle');
    for (const selector of ['.nav', '.topbar', '.main']) {
      const box = await page.locator(selector).first().boundingBox();
      if (!box) continue;
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 2000);
    }
    const sizes = await page.evaluate(() => ({
      doc: document.documentElement.scrollHeight,
      win: window.innerHeight,
      scrollY: window.scrollY,
    }));
    expect(sizes.scrollY, `${hash} scrolled the window`).toBe(0);
    expect(sizes.doc, `${hash} document taller than the window`).toBeLessThanOrEqual(sizes.win);
  }
});
