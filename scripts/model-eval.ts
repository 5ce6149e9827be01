// Runs in Node (CLI). Evaluates the app's win-likelihood learner on any CSV with a binary target.
// Prints exactly one JSON line on stdout; skipped rows and warnings go to stderr; bad input
// exits 2 with a message that names the problem and the fix (never a stack trace).
//
//   npx tsx scripts/model-eval.ts --train A.csv --test B.csv --target COL --positive VALUE
//   npx tsx scripts/model-eval.ts --train A.csv --cv 5 --target COL --positive VALUE [--seed 42]
//   options: --learner ours|xgb-defaults|logistic (default ours), --delimiter ';',
//            --params '{"learningRate":0.05}' (GBM overrides), --no-derived (no trailing-zeros features),
//            --threads (share large trainings with a helper thread, as the app does with a free core)
import { parseArgs } from 'node:util';
import { readCsvFile } from '../src/main/csv/read-csv';
import {
  LearnError,
  calibratedGbmLearner,
  crossValidate,
  evaluateHoldout,
  logisticLearner,
  xgbDefaultsLearner,
  type EvalResult,
  type Learner,
  type GbmParams,
} from '../src/shared/scoring/learn';
import { encodeWithSchema, TabularError, buildTrainingTable, type RowReport } from '../src/shared/scoring/tabular';
import { trainingHelpers, type TrainingHelpers } from '../src/main/scoring/train-threads';
import { createTrainThread } from '../src/main/scoring/train-spawn-node';

class UsageError extends Error {}

const USAGE =
  'Usage: model-eval --train FILE.csv (--test FILE.csv | --cv K) --target COLUMN --positive VALUE [--seed N] [--learner ours|xgb-defaults|logistic] [--delimiter D] [--threads]';

function options() {
  return parseArgs({
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      cv: { type: 'string' },
      target: { type: 'string' },
      positive: { type: 'string' },
      seed: { type: 'string', default: '42' },
      learner: { type: 'string', default: 'ours' },
      delimiter: { type: 'string' },
      params: { type: 'string' },
      'no-derived': { type: 'boolean', default: false },
      threads: { type: 'boolean', default: false },
    },
    strict: true,
  });
}

async function main(): Promise<void> {
  const { values } = options();
  if (!values.train) throw new UsageError(`--train is required. ${USAGE}`);
  if (!values.target) throw new UsageError(`--target is required (the column to predict). ${USAGE}`);
  if (values.positive === undefined) throw new UsageError(`--positive is required (the target value counted as a win). ${USAGE}`);
  if (!values.test === !values.cv) throw new UsageError(`Give exactly one of --test FILE or --cv K. ${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer (got "${values.seed}").`);
  // --threads: train the way the app's scoring worker does on a machine with a free core.
  const helpers = values.threads ? await helperUp() : undefined;
  try {
    const { train, target, positive } = values;
    evaluate({ ...values, train, target, positive }, pickLearner(values.learner!, parseParams(values.params), helpers), seed);
  } finally {
    await helpers?.close();
  }
}

type Options = ReturnType<typeof options>['values'] & { train: string; target: string; positive: string };

