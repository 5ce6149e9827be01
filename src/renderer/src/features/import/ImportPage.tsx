// Renderer: the CRM import wizard — choose files → the detected CRM and column mapping, editable
// column by column → stage and owner mapping → preview of rows as they will be stored → run with
// progress and cancel → counts and per-row errors with file and line. The host does the reading
// and the writing (src/main/import); this page only holds the choices.
import { useState, type ChangeEvent } from 'react';
import type { ImportReportView } from '@shared/api';
import { errorWords } from '@renderer/api/errors';
import { ExportPanel } from './ExportPanel';
import { MappingStep } from './MappingStep';
import { usePreview, useRunImport, useUploadFiles } from './queries';
import { RunStep } from './RunStep';
import { SamplesTable, StagesStep } from './StagesStep';
import { EMPTY_WIZARD, STEPS, planOf, unmappedStages, type FileChoice, type Step, type WizardState } from './wizard-model';
import './import.css';

export function ImportPage() {
  const [step, setStep] = useState<Step>('files');
  const [wizard, setWizard] = useState<WizardState>(EMPTY_WIZARD);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const upload = useUploadFiles();
  const preview = usePreview();
  const run = useRunImport();

  async function refresh(next: WizardState, to: Step) {
    setWizard(next);
    const r = await preview.mutateAsync(planOf(next));
    setReport(r);
    setStep(to);
  }

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    if (!files.length) return;
    setReport(null);
    const fileIds = await upload.mutateAsync(files);
    await refresh({ ...EMPTY_WIZARD, fileIds }, 'mapping');
  }

  function choose(fileId: string, choice: FileChoice) {
    void refresh({ ...wizard, overrides: { ...wizard.overrides, [fileId]: { ...wizard.overrides[fileId], ...choice } } }, step);
  }

  async function start() {
    const started = await run.mutateAsync(planOf(wizard));
    setRunId(started.runId);
    setStep('run');
  }

  const busy = upload.isPending || preview.isPending;
  const failure = upload.error ?? preview.error ?? run.error;
  const missingStages = report ? unmappedStages(report.stages, wizard.stageMap) : [];
  return (
    <section className="page import-page" aria-labelledby="page-title">
      <h1 id="page-title">Import from your CRM</h1>
      <ol className="import-steps" aria-label="Steps">
        {STEPS.map((s) => (
          <li key={s.step} aria-current={s.step === step ? 'step' : undefined}>
            {s.label}
          </li>
        ))}
      </ol>
      {failure ? (
        <p className="form-error" role="alert">
          {errorWords(failure)}
        </p>
      ) : null}

      {step === 'files' ? (
        <div className="panel">
          <div className="panel-body import-files">
            <p className="section-intro">
              Choose the CSV files your CRM exported — Salesforce, Dynamics 365, HubSpot or Zoho: accounts, contacts or leads, opportunities
              and activities, together or one by one. A Deep Sales export can be imported back too. Importing the same files again updates
              what changed and never duplicates.
            </p>
            <div className="field">
              <label htmlFor="import-files">CSV files</label>
              <input
                id="import-files"
                data-testid="import-files"
                type="file"
                multiple
                accept=".csv,text/csv"
                onChange={(e) => void onFiles(e)}
                disabled={busy}
              />
            </div>
            {busy ? <p role="status">Reading the files…</p> : null}
            <ExportPanel />
          </div>
        </div>
      ) : null}

      {step === 'mapping' && report ? (
        <>
          <MappingStep report={report} choose={choose} busy={busy} />
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={() => setStep('files')}>
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="import-next"
              disabled={busy}
              onClick={() => setStep('stages')}
            >
              Next: stages and owners
            </button>
          </div>
        </>
      ) : null}

      {step === 'stages' && report ? (
        <>
          <StagesStep report={report} wizard={wizard} onChange={(next) => void refresh(next, 'stages')} />
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={() => setStep('mapping')}>
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="import-next"
              disabled={busy}
              onClick={() => setStep('preview')}
            >
              Next: preview
            </button>
          </div>
        </>
      ) : null}

      {step === 'preview' && report ? (
        <>
          <SamplesTable report={report} />
          {missingStages.length ? (
            <p className="form-error" role="alert">
              Map {missingStages.map((s) => `“${s}”`).join(', ')} in the stages step, or their deals are reported as errors.
            </p>
          ) : null}
          <div className="form-actions form-actions-start">
            <button type="button" className="button" onClick={() => setStep('stages')}>
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="import-run"
              disabled={run.isPending}
              onClick={() => void start()}
            >
              Import
            </button>
          </div>
        </>
      ) : null}

      {step === 'run' && runId ? (
        <RunStep
          runId={runId}
          onAgain={() => {
            setWizard(EMPTY_WIZARD);
            setReport(null);
            setRunId(null);
            setStep('files');
          }}
        />
      ) : null}
    </section>
  );
}
