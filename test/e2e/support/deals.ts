// e2e helper: find demo deals through the preview's API (the page's own socket and cookie).
import type { Page } from '@playwright/test';

/** The demo deal whose journey has the most lanes (members plus anyone with steps), read through the preview's API. */
export async function biggestDeal(page: Page): Promise<{ id: string; name: string; lanes: number }> {
  return page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    let next = 0;
    const waiting = new Map<number, (value: unknown) => void>();
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as { kind: string; id: number; result: { ok: boolean; output: unknown } };
      if (frame.kind === 'result') waiting.get(frame.id)?.(frame.result.ok ? frame.result.output : null);
    };
    const call = (method: string, input: unknown) =>
      new Promise<unknown>((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    const deals = (await call('opportunities.list', {})) as { id: string; name: string }[];
    let best = { id: '', name: '', lanes: -1 };
    for (const deal of deals) {
      const d = (await call('opportunities.get', { id: deal.id })) as {
        opportunity: { members: { stakeholderId: string }[] };
        journey: { stakeholderId: string }[];
      } | null;
      if (!d) continue;
      const lanes = new Set([...d.opportunity.members.map((m) => m.stakeholderId), ...d.journey.map((s) => s.stakeholderId)]).size;
      if (lanes > best.lanes) best = { id: deal.id, name: deal.name, lanes };
    }
    ws.close();
    return best;
  });
}
