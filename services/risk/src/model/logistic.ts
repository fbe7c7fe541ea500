// Logistic regression, small and exact: standardised inputs, L2 penalty, trained by full-batch
// gradient descent with momentum from a seeded start. Scoring also says how much each input
// pushed the log-odds (weight × standardised value), which the reasons are made of.
import { createRng } from '../eval/prng';

export interface LogisticModel {
  features: string[];
  /** Per feature: the training mean and standard deviation (for standardising). */
  means: number[];
  scales: number[];
  /** Per feature, on the standardised scale. */
  weights: number[];
  bias: number;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  learningRate: number;
  iterations: number;
  momentum: number;
  seed: number;
  /**
   * Keep every weight ≥ 0 (projected gradient descent): for inputs defined so that higher means
   * riskier, the model can then only read them that way, and every reason is a risky value.
   */
  nonNegative?: boolean;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Standardised inputs; an unknown value (undefined) takes the mean, so it moves nothing. */
export function standardise(m: Pick<LogisticModel, 'means' | 'scales'>, x: readonly (number | undefined)[]): number[] {
  return m.means.map((mean, i) => {
    const v = x[i];
    return v === undefined || !Number.isFinite(v) ? 0 : (v - mean) / m.scales[i]!;
  });
}

export interface Scored {
  probability: number;
  /** Per feature: weight × standardised value, in log-odds. */
  contributions: number[];
}

export function score(m: LogisticModel, x: readonly (number | undefined)[]): Scored {
  const z = standardise(m, x);
  const contributions = z.map((v, i) => v * m.weights[i]!);
  return { probability: sigmoid(m.bias + contributions.reduce((a, b) => a + b, 0)), contributions };
}

/** Fits a model to rows of raw features and 0/1 labels. */
export function train(names: readonly string[], rows: readonly (number | undefined)[][], labels: readonly number[], o: TrainOptions): LogisticModel {
  const n = rows.length;
  const d = names.length;
  if (n === 0 || labels.length !== n) throw new RangeError('training needs as many labels as rows, and at least one');
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    const known = rows.map((r) => r[j]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (known.length === 0) continue;
    const mean = known.reduce((a, b) => a + b, 0) / known.length;
    const variance = known.reduce((a, b) => a + (b - mean) ** 2, 0) / known.length;
    means[j] = mean;
    // A constant input gets scale 1: its standardised value is 0 and its weight stays near 0.
    scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  const X = rows.map((r) => standardise({ means, scales }, r));
  const rng = createRng(o.seed);
  const w = Array.from({ length: d }, () => (o.nonNegative ? Math.abs(rng.normal(0, 0.01)) : rng.normal(0, 0.01)));
  const base = labels.reduce((a, b) => a + b, 0) / n;
  let b = Math.log(Math.max(base, 1e-6) / Math.max(1 - base, 1e-6));
  const vw = new Array<number>(d).fill(0);
  let vb = 0;
  for (let it = 0; it < o.iterations; it++) {
    const gw = w.map((wj) => o.l2 * wj);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = X[i]!;
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * xi[j]!;
      const err = (sigmoid(z) - labels[i]!) / n;
      gb += err;
      for (let j = 0; j < d; j++) gw[j]! += err * xi[j]!;
    }
    for (let j = 0; j < d; j++) {
      vw[j] = o.momentum * vw[j]! - o.learningRate * gw[j]!;
      w[j]! += vw[j]!;
      if (o.nonNegative && w[j]! < 0) {
        w[j] = 0;
        vw[j] = 0;
      }
    }
    vb = o.momentum * vb - o.learningRate * gb;
    b += vb;
  }
  return { features: [...names], means, scales, weights: w, bias: b };
}

/** Mean log-loss of the model on rows and labels (plus nothing for the penalty). */
export function logLoss(m: LogisticModel, rows: readonly (number | undefined)[][], labels: readonly number[]): number {
  let sum = 0;
  rows.forEach((r, i) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, score(m, r).probability));
    sum -= labels[i]! ? Math.log(p) : Math.log(1 - p);
  });
  return sum / rows.length;
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average 1-based rank of the tie group
    for (let k = i; k <= j; k++) if (labels[idx[k]!]) {
      positives++;
      rankSum += rank;
    }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
