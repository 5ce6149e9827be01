// Sync server (Node): coded HTTP errors. Every failure leaves as { error: { code, message } }
// with a code from the shared contract, so clients map codes, never parse prose.
import type { FastifyError, FastifyInstance } from 'fastify';
import { CodedError } from '../shared/errors';
import { SYNC_ERROR_MESSAGES, type SyncErrorCode } from '../shared/sync';

export class SyncHttpError extends CodedError<SyncErrorCode> {
  override name = 'SyncHttpError';

  constructor(
    readonly status: number,
    code: SyncErrorCode,
    message?: string,
    readonly details?: unknown,
    /** Response headers that belong to the error, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(code, message ?? SYNC_ERROR_MESSAGES[code]);
  }
}

export const unauthorized = (why: string) => new SyncHttpError(401, 'DS_SYNC_UNAUTHORIZED', `${SYNC_ERROR_MESSAGES.DS_SYNC_UNAUTHORIZED} (${why})`);
export const forbidden = (why: string) => new SyncHttpError(403, 'DS_SYNC_FORBIDDEN', `${SYNC_ERROR_MESSAGES.DS_SYNC_FORBIDDEN} (${why})`);
export const notFound = (what: string) => new SyncHttpError(404, 'DS_SYNC_NOT_FOUND', `${SYNC_ERROR_MESSAGES.DS_SYNC_NOT_FOUND} (${what})`);
export const badRequest = (details?: unknown) => new SyncHttpError(400, 'DS_SYNC_BAD_REQUEST', undefined, details);
export const rateLimited = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new SyncHttpError(429, 'DS_SYNC_RATE_LIMITED', `Too many failed sign-ins for this email from this device. Wait ${wait}, then try again.`,
    { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
};

function classify(err: FastifyError | SyncHttpError): SyncHttpError {
  if (err instanceof SyncHttpError) return err;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new SyncHttpError(413, 'DS_SYNC_BODY_TOO_LARGE');
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
    return new SyncHttpError(400, 'DS_SYNC_MALFORMED_JSON');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new SyncHttpError(err.statusCode, 'DS_SYNC_BAD_REQUEST', err.message);
  }
  return new SyncHttpError(500, 'DS_SYNC_INTERNAL');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | SyncHttpError, request, reply) => {
    const coded = classify(err);
    if (coded.status >= 500) request.log.error({ err, code: coded.code }, 'sync server error');
    if (coded.headers) void reply.headers(coded.headers);
    void reply.status(coded.status).send({
      error: { code: coded.code, message: coded.message, ...(coded.details ? { details: coded.details } : {}) },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'DS_SYNC_NOT_FOUND', message: `${SYNC_ERROR_MESSAGES.DS_SYNC_NOT_FOUND} (${request.method} ${request.url.split('?')[0]})` } });
  });
}
