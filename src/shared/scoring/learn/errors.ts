// Pure (no Node, no DOM). Coded errors for the learner, so callers can map codes to plain words.

export type LearnErrorCode =
  | 'DS_LEARN_EMPTY'
  | 'DS_LEARN_ONE_CLASS'
  | 'DS_LEARN_SHAPE'
  | 'DS_LEARN_OPTIONS'
  | 'DS_LEARN_MODEL_JSON';

export class LearnError extends Error {
  readonly code: LearnErrorCode;
  constructor(code: LearnErrorCode, message: string) {
    super(message);
    this.name = 'LearnError';
    this.code = code;
  }
}
