// Main process: the 'search.*' API — the workspace's full-text index (src/main/search).
import type { HandlerMap } from '../handler';

export const searchHandlers: HandlerMap = {
  'search.query': async (input, ctx) => ctx.search.query(input),
};
