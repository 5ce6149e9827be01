import { describe, expect, it } from 'vitest';
import { autoStage, outcomeOf, statusWord } from './stages';

describe('CRM stage names onto ours', () => {
  it.each([
    ['Prospecting', 'qualify'],
    ['Qualification', 'qualify'],
    ['Needs Analysis', 'discover'],
    ['Value Proposition', 'propose'],
    ['Id. Decision Makers', 'discover'],
    ['Proposal/Price Quote', 'propose'],
    ['Negotiation/Review', 'negotiate'],
    ['Closed Won', 'won'],
    ['Closed Lost', 'lost'],
    ['closedwon', 'won'],
    ['closedlost', 'lost'],
    ['appointmentscheduled', 'qualify'],
    ['qualifiedtobuy', 'discover'],
    ['presentationscheduled', 'propose'],
    ['decisionmakerboughtin', 'negotiate'],
    ['contractsent', 'negotiate'],
    ['1-Qualify', 'qualify'],
    ['2-Develop', 'discover'],
    ['3-Propose', 'propose'],
    ['Closed Lost to Competition', 'lost'],
  ])('%s → %s', (name, target) => {
    expect(autoStage(name)).toBe(target);
  });
  it('an unknown stage stays unmapped', () => {
    expect(autoStage('Pending Board Vote')).toBeNull();
    expect(autoStage('')).toBeNull();
  });
  it('won and lost close the deal; a lost deal keeps the stage it stood at when known', () => {
    expect(outcomeOf('won')).toEqual({ stage: 'commit', status: 'won' });
    expect(outcomeOf('lost', 'propose')).toEqual({ stage: 'propose', status: 'lost' });
    expect(outcomeOf('discover')).toEqual({ stage: 'discover', status: 'open' });
    expect([statusWord('Won'), statusWord('Lost'), statusWord('Open'), statusWord('?')]).toEqual(['won', 'lost', 'open', null]);
  });
});
