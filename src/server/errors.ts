// Sync server (Node): coded HTTP errors. Every failure leaves as { error: { code, message } }
// with a code from the shared contract, so clients map codes, never parse prose.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance } from 'fastify';
import { CodedError } from '@shared/errors';
import { SYNC_ERROR_MESSAGES, type SyncErrorCode } from '@shared/sync';

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

export const unauthorized = (why: string) =>
  new SyncHttpError(401, 'DS_SYNC_UNAUTHORIZED', `${SYNC_ERROR_MESSAGES.DS_SYNC_UNAUTHORIZED} (${why})`);
export const forbidden = (why: string) => new SyncHttpError(403, 'DS_SYNC_FORBIDDEN', `${SYNC_ERROR_MESSAGES.DS_SYNC_FORBIDDEN} (${why})`);
export const notFound = (what: string) => new SyncHttpError(404, 'DS_SYNC_NOT_FOUND', `${SYNC_ERROR_MESSAGES.DS_SYNC_NOT_FOUND} (${what})`);
export const memberRemoved = (workspaceName?: string) =>
  new SyncHttpError(
    403,
    'DS_SYNC_MEMBER_REMOVED',
    workspaceName
      ? `An admin removed you from the team workspace "${workspaceName}". Your data stays on this device; ask the admin to invite you again or sign in to another workspace.`
      : undefined,
  );
export const badRequest = (details?: unknown) => new SyncHttpError(400, 'DS_SYNC_BAD_REQUEST', undefined, details);
export const rateLimited = (retryAfterMs: number, by: 'email' | 'address' = 'email') => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  const what = by === 'email' ? 'for this email from this device' : 'from this network address';
  return new SyncHttpError(
    429,
    'DS_SYNC_RATE_LIMITED',
    `Too many failed sign-ins ${what}. Wait ${wait}, then try again.`,
    { retryAfterSeconds: seconds, limitedBy: by },
    { 'retry-after': String(seconds) },
  );
};

function classify(err: FastifyError | SyncHttpError): SyncHttpError {
  if (err instanceof SyncHttpError) return err;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new SyncHttpError(413, 'DS_SYNC_BODY_TOO_LARGE');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new SyncHttpError(415, 'DS_SYNC_BAD_REQUEST', 'Send the body as application/json.');
  if (err instanceof RangeError) {
    // A stack overflow from a hostile shape that slipped past the depth check: the request's fault.
    return new SyncHttpError(400, 'DS_SYNC_BAD_REQUEST', 'The request is too deeply nested or too large to process.');
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
    return new SyncHttpError(400, 'DS_SYNC_MALFORMED_JSON');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new SyncHttpError(err.statusCode, 'DS_SYNC_BAD_REQUEST', err.message);
  }
  return new SyncHttpError(500, 'DS_SYNC_INTERNAL');
}

const CLIENT_ERRORS: Record<string, [number, SyncErrorCode, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'DS_SYNC_REQUEST_TIMEOUT', SYNC_ERROR_MESSAGES.DS_SYNC_REQUEST_TIMEOUT],
  HPE_HEADER_OVERFLOW: [431, 'DS_SYNC_BAD_REQUEST', 'The request headers are too large.'],
};

/**
 * Fastify's clientErrorHandler: the HTTP parser refused the request (bad syntax, invalid header
 * characters, headers too large, a request that took too long). Answers with the same coded
 * body as every other error, then closes the connection (its state is unknown).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'DS_SYNC_BAD_REQUEST', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable && !(socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy();
  }
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
    void reply.status(404).send({
      error: {
        code: 'DS_SYNC_NOT_FOUND',
        message: `${SYNC_ERROR_MESSAGES.DS_SYNC_NOT_FOUND} (${request.method} ${request.url.split('?')[0]})`,
      },
    });
  });
}
