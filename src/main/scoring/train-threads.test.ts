// Runs in Node: a large training whose hold-out a real helper thread checks (train-thread.ts,
// started the way the scoring worker starts it under plain Node).
import type { TrainingThreads } from '@shared/scoring/learn';
import { trainBinaryGbmWithMargins } from '@shared/scoring/learn/gbm';
import { syntheticTable } from '@shared/scoring/learn/test-data';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { HELPER_READY, trainingHelpers, type TrainingHelpers } from './train-threads';
import { createTrainThread } from './train-spawn-node';

async function helperUp(idleMs?: number): Promise<TrainingHelpers> {
  // Never "busy": whether this machine has a core free right now is not what is tested here.
  const helpers = trainingHelpers(async () => createTrainThread, { busy: () => false, ...(idleMs ? { idleMs } : {}) });
  expect(helpers.helpers).toBe(0);
  helpers.warm();
  await vi.waitFor(() => expect(helpers.helpers).toBe(1), { timeout: 20_000, interval: 50 });
  return helpers;
}

describe('training with a helper thread', () => {
  it('offers the helper only once its code has loaded and it says so, not when its thread comes online', async () => {
    const thread = Object.assign(new EventEmitter(), { unref: () => undefined, terminate: async () => 0, postMessage: () => undefined });
    const helpers = trainingHelpers(async () => () => thread as unknown as Worker, { busy: () => false });
    helpers.warm();
    await vi.waitFor(() => expect(thread.listenerCount('message')).toBe(1));
    thread.emit('online');
    expect(helpers.helpers).toBe(0);
    thread.emit('message', 'something else');
    expect(helpers.helpers).toBe(0);
    thread.emit('message', HELPER_READY);
    expect(helpers.helpers).toBe(1);
    await helpers.close();
    expect(helpers.helpers).toBe(0);
  });

  const train = syntheticTable(12_000, 11);
  const test = syntheticTable(4_000, 12);

  it('shares a large table’s rows and hold-out with the helper to the end, and makes the model one thread makes', async () => {
    const helpers = await helperUp();
    try {
      let started = 0;
      const threads: TrainingThreads = {
        get helpers() {
          return helpers.helpers;
        },
        start: (job) => {
          started++;
          helpers.start(job);
        },
      };
      // All rounds run; then an early stop with the helper trailing (trees grown past the stop dropped).
      for (const params of [{ numRounds: 60 }, { numRounds: 400, learningRate: 0.5, earlyStoppingRounds: 5 }]) {
        const helped = trainBinaryGbmWithMargins(train, { params, validation: test, threads });
        const alone = trainBinaryGbmWithMargins(train, { params, validation: test });
        expect(helped.helped).toBe(true);
        expect(alone.helped).toBe(false);
        expect(JSON.stringify(helped.model)).toBe(JSON.stringify(alone.model));
        expect(Array.from(helped.validationLogits!)).toEqual(Array.from(alone.validationLogits!));
      }
      expect(started).toBe(2);
    } finally {
      await helpers.close();
    }
  }, 60_000);

  it('stops the helper when told a training is done, long before its idle minute, and starts it again when warmed', async () => {
    const helpers = await helperUp();
    try {
      await helpers.rest();
      expect(helpers.helpers).toBe(0);
      helpers.warm();
      await vi.waitFor(() => expect(helpers.helpers).toBe(1), { timeout: 20_000, interval: 50 });
    } finally {
      await helpers.close();
    }
  }, 40_000);

  it('stops the helper once unused and starts it again when warmed; none once closed or where every core is busy', async () => {
    const helpers = await helperUp(500);
    try {
      await vi.waitFor(() => expect(helpers.helpers).toBe(0), { timeout: 10_000, interval: 50 });
      helpers.warm();
      await vi.waitFor(() => expect(helpers.helpers).toBe(1), { timeout: 20_000, interval: 50 });
    } finally {
      await helpers.close();
    }
    expect(helpers.helpers).toBe(0);
    helpers.warm();
    const busy = trainingHelpers(async () => createTrainThread, { busy: () => true });
    busy.warm();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(busy.helpers).toBe(0);
      expect(helpers.helpers).toBe(0);
    } finally {
      await busy.close();
    }
  }, 40_000);
});
