import type { AccountId, OpportunityId } from '@shared/domain';
import { describe, expect, it } from 'vitest';
import { HOME, hrefFor, parseRoute } from './router';

describe('parseRoute', () => {
  it('lands on the home page for an empty hash', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#/')).toEqual(HOME);
  });
  it('reads pages and account ids', () => {
    expect(parseRoute('#/journey')).toEqual({ page: 'journey' });
    expect(parseRoute('#/accounts/')).toEqual({ page: 'accounts' });
    expect(parseRoute('#/accounts/acc_1')).toEqual({ page: 'account', id: 'acc_1' });
  });
  it('parses a deal and a person page', () => {
    expect(parseRoute('#/opportunities/opp_1')).toEqual({ page: 'opportunity', id: 'opp_1' });
    expect(parseRoute('#/people/stk_1')).toEqual({ page: 'person', id: 'stk_1' });
  });
  it('reports what it does not know', () => {
    expect(parseRoute('#/nope')).toEqual({ page: 'not-found', path: '/nope' });
    expect(parseRoute('#/today/x')).toEqual({ page: 'not-found', path: '/today/x' });
  });
  it('round-trips through hrefFor', () => {
    for (const hash of ['#/today', '#/accounts', '#/accounts/a%2Fb', '#/settings', '#/opportunities/opp_1', '#/people/stk_1']) {
      expect(hrefFor(parseRoute(hash))).toBe(hash);
    }
  });
  it("reads the account's journey route", () => {
    expect(parseRoute('#/accounts/acc_1/journey')).toEqual({ page: 'account-journey', accountId: 'acc_1' as AccountId });
    expect(hrefFor(parseRoute('#/accounts/a%2Fb/journey'))).toBe('#/accounts/a%2Fb/journey');
    expect(parseRoute('#/accounts/acc_1/other')).toEqual({ page: 'not-found', path: '/accounts/acc_1/other' });
  });
  it('reads the presentation route (a deal is required)', () => {
    expect(parseRoute('#/present/opp_1')).toEqual({ page: 'present', opportunityId: 'opp_1' as OpportunityId });
    expect(parseRoute('#/present')).toEqual({ page: 'not-found', path: '/present' });
    expect(hrefFor({ page: 'present', opportunityId: 'a/b' as OpportunityId })).toBe('#/present/a%2Fb');
  });
});
