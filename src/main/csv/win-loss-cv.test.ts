// End to end on real data: the IBM win/loss file → CSV reader → tabular encoding → 5-fold CV of
// the app's classifier. A 10k-row sample keeps it to a few seconds.
import { existsSync } from 'node:fs';
import { calibratedGbmLearner, crossValidate } from '@shared/scoring/learn/evaluate';
import { buildTrainingTable } from '@shared/scoring/tabular/infer';
import { readCsvFile } from './read-csv';

const FILE = '/work/shared/data/win-loss/ibm-sales-win-loss.train.csv';

describe.skipIf(!existsSync(FILE))('IBM win/loss sample', () => {
  it('reaches AUC > 0.8 in 5-fold CV on 10k rows', () => {
    const csv = readCsvFile(FILE);
    const { table, report } = buildTrainingTable(csv.header, csv.rows.slice(0, 10_000), { target: 'Opportunity Result', positive: 'Won' });
    expect(report.used).toBe(10_000);
    const cv = crossValidate(calibratedGbmLearner({ learningRate: 0.1 }), table, 5, 42);
    expect(cv.mean.auc).toBeGreaterThan(0.8);
    expect(cv.mean.ece).toBeLessThan(0.05);
  });
});
