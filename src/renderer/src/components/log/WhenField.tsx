// Renderer: "When" — quick choices (now, an hour ago, this morning, yesterday) as a segmented
// radio group beside the exact local date and time.
import { QUICK_TIME_LABEL, type QuickTime } from './interaction-draft';

interface Props {
  /** The form's id: this field's input is `${id}-at`, its error `${id}-at-error`. */
  id: string;
  times: readonly { key: QuickTime; at: string }[];
  /** datetime-local value. */
  at: string;
  error: string | undefined;
  onAt: (at: string) => void;
}

export function WhenField({ id, times, at, error, onAt }: Props) {
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`}>
      <legend>When</legend>
      <div className="when-row">
        <div className="segmented" role="radiogroup" aria-label="Quick times">
          {times.map((t) => (
            <label key={t.key} className="segment">
              <input type="radio" name="when" value={t.key} checked={at === t.at} onChange={() => onAt(t.at)} />
              <span>{QUICK_TIME_LABEL[t.key]}</span>
            </label>
          ))}
        </div>
        <label className="visually-hidden" htmlFor={`${id}-at`}>
          Exact date and time
        </label>
        <input
          id={`${id}-at`}
          name="at"
          type="datetime-local"
          className="input when-exact"
          value={at}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-at-error` : undefined}
          onChange={(e) => onAt(e.target.value)}
        />
      </div>
      {error ? (
        <p className="field-error" id={`${id}-at-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
