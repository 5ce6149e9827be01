import { describe, expect, it } from 'vitest';
import { combineHandlers, type HandlerMap } from './handler';

const stub = async () => ({ ok: true as const });

describe('combineHandlers', () => {
  it('refuses a module serving two namespaces', () => {
    const mixed = { 'journey.removeStep': stub, 'workshop.removeNote': stub } as HandlerMap;
    expect(() => combineHandlers(mixed)).toThrow(/DS_HOST_MIXED_HANDLERS: one handler module serves journey, workshop/);
  });

  it('refuses a namespace split over two modules', () => {
    expect(() =>
      combineHandlers({ 'journey.removeStep': stub } as HandlerMap, { 'journey.addStep': stub } as unknown as HandlerMap),
    ).toThrow(/DS_HOST_SPLIT_NAMESPACE: journey/);
  });

  it('refuses a contract method nobody serves', () => {
    expect(() => combineHandlers({ 'journey.removeStep': stub } as HandlerMap)).toThrow(/DS_HOST_MISSING_HANDLER/);
  });
});
