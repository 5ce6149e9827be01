// Renderer: a moment as people say it ("3 days ago"), the exact date and time on hover, and the
// machine-readable instant for assistive technology.
import { formatDateTime, formatWhen } from '@renderer/lib/format';

export function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
      {formatWhen(at, now)}
    </time>
  );
}
