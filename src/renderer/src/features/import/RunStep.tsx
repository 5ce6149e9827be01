// Renderer: a running import's progress with cancel, then its counts and per-row errors.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { importRunQuery, useCancelImport } from './queries';
import { countRows } from './wizard-model';

export function RunStep({ runId, onAgain }: { runId: string; onAgain: () => void }) {
  const status = useQuery(importRunQuery(runId));
  const cancel = useCancelImport();
  const view = status.data;
  if (!view) return <p role="status">Starting the import…</p>;
  const report = view.report;
  const issues = report ? [...report.errors, ...report.warnings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line) : [];
  return (
    <div className="panel" data-testid="import-run-panel">
      {view.state === 'running' ? (
        <>
          <progress max={1} value={view.fraction} aria-label="Import progress" />
          <p role="status">
            {view.message} ({Math.round(view.fraction * 100)}%)
          </p>
          <button
            type="button"
            className="button"
            data-testid="import-cancel"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(runId)}
          >
            Cancel
          </button>
          <p className="field-hint">
            Cancel keeps the records already written, each whole; importing the same files again finishes the rest.
          </p>
        </>
      ) : null}
      {view.state === 'failed' ? (
        <p className="form-error" role="alert">
          {view.error}
        </p>
      ) : null}
      {report ? (
        <>
          <p role="status" data-testid="import-done">
            {view.state === 'cancelled' ? 'Import cancelled: what was written is kept.' : 'Import finished.'}
          </p>
          <table className="import-columns" data-testid="import-counts">
            <thead>
              <tr>
                <th scope="col">Records</th>
                <th scope="col">New</th>
                <th scope="col">Updated</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Failed</th>
                <th scope="col">Conflicts kept</th>
              </tr>
            </thead>
            <tbody>
              {countRows(report).map((r) => (
                <tr key={r.kind}>
                  <th scope="row">{r.kind}</th>
                  <td>{r.created}</td>
                  <td>{r.updated}</td>
                  <td>{r.unchanged}</td>
                  <td>{r.failed}</td>
                  <td>{r.conflicts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.counts && Object.values(report.counts).some((c) => c.conflicts) ? (
            <p>
              Values changed here since the last import were kept; the CRM's values wait in{' '}
              <a href={hrefFor({ page: 'settings' })}>Settings → Conflicts</a>.
            </p>
          ) : null}
          {issues.length ? (
            <table className="import-columns" data-testid="import-errors">
              <caption>Rows not imported, or imported without a link</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Line</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {issues.slice(0, 200).map((e, i) => (
                  <tr key={i} className={e.severity === 'error' ? 'is-error' : undefined}>
                    <td>{e.file}</td>
                    <td>{e.line}</td>
                    <td>
                      {e.severity === 'warning' ? 'Imported, but: ' : ''}
                      {e.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="form-actions form-actions-start">
            <a className="button button-primary" href={hrefFor({ page: 'accounts' })}>
              See the accounts
            </a>
            <button type="button" className="button" onClick={onAgain}>
              Import more files
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
