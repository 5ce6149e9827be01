import { describe, expect, it } from 'vitest';
import type { SearchGroup } from '@shared/api';
import type { AccountId, OpportunityId } from '@shared/domain';

const ACC = 'acc_1' as AccountId;
import { flatten, moveActive, routeForHit, snippetParts } from './search-model';

const group: SearchGroup = {
  kind: 'person',
  more: false,
  hits: [
    { kind: 'person', id: 'st_1', title: 'Yui Yamada', subtitle: 'CFO · Vantage', accountId: ACC },
    { kind: 'person', id: 'st_2', title: 'Ren Yamada', subtitle: 'CIO · Vantage', accountId: ACC },
  ],
};

describe('search palette model', () => {
  it('flattens groups into keyboard options in order', () => {
    expect(flatten([group]).map((o) => o.key)).toEqual(['person:st_1', 'person:st_2']);
  });

  it('wraps arrow keys around and ignores other keys', () => {
    expect(moveActive('ArrowDown', 1, 2)).toBe(0);
    expect(moveActive('ArrowUp', 0, 2)).toBe(1);
    expect(moveActive('End', 0, 5)).toBe(4);
    expect(moveActive('a', 0, 5)).toBeNull();
    expect(moveActive('ArrowDown', 0, 0)).toBeNull();
  });

  it('leads each kind to its page', () => {
    expect(routeForHit({ kind: 'account', id: 'acc_1', title: 'Vantage', subtitle: '', accountId: ACC })).toEqual({
      page: 'account',
      id: 'acc_1',
    });
    // A person and a deal open their own pages, not the account or the deal's journey chart.
    expect(routeForHit(group.hits[0]!)).toEqual({ page: 'person', id: 'st_1' });
    expect(
      routeForHit({ kind: 'opportunity', id: 'opp_1', title: 'D', subtitle: '', accountId: ACC, opportunityId: 'opp_1' as OpportunityId }),
    ).toEqual({ page: 'opportunity', id: 'opp_1' });
  });

  it('splits a snippet into marked parts', () => {
    expect(snippetParts('Call with \u0002Yui\u0003 about \u0002pricing\u0003.')).toEqual([
      { text: 'Call with ', marked: false },
      { text: 'Yui', marked: true },
      { text: ' about ', marked: false },
      { text: 'pricing', marked: true },
      { text: '.', marked: false },
    ]);
    expect(snippetParts('plain')).toEqual([{ text: 'plain', marked: false }]);
    expect(snippetParts('\u0002open')).toEqual([{ text: 'open', marked: true }]);
  });
});
