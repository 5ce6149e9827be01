// Issue 17: a placement on the buying group map reaches a teammate. Two web-preview hosts, each
// with its own workspace, signed in to one sync server (as in sync-two-windows.e2e.ts); a person
// dragged on A's map moves on B's map, without a reload, to the same graph position.
import { expect, test, type Page } from '@playwright/test';
import { startPreview, startSyncServer, type PreviewProcess, extraPort } from './support/preview-process';
import { createTeam, tempDir, openWindow, signIn } from './support/team';

const EMAIL = 'planner@deepsales.test';
const PASSWORD = 'correct horse battery';
const TEAM = { email: EMAIL, password: PASSWORD };
// Beside the suite's own port, so two checkouts running this file side by side do not collide.
const BASE = extraPort(100);

const transformOf = (page: Page, id: string) => page.locator(`[data-testid="bg-node"][data-id="${id}"]`).getAttribute('transform');

test('a person dragged on one client is placed the same on a second synced client', async ({ browser }) => {
  test.setTimeout(240_000);
  const serverData = createTeam('Map team', TEAM, 'server');
  const running: PreviewProcess[] = [];
  try {
    const server = await startSyncServer(BASE + 9, serverData);
    running.push(server);
    const hostA = await startPreview(BASE + 1, ['--data', tempDir('map-a'), '--local-data']);
    running.push(hostA);
    const hostB = await startPreview(BASE + 2, ['--data', tempDir('map-b'), '--empty']);
    running.push(hostB);
    const a = await openWindow(browser, hostA.url);
    const b = await openWindow(browser, hostB.url);
    await signIn(a, server.url, TEAM, { upload: true });
    await signIn(b, server.url, TEAM);

    await a.goto(`${hostA.url}/#/accounts`);
    await a.getByTestId('account-row').first().click();
    await a.getByTestId('account-map-buying-group').click();
    await expect(a.getByTestId('bg-node').first()).toBeVisible({ timeout: 60_000 });
    await expect(a.getByTestId('bg-graph')).not.toHaveAttribute('data-settled', 'false');
    const route = a.url().split('#')[1]!;
    const count = await a.getByTestId('bg-node').count();

    // B has the same account (through the server) and draws the same first picture.
    await b.goto(`${hostB.url}/#${route}`);
    await expect(b.getByTestId('bg-node')).toHaveCount(count, { timeout: 60_000 });
    const id = (await a.getByTestId('bg-node').first().getAttribute('data-id'))!;
    await expect.poll(() => transformOf(b, id)).toEqual(await transformOf(a, id));

    // Drag on A, where nobody covers the node.
    const nodeId = await a.evaluate(() => {
      const found = [...document.querySelectorAll('[data-testid="bg-node"]')].find((node) => {
        const r = node.querySelector('circle.bg-body')!.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('[data-testid="bg-node"]') === node;
      });
      return found!.getAttribute('data-id')!;
    });
    const before = await transformOf(a, nodeId);
    const box = (await a.locator(`[data-testid="bg-node"][data-id="${nodeId}"] circle.bg-body`).boundingBox())!;
    const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
    await a.mouse.move(x0, y0);
    await a.mouse.down();
    await a.mouse.move(x0 + 60, y0 + 30, { steps: 6 });
    await a.mouse.move(x0 + 110, y0 + 60, { steps: 6 });
    await a.mouse.up();
    await expect(a.getByTestId('bg-undo')).toBeEnabled();
    const dropped = await transformOf(a, nodeId);
    expect(dropped).not.toEqual(before);

    // No reload on B: the placement arrives through the server and B's map moves that person.
    await expect.poll(() => transformOf(b, nodeId), { timeout: 45_000 }).toEqual(dropped);
    // And it stays after B reloads.
    await b.reload();
    await expect(b.getByTestId('bg-node')).toHaveCount(count, { timeout: 60_000 });
    await expect(b.getByTestId('bg-graph')).not.toHaveAttribute('data-settled', 'false');
    expect(await transformOf(b, nodeId)).toEqual(dropped);
  } finally {
    for (const p of running.reverse()) await p.stop();
  }
});
