import type { Opportunity, StageChange } from '@shared/domain';
import { stageAsOf } from './facts';

const DAY = 86_400_000;
const T0 = 1_700_000_000_000;

function deal(over: Partial<Opportunity>): Opportunity {
  return {
    id: 'opp_1',
    accountId: 'acc_1',
    name: 'Deal',
    amount: 1000,
    currency: 'USD',
    stage: 'commit',
    stageChangedAt: T0 + 50 * DAY,
    createdAt: T0,
    closeDate: T0 + 60 * DAY,
    status: 'won',
    closedAt: T0 + 60 * DAY,
    ownerId: 'tm_1',
    members: [],
    updatedAt: T0,
    ...over,
  } as Opportunity;
}

const history: StageChange[] = [
  { stage: 'qualify', at: T0 },
  { stage: 'discover', at: T0 + 10 * DAY },
  { stage: 'propose', at: T0 + 20 * DAY },
  { stage: 'discover', at: T0 + 30 * DAY }, // the buyers went back to requirements
  { stage: 'propose', at: T0 + 40 * DAY },
  { stage: 'commit', at: T0 + 50 * DAY },
];

describe('stageAsOf', () => {
  it('reads the stage a closed deal was in at any day of its life, loops back included', () => {
    const won = deal({ stageHistory: history });
    expect(stageAsOf(won, T0 + 5 * DAY)).toEqual({ stage: 'qualify', since: T0 });
    expect(stageAsOf(won, T0 + 35 * DAY)).toEqual({ stage: 'discover', since: T0 + 30 * DAY });
    expect(stageAsOf(won, T0 + 40 * DAY)).toEqual({ stage: 'propose', since: T0 + 40 * DAY });
    expect(stageAsOf(won, T0 - DAY)).toBeNull();
  });

  it('never sees what happened after asOf: the outcome and later stages change nothing', () => {
    const asOf = T0 + 35 * DAY;
    const won = deal({ stageHistory: history });
    const lost = deal({ status: 'lost', stage: 'discover', stageChangedAt: T0 + 30 * DAY, stageHistory: history.slice(0, 4) });
    expect(stageAsOf(lost, asOf)).toEqual(stageAsOf(won, asOf));
  });

  it('without a history: an open deal is in its current stage, a closed one is unknown', () => {
    expect(stageAsOf(deal({ status: 'open', stage: 'propose', stageChangedAt: T0 + 9 * DAY, closedAt: undefined }), T0 + 20 * DAY)).toEqual(
      { stage: 'propose', since: T0 + 9 * DAY },
    );
    expect(stageAsOf(deal({}), T0 + 55 * DAY)).toBeNull();
  });
});
