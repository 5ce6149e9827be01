// Renderer: the journey map with its toolbar, selected-step card and steps table.
import { useRef, useState } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOB_LABEL, BUYING_JOBS, type JourneyStepId } from '@shared/domain';
import { hrefFor } from '@renderer/lib/router';
import { errorWords } from '@renderer/api/errors';
import { formatDate, formatMoney, humanize } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { fileSlug } from '@renderer/lib/export-image';
import { JourneyChart } from './JourneyChart';
import { JourneyLegend } from './JourneyLegend';
import { SCREEN_METRICS, segments } from './journey-layout';
import { useRemoveStep } from './mutations';
import { StepDialog, type StepDraft } from './StepDialog';
import { StepsTable } from './StepsTable';
import { PdfButton } from './PdfButton';

export function JourneyView({ detail }: { detail: OpportunityDetail }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const now = useNow(60_000);
  const [draft, setDraft] = useState<StepDraft | null>(null);
  const [selectedId, setSelectedId] = useState<JourneyStepId | null>(null);
  const remove = useRemoveStep();
  const o = detail.opportunity;
  const selected = detail.journey.find((s) => s.id === selectedId) ?? null;
  const names = new Map(detail.stakeholders.map((s) => [s.id, s.name]));
  const loops = detail.stakeholders.reduce(
    (n, s) =>
      n +
      segments(detail.journey.filter((j) => j.stakeholderId === s.id).sort((a, b) => a.at - b.at)).filter(
        (x) => x.transition === 'loop_back',
      ).length,
    0,
  );
  const title = `${detail.account.name} — ${o.name}: buyer journey`;
  const removeStep = (id: JourneyStepId) => remove.mutate({ id }, { onSuccess: () => setSelectedId((cur) => (cur === id ? null : cur)) });
  const firstPerson = detail.stakeholders[0]?.id;

  return (
    <>
      <header className="page-header">
        <h1 id="page-title">{o.name}: journey</h1>
        <p className="page-meta">
          {humanize(o.status)} · {humanize(o.stage)} · {formatMoney(o.amount, o.currency)} · close {formatDate(o.closeDate)} ·{' '}
          {detail.journey.length} steps, {loops} {loops === 1 ? 'loop' : 'loops'} back
        </p>
      </header>
      <div className="toolbar journey-toolbar" role="toolbar" aria-label="Journey tools">
        <button
          type="button"
          className="button button-primary"
          data-testid="journey-add-step"
          disabled={!firstPerson}
          onClick={() => firstPerson && setDraft({ stakeholderId: firstPerson, job: BUYING_JOBS[0], at: now })}
        >
          Add step…
        </button>
        <a className="button" href={hrefFor({ page: 'workshop', opportunityId: o.id })} data-testid="journey-open-workshop">
          Open workshop
        </a>
        <a className="button" href={hrefFor({ page: 'buying-group', accountId: detail.account.id })}>
          Buying group
        </a>
        <span className="toolbar-spacer" />
        <ExportButtons svgRef={svgRef} filename={fileSlug(title)} options={{ title }} testIdPrefix="journey" />
        <PdfButton detail={detail} subtitle="Buyer journey" testId="journey-export-pdf" className="button button-small" />
      </div>
      <p className="journey-hint">Click a lane’s job band to add a step there · Click a dot to select a step</p>
      <JourneyLegend />
      <JourneyChart
        svgRef={svgRef}
        detail={detail}
        now={now}
        metrics={SCREEN_METRICS}
        selectedStepId={selectedId}
        onSelectStep={setSelectedId}
        onPickCell={setDraft}
      />
      {remove.isError ? (
        <p className="form-error" role="alert">
          {errorWords(remove.error)}
        </p>
      ) : null}
      {selected ? (
        <section className="panel journey-selected" aria-live="polite" data-testid="journey-selected-step">
          <p>
            <strong>{names.get(selected.stakeholderId) ?? 'Former group member'}</strong> · {BUYING_JOB_LABEL[selected.job]} ·{' '}
            {humanize(selected.move)} · {formatDate(selected.at)}
            {selected.note ? ` — ${selected.note}` : ''}
          </p>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={remove.isPending}
            onClick={() => removeStep(selected.id)}
          >
            Remove this step
          </button>
        </section>
      ) : null}
      <StepsTable
        detail={detail}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onRemove={removeStep}
        removingId={remove.isPending ? (remove.variables?.id ?? null) : null}
      />
      {draft ? (
        <StepDialog key={`${draft.stakeholderId}:${draft.job}:${draft.at}`} detail={detail} draft={draft} onClose={() => setDraft(null)} />
      ) : null}
    </>
  );
}
