// The scenario mix: weights over the defaults, checked with the option's name, and a seeded pick
// whose proportions follow the weights.
import { DEFAULT_WEIGHTS, mergeWeights, parseWeightsJson, Rng, SCENARIO_NAMES, seedFrom, WeightedPicker, WeightsError, type ScenarioName } from '../src/mix';

describe('weights', () => {
  it('default to browse 5, search 3, view 4, add 2, checkout 1, orders 1', () => {
    expect(DEFAULT_WEIGHTS).toEqual({ browse: 5, search: 3, view_product: 4, add_to_cart: 2, checkout: 1, view_orders: 1 });
    expect(parseWeightsJson('{}')).toEqual(DEFAULT_WEIGHTS);
  });

  it('given ones override the defaults; 0 turns a scenario off', () => {
    expect(parseWeightsJson('{"checkout":3,"browse":0}')).toEqual({ ...DEFAULT_WEIGHTS, checkout: 3, browse: 0 });
  });

  it.each([
    ['not json', 'w: must be a JSON object such as {"browse":5,"checkout":1}'],
    ['[1,2]', 'w: must be a JSON object such as {"browse":5,"checkout":1}'],
    ['{"shoplift":1}', 'w.shoplift: is not a scenario (known: browse, search, view_product, add_to_cart, checkout, view_orders)'],
    ['{"browse":-1}', 'w.browse: must be a number from 0 to 1000000'],
    ['{"browse":"5"}', 'w.browse: must be a number from 0 to 1000000'],
    ['{"browse":1e9}', 'w.browse: must be a number from 0 to 1000000'],
    ['{"browse":0,"search":0,"view_product":0,"add_to_cart":0,"checkout":0,"view_orders":0}', 'w: must leave at least one scenario with a positive weight'],
  ])('rejects %s', (json, message) => {
    expect(() => parseWeightsJson(json, 'w')).toThrow(WeightsError);
    expect(() => parseWeightsJson(json, 'w')).toThrow(message);
  });

  it('rejects a scenario given twice', () => {
    expect(() => mergeWeights([['browse', 1], ['browse', 2]], 'config.weights')).toThrow('config.weights.browse: is given twice');
  });
});

describe('weighted pick', () => {
  const counts = (weights: Record<ScenarioName, number>, seed: number, n: number): Record<string, number> => {
    const picker = new WeightedPicker(weights);
    const rng = new Rng(seed);
    const out: Record<string, number> = Object.fromEntries(SCENARIO_NAMES.map((s) => [s, 0]));
    for (let i = 0; i < n; i++) out[picker.pick(rng)]!++;
    return out;
  };

  it('follows the weights (within 1 percentage point over 100,000 picks)', () => {
    const n = 100_000;
    const c = counts(DEFAULT_WEIGHTS, 7, n);
    const total = Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const s of SCENARIO_NAMES) expect(Math.abs(c[s]! / n - DEFAULT_WEIGHTS[s] / total)).toBeLessThan(0.01);
  });

  it('never picks a scenario weighted 0', () => {
    const c = counts({ ...DEFAULT_WEIGHTS, browse: 0, checkout: 0 }, 11, 20_000);
    expect(c.browse).toBe(0);
    expect(c.checkout).toBe(0);
    expect(c.search).toBeGreaterThan(0);
  });

  it('is reproducible from the seed, and differs between seeds', () => {
    const seq = (seed: number) => {
      const picker = new WeightedPicker(DEFAULT_WEIGHTS);
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, () => picker.pick(rng));
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });

  it('forks generators that depend only on the parent seed and the salt', () => {
    const a = new Rng(5).fork(9);
    const b = new Rng(5).fork(9);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(new Rng(5).fork(9).next()).not.toBe(new Rng(5).fork(10).next());
  });

  it('draws uniformly in [0, 1)', () => {
    const rng = new Rng(1);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('seed', () => {
  it('folds a uint64 to 32 bits, and picks one for 0', () => {
    expect(seedFrom('12345')).toBe(12345);
    expect(seedFrom('18446744073709551615')).toBe(seedFrom('18446744073709551615'));
    expect(seedFrom('0')).toBeGreaterThan(0);
  });
});
