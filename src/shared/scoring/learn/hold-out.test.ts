// The boosting thread's side of the hold-out pipe, with the helper's side played by hand (the
// two-thread run is tested with a real thread in src/main/scoring/train-threads.test.ts).
import { LearnError } from './errors';
import { BestRound, HoldOutPublisher, holdOutPipe, reportRound } from './hold-out';
import type { LeafRouter } from './grow';

/** A one-leaf tree. */
const router: LeafRouter = { featureAt: Int32Array.of(-1), left: Int32Array.of(-1), right: Int32Array.of(-1), table: new Uint8Array(256) };
const publishLeaf = (p: HoldOutPublisher) => p.publish(router, 1, [0.1], [Math.exp(-0.1)]);

describe('the hold-out pipe, boosting side', () => {
  it('does not wait on a helper that has stopped while this thread ran a full ring ahead', () => {
    // A short timeout: waiting for a result that never comes would throw DS_LEARN_THREAD.
    const pipe = holdOutPipe(4, 20, 200);
    const publisher = new HoldOutPublisher(pipe);
    for (let round = 0; round < 4; round++) publishLeaf(publisher);
    reportRound(pipe, 0, 0.5, true);
    publishLeaf(publisher);
    publishLeaf(publisher); // the ring is full and nothing more will be read: dropped, not waited for
    expect(publisher.take(false)).toEqual([{ loss: 0.5, stop: true }]);
    expect(publisher.take(true)).toEqual([]);
  });

  it('waits for every published round at the end, and gives up with a coded error on a helper that never answers', () => {
    const pipe = holdOutPipe(4, 20, 200);
    const publisher = new HoldOutPublisher(pipe);
    publishLeaf(publisher);
    publishLeaf(publisher);
    reportRound(pipe, 0, 0.5, false);
    reportRound(pipe, 1, 0.4, false);
    expect(publisher.take(true)).toEqual([
      { loss: 0.5, stop: false },
      { loss: 0.4, stop: false },
    ]);
    const silent = new HoldOutPublisher(holdOutPipe(4, 20, 100));
    publishLeaf(silent);
    expect(() => silent.take(true)).toThrow(LearnError);
  });
});

describe('BestRound (the one best-round rule of both threads)', () => {
  it('moves only on a drop of more than 1e-12, and never on NaN', () => {
    const best = new BestRound();
    expect(best.see(0, Number.NaN)).toBe(false);
    expect(best.round).toBe(-1);
    expect(best.see(1, 0.5)).toBe(true);
    expect(best.see(2, 0.5 - 1e-13)).toBe(false);
    expect(best.see(3, 0.5)).toBe(false);
    expect(best.see(4, 0.4)).toBe(true);
    expect(best.see(5, Number.NaN)).toBe(false);
    expect([best.round, best.loss]).toEqual([4, 0.4]);
  });
});
