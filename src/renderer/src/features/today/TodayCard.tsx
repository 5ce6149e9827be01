// Renderer: one Today item — the deal, its win likelihood (with why), the next best action with
// its target person, the best time to reach them, "Log meeting", and the action marked done or
// snoozed (for the team: it is kept on the deal). After a change it says what moved and why.
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { TodayItemView } from '@shared/api';
import type { StakeholderId } from '@shared/domain';
import { hrefFor } from '@renderer/lib/router';
import { formatMoney } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';
import { OpportunityWhy } from '@renderer/components/scoring/OpportunityScore';
import { WinBadge } from '@renderer/components/scoring/WinBadge';
import { actionSlot, slotIsNow, slotWords, userZone, windowWords } from '@renderer/components/scoring/words';
import { ActionWhatIf } from '@renderer/components/scoring/WhatIfList';
import { useLog } from '@renderer/components/log/log-context';

type Item = z.infer<typeof TodayItemView>;

export type ActionMark = 'done' | 'snoozed';

interface Props {
  item: Item;
  /** The 1-based place in the list; the item's own `rank` is a score, not a place. */
  position: number;
  accountName: string;
  /** What moved since the card was first shown ("85% → 92%: …"), if its odds did. */
  changed: string | null;
  onMark: (item: Item, mark: ActionMark, until?: number) => void;
  marking: boolean;
}

/** Tomorrow at 09:00 local time: a snooze's usual end. */
function tomorrowMorning(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}
const WEEK = 7 * 86_400_000;

export function TodayCard({ item, position, accountName, changed, onMark, marking }: Props) {
  const [why, setWhy] = useState(false);
  const log = useLog();
  const [logged, setLogged] = useState<string | null>(null);
  const now = useNow();
  const whyId = useId();
  const action = item.action;
  const slot = action ? actionSlot(action, userZone(), now) : null;

  return (
    <li className="today-card" data-testid="today-item" data-opportunity-id={item.opportunityId} data-owner-id={item.ownerId}>
      <div className="today-rank" aria-hidden="true">
        {position}
      </div>
      <div className="today-body">
        <header className="today-head">
          <div>
            <h2 className="today-title">
              <a href={hrefFor({ page: 'account', id: item.accountId })} data-testid="today-account">
                {accountName}
              </a>
              <span className="today-sep" aria-hidden="true">
                {' '}
                ·{' '}
              </span>
              <a className="today-opp" href={hrefFor({ page: 'opportunity', id: item.opportunityId })} data-testid="today-deal">
                {item.opportunityName}
              </a>
            </h2>
            <p className="today-amount">{formatMoney(item.amount, item.currency)}</p>
          </div>
          <div className="today-score">
            <WinBadge probability={item.probability} band={item.band} />
            <button type="button" className="link-button" aria-expanded={why} aria-controls={whyId} onClick={() => setWhy((v) => !v)}>
              {why ? 'Hide why' : 'Why?'}
            </button>
          </div>
        </header>
        {action ? (
          <div className="today-action">
            <p className="action-title">
              {action.title}
              {action.stakeholderName && !action.title.includes(action.stakeholderName) ? (
                <span className="today-who"> — with {action.stakeholderName}</span>
              ) : null}
            </p>
            <p className="action-reason">{action.reason}</p>
            <ActionWhatIf opportunityId={item.opportunityId} actionTitle={action.title} />
            {slot ? (
              <p className="today-when" data-testid="today-best-time">
                <span aria-hidden="true">◷ </span>
                Best time:{' '}
                <strong>
                  <time dateTime={new Date(slot.at).toISOString()}>{slotWords(slot.at, now)}</time>
                </strong>
                {slotIsNow(slot.at, now) ? null : ' your time'}
                {slot.atNightForSeller ? <span className="best-time-night"> (night for you)</span> : null}
                {action.whenWords ? (
                  <span className="cell-muted">
                    {' '}
                    · {action.stakeholderName ? `${action.stakeholderName}: ` : ''}
                    {windowWords(action.whenWords, action.whenConfidence, action.whenSamples)}
                  </span>
                ) : null}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="cell-muted">No action stands out for this deal right now.</p>
        )}
        {changed ? (
          <p className="today-changed" data-testid="today-changed">
            {changed}
          </p>
        ) : null}
        {why ? (
          <div id={whyId} className="today-why">
            <OpportunityWhy opportunityId={item.opportunityId} />
          </div>
        ) : null}
        <footer className="today-foot">
          {logged ? (
            <p className="today-logged" role="status">
              {logged}
            </p>
          ) : (
            <span />
          )}
          {action ? (
            <div className="today-marks" role="group" aria-label={`This action: ${action.title}`}>
              <button
                type="button"
                className="button button-small"
                data-testid="action-done"
                disabled={marking}
                onClick={() => onMark(item, 'done')}
              >
                Done
              </button>
              <button
                type="button"
                className="button button-small"
                data-testid="action-snooze"
                disabled={marking}
                onClick={() => onMark(item, 'snoozed', tomorrowMorning(now))}
              >
                Snooze to tomorrow
              </button>
              <button
                type="button"
                className="button button-small"
                data-testid="action-snooze-week"
                disabled={marking}
                onClick={() => onMark(item, 'snoozed', now + WEEK)}
              >
                Snooze a week
              </button>
            </div>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            data-testid="log-interaction"
            onClick={() =>
              log.open({
                accountId: item.accountId,
                opportunityId: item.opportunityId,
                title: `Log a meeting · ${item.opportunityName}`,
                preselected: action?.stakeholderId ? [action.stakeholderId as StakeholderId] : [],
                onSaved: (saved) => setLogged(saved.attendees.length ? `Logged with ${saved.attendees.join(', ')}.` : 'Logged.'),
              })
            }
          >
            Log meeting
          </button>
        </footer>
      </div>
    </li>
  );
}
