// Renderer: loading, empty and error states in plain words, shared by every page.
import type { ReactNode } from 'react';
import type { ApiError } from '@shared/api';
import { errorWords } from '../api/errors';

/** Invisible for the first 300 ms (CSS), so fast loads never flash a spinner. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">Could not load {what}.</p>
      <p>{errorWords(error)}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A page whose own record could not be read: its heading, the error in words, and "Try again"
 *  unless the record is gone for good (retrying cannot bring back a deleted record). */
export function PageFailed({
  heading,
  query,
  what,
  children,
}: {
  heading: string;
  query: { error: ApiError; refetch: () => unknown };
  what: string;
  children?: ReactNode;
}) {
  return (
    <>
      <h1 id="page-title">{heading}</h1>
      <ErrorState error={query.error} what={what} onRetry={query.error.code === 'DS_NOT_FOUND' ? undefined : () => void query.refetch()} />
      {children}
    </>
  );
}
