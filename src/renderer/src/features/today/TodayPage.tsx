// Renderer: the Today page — open deals ranked by who needs the seller next, and when. Mine by
// default (the member this device knows as "you"), the team's at a switch; "25 of 312" and Show
// more; the order held while the seller works through it (today-order.ts).
import { useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { actionKey } from '@shared/domain';
import type { TodayItemView } from '@shared/api';
import type { z } from 'zod';
import { hrefFor } from '@renderer/lib/router';
import { plural } from '@renderer/lib/format';
import { USER_LOCALE } from '@renderer/lib/locale';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { useUndo } from '@renderer/components/undo';
import { todayQuery, TODAY_LIMIT } from '@renderer/data/scoring';
import { youQuery } from '@renderer/data/team';
import { useApiMutation } from '@renderer/data/mutation';
import { TodayCard, type ActionMark } from './TodayCard';
import { arrangeToday, holdFor, orderMoved, whatChanged, type HeldToday } from './today-order';

type Item = z.infer<typeof TodayItemView>;
type Scope = 'mine' | 'team';

export function TodayPage() {
  const you = useQuery(youQuery());
  const me = you.data?.member ?? null;
  const [chosenScope, setScope] = useState<Scope | null>(null);
  // Until "you" is known, Mine is assumed: the host resolves "me" itself (todayQuery 'me'), so
  // the ranking is asked for at once, beside team.me, not after it. With nobody known as you, the
  // host answers the team's deals to that same question, and nothing is asked twice.
  const scope: Scope = chosenScope ?? (me || you.isPending ? 'mine' : 'team');
  const [limit, setLimit] = useState(TODAY_LIMIT);
  const today = useQuery({ ...todayQuery(limit, chosenScope === 'team' ? undefined : 'me'), placeholderData: keepPreviousData });

  // The held order and the cards cleared by Done/Snooze live as long as the page and its scope.
  const held = useRef<HeldToday | null>(null);
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  const [generation, setGeneration] = useState(0);
  const refreshOrder = () => {
    held.current = null;
    setCleared(new Set());
    setGeneration((g) => g + 1);
  };
  const heldFor = useRef<string>('');
  // The question asked (mine or the team's), not the label: "you" arriving changes no order.
  const scopeKey = chosenScope === 'team' ? 'team' : 'mine';
  if (heldFor.current !== scopeKey) {
    heldFor.current = scopeKey;
    held.current = null;
  }

  const items = today.data?.items;
  const provisional = today.data?.provisional === true;
  // A first open's provisional list (the deals closing soonest, while every deal is ranked) is
  // not held: the full ranking replaces it when it comes.
  const heldProvisional = useRef(false);
  // Until the seller has touched the list (a click, a key, a scroll of the wheel), a new ranking
  // is simply shown: a first open's scores by the learned model replacing the stored ones must
  // not leave them a list in the old order behind a "Refresh order" nobody asked for.
  const touched = useRef(false);
  const touch = () => {
    touched.current = true;
  };
  const shown = useMemo(() => {
    if (!items) return [];
    held.current = holdFor(held.current, items, { touched: touched.current, heldWasProvisional: heldProvisional.current });
    heldProvisional.current = provisional;
    return arrangeToday(held.current, items, cleared);
    // generation: a refreshed order is a new hold over the same items.
  }, [items, cleared, generation, provisional]); // eslint-disable-line react-hooks/exhaustive-deps
  const moved = items ? orderMoved(shown, items, cleared) : false;

  const undo = useUndo();
  const mark = useApiMutation('opportunities.setActionState');
  const onMark = (item: Item, state: ActionMark, until?: number) => {
    if (!item.action) return;
    const key = actionKey(item.action);
    const title = item.action.title;
    mark.mutate(
      { opportunityId: item.opportunityId, key, state, ...(until !== undefined ? { until } : {}) },
      {
        onSuccess: () => {
          setCleared((c) => new Set(c).add(item.opportunityId));
          undo.offer(state === 'done' ? `Done: ${title}.` : `Snoozed: ${title}.`, async () => {
            await mark.mutateAsync({ opportunityId: item.opportunityId, key, state: 'open' });
            setCleared((c) => {
              const n = new Set(c);
              n.delete(item.opportunityId);
              return n;
            });
          });
        },
      },
    );
  };
  useEffect(() => setLimit(TODAY_LIMIT), [scopeKey]);

  const total = today.data?.total ?? 0;
  return (
    <section className="page page-narrow" aria-labelledby="page-title" onPointerDown={touch} onKeyDown={touch} onWheel={touch}>
      <header className="page-header">
        <h1 id="page-title">Today</h1>
        <p className="page-meta">Which deal and which person need you next, and the best time to reach them.</p>
      </header>
      <div className="today-bar">
        <div className="segmented" role="group" aria-label="Whose deals">
          <button type="button" aria-pressed={scope === 'mine'} disabled={!me} data-testid="today-mine" onClick={() => setScope('mine')}>
            {me ? `Mine (${me.name})` : 'Mine'}
          </button>
          <button type="button" aria-pressed={scope === 'team'} data-testid="today-team" onClick={() => setScope('team')}>
            Team
          </button>
        </div>
        {today.data ? (
          <p className="today-count" data-testid="today-count" aria-live="polite">
            {shown.length.toLocaleString(USER_LOCALE)} of{' '}
            {plural(total, scope === 'mine' ? 'open deal of yours' : 'open deal', scope === 'mine' ? 'open deals of yours' : 'open deals')}
          </p>
        ) : null}
        {moved ? (
          <button type="button" className="button button-small" data-testid="today-refresh-order" onClick={refreshOrder}>
            Refresh order
          </button>
        ) : null}
      </div>
      {!you.isPending && !me ? (
        <p className="today-nobody" data-testid="today-nobody">
          Nobody is known as you on this device, so Today shows the whole team’s deals.{' '}
          <a href={hrefFor({ page: 'settings' })}>Choose who you are in Settings</a>.
        </p>
      ) : null}
      {provisional ? (
        <p className="today-provisional" data-testid="today-provisional" role="status">
          Ranking all {plural(total, 'open deal', 'open deals')}: this first open is still reading the workspace. Meanwhile, the deals
          closing soonest, scored.
        </p>
      ) : null}
      {today.isPending ? (
        <Loading label="Ranking your open deals…" />
      ) : today.isError ? (
        <ErrorState error={today.error} what="today’s list" onRetry={() => void today.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState
          title={
            scope === 'mine' ? 'Nothing needs you today: you have no open deals here.' : 'Nothing needs you today: there are no open deals.'
          }
        >
          Open deals appear here ranked by what needs doing next. <a href={hrefFor({ page: 'accounts' })}>Go to Accounts</a>
        </EmptyState>
      ) : (
        <>
          <ol className="today-list" aria-label="Deals that need you next, most urgent first">
            {shown.map((item, index) => {
              const seen = held.current?.seen.get(item.opportunityId);
              return (
                <TodayCard
                  key={item.opportunityId}
                  item={item}
                  position={index + 1}
                  accountName={item.accountName || 'Account'}
                  changed={seen ? whatChanged(seen, item) : null}
                  onMark={onMark}
                  marking={mark.isPending}
                />
              );
            })}
          </ol>
          {items && items.length < total && limit < 500 ? (
            <div className="today-more">
              <button
                type="button"
                className="button"
                data-testid="today-show-more"
                disabled={today.isFetching}
                onClick={() => setLimit((l) => Math.min(500, l + TODAY_LIMIT))}
              >
                Show {Math.min(TODAY_LIMIT, total - items.length)} more
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
