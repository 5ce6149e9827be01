// Pure (shared): every error that crosses the API carries a stable code the UI maps to words.
import { z } from 'zod';
import { CodedError } from '../errors';

export const API_ERROR_CODES = [
  'DS_API_UNKNOWN_METHOD',
  'DS_API_INVALID_INPUT',
  /** Text the one text rule refuses (src/shared/domain/text.ts): NUL or a lone surrogate. */
  'DS_API_INVALID_TEXT',
  'DS_API_MALFORMED',
  'DS_API_PAYLOAD_TOO_LARGE',
  'DS_API_FORBIDDEN_SENDER',
  'DS_NOT_FOUND',
  'DS_CONFLICT',
  'DS_SYNC_ERROR',
  /** Joining a team with real local data: the user must choose upload or separate first. */
  'DS_SYNC_CHOOSE_PLACE',
  /** An admin removed this account from the team: its data stays on the device, read-only. */
  'DS_WORKSPACE_READ_ONLY',
  'DS_SCORING_ERROR',
  /** The workspace file is damaged, empty or not ours: nothing is read from it or written to it. */
  'DS_STORE_CORRUPT',
  /** A recovery (restore a backup, pull from the team) could not be done; the message says why. */
  'DS_STORE_RECOVERY_FAILED',
  'DS_IMPORT_INVALID',
  'DS_INTERNAL',
] as const;
export const ApiErrorCode = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorShape = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export class ApiError extends CodedError<ApiErrorCode | (string & {})> {
  override name = 'ApiError';

  constructor(
    code: ApiErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
  ) {
    super(code, message);
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Plain words for the codes a user can meet; the UI falls back to the message. */
export const ERROR_WORDS: Partial<Record<ApiErrorCode, string>> = {
  DS_API_INVALID_INPUT: 'Some of what was entered is not valid. Check the highlighted fields and try again.',
  DS_API_INVALID_TEXT: 'Some text holds a character that cannot be stored (a NUL or a broken character). Remove it and try again.',
  DS_API_PAYLOAD_TOO_LARGE: 'That is too much data to send at once. Split it into smaller parts.',
  DS_WORKSPACE_READ_ONLY:
    'An admin removed you from this team workspace, so it is read-only on this device. Your data is still here to read; sign in to another workspace in Settings to keep working.',
  DS_NOT_FOUND: 'This item no longer exists. It may have been deleted on another device.',
  DS_INTERNAL: 'Something went wrong inside Deep Sales. Your data is safe; try again.',
};

/** Largest request the host accepts, in bytes of JSON. */
export const MAX_REQUEST_BYTES = 1_000_000;
