// Renderer: import historical opportunities from a CSV so the model learns from deals closed
// before Deep Sales. The file is read here (File.text()); the host parses and validates it.
import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_REQUEST_BYTES } from '@shared/api';
import { errorWords } from '@renderer/api/errors';
import { guessPositive, guessTarget, previewCsv, type CsvPreview } from './csv';
import { useImportHistory } from './mutations';

type Loaded = { name: string; text: string; preview: CsvPreview };
const LIMIT = MAX_REQUEST_BYTES - 1_000;

export function ImportHistory() {
  const id = useId();
  const [file, setFile] = useState<Loaded | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const [positive, setPositive] = useState('');
  const importer = useImportHistory();
  const values = useMemo(() => (file && target ? file.preview.values(target) : []), [file, target]);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    setFile(null);
    setReadError(null);
    importer.reset();
    if (!picked) return;
    try {
      const text = await picked.text();
      if (text.length > LIMIT) {
        setReadError(
          `${picked.name} is ${(text.length / 1e6).toFixed(1)} MB; one import takes up to ${(LIMIT / 1e6).toFixed(1)} MB. Split it into smaller files and import each.`,
        );
        return;
      }
      const preview = previewCsv(text);
      const column = guessTarget(preview.columns) ?? preview.columns[0] ?? '';
      setFile({ name: picked.name, text, preview });
      setTarget(column);
      setPositive(guessPositive(preview.values(column)) ?? preview.values(column)[0] ?? '');
    } catch (error) {
      // TabularError (empty file, wrong delimiter) carries a sentence that says what to do.
      setReadError(error instanceof Error ? error.message : String(error));
    }
  }

  function pickTarget(column: string) {
    setTarget(column);
    const next = file?.preview.values(column) ?? [];
    setPositive(guessPositive(next) ?? next[0] ?? '');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file && target && positive) importer.mutate({ csv: file.text, targetColumn: target, positiveValue: positive });
  }

  const result = importer.data;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h2 id={`${id}-title`}>Import historical opportunities from CSV</h2>
      </header>
      <form className="form" onSubmit={submit}>
        <p className="section-intro">
          One row per closed deal, with a header row. Pick the column that says how each deal ended and the value that means it was won.
        </p>
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" data-testid="import-csv" onChange={(e) => void onFile(e)} />
          {file ? (
            <p className="field-hint">
              {file.name}: {file.preview.rowCount} rows, {file.preview.columns.length} columns.
            </p>
          ) : null}
        </div>
        {readError ? (
          <p className="form-error" role="alert">
            {readError}
          </p>
        ) : null}
        {file ? (
          <div className="form-grid cols-2">
            <div className="field">
              <label htmlFor={`${id}-target`}>Outcome column</label>
              <select id={`${id}-target`} name="targetColumn" className="input" value={target} onChange={(e) => pickTarget(e.target.value)}>
                {file.preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-positive`}>Value that means won</label>
              <select
                id={`${id}-positive`}
                name="positiveValue"
                className="input"
                value={positive}
                onChange={(e) => setPositive(e.target.value)}
              >
                {values.length === 0 ? <option value="">This column is empty</option> : null}
                {values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
        {importer.isError ? (
          <p className="form-error" role="alert">
            {errorWords(importer.error)}
          </p>
        ) : null}
        {result ? (
          <div className="import-result" role="status" data-testid="import-result">
            <p>
              <strong>
                Imported {result.imported} {result.imported === 1 ? 'deal' : 'deals'}
              </strong>
              {result.skipped ? `, skipped ${result.skipped} ${result.skipped === 1 ? 'row' : 'rows'}` : ''}. The model retrains with them.
            </p>
            {result.errors.length ? (
              <ul className="import-errors">
                {result.errors.slice(0, 8).map((e, i) => (
                  <li key={`${e.code}-${i}`}>{e.message}</li>
                ))}
                {result.errors.length > 8 ? <li>…and {result.errors.length - 8} more.</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="form-actions form-actions-start">
          <button type="submit" className="button button-primary" disabled={!file || !target || !positive || importer.isPending}>
            {importer.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </section>
  );
}
