// Renderer: turning any failure into an ApiError with a stable code, and codes into plain words.
import { ApiError, ERROR_WORDS } from '@shared/api';

/**
 * Codes raised by the renderer's transports, not by the host. They are not in the shared
 * API_ERROR_CODES because the host never sends them; ApiError accepts any string code.
 */
export const TRANSPORT_ERRORS = {
  DS_TRANSPORT_DISCONNECTED: 'The connection to Deep Sales dropped before it answered. It reconnects by itself; try again in a moment.',
  DS_TRANSPORT_UNAVAILABLE: 'Deep Sales is not answering. If this keeps happening, restart the app.',
  DS_TRANSPORT_FAILED: 'Deep Sales could not handle that request. Try again; if it keeps failing, restart the app.',
} as const;
export type TransportErrorCode = keyof typeof TRANSPORT_ERRORS;

const WORDS: Record<string, string | undefined> = { ...ERROR_WORDS, ...TRANSPORT_ERRORS };

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('DS_TRANSPORT_FAILED', message);
}

/** What to show a person: the words for the code, else the host's own message. */
export function errorWords(error: unknown): string {
  const apiError = toApiError(error);
  return WORDS[apiError.code] ?? apiError.message;
}

export function isTransportError(error: unknown): boolean {
  return error instanceof ApiError && error.code in TRANSPORT_ERRORS;
}
