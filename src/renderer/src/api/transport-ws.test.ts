import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '@shared/api';
import { createWsTransport, type SocketLike } from './transport-ws';

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor() {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!;
const make = () => createWsTransport({ url: 'ws://x/api', createSocket: () => new FakeSocket(), waitMs: 1000 });

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createWsTransport', () => {
  it('waits for the socket to open, sends, and resolves by id', async () => {
    const t = make();
    const result = t.invoke('accounts.list', {});
    expect(latest().sent).toEqual([]);
    latest().open();
    const { id } = JSON.parse(latest().sent[0]!) as { id: number };
    latest().reply({ kind: 'result', id, result: { ok: true, output: [1] } });
    await expect(result).resolves.toEqual({ ok: true, output: [1] });
  });

  it('fails calls in flight with a coded error when the socket drops, then reconnects', async () => {
    const t = make();
    const events: HostEvent[] = [];
    t.subscribe((e) => events.push(e));
    latest().open();
    const result = t.invoke('accounts.list', {});
    latest().drop();
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'DS_TRANSPORT_DISCONNECTED' } });
    await vi.advanceTimersByTimeAsync(300);
    expect(FakeSocket.all).toHaveLength(2);
    latest().open();
    // Changes pushed while we were away are lost: the transport asks for a full refresh.
    expect(events).toEqual([expect.objectContaining({ type: 'changed' })]);
  });

  it('fails a call that waits too long for a connection', async () => {
    const t = make();
    const result = t.invoke('accounts.list', {});
    await vi.advanceTimersByTimeAsync(1001);
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'DS_TRANSPORT_UNAVAILABLE' } });
  });

  it('delivers valid host events and ignores malformed ones, with a coded warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const t = make();
    const events: HostEvent[] = [];
    t.subscribe((e) => events.push(e));
    latest().open();
    latest().reply({ kind: 'event', event: { type: 'changed', collections: ['stakeholders'] } });
    latest().reply({ kind: 'event', event: { type: 'nonsense' } });
    latest().onmessage?.({ data: 'not json' });
    expect(events).toEqual([{ type: 'changed', collections: ['stakeholders'] }]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]![0])).toContain('DS_TRANSPORT_BAD_FRAME');
    warn.mockRestore();
  });
});
