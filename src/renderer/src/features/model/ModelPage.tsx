// Renderer: the Model page — what win likelihood is learned from, how well it predicts
// (calibration, ranking), what it leans on, and the ways to teach it more (retrain, import).
import { useQuery } from '@tanstack/react-query';
import { ErrorState, Loading } from '@renderer/components/states';
import { ImportanceChart } from './ImportanceChart';
import { ImportHistory } from './ImportHistory';
import { ModelSummary } from './ModelSummary';
import { modelQuery } from '@renderer/data/scoring';
import { ReliabilityChart } from './ReliabilityChart';
import { RetrainPanel } from './RetrainPanel';

export function ModelPage() {
  const model = useQuery(modelQuery());
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Model</h1>
        <p className="page-meta">How win likelihood is worked out, learned on this device from your team’s closed deals.</p>
      </header>
      {model.isPending ? (
        <Loading label="Loading the model…" />
      ) : model.isError ? (
        <ErrorState error={model.error} what="the model" onRetry={() => void model.refetch()} />
      ) : (
        <>
          <ModelSummary model={model.data} />
          <div className="chart-row">
            <ReliabilityChart bins={model.data.reliability} />
            <ImportanceChart importance={model.data.importance} />
          </div>
          <div className="chart-row">
            <RetrainPanel />
            <ImportHistory />
          </div>
        </>
      )}
    </section>
  );
}