function evaluate(values: Options, learner: Learner, seed: number): void {
  const csvOptions = values.delimiter ? { delimiter: values.delimiter === '\\t' ? '\t' : values.delimiter } : {};

  const trainCsv = readCsvFile(values.train, csvOptions);
  const built = buildTrainingTable(
    trainCsv.header,
    trainCsv.rows,
    { target: values.target, positive: values.positive, derivedFeatures: !values['no-derived'] },
    trainCsv.unreadable,
  );
  logReport('train', built.report);
  process.stderr.write(`features: ${built.schema.features.map((f) => `${f.name} [${f.kind}]`).join(', ')}\n`);

  if (values.cv) {
    const k = Number(values.cv);
    if (!Number.isInteger(k) || k < 2) throw new UsageError(`--cv must be an integer >= 2 (got "${values.cv}").`);
    const pos = built.table.labels.reduce((a, v) => a + v, 0);
    const fewest = Math.min(pos, built.table.labels.length - pos);
    if (fewest < 2 * k) {
      throw new UsageError(
        `--cv ${k} needs at least ${2 * k} rows of each outcome, but one outcome has only ${fewest}. Use fewer folds or more data.`,
      );
    }
    const cv = crossValidate(learner, built.table, k, seed, (r, f) =>
      process.stderr.write(
        `fold ${f + 1}/${k}: auc ${r.auc.toFixed(4)} brier ${r.brier.toFixed(4)} ece ${r.ece.toFixed(4)} (${Math.round(r.trainMs)} ms)\n`,
      ),
    );
    const per = (key: keyof EvalResult): number[] => cv.folds.map((r) => round(r[key]));
    process.stdout.write(
      `${JSON.stringify({
        ...line(cv.mean),
        folds: k,
        seed,
        learner: learner.name,
        per_fold: {
          auc: per('auc'),
          brier: per('brier'),
          logloss: per('logloss'),
          ece: per('ece'),
          train_ms: cv.folds.map((r) => Math.round(r.trainMs)),
        },
      })}\n`,
    );
    return;
  }
  const testCsv = readCsvFile(values.test!, csvOptions);
  const test = encodeWithSchema(built.schema, testCsv.header, testCsv.rows, testCsv.unreadable);
  logReport('test', test.report);
  const testPos = test.table.labels.reduce((a, v) => a + v, 0);
  if (testPos === 0 || testPos === test.table.labels.length) {
    process.stderr.write('test: warning: the test file has only one outcome, so AUC is undefined (printed as null)\n');
  }
  const result = evaluateHoldout(learner, built.table, test.table);
  process.stdout.write(`${JSON.stringify({ ...line(result), seed, learner: learner.name })}\n`);
}

/** --params '{"learningRate":0.1}' overrides GBM hyper-parameters (for tuning experiments). */
function parseParams(text: string | undefined): Partial<GbmParams> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Partial<GbmParams>;
  } catch (err) {
    // Reported below with the expected shape; the JSON parser's own message adds nothing useful.
    void err;
  }
  throw new UsageError(`--params must be a JSON object of GBM options, e.g. '{"learningRate":0.1}' (got ${text}).`);
}

/** The scoring worker's training helper, once up (a few hundred ms). */
async function helperUp(): Promise<TrainingHelpers> {
  const helpers = trainingHelpers(async () => createTrainThread, { busy: () => false, idleMs: 3_600_000 });
  helpers.warm();
  for (let waited = 0; helpers.helpers === 0; waited += 50) {
    if (waited > 10_000) throw new UsageError('--threads: no helper thread came up (this machine has one core).');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return helpers;
}

function pickLearner(name: string, params: Partial<GbmParams> | undefined, threads?: TrainingHelpers): Learner {
  if (name === 'ours') return calibratedGbmLearner(params, threads);
  if (name === 'xgb-defaults') return xgbDefaultsLearner();
  if (name === 'logistic') return logisticLearner();
  throw new UsageError(`--learner must be ours, xgb-defaults or logistic (got "${name}").`);
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function line(r: EvalResult): Record<string, number> {
  return {
    auc: round(r.auc),
    brier: round(r.brier),
    logloss: round(r.logloss),
    ece: round(r.ece),
    n_train: Math.round(r.nTrain),
    n_test: Math.round(r.nTest),
    train_ms: Math.round(r.trainMs),
  };
}

function logReport(which: string, r: RowReport): void {
  process.stderr.write(`${which}: ${r.used} of ${r.total} rows used\n`);
  for (const w of r.warnings) process.stderr.write(`${which}: warning: ${w}\n`);
}

main().catch(fail);

function fail(err: unknown): never {
  if (err instanceof TabularError || err instanceof LearnError) {
    const hint = err.code === 'DS_CSV_DELIMITER' ? " With model-eval, pass --delimiter ';' (or '\\t' for tabs)." : '';
    process.stderr.write(`model-eval: ${err.code}: ${err.message}${hint}\n`);
    process.exit(2);
  }
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`model-eval: ${(err as Error).message}\n`);
    process.exit(2);
  }
  // Unexpected: still no stack trace on the console, but say it is a bug rather than bad input.
  process.stderr.write(`model-eval: internal error (please report): ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
