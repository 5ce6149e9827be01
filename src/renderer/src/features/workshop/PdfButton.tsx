// Renderer: "PDF" — builds the workshop's vector PDF here (pdf-lib, loaded on first use) and saves
// it through the browser's download (Electron's will-download does the same with a save dialog).
import { useState } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { formatDate } from '@renderer/lib/format';
import { USER_LOCALE } from '@renderer/lib/locale';
import { now } from '@renderer/lib/clock';
import { fileSlug } from '@renderer/lib/export-image';
import { JOB_COLORS } from './ProjectionMap';

export function PdfButton({ detail }: { detail: OpportunityDetail }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const save = async () => {
    setState('busy');
    try {
      const { buildJourneyPdf } = await import('./journey-pdf');
      const bytes = await buildJourneyPdf(detail, { jobColors: JOB_COLORS, now: now(), locale: USER_LOCALE, formatDate });
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${fileSlug(`${detail.account.name} ${detail.opportunity.name} workshop`)}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('idle');
    } catch (error) {
      console.error('DS_PDF_FAILED', error);
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button workshop-big" data-testid="workshop-pdf" disabled={state === 'busy'} onClick={() => void save()}>
        {state === 'busy' ? 'Making PDF…' : 'PDF'}
      </button>
      {state === 'failed' ? <span role="alert" className="form-error">The PDF could not be made. Try again; if it fails again, export SVG instead.</span> : null}
    </>
  );
}
