// The logistic regression on its own, and the shipped weights: retraining with the committed seed
// must reproduce src/model/risk-model.json exactly (run `npm run train -w @mercato/risk` when it
// does not, and commit the file).
import shipped from '../src/model/risk-model.json';
import { createRng } from '../src/eval/prng';
import { FEATURE_NAMES } from '../src/features/extract';
import { rocAuc, score, sigmoid, train, type TrainOptions } from '../src/model/logistic';
import { checkModel, modelVersion, shippedModel, type ModelFile } from '../src/model/model';
import { trainRiskModel } from '../src/model/training';

const OPTIONS: TrainOptions = { l2: 1e-3, learningRate: 0.5, iterations: 300, momentum: 0.9, seed: 7 };

/** Labels drawn from a known logistic model over two informative inputs and one of pure noise. */
function planted(n: number, seed: number): { rows: (number | undefined)[][]; labels: number[] } {
  const rng = createRng(seed);
  const rows: (number | undefined)[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rng.normal(10, 2), rng.normal(0, 0.1), rng.normal(0, 1)];
    const p = sigmoid(-1 + 1.5 * ((x[0]! - 10) / 2) - 2 * (x[1]! / 0.1));
    rows.push(i % 17 === 0 ? [x[0], undefined, x[2]] : x);
    labels.push(rng.next() < p ? 1 : 0);
  }
  return { rows, labels };
}

describe('logistic regression', () => {
  it('recovers a planted model on the standardised scale, with the noise input near zero', () => {
    const { rows, labels } = planted(4000, 1);
    const m = train(['a', 'b', 'noise'], rows, labels, OPTIONS);
    expect(m.weights[0]).toBeGreaterThan(1.2);
    expect(m.weights[0]).toBeLessThan(1.8);
    expect(m.weights[1]).toBeLessThan(-1.6);
    expect(m.weights[1]).toBeGreaterThan(-2.4);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.15);
    expect(m.means[0]).toBeCloseTo(10, 0);
    expect(m.scales[0]).toBeCloseTo(2, 0);
    const test = planted(2000, 2);
    expect(rocAuc(test.rows.map((r) => score(m, r).probability), test.labels)).toBeGreaterThan(0.85);
  });

  it('is deterministic for a seed', () => {
    const { rows, labels } = planted(500, 3);
    expect(train(['a', 'b', 'noise'], rows, labels, OPTIONS)).toEqual(train(['a', 'b', 'noise'], rows, labels, OPTIONS));
  });

  it('explains a score: the contributions add up to the log-odds, an unknown input contributes nothing', () => {
    const m = { features: ['a', 'b'], means: [1, 0], scales: [2, 1], weights: [0.5, -1], bias: -2 };
    const s = score(m, [5, undefined]);
    expect(s.contributions.map((c) => c + 0)).toEqual([1, 0]); // + 0 turns -0 into 0
    expect(s.probability).toBeCloseTo(sigmoid(-1), 12);
  });

  it('computes ROC AUC with ties counted half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBeCloseTo(0.5, 12);
    expect(rocAuc([1, 2, 3], [0, 0, 0])).toBeNaN();
  });
});

describe('the shipped model', () => {
  it('fits the features this code computes, and its version is the hash of its weights', () => {
    const m = shippedModel();
    expect(m.features).toEqual(FEATURE_NAMES);
    expect(modelVersion(m)).toBe(m.version);
    expect(() => checkModel({ ...m, features: [...m.features].reverse() })).toThrow(/was trained on features/);
    expect(() => checkModel({ ...m, weights: m.weights.slice(1) })).toThrow(/weights must hold one finite number per feature/);
  });

  it('is what `npm run train -w @mercato/risk` generates (no drift, no hand edits)', () => {
    const retrained = trainRiskModel();
    expect(JSON.parse(JSON.stringify(retrained))).toEqual(shipped as unknown as ModelFile);
  });
});
