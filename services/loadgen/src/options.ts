// The options of one run, checked the same way whether they come from the command line, the
// environment or StartRun; an error names the option as its source spells it.
import { mergeWeights, seedFrom, WeightsError, type Weights } from './mix';

export interface RunOptions {
  /** The gateway's base URL (the API is under /api/v1). */
  targetUrl: string;
  /** Scenarios started per second once ramped up. */
  rate: number;
  rampSeconds: number;
  /** 0 runs until stopped. */
  durationSeconds: number;
  weights: Weights;
  /** Synthetic shoppers signed up at the start. */
  users: number;
  seed: number;
  /** Scenarios in flight at most; starts beyond are dropped (and counted). */
  maxInflight: number;
  /** Timeout of each request to the gateway. */
  requestTimeoutMs: number;
}

export class OptionError extends Error {
  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super(`${option}: ${problem}`);
    this.name = 'OptionError';
  }
}

export const LIMITS = {
  rate: { min: 0.01, max: 10_000 },
  rampSeconds: { min: 0, max: 86_400 },
  durationSeconds: { min: 0, max: 7 * 86_400 },
  users: { min: 1, max: 1_000 },
  maxInflight: { min: 1, max: 100_000 },
  requestTimeoutMs: { min: 100, max: 300_000 },
} as const;

export const DEFAULT_USERS = 20;

/** Enough room for scenarios to overlap at the rate, with a floor for slow moments. */
export function defaultMaxInflight(rate: number): number {
  return Math.min(LIMITS.maxInflight.max, Math.max(50, Math.ceil(rate * 10)));
}

/** Input before checks: numbers may still be strings (command line). */
export interface RawRunOptions {
  targetUrl: unknown;
  rate: unknown;
  rampSeconds?: unknown;
  durationSeconds?: unknown;
  /** An iterable of [scenario, weight]; absent or empty means the defaults. */
  weights?: Iterable<[string, unknown]>;
  users?: unknown;
  seed?: unknown;
  maxInflight?: unknown;
  requestTimeoutMs?: unknown;
}

/** How the source names each option, e.g. {rate: '--rate'} or {rate: 'config.target_rate'}. */
export type OptionNames = Record<keyof RawRunOptions, string>;

function number(value: unknown, option: string, limits: { min: number; max: number }, integer: boolean): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new OptionError(option, `must be a number, got ${JSON.stringify(value)}`);
  if (integer && !Number.isInteger(n)) throw new OptionError(option, `must be a whole number, got ${n}`);
  if (n < limits.min || n > limits.max) throw new OptionError(option, `must be from ${limits.min} to ${limits.max}, got ${n}`);
  return n;
}

const MAX_URL_LENGTH = 2048;

export function checkTargetUrl(value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '') throw new OptionError(option, 'is required (the gateway, e.g. http://127.0.0.1:8080)');
  // Before it is echoed in an error: a megabyte in a gRPC status is more than any client takes in a trailer.
  if (value.length > MAX_URL_LENGTH) throw new OptionError(option, `must be at most ${MAX_URL_LENGTH} characters, got ${value.length}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OptionError(option, `must be an http:// or https:// URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OptionError(option, `must be an http:// or https:// URL, got ${JSON.stringify(value)}`);
  if (url.search || url.hash) throw new OptionError(option, 'must be a base URL without query or fragment');
  return value.replace(/\/+$/, '');
}

export function checkRunOptions(raw: RawRunOptions, names: OptionNames): RunOptions {
  const targetUrl = checkTargetUrl(raw.targetUrl, names.targetUrl);
  const rate = number(raw.rate, names.rate, LIMITS.rate, false);
  const rampSeconds = raw.rampSeconds === undefined ? 0 : number(raw.rampSeconds, names.rampSeconds, LIMITS.rampSeconds, false);
  const durationSeconds = raw.durationSeconds === undefined ? 0 : number(raw.durationSeconds, names.durationSeconds, LIMITS.durationSeconds, false);
  let weights: Weights;
  try {
    weights = mergeWeights(raw.weights ?? [], names.weights);
  } catch (err) {
    if (err instanceof WeightsError) throw new OptionError(err.field, err.message.slice(err.field.length + 2));
    throw err;
  }
  const users = raw.users === undefined ? DEFAULT_USERS : number(raw.users, names.users, LIMITS.users, true);
  const seedText = raw.seed === undefined ? '' : String(raw.seed);
  if (!/^\d{0,20}$/.test(seedText) || (seedText !== '' && BigInt(seedText) > 0xffff_ffff_ffff_ffffn)) throw new OptionError(names.seed, `must be an unsigned 64-bit integer, got ${JSON.stringify(raw.seed)}`);
  const seed = seedFrom(seedText);
  const maxInflight = raw.maxInflight === undefined ? defaultMaxInflight(rate) : number(raw.maxInflight, names.maxInflight, LIMITS.maxInflight, true);
  const requestTimeoutMs = raw.requestTimeoutMs === undefined ? 10_000 : number(raw.requestTimeoutMs, names.requestTimeoutMs, LIMITS.requestTimeoutMs, true);
  return { targetUrl, rate, rampSeconds, durationSeconds, weights, users, seed, maxInflight, requestTimeoutMs };
}
