// e2e helper: the page's API socket routed through the test, with the answers to one method held
// back until the test releases them; every call the page makes is recorded, with whether the host
// had sent an event (a `changed`) before it.
import type { Page } from '@playwright/test';

export interface AskedCall {
  method: string;
  input: unknown;
  afterEvent: boolean;
}

export async function holdAnswers(page: Page, method: string): Promise<{ asked: AskedCall[]; release: () => void }> {
  const asked: AskedCall[] = [];
  let evented = false;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/\/api$/, (ws) => {
    const server = ws.connectToServer();
    const heldCalls = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { id: number; method: string; input: unknown };
      asked.push({ method: call.method, input: call.input, afterEvent: evented });
      if (call.method === method) heldCalls.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { kind: string; id?: number };
      if (frame.kind === 'event') evented = true;
      if (frame.kind === 'result' && frame.id !== undefined && heldCalls.has(frame.id)) void held.then(() => ws.send(message));
      else ws.send(message);
    });
  });
  return { asked, release };
}
