// Renderer: CRM stages onto ours, CRM owners onto team members, and the preview of rows as they
// will be stored.
import { useQuery } from '@tanstack/react-query';
import type { ImportReportView } from '@shared/api';
import { STAGE_LABEL } from './labels';
import { STAGE_TARGETS, type StageTarget } from '@shared/import/stages';
import { importTeamQuery } from './queries';
import { stageRows, type WizardState } from './wizard-model';

interface Props {
  report: ImportReportView;
  wizard: WizardState;
  onChange: (next: WizardState) => void;
}

export function StagesStep({ report, wizard, onChange }: Props) {
  const team = useQuery(importTeamQuery());
  const rows = stageRows(report.stages, wizard.stageMap);
  return (
    <div className="panel">
      <h2>Stages</h2>
      {rows.length === 0 ? (
        <p className="field-hint">No opportunity stages in these files.</p>
      ) : (
        <table className="import-columns" data-testid="import-stages">
          <thead>
            <tr>
              <th scope="col">Stage in the CRM</th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>
                  <select
                    className="input"
                    aria-label={`${r.name} becomes`}
                    value={r.target ?? ''}
                    onChange={(e) => onChange({ ...wizard, stageMap: { ...wizard.stageMap, [r.name]: e.target.value as StageTarget } })}
                  >
                    {r.target === null ? <option value="">— choose —</option> : null}
                    {STAGE_TARGETS.map((t) => (
                      <option key={t} value={t}>
                        {STAGE_LABEL[t]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Owners</h2>
      {report.owners.length === 0 ? (
        <p className="field-hint">No owners in these files; deals and activities go to you.</p>
      ) : (
        <table className="import-columns" data-testid="import-owners">
          <thead>
            <tr>
              <th scope="col">Owner in the CRM</th>
              <th scope="col">Team member</th>
            </tr>
          </thead>
          <tbody>
            {report.owners.map((o) => (
              <tr key={o}>
                <th scope="row">{o}</th>
                <td>
                  <select
                    className="input"
                    aria-label={`${o} is`}
                    value={wizard.ownerMap[o] ?? ''}
                    onChange={(e) => {
                      const ownerMap = { ...wizard.ownerMap };
                      if (e.target.value) ownerMap[o] = e.target.value;
                      else delete ownerMap[o];
                      onChange({ ...wizard, ownerMap });
                    }}
                  >
                    <option value="">Match by name or e-mail, else add to the team</option>
                    {(team.data ?? []).map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.newMembers.length ? (
        <p className="field-hint">The import adds {report.newMembers.map((m) => m.name).join(', ')} to the team.</p>
      ) : null}
    </div>
  );
}

const SHOWN = [
  'name',
  'accountId',
  'stage',
  'status',
  'amount',
  'currency',
  'closeDate',
  'kind',
  'at',
  'email',
  'title',
  'region',
  'notes',
];

function cell(key: string, value: unknown): string {
  if (value === undefined) return '';
  if ((key === 'closeDate' || key === 'at') && typeof value === 'number')
    return new Date(value).toISOString().slice(0, 16).replace('T', ' ');
  return typeof value === 'string' ? value.slice(0, 60) : JSON.stringify(value).slice(0, 60);
}

export function SamplesTable({ report }: { report: ImportReportView }) {
  const errors = report.errors.length;
  return (
    <div className="panel" data-testid="import-preview">
      <h2>Preview: the first rows as they will be stored</h2>
      <p>
        {Object.entries(report.counts)
          .map(([k, c]) => `${k}: ${c.created} new, ${c.updated + c.unchanged} already here`)
          .join(' · ')}
        {errors ? ` · ${errors} ${errors === 1 ? 'row' : 'rows'} with errors (listed after the import)` : ''}
      </p>
      {report.samples
        .filter((s) => s.docs.length)
        .map((s) => {
          const keys = SHOWN.filter((k) => s.docs.some((d) => d[k] !== undefined));
          return (
            <table key={s.file} className="import-columns">
              <caption>{s.file}</caption>
              <thead>
                <tr>
                  {keys.map((k) => (
                    <th key={k} scope="col">
                      {k}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.docs.map((d, i) => (
                  <tr key={i}>
                    {keys.map((k) => (
                      <td key={k}>{cell(k, d[k])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
    </div>
  );
}
