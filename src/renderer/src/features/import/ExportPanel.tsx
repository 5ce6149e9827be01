// Renderer: export of the workspace as CSV, one file per kind of record, in the format the
// wizard reads back.
import { EXPORT_COLLECTIONS } from '@shared/import/deepsales';
import { errorWords } from '@renderer/api/errors';
import { useExportCsv } from './queries';

export function ExportPanel() {
  const exporter = useExportCsv();
  async function download(collection: (typeof EXPORT_COLLECTIONS)[number]) {
    const { name, csv } = await exporter.mutateAsync(collection);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div className="import-export">
      <h2>Export</h2>
      <p className="field-hint">Every kind of record as CSV; importing these files into an empty workspace gives the same workspace.</p>
      <div className="form-actions form-actions-start">
        {EXPORT_COLLECTIONS.map((c) => (
          <button
            key={c}
            type="button"
            className="button"
            data-testid={`export-${c}`}
            disabled={exporter.isPending}
            onClick={() => void download(c)}
          >
            {c}.csv
          </button>
        ))}
      </div>
      {exporter.isError ? (
        <p className="form-error" role="alert">
          {errorWords(exporter.error)}
        </p>
      ) : null}
    </div>
  );
}
