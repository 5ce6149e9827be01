// Pure (no Node, no DOM). Coded errors for turning a user's CSV into a training table.
// Messages name the problem and the way out; the code is for logs and UI mapping.
import { CodedError } from '@shared/errors';

export type TabularErrorCode =
  | 'DS_CSV_EMPTY'
  | 'DS_CSV_DELIMITER'
  | 'DS_CSV_MISSING_TARGET'
  | 'DS_CSV_MISSING_COLUMN'
  | 'DS_CSV_ONE_CLASS'
  | 'DS_CSV_NO_FEATURES'
  | 'DS_CSV_TOO_MANY_BAD_ROWS'
  | 'DS_CSV_PARSE'
  | 'DS_CSV_READ';

export class TabularError extends CodedError<TabularErrorCode> {
  override name = 'TabularError';
}
