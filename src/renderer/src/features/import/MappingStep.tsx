// Renderer: the detected CRM, kind and column mapping of each file, editable column by column.
import type { ImportReportView } from '@shared/api';
import { CRMS, CRM_LABEL, IMPORT_KINDS, KIND_LABEL, TARGET_LABEL, type AnyTarget, type Crm, type ImportKind } from '@shared/import/presets';
import { targetsFor, withColumn, type FileChoice } from './wizard-model';

interface Props {
  report: ImportReportView;
  choose: (fileId: string, choice: FileChoice) => void;
  busy: boolean;
}

export function MappingStep({ report, choose, busy }: Props) {
  return (
    <div className="import-files">
      {report.errors
        .filter((e) => e.code === 'DS_IMPORT_EMPTY_FILE')
        .map((e) => (
          <p key={e.file} className="form-error" role="alert">
            {e.file}: {e.message}
          </p>
        ))}
      {report.files.map((f) => (
        <section key={f.fileId} className="panel" aria-label={f.file} data-testid="import-file">
          <header className="panel-header">
            <h2>{f.file}</h2>
            <p className="field-hint">
              {f.rows} rows · {f.encoding} · delimiter “{f.delimiter === '\t' ? 'tab' : f.delimiter}”
            </p>
          </header>
          <div className="form-grid cols-3">
            <label className="field">
              <span>CRM</span>
              <select
                className="input"
                data-testid="import-crm"
                value={f.crm}
                disabled={busy}
                onChange={(e) => choose(f.fileId, { crm: e.target.value as Crm, mapping: undefined })}
              >
                {CRMS.map((c) => (
                  <option key={c} value={c}>
                    {CRM_LABEL[c]}
                  </option>
                ))}
              </select>
            </label>
            {f.crm === 'deepsales' ? (
              <p className="field-hint">Our own export of {f.kind}: read as it was written.</p>
            ) : (
              <>
                <label className="field">
                  <span>Records</span>
                  <select
                    className="input"
                    data-testid="import-kind"
                    value={f.kind}
                    disabled={busy}
                    onChange={(e) => choose(f.fileId, { kind: e.target.value as ImportKind, mapping: undefined })}
                  >
                    {IMPORT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABEL[k]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>Dates like 05/06/2024 are</span>
                  <select
                    className="input"
                    value={f.dateOrder}
                    disabled={busy}
                    onChange={(e) =>
                      choose(f.fileId, { dateOrder: e.target.value as 'mdy' | 'dmy', mapping: f.mapping as (AnyTarget | null)[] })
                    }
                  >
                    <option value="mdy">month/day/year</option>
                    <option value="dmy">day/month/year</option>
                  </select>
                </label>
              </>
            )}
          </div>
          {f.crm !== 'deepsales' ? (
            <table className="import-columns">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Becomes</th>
                </tr>
              </thead>
              <tbody>
                {f.headers.map((h, i) => (
                  <tr key={`${h}-${i}`}>
                    <th scope="row">{h}</th>
                    <td>
                      <select
                        className="input"
                        aria-label={`${h} becomes`}
                        value={f.mapping[i] ?? ''}
                        disabled={busy}
                        onChange={(e) =>
                          choose(f.fileId, { mapping: withColumn(f.mapping, i, (e.target.value || null) as AnyTarget | null) })
                        }
                      >
                        <option value="">— not imported —</option>
                        {targetsFor(f.kind).map((t) => (
                          <option key={t} value={t}>
                            {TARGET_LABEL[t]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </div>
  );
}
