// Renderer: the corner toast for long tasks (training, imports, first sync). It lists what is
// running with a bar each and goes away when they finish.
import { humanize } from '../lib/format';
import { useProgressTasks } from '../api/progress';

const TASK_LABEL: Record<string, string> = {
  training: 'Training the win-likelihood model',
  import: 'Importing historical deals',
  importHistory: 'Importing historical deals',
  sync: 'Syncing with the team server',
  loading: 'Reading the workspace for scoring',
  scoring: 'Scoring deals',
};

export function ProgressToast() {
  const tasks = useProgressTasks();
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-atomic="false">
      {tasks.map((t) => (
        <div key={t.task} className="toast" data-testid="progress-toast" data-task={t.task}>
          <div className="toast-head">
            <span className="toast-title">{TASK_LABEL[t.task] ?? humanize(t.task)}</span>
            <span className="toast-pct">{t.fraction >= 1 ? 'Done' : `${Math.round(t.fraction * 100)}%`}</span>
          </div>
          <progress className="progress" max={1} value={t.fraction} aria-label={TASK_LABEL[t.task] ?? humanize(t.task)} />
          {t.message ? <p className="toast-message">{t.message}</p> : null}
        </div>
      ))}
    </div>
  );
}
