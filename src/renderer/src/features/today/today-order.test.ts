import { describe, expect, it } from 'vitest';
import { arrangeToday, holdFor, holdToday, orderMoved, whatChanged } from './today-order';

type Factor = { feature: string; contribution: number; words: string | null };
type ScoredBy = { source: 'prior' | 'blended' | 'model'; closedDeals: number } | null;
const item = (id: string, probability: number, factors: Factor[] = [], scoredBy: ScoredBy = null) =>
  ({
    opportunityId: id,
    opportunityName: id,
    accountId: 'acc_1',
    ownerId: 'tm_1',
    amount: 1,
    currency: 'USD',
    probability,
    band: 'medium' as const,
    rank: probability,
    action: null,
    factors,
    scoredBy,
  }) as never as Parameters<typeof whatChanged>[0];

describe('Today as the seller works through it', () => {
  it('shows a new ranking as it is until the seller touches the list, then holds the order', () => {
    const first = [item('a', 0.5), item('b', 0.4)];
    const ranked = [item('b', 0.9), item('a', 0.5)];
    const held = holdToday(first);
    const order = (h: ReturnType<typeof holdToday>) => arrangeToday(h, ranked, new Set()).map((i) => i.opportunityId);
    // Untouched (the learned model's scores replacing the stored ones on a first open): the new order.
    expect(order(holdFor(held, ranked, { touched: false, heldWasProvisional: false }))).toEqual(['b', 'a']);
    // Touched: the order first shown.
    expect(order(holdFor(held, ranked, { touched: true, heldWasProvisional: false }))).toEqual(['a', 'b']);
    // A provisional list is never held.
    expect(order(holdFor(held, ranked, { touched: true, heldWasProvisional: true }))).toEqual(['b', 'a']);
    expect(order(holdFor(null, ranked, { touched: true, heldWasProvisional: false }))).toEqual(['b', 'a']);
  });

  it('keeps the order it was first shown in while ranks move, adds unknown deals after it, and drops cleared cards', () => {
    const first = [item('a', 0.5), item('b', 0.4), item('c', 0.3)];
    const held = holdToday(first);
    const moved = [item('c', 0.9), item('a', 0.5), item('b', 0.4), item('d', 0.2)];
    const shown = arrangeToday(held, moved, new Set());
    expect(shown.map((i) => i.opportunityId)).toEqual(['a', 'b', 'c', 'd']);
    expect(shown[2]!.probability).toBe(0.9); // the fresh values, in the held place
    expect(orderMoved(shown, moved, new Set())).toBe(true);
    expect(arrangeToday(held, moved, new Set(['b'])).map((i) => i.opportunityId)).toEqual(['a', 'c', 'd']);
    expect(orderMoved(arrangeToday(holdToday(moved), moved, new Set()), moved, new Set())).toBe(false);
  });

  it('says how far the odds moved and names the factor that moved most that way', () => {
    const before = item('a', 0.85, [
      { feature: 'decision_maker_reached', contribution: -0.4, words: 'Decision maker Carla Finance never met' },
      { feature: 'deal_age', contribution: 0.1, words: null },
    ]);
    const after = item('a', 0.92, [
      { feature: 'decision_maker_reached', contribution: 0.3, words: 'Decision maker Carla Finance met 0 days ago' },
      { feature: 'deal_age', contribution: 0.05, words: null },
      { feature: 'engagement', contribution: 0.2, words: 'Overall engagement is strong' },
    ]);
    expect(whatChanged(before, after)).toBe('85% → 92%: decision maker Carla Finance met 0 days ago');
    expect(whatChanged(after, before)).toBe('92% → 85%: decision maker Carla Finance never met');
    expect(whatChanged(before, item('a', 0.851, before.factors))).toBeNull();
    // Nothing worded moved that way: the factor that did, by its name.
    expect(
      whatChanged(
        item('a', 0.63, [{ feature: 'eb_reached', contribution: -0.11, words: null }]),
        item('a', 0.7, [{ feature: 'eb_reached', contribution: 0.165, words: null }]),
      ),
    ).toBe('63% → 70%: economic buyer reached');
    // No factor moved that way: the figures alone.
    expect(
      whatChanged(
        item('a', 0.5, [{ feature: 'eb_reached', contribution: 0.2, words: null }]),
        item('a', 0.6, [{ feature: 'eb_reached', contribution: 0.1, words: null }]),
      ),
    ).toBe('50% → 60%');
  });

  it('says a new model moved the odds, not a factor, when another model scored the deal', () => {
    const factors = (dm: number): Factor[] => [{ feature: 'decision_maker_reached', contribution: dm, words: 'Decision maker never met' }];
    const prior = item('a', 0.72, factors(-0.1), { source: 'prior', closedDeals: 0 });
    const learned = item('a', 0.35, factors(-0.9), { source: 'blended', closedDeals: 120 });
    expect(whatChanged(prior, learned)).toBe('72% → 35%: re-estimated by the model learned from 120 closed deals of your team');
    const retrained = item('a', 0.4, factors(-0.8), { source: 'blended', closedDeals: 121 });
    expect(whatChanged(learned, retrained)).toBe('35% → 40%: re-estimated by the model learned from 121 closed deals of your team');
    expect(whatChanged(learned, prior)).toBe('35% → 72%: scored from general buying research');
    // The same model: the factor, as before; unknown on one side: the factor too.
    const sameModel = item('a', 0.3, factors(-1.2), { source: 'blended', closedDeals: 120 });
    expect(whatChanged(learned, sameModel)).toBe('35% → 30%: decision maker never met');
    expect(whatChanged(item('a', 0.35, factors(-0.9)), sameModel)).toBe('35% → 30%: decision maker never met');
  });
});
