// Renderer: retrain the model now, with the `progress` events of the 'training' task as a bar.
// Training that cannot run (too few closed deals) ends without a final progress event, so the
// panel also watches the model status until it says training stopped.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorWords } from '@renderer/api/errors';
import { finishProgress, useTaskProgress } from '@renderer/api/progress';
import { useRetrain } from './mutations';
import { modelQuery } from '@renderer/data/scoring';

type Started = { at: number; trainedAt: number | null };

export function RetrainPanel() {
  const [started, setStarted] = useState<Started | null>(null);
  const model = useQuery({ ...modelQuery(), refetchInterval: started ? 1000 : false });
  const retrain = useRetrain();
  const live = useTaskProgress('training');
  const training = model.data?.training;

  // Done once a status fetched after the start says training stopped: a new model or an error.
  const done =
    !!started &&
    !!model.data &&
    !!training &&
    !training.inProgress &&
    model.dataUpdatedAt > started.at + 500 &&
    (model.data.trainedAt !== started.trainedAt || training.error !== null || (live?.fraction ?? 0) >= 1);
  useEffect(() => {
    if (!done) return;
    // The status poll is an outside system telling us the task ended; end our side of it too.
    setStarted(null);
    finishProgress('training');
  }, [done]);

  const running = started !== null || retrain.isPending;
  const fraction = live?.fraction ?? training?.fraction ?? 0;
  const message = live?.message ?? training?.message ?? '';
  return (
    <section className="panel" aria-labelledby="retrain-title">
      <header className="panel-header">
        <h2 id="retrain-title">Retrain</h2>
        <button
          type="button"
          className="button button-primary"
          data-testid="retrain"
          disabled={running}
          onClick={() => {
            setStarted({ at: Date.now(), trainedAt: model.data?.trainedAt ?? null });
            retrain.mutate({}, { onError: () => setStarted(null) });
          }}
        >
          {running ? 'Training…' : 'Retrain now'}
        </button>
      </header>
      <div className="panel-body">
        <p className="section-intro">
          The model retrains by itself as deals close. Retrain now after importing history or closing many deals at once.
        </p>
        <div
          className="retrain-progress"
          data-testid="retrain-progress"
          data-state={running ? 'running' : 'idle'}
          role="status"
          aria-live="polite"
        >
          {running ? (
            <>
              <progress className="progress" max={1} value={fraction} aria-label="Training progress" />
              <span>
                {Math.round(fraction * 100)}% · {message || 'Starting'}
              </span>
            </>
          ) : training?.error ? (
            <p className="form-error">
              Training stopped:{' '}
              {/NotEnough|not enough|too few/i.test(training.error)
                ? 'there are not enough closed deals to learn from yet. Scores keep using general buying research; import historical deals or retrain after more deals close.'
                : training.error}
            </p>
          ) : model.data?.trainedAt ? (
            <span>Training finished. The model learned from {model.data.closedDealsLearned} closed deals.</span>
          ) : null}
        </div>
        {retrain.isError ? (
          <p className="form-error" role="alert">
            {errorWords(retrain.error)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
