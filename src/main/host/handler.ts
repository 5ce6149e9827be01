// Main process: the shape of a handler module and the combiner that joins them. Each contract
// namespace ('accounts', 'journey', …) registers its handlers in its own module; a duplicate or
// missing name, or a namespace split over two modules or a module serving two, is a programming
// error caught at start-up, not at the first call.
import type { z } from 'zod';
import { API, type Api, type MethodName } from '@shared/api';
import type { HostContext } from './context';

export type Handler<M extends MethodName> = (input: z.output<Api[M]['input']>, ctx: HostContext) => Promise<z.input<Api[M]['output']>>;

export type HandlerMap = { [M in MethodName]?: Handler<M> };
export type CompleteHandlers = { [M in MethodName]: Handler<M> };

const namespaceOf = (method: string) => method.slice(0, method.indexOf('.'));

export function combineHandlers(...maps: HandlerMap[]): CompleteHandlers {
  const out: HandlerMap = {};
  const served = new Set<string>();
  for (const map of maps) {
    const namespaces = [...new Set(Object.keys(map).map(namespaceOf))];
    if (namespaces.length !== 1) throw new Error(`DS_HOST_MIXED_HANDLERS: one handler module serves ${namespaces.join(', ') || 'nothing'}`);
    if (served.has(namespaces[0]!)) throw new Error(`DS_HOST_SPLIT_NAMESPACE: ${namespaces[0]} is served by two handler modules`);
    served.add(namespaces[0]!);
    for (const name of Object.keys(map) as MethodName[]) {
      if (out[name]) throw new Error(`DS_HOST_DUPLICATE_HANDLER: ${name} is registered twice`);
      (out as Record<string, unknown>)[name] = map[name];
    }
  }
  const missing = (Object.keys(API) as MethodName[]).filter((m) => !out[m]);
  if (missing.length) throw new Error(`DS_HOST_MISSING_HANDLER: ${missing.join(', ')}`);
  return out as CompleteHandlers;
}
