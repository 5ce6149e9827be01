// Renderer: the account page's header — name and the few facts a seller checks first.
import { USER_LOCALE } from '@renderer/lib/locale';
import type { Account, TeamMember } from '@shared/domain';
import { SEGMENT_LABEL } from './labels';

const employees = new Intl.NumberFormat(USER_LOCALE);

function safeWebsite(url: string): string | null {
  const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  try {
    const parsed = new URL(withScheme);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    // Not a URL someone can follow; show it as text.
    return null;
  }
}

export function AccountFacts({ account, owner }: { account: Account; owner: TeamMember | undefined }) {
  const website = account.website ? safeWebsite(account.website) : null;
  return (
    <header className="account-header">
      <h1 id="page-title">{account.name}</h1>
      <dl className="facts">
        <div>
          <dt>Industry</dt>
          <dd>{account.industry || '—'}</dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>{account.region || '—'}</dd>
        </div>
        <div>
          <dt>Segment</dt>
          <dd>{SEGMENT_LABEL[account.segment]}</dd>
        </div>
        <div>
          <dt>Employees</dt>
          <dd>{account.employees !== undefined ? employees.format(account.employees) : '—'}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{owner?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>
            {account.website ? (
              website ? (
                <a href={website} target="_blank" rel="noreferrer noopener">
                  {account.website}
                </a>
              ) : (
                account.website
              )
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
