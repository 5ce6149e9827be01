// Renderer: the facilitator's side of a presentation — open the room's window, step the reveal
// (the clicker works here too), see what the room sees and what comes next, keep private notes
// (this computer only, never on the projection) and a timer.
import type { OpportunityId } from '@shared/domain';
import { useEffect, useRef, useState } from 'react';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { fileSlug } from '@renderer/lib/export-image';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOB_LABEL, type WorkshopNote } from '@shared/domain';
import { hrefFor } from '@renderer/lib/router';
import { now as clockNow } from '@renderer/lib/clock';
import { useNow } from '@renderer/lib/use-now';
import { ProjectionMap, useProjectionLanes } from './ProjectionMap';
import { loopsInOrder, nextUp, revealWords } from './projection-model';
import { unitCount, type RevealMode } from './presentation-state';
import type { Presentation } from './use-presentation';
import { NoteInPlace } from './NoteInPlace';

const privateKey = (opportunityId: string) => `ds-presenter-notes:${opportunityId}`;

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Opens the room's window; Electron turns this into a window on the second display
 * (main/electron/presentation-window.ts). `noopener` puts it in its own browsing context group,
 * so the browser may give it its own process and main thread: the facilitator's editing never
 * delays the projection's next frame. The windows talk over BroadcastChannel, not the opener.
 */
export function openPresentationWindow(opportunityId: OpportunityId): void {
  const url = `${location.pathname}${location.search}${hrefFor({ page: 'present', opportunityId })}`;
  window.open(url, `ds-present-${opportunityId}`, 'popup,noopener,width=1280,height=720');
}

export function PresenterPanel({
  detail,
  presentation,
  onDeleteNote,
}: {
  detail: OpportunityDetail;
  presentation: Presentation;
  onDeleteNote: (note: WorkshopNote) => void;
}) {
  const o = detail.opportunity;
  const { state, dispatch } = presentation;
  const lanes = useProjectionLanes(detail);
  const loops = loopsInOrder(lanes).length;
  const total = unitCount(state.mode, lanes.length, loops);
  const tick = useNow(1000);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [privateNotes, setPrivateNotes] = useState(() => localStorage.getItem(privateKey(o.id)) ?? '');
  useEffect(() => {
    localStorage.setItem(privateKey(o.id), privateNotes);
  }, [o.id, privateNotes]);
  const previewRef = useRef<SVGSVGElement>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId ? detail.notes.find((n) => n.id === editingId) : undefined;
  const noFocus = (event: React.MouseEvent) => event.preventDefault();

  return (
    <section className="presenter" aria-labelledby="presenter-title" data-testid="presenter">
      <div className="presenter-main">
        <div className="presenter-bar">
          <h2 id="presenter-title">Presenting</h2>
          <button
            type="button"
            className="button button-primary workshop-big"
            data-testid="open-presentation"
            onClick={() => {
              openPresentationWindow(o.id);
              setStartedAt((t) => t ?? clockNow());
            }}
          >
            Open presentation window
          </button>
          <div className="toolbar" role="toolbar" aria-label="Reveal">
            <button
              type="button"
              className="button workshop-big"
              onMouseDown={noFocus}
              data-testid="present-prev"
              onClick={() => dispatch({ type: 'prev' }, total)}
            >
              ‹ Back
            </button>
            <button
              type="button"
              className="button workshop-big"
              onMouseDown={noFocus}
              data-testid="present-next"
              onClick={() => dispatch({ type: 'next' }, total)}
            >
              Next ›
            </button>
            <button
              type="button"
              className="button workshop-big"
              onMouseDown={noFocus}
              aria-pressed={state.blank}
              data-testid="present-blank-toggle"
              onClick={() => dispatch({ type: 'blank' }, total)}
            >
              Blank (B)
            </button>
          </div>
          <label className="presenter-mode">
            Reveal by{' '}
            <select
              value={state.mode}
              data-testid="present-mode"
              onChange={(e) => dispatch({ type: 'mode', mode: e.target.value as RevealMode }, total)}
            >
              <option value="person">person</option>
              <option value="job">buying job</option>
              <option value="loop">loop back</option>
            </select>
          </label>
        </div>
        <p className="presenter-status" data-testid="presenter-status">
          <strong>{revealWords(state, lanes.length, loops)} shown</strong>
          {state.blank ? ' · screen blank' : ''}
          {' · Next: '}
          <span data-testid="presenter-next-up">{nextUp(lanes, state, (job) => BUYING_JOB_LABEL[job])}</span>
        </p>
        <div className="presenter-preview" aria-label="What the room sees">
          <ProjectionMap
            testId="presenter-preview"
            svgRef={previewRef}
            withLegend
            detail={detail}
            state={state}
            now={tick}
            width={1280}
            height={668}
            onSelect={(id) => dispatch({ type: 'select', stakeholderId: id }, total)}
            onNoteClick={setEditingId}
            editor={
              editing
                ? {
                    noteId: editing.id,
                    node: (
                      <NoteInPlace
                        key={editing.id}
                        note={editing}
                        onDone={() => setEditingId(null)}
                        onDelete={(note) => {
                          setEditingId(null);
                          onDeleteNote(note);
                        }}
                      />
                    ),
                  }
                : null
            }
          />
          {state.blank ? <div className="presenter-preview-blank" aria-hidden="true" /> : null}
        </div>
        <div className="toolbar" aria-label="Export the room's view">
          <ExportButtons
            svgRef={previewRef}
            filename={fileSlug(`${detail.account.name} ${o.name} room view`)}
            options={{ title: `${detail.account.name} — ${o.name}` }}
            testIdPrefix="room"
          />
        </div>
        <p className="workshop-hint">
          Click a note on the map to edit it there. Keys: PageDown / → / Space / Enter next · PageUp / ← back · B blank · Esc show · + / −
          zoom.
        </p>
      </div>
      <aside className="presenter-side">
        <p className="presenter-timer" data-testid="presenter-timer" aria-live="off">
          {startedAt === null ? '0:00' : elapsed(tick - startedAt)}
        </p>
        <button type="button" className="button" onClick={() => setStartedAt(startedAt === null ? clockNow() : null)}>
          {startedAt === null ? 'Start timer' : 'Reset timer'}
        </button>
        <label className="presenter-private">
          Private notes (this computer only)
          <textarea value={privateNotes} data-testid="presenter-private-notes" onChange={(e) => setPrivateNotes(e.target.value)} rows={8} />
        </label>
      </aside>
    </section>
  );
}
