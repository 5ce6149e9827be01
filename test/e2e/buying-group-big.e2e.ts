// Issue 17: a 70-person buying group stays readable. Builds the group through the host API (the
// same WebSocket the app uses), then checks in both layouts, at 1280 and 1920 wide, that no two
// labels overlap at the default zoom, and saves screenshots for a human look.
import { expect, test, type Page } from '@playwright/test';

test.setTimeout(300_000);

const FIRST = ['Ava', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kenji', 'Lucía', 'Mateo', 'Nora'];
const LAST = ['Okafor', 'Petrov', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhou'];
const DEPTS = ['Finance', 'IT', 'Operations', 'Procurement', 'Legal', 'Sales'];
const ROLES = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'blocker',
  'influencer',
  'technical_evaluator',
  'user',
  'procurement',
  'legal',
  'gatekeeper',
];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];

/** Calls the host over the preview's WebSocket from inside the page. */
async function build(page: Page, size: number): Promise<string> {
  return page.evaluate(
    async ({ size, FIRST, LAST, DEPTS, ROLES, STANCES }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((ok) => ws.addEventListener('open', ok, { once: true }));
      let next = 1;
      const waiting = new Map<number, (r: { ok: boolean; output?: { id: string }; error?: unknown }) => void>();
      ws.addEventListener('message', (m) => {
        const frame = JSON.parse(String(m.data));
        if (frame.kind === 'result') waiting.get(frame.id)?.(frame.result);
      });
      const call = (method: string, input: unknown) =>
        new Promise<{ id: string }>((ok, fail) => {
          const id = next++;
          waiting.set(id, (r) => (r.ok ? ok(r.output!) : fail(new Error(JSON.stringify(r.error)))));
          ws.send(JSON.stringify({ id, method, input }));
        });
      const account = await call('accounts.upsert', {
        name: 'Zz Sixty-Plus Holdings',
        industry: 'Manufacturing',
        region: 'Europe',
        segment: 'enterprise',
      });
      const ids: string[] = [];
      for (let i = 0; i < size; i++) {
        const p = await call('stakeholders.upsert', {
          accountId: account.id,
          name: `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}${i >= 100 ? ` ${i}` : ''}`,
          title: i === 0 ? 'Chief Executive Officer' : i < 7 ? `Head of ${DEPTS[i - 1]}` : 'Manager',
          department: DEPTS[i % DEPTS.length],
          buyingRoles: i % 3 === 0 ? [ROLES[i % ROLES.length], ROLES[(i + 3) % ROLES.length]] : [ROLES[i % ROLES.length]],
          stance: STANCES[i % STANCES.length],
          influence: 1 + (i % 5),
          needs: [],
          pains: [],
        });
        ids.push(p.id);
      }
      for (let i = 1; i < size; i++) {
        // The chief, six heads, their managers, then everyone else under a manager.
        const manager = i < 7 ? 0 : i < 31 ? 1 + ((i - 7) % 6) : 7 + ((i - 31) % 24);
        await call('relationships.upsert', {
          accountId: account.id,
          fromId: ids[i],
          toId: ids[manager],
          kind: 'reports_to',
          strength: 0.8,
          source: 'manual',
        });
      }
      for (let k = 0; k < size / 2; k++) {
        if ((k * 7 + 3) % size === (k * 11 + 5) % size) continue;
        await call('relationships.upsert', {
          accountId: account.id,
          fromId: ids[(k * 7 + 3) % size],
          toId: ids[(k * 11 + 5) % size],
          kind: k % 3 === 0 ? 'influences' : k % 3 === 1 ? 'allied_with' : 'conflicts_with',
          strength: 0.5,
          source: 'manual',
        });
      }
      ws.close();
      return account.id;
    },
    { size, FIRST, LAST, DEPTS, ROLES, STANCES },
  );
}

/** Pairs of labels (name and role lines) whose boxes overlap on screen. */
async function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="bg-node"]')].flatMap((n, who) =>
      [...n.querySelectorAll('text.bg-name, text.bg-roles')]
        .filter((t) => t.textContent)
        .map((t) => ({ r: t.getBoundingClientRect(), what: t.textContent!, who })),
    );
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        // A person's own two lines are one stacked block.
        if (boxes[i]!.who === boxes[j]!.who) continue;
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          out.push(`${boxes[i]!.what} × ${boxes[j]!.what}`);
      }
    }
    return out;
  });
}

test('a 70-person group: no overlapping labels in either layout at 1280 and 1920 wide', async ({ page }) => {
  await page.goto('/#/accounts');
  await expect(page.getByTestId('account-row').first()).toBeVisible({ timeout: 60_000 });
  const accountId = await build(page, 70);
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
    await page.goto(`/#/buying-group/${accountId}`);
    await expect(page.getByTestId('bg-node')).toHaveCount(70, { timeout: 60_000 });
    for (const kind of ['force', 'org'] as const) {
      await page.getByTestId(`bg-layout-${kind}`).click();
      // The org chart's layout code loads on first use: the switch is made once it is in.
      await expect(page.getByTestId(`bg-layout-${kind}`)).toHaveAttribute('aria-pressed', 'true');
      await page.getByRole('button', { name: 'Fit' }).click();
      await expect(page.getByTestId('bg-graph')).not.toHaveAttribute('data-settled', 'false');
      await page.waitForTimeout(600);
      await page.getByTestId('bg-graph').screenshot({ path: `test-results/map-70-${kind}-${width}.png` });
      expect(await overlappingLabels(page), `${kind} at ${width}`).toEqual([]);
      // Zoomed out, labels are drawn larger than at Fit and packed as close as they fit
      // (label-zoom.ts): every zoom step packs them differently, so walk a few of them.
      const graph = (await page.getByTestId('bg-graph').boundingBox())!;
      await page.mouse.move(graph.x + 4, graph.y + 4);
      for (const step of [1, 1, 1, 1, -1, -1, -1, -1, -1, -1]) {
        await page.mouse.wheel(0, step * 60);
        const k = await page.evaluate(() => document.querySelector('[data-export="viewport"]')?.getAttribute('transform'));
        expect(await overlappingLabels(page), `${kind} at ${width}, ${k}`).toEqual([]);
      }
    }
    // The people and relationship tables do not scroll sideways.
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(sideways).toBe(false);
  }
});
