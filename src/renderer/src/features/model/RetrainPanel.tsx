// Renderer: retrain the model now, with the `progress` events of the 'training' task as a bar.
import type { ModelStatusView } from '../../../../shared/api/scoring-views';
import { errorWords } from '../../api/errors';
import { useTaskProgress } from '../../components/use-progress';
import { useRetrain } from './mutations';

export function RetrainPanel({ training }: { training: ModelStatusView['training'] }) {
  const retrain = useRetrain();
  const live = useTaskProgress('training');
  const running = (live ? live.fraction < 1 : training.inProgress) || retrain.isPending;
  const fraction = live?.fraction ?? (training.inProgress ? training.fraction : 0);
  const message = live?.message ?? training.message;
  return (
    <section className="panel" aria-labelledby="retrain-title">
      <header className="panel-header">
        <h2 id="retrain-title">Retrain</h2>
        <button type="button" className="button button-primary" data-testid="retrain" disabled={running} onClick={() => retrain.mutate()}>
          {running ? 'Training…' : 'Retrain now'}
        </button>
      </header>
      <div className="panel-body">
        <p className="section-intro">
          The model retrains by itself as deals close. Retrain now after importing history or closing many deals at once.
        </p>
        {running || live ? (
          <div className="retrain-progress" data-testid="retrain-progress" role="status" aria-live="polite">
            <progress className="progress" max={1} value={fraction} aria-label="Training progress" />
            <span>{live && live.fraction >= 1 ? 'Training finished.' : `${Math.round(fraction * 100)}% · ${message}`}</span>
          </div>
        ) : null}
        {training.error ? <p className="form-error" role="alert">The last training failed: {training.error}</p> : null}
        {retrain.isError ? <p className="form-error" role="alert">{errorWords(retrain.error)}</p> : null}
      </div>
    </section>
  );
}
