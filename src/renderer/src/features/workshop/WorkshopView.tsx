// Renderer: projector mode — title, the journey map at projector size, and the notes board.
import { useMemo, useRef, useState } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { hrefFor } from '@renderer/lib/router';
import { useNow } from '@renderer/lib/use-now';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { fileSlug } from '@renderer/lib/export-image';
import { JourneyChart } from '../journey/JourneyChart';
import { JourneyLegend } from '../journey/JourneyLegend';
import { PROJECTOR_METRICS } from '../journey/journey-layout';
import { useNoteUndo } from './use-note-undo';
import { NoteDialog, type NoteDraft } from './NoteDialog';
import { NotesBoard } from './NotesBoard';
import { PresenterPanel } from './PresenterPanel';
import { PdfButton } from '../journey/PdfButton';
import { usePresentation } from './use-presentation';
import { useClickerKeys } from './use-clicker-keys';
import { unitCount } from './presentation-state';
import { useProjectionLanes } from './ProjectionMap';
import { loopsInOrder } from './projection-model';

export function WorkshopView({ detail }: { detail: OpportunityDetail }) {
  const rootRef = useRef<HTMLElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const now = useNow(60_000);
  const [draft, setDraft] = useState<NoteDraft | null>(null);
  const notes = useNoteUndo();
  const o = detail.opportunity;
  const title = `${detail.account.name} — ${o.name}`;
  const presentation = usePresentation(o.id);
  const projectionLanes = useProjectionLanes(detail);
  const loopCount = useMemo(() => loopsInOrder(projectionLanes).length, [projectionLanes]);
  // The clicker drives the reveal from this window too (not while a note is being written).
  useClickerKeys((action) => presentation.dispatch(action, unitCount(presentation.state.mode, projectionLanes.length, loopCount)), {
    keepKeyboardControls: true,
  });

  // The chart redraws its whole SVG on every render: a clicker press (presentation state) must
  // not redraw it, or the press reaches the room's window late.
  const chart = useMemo(
    () => (
      <JourneyChart
        svgRef={svgRef}
        detail={detail}
        now={now}
        metrics={PROJECTOR_METRICS}
        selectedStepId={null}
        onSelectStep={() => undefined}
        onPickCell={(pick) => setDraft({ job: pick.job, stakeholderId: pick.stakeholderId, at: pick.at })}
      />
    ),
    [detail, now],
  );

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen().catch((error: unknown) => console.warn('DS_FULLSCREEN_REFUSED', error));
  };

  return (
    <section ref={rootRef} className="page page-wide workshop journey-print-root" aria-labelledby="page-title">
      <header className="workshop-header">
        <div>
          <p className="workshop-kicker">{detail.account.name} · buyer journey workshop</p>
          <h1 id="page-title">{o.name}</h1>
        </div>
        <div className="toolbar workshop-toolbar" role="toolbar" aria-label="Workshop tools">
          <button type="button" className="button button-primary workshop-big" data-testid="workshop-add-note" onClick={() => setDraft({})}>
            + Add note
          </button>
          <button type="button" className="button workshop-big" data-testid="workshop-fullscreen" onClick={toggleFullscreen}>
            Full screen
          </button>
          <a className="button workshop-big" href={hrefFor({ page: 'journey', opportunityId: o.id })}>
            Edit journey
          </a>
          <ExportButtons svgRef={svgRef} filename={fileSlug(`${title} workshop`)} options={{ title }} testIdPrefix="workshop" />
          <PdfButton detail={detail} subtitle="Buyer journey workshop" testId="workshop-pdf" className="button workshop-big" />
        </div>
      </header>
      <PresenterPanel detail={detail} presentation={presentation} onDeleteNote={notes.removeNote} />
      <JourneyLegend />
      {chart}
      <p className="workshop-hint">Click a person’s job band to put a note there.</p>
      <NotesBoard
        detail={detail}
        onEdit={(existing) => setDraft({ existing })}
        onRemove={(id) => {
          const note = detail.notes.find((n) => n.id === id);
          if (note) notes.removeNote(note);
        }}
        removingId={notes.removingId}
        onAddIn={(job) => setDraft({ job })}
      />
      {notes.bar}
      {draft ? <NoteDialog key={draft.existing?.id ?? 'new'} detail={detail} draft={draft} onClose={() => setDraft(null)} /> : null}
    </section>
  );
}
