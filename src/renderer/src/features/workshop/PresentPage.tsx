// Renderer: the projection window (#/present/<deal>) — what the room sees, nothing else: the deal's
// title, the job legend, the journey revealed so far and the notes on it. It follows the
// facilitator's window live (use-presentation.ts) and answers the clicker itself too.
import type { OpportunityId } from '@shared/domain';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BUYING_JOBS } from '@shared/domain';
import { ErrorState, Loading } from '@renderer/components/states';
import { opportunityQuery } from '@renderer/data/opportunities';
import { useNow } from '@renderer/lib/use-now';
import { JOB_COLORS } from '@renderer/lib/chart-theme';
import { ProjectionMap, useProjectionLanes } from './ProjectionMap';
import { JOB_TAG } from './projection-layout';
import { unitCount } from './presentation-state';
import { loopsInOrder, revealWords } from './projection-model';
import { usePresentation } from './use-presentation';
import { useClickerKeys } from './use-clicker-keys';
import type { OpportunityDetail } from '@shared/api';
import './workshop.css';

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function PresentPage({ opportunityId }: { opportunityId: OpportunityId }) {
  const detail = useQuery(opportunityQuery(opportunityId));
  useEffect(() => {
    document.title = detail.data ? `Presenting — ${detail.data.opportunity.name}` : 'Presenting';
  }, [detail.data]);
  if (detail.isPending)
    return (
      <main className="present">
        <Loading label="Opening the presentation…" />
      </main>
    );
  if (detail.isError)
    return (
      <main className="present">
        <ErrorState error={detail.error} what="this presentation" onRetry={() => void detail.refetch()} />
      </main>
    );
  return <Projection detail={detail.data} />;
}

/** Title row, legend row: their heights are what the lanes do not get (projection-layout.ts). */
const HEADER = 56;
const LEGEND = 48;

function Projection({ detail }: { detail: OpportunityDetail }) {
  const o = detail.opportunity;
  const { state, dispatch } = usePresentation(o.id);
  const lanes = useProjectionLanes(detail);
  const loops = loopsInOrder(lanes).length;
  const total = unitCount(state.mode, lanes.length, loops);
  const now = useNow(60_000);
  const size = useWindowSize();
  const rootRef = useRef<HTMLElement>(null);
  useClickerKeys((action) => dispatch(action, total));

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen().catch((error: unknown) => console.warn('DS_FULLSCREEN_REFUSED', error));
  };

  return (
    <main
      ref={rootRef}
      className="present"
      data-testid="present-root"
      data-step={state.step}
      data-blank={String(state.blank)}
      data-mode={state.mode}
      data-zoom={state.zoom}
      data-selected={state.selectedStakeholderId ?? ''}
      data-page={state.page}
    >
      <header className="present-header" style={{ height: HEADER }}>
        <h1 className="present-title">
          {detail.account.name} — {o.name}
        </h1>
        <p className="present-status" data-testid="present-status">
          {revealWords(state, lanes.length, loops)}
        </p>
        {/* Controls never keep focus: a clicker's Space must not press them again. */}
        <div className="present-controls" role="toolbar" aria-label="Presentation">
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => dispatch({ type: 'prev' }, total)}
            aria-label="Previous"
          >
            ‹
          </button>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => dispatch({ type: 'next' }, total)} aria-label="Next">
            ›
          </button>
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => dispatch({ type: 'blank' }, total)}
            aria-label="Blank screen"
          >
            B
          </button>
          <button
            type="button"
            data-testid="present-fullscreen"
            onMouseDown={(e) => e.preventDefault()}
            onClick={toggleFullscreen}
            aria-label="Full screen"
          >
            <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6" fill="none" stroke="currentColor" strokeWidth="2.5" />
            </svg>
          </button>
        </div>
      </header>
      <ul className="present-legend" style={{ height: LEGEND }} aria-label="Buying jobs">
        {BUYING_JOBS.map((job) => (
          <li key={job}>
            <span className="present-swatch" style={{ background: JOB_COLORS[job] }} aria-hidden="true" />
            {JOB_TAG[job]}
          </li>
        ))}
      </ul>
      <ProjectionMap
        detail={detail}
        state={state}
        now={now}
        width={size.width}
        height={Math.max(200, size.height - HEADER - LEGEND)}
        onSelect={(id) => dispatch({ type: 'select', stakeholderId: id }, total)}
      />
      {state.blank ? (
        <div className="present-blank" data-testid="present-blank" role="status">
          <span className="visually-hidden">Screen blanked — press B to show</span>
        </div>
      ) : null}
    </main>
  );
}
