// Renderer: what the model learned from and how well it predicts, in numbers and words.
import type { ModelStatusView } from '@shared/api';
import { formatDateTime, formatRelative } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';
import { aucIntervalWords, aucWords, brierFromBins, brierIntervalWords, sourceSentence } from './model-words';

export function ModelSummary({ model }: { model: ModelStatusView }) {
  const now = useNow();
  const v = model.validation;
  const auc = v ? (model.source === 'model' ? v.auc : (v.blendedAuc ?? v.auc)) : null;
  // Figures with 95% intervals when the model has them; older saved models have the point figures only.
  const shown = v?.shown ?? null;
  const brier = shown?.brier ?? brierFromBins(model.reliability);
  return (
    <section className="panel" aria-labelledby="summary-title" data-testid="model-summary">
      <header className="panel-header">
        <h2 id="summary-title">Win-likelihood model</h2>
        <span className="cell-muted">
          {model.trainedAt ? (
            <>
              Trained <time title={formatDateTime(model.trainedAt)}>{formatRelative(model.trainedAt, now)}</time>
            </>
          ) : (
            'Not trained yet'
          )}
        </span>
      </header>
      <div className="panel-body">
        <p className="model-source" data-source={model.source}>
          {sourceSentence(model)}
        </p>
        <dl className="stat-grid">
          <div className="stat">
            <dt>Closed deals learned from</dt>
            <dd className="stat-value">{model.closedDealsLearned}</dd>
            <dd className="stat-note">
              {model.closedDealsAvailable} closed in the workspace
              {model.importedHistory ? `, ${model.importedHistory} imported from history` : ''}
            </dd>
          </div>
          <div className="stat">
            <dt>AUC (ranking)</dt>
            <dd className="stat-value">{auc === null ? '—' : auc.toFixed(2)}</dd>
            <dd className="stat-note" data-testid="model-auc-words">
              {shown && v ? aucIntervalWords(shown, v.n) : aucWords(auc)}
            </dd>
          </div>
          <div className="stat">
            <dt>Brier score (accuracy)</dt>
            <dd className="stat-value">{brier === null ? '—' : brier.toFixed(3)}</dd>
            <dd className="stat-note">
              {shown
                ? brierIntervalWords(shown)
                : brier === null
                  ? 'Not measured yet'
                  : 'Mean squared error of the predictions; lower is better, 0.25 is a coin toss'}
            </dd>
          </div>
          <div className="stat">
            <dt>Checked on</dt>
            <dd className="stat-value">{v ? v.n : 0}</dd>
            <dd className="stat-note">
              deals held out from training{v?.priorAuc != null ? ` · research-only AUC ${v.priorAuc.toFixed(2)}` : ''}
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
