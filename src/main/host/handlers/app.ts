// Main process: the 'app.*' API — facts about the running app itself.
import type { HandlerMap } from '../handler';

export const appHandlers: HandlerMap = {
  'app.clock': async (_input, ctx) => ({ now: ctx.now() }),
};
