// Pure (no Node, no DOM). Coded errors for the learner, so callers can map codes to plain words.
import { CodedError } from '@shared/errors';

export type LearnErrorCode =
  'DS_LEARN_EMPTY' | 'DS_LEARN_ONE_CLASS' | 'DS_LEARN_SHAPE' | 'DS_LEARN_OPTIONS' | 'DS_LEARN_MODEL_JSON' | 'DS_LEARN_THREAD';

export class LearnError extends CodedError<LearnErrorCode> {
  override name = 'LearnError';
}
