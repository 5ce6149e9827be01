// Renderer: one person — who they are, what to talk to them about (talking points), the deals
// they are in with their role, and every touch they were part of.
import { useQuery } from '@tanstack/react-query';
import { BUYING_ROLE_LABEL, type StakeholderId } from '@shared/domain';
import { useLog, useLogTarget } from '@renderer/components/log/log-context';
import { InfluenceMeter, StanceBadge } from '@renderer/components/StanceBadge';
import { Loading, PageFailed } from '@renderer/components/states';
import { TalkingPoints } from '@renderer/components/TalkingPoints';
import { personQuery } from '@renderer/data/records';
import { excerpt, formatMoney, humanize } from '@renderer/lib/format';
import { hrefFor } from '@renderer/lib/router';
import { useNow } from '@renderer/lib/use-now';
import { ListPanel } from '@renderer/components/ListPanel';
import { When } from '@renderer/components/When';

export function PersonPage({ id }: { id: StakeholderId }) {
  const detail = useQuery(personQuery(id));
  const log = useLog();
  const now = useNow();
  useLogTarget(detail.data ? { accountId: detail.data.account.id } : null);
  if (detail.isPending)
    return (
      <section className="page">
        <Loading label="Loading the person…" />
      </section>
    );
  if (detail.isError) {
    return (
      <section className="page" aria-labelledby="page-title">
        <PageFailed heading="Person" query={detail} what="this person" />
      </section>
    );
  }
  const { stakeholder: s, account, opportunities, interactions } = detail.data;
  return (
    <section className="page" aria-labelledby="page-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ page: 'accounts' })}>Accounts</a>
        <span aria-hidden="true"> / </span>
        <a href={hrefFor({ page: 'account', id: account.id })}>{account.name}</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{s.name}</span>
      </nav>
      <header className="account-header">
        <h1 id="page-title">{s.name}</h1>
        <dl className="facts">
          <div>
            <dt>Title</dt>
            <dd>{s.title || '—'}</dd>
          </div>
          <div>
            <dt>Department</dt>
            <dd>{s.department || '—'}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>{s.buyingRoles.map((r) => BUYING_ROLE_LABEL[r]).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>Stance</dt>
            <dd>
              <StanceBadge stance={s.stance} />
            </dd>
          </div>
          <div>
            <dt>Influence</dt>
            <dd>
              <InfluenceMeter value={s.influence} />
            </dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{s.email ?? '—'}</dd>
          </div>
        </dl>
      </header>
      <div className="page-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="person-log"
          onClick={() => log.open({ accountId: account.id, preselected: [s.id], title: `Log an interaction with ${s.name}` })}
        >
          Log interaction
        </button>
      </div>
      <div className="deal-grid">
        <section className="panel" aria-labelledby="points-title">
          <header className="panel-header">
            <h2 id="points-title">Before you meet {s.name}</h2>
          </header>
          <div className="panel-body">
            <TalkingPoints accountId={account.id} stakeholderIds={[s.id]} single />
            {s.needs.length || s.pains.length ? (
              <dl className="needs">
                {s.needs.length ? (
                  <div>
                    <dt>Needs</dt>
                    <dd>
                      <ul>
                        {s.needs.map((n) => (
                          <li key={n}>{n}</li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ) : null}
                {s.pains.length ? (
                  <div>
                    <dt>Pains</dt>
                    <dd>
                      <ul>
                        {s.pains.map((n) => (
                          <li key={n}>{n}</li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ) : null}
              </dl>
            ) : null}
          </div>
        </section>
        <ListPanel
          id="person-deals-title"
          title="Deals"
          items={opportunities}
          keyOf={(o) => o.id}
          empty="Not in any deal's buying group yet."
          item={(o) => (
            <>
              <a href={hrefFor({ page: 'opportunity', id: o.id })}>{o.name}</a>
              {' · '}
              {BUYING_ROLE_LABEL[o.members.find((m) => m.stakeholderId === s.id)!.role]}
              <span className="cell-muted">
                {' '}
                · {humanize(o.stage)} · {formatMoney(o.amount, o.currency)}
              </span>
            </>
          )}
        />
      </div>
      <ListPanel
        id="person-int-title"
        title="Touches"
        ordered
        items={interactions}
        keyOf={(i) => i.id}
        empty="No touches with them yet."
        item={(i) => (
          <>
            <strong>{humanize(i.kind)}</strong> · <When at={i.at} now={now} />
            {i.notes ? <span className="cell-muted"> — {excerpt(i.notes, 140)}</span> : null}
          </>
        )}
      />
    </section>
  );
}
