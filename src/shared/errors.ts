// Pure (shared): the one base of every coded error in Deep Sales. A code (DS_…) is stable, so
// logs can be searched and the UI can map it to plain words; the message names the problem and
// the way out. Each area narrows `code` to its own union and may add fields (an HTTP status, the
// SQLite file, details for a form), but they all answer `code` the same way.
export class CodedError<C extends string = string> extends Error {
  override name = 'CodedError';

  constructor(
    readonly code: C,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
