// How the shipped model is made: features of generated labelled orders (seeded simulation, never
// the evaluation's seed) → logistic regression. src/train.ts writes the result to
// risk-model.json; a test runs this again and compares.
import { featureVector, FEATURE_NAMES, signals } from '../features/extract';
import { replay } from '../eval/replay';
import { simulate, type SimOptions } from '../eval/simulate';
import { logLoss, rocAuc, score, train, type LogisticModel, type TrainOptions } from './logistic';
import { modelVersion, type ModelFile } from './model';

export const TRAINING_SIM: Partial<SimOptions> = { seed: 1, customers: 6000 };
// Every feature is defined so that a higher value is riskier: the weights are kept non-negative.
export const TRAINING_OPTIONS: TrainOptions = { l2: 1e-3, learningRate: 0.5, iterations: 400, momentum: 0.9, seed: 1, nonNegative: true };

export interface Dataset {
  rows: (number | undefined)[][];
  labels: number[];
}

export function datasetFor(sim: Partial<SimOptions>): Dataset {
  const rows: (number | undefined)[][] = [];
  const labels: number[] = [];
  replay(simulate(sim), (state, c) => {
    rows.push(featureVector(signals(state, c.order)));
    labels.push(c.fraud ? 1 : 0);
  });
  return { rows, labels };
}

/** Six significant digits: the file stays readable and the same on every machine. */
const tidy = (x: number): number => Number(x.toPrecision(6));

export function trainRiskModel(sim = TRAINING_SIM, options = TRAINING_OPTIONS): ModelFile {
  const data = datasetFor(sim);
  const fitted = train(FEATURE_NAMES, data.rows, data.labels, options);
  const m: LogisticModel = { features: fitted.features, means: fitted.means.map(tidy), scales: fitted.scales.map(tidy), weights: fitted.weights.map(tidy), bias: tidy(fitted.bias) };
  const scores = data.rows.map((r) => score(m, r).probability);
  return {
    version: modelVersion(m),
    generatedBy: 'npm run train -w @mercato/risk (services/risk/src/train.ts); do not edit by hand',
    seed: sim.seed ?? 1,
    training: {
      orders: data.rows.length,
      fraudShare: tidy(data.labels.reduce((a, b) => a + b, 0) / data.labels.length),
      trainAuc: tidy(rocAuc(scores, data.labels)),
      logLoss: tidy(logLoss(m, data.rows, data.labels)),
      l2: options.l2,
      learningRate: options.learningRate,
      iterations: options.iterations,
      momentum: options.momentum,
      nonNegative: String(!!options.nonNegative),
      customers: sim.customers ?? 0,
    },
    ...m,
  };
}
