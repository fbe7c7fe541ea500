// The scenario mix: which scenarios exist, their default weights, and a seeded weighted pick, so a
// run with the same seed starts the same sequence of scenarios.

export const SCENARIOS = [
  { name: 'browse', description: 'Lists the categories, then the products of one of them (sometimes a second page).', defaultWeight: 5 },
  { name: 'search', description: 'Searches for a word shoppers use, sometimes opening the best hit.', defaultWeight: 3 },
  { name: 'view_product', description: 'Opens a product page, sometimes its reviews too.', defaultWeight: 4 },
  { name: 'add_to_cart', description: 'A guest adds a product to a cart (X-Cart-Id), sometimes changes or removes it.', defaultWeight: 2 },
  { name: 'checkout', description: 'A signed-in shopper fills a cart and checks out with a test card (about 1 in 10 declined).', defaultWeight: 1 },
  { name: 'view_orders', description: 'A signed-in shopper lists their orders and opens the latest.', defaultWeight: 1 },
] as const;

export type ScenarioName = (typeof SCENARIOS)[number]['name'];
export const SCENARIO_NAMES: readonly ScenarioName[] = SCENARIOS.map((s) => s.name);
export type Weights = Record<ScenarioName, number>;

export const DEFAULT_WEIGHTS: Weights = Object.fromEntries(SCENARIOS.map((s) => [s.name, s.defaultWeight])) as Weights;

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

export class WeightsError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'WeightsError';
  }
}

const MAX_WEIGHT = 1_000_000;

/**
 * Weights given per scenario override the defaults (so {"checkout":0} turns checkout off and
 * keeps the rest); at least one scenario must keep a positive weight.
 */
export function mergeWeights(given: Iterable<[string, unknown]>, field = 'weights'): Weights {
  const out: Weights = { ...DEFAULT_WEIGHTS };
  const seen = new Set<string>();
  for (const [name, weight] of given) {
    if (!isScenarioName(name)) throw new WeightsError(`${field}.${name}`, `is not a scenario (known: ${SCENARIO_NAMES.join(', ')})`);
    if (seen.has(name)) throw new WeightsError(`${field}.${name}`, 'is given twice');
    seen.add(name);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      throw new WeightsError(`${field}.${name}`, `must be a number from 0 to ${MAX_WEIGHT}`);
    }
    out[name] = weight;
  }
  if (!SCENARIO_NAMES.some((n) => out[n] > 0)) throw new WeightsError(field, 'must leave at least one scenario with a positive weight');
  return out;
}

/** Parses a JSON object of weights, e.g. {"browse":5,"checkout":1}. */
export function parseWeightsJson(text: string, field = 'weights'): Weights {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WeightsError(field, 'must be a JSON object such as {"browse":5,"checkout":1}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WeightsError(field, 'must be a JSON object such as {"browse":5,"checkout":1}');
  return mergeWeights(Object.entries(value), field);
}

/** A small seeded generator: a Weyl sequence through the murmur3 finalizer; uniform in [0, 1). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A derived generator, e.g. one per scenario so its choices do not depend on interleaving. */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.state ^ Math.imul(salt + 1, 0x27d4eb2f), 0x165667b1) ^ salt);
  }
}

/** Picks scenarios in proportion to their weights. */
export class WeightedPicker {
  private readonly names: ScenarioName[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(weights: Weights) {
    this.names = SCENARIO_NAMES.filter((n) => weights[n] > 0);
    let sum = 0;
    this.cumulative = this.names.map((n) => (sum += weights[n]));
    this.total = sum;
    if (this.total <= 0) throw new WeightsError('weights', 'must leave at least one scenario with a positive weight');
  }

  pick(rng: Rng): ScenarioName {
    const x = rng.next() * this.total;
    const i = this.cumulative.findIndex((c) => x < c);
    return this.names[i === -1 ? this.names.length - 1 : i]!;
  }
}

/** A run's seed: a decimal uint64 (the proto's type) folded to 32 bits; 0 or empty picks one. */
export function seedFrom(value: string | number | undefined): number {
  const text = value === undefined ? '' : String(value);
  if (text === '' || text === '0') return (Math.random() * 0x1_0000_0000) >>> 0 || 1;
  const big = BigInt(text);
  return Number((big ^ (big >> 32n)) & 0xffffffffn) || 1;
}
