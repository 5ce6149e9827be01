// Renderer: "PDF" — builds a deal journey's vector PDF here (pdf-lib, loaded on first use) and
// saves it through the browser's download (Electron's will-download does the same with a save
// dialog). The Journey page and the Workshop use the same PDF, never the print dialog.
import { useState } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { formatDate } from '@renderer/lib/format';
import { USER_LOCALE } from '@renderer/lib/locale';
import { now } from '@renderer/lib/clock';
import { JOB_COLORS } from '@renderer/lib/chart-theme';
import { fileSlug } from '@renderer/lib/export-image';

export function PdfButton({
  detail,
  subtitle,
  testId,
  className = 'button',
}: {
  detail: OpportunityDetail;
  /** The title page's second line, and the file name's last word. */
  subtitle: 'Buyer journey' | 'Buyer journey workshop';
  testId: string;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const save = async () => {
    setState('busy');
    try {
      const { buildJourneyPdf } = await import('./journey-pdf');
      const bytes = await buildJourneyPdf(detail, { jobColors: JOB_COLORS, subtitle, now: now(), locale: USER_LOCALE, formatDate });
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${fileSlug(`${detail.account.name} ${detail.opportunity.name} ${subtitle === 'Buyer journey' ? 'journey' : 'workshop'}`)}.pdf`;
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
      <button
        type="button"
        className={className}
        data-testid={testId}
        disabled={state === 'busy'}
        onClick={() => void save()}
        title="A vector PDF: title page, the journey fitted to landscape pages, legend and notes"
      >
        {state === 'busy' ? 'Making PDF…' : 'PDF'}
      </button>
      {state === 'failed' ? (
        <span role="alert" className="form-error">
          The PDF could not be made. Try again; if it fails again, export SVG instead.
        </span>
      ) : null}
    </>
  );
}
