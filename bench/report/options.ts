// The benchmark report's options, from the environment and the command line, validated up front so
// a typo fails in the first second with a message naming the variable, not after minutes of load.
export type Backend = 'pglite' | 'postgres';
export type Part = 'kit' | 'eventstore' | 'startup' | 'checkout';

export const BACKENDS: readonly Backend[] = ['pglite', 'postgres'];
export const PARTS: readonly Part[] = ['kit', 'eventstore', 'startup', 'checkout'];

export interface ReportOptions {
  /** Checkout arrival rates, per second, one measured step each. */
  rates: number[];
  /** Length of each rate step's arrival window. */
  seconds: number;
  /** An unmeasured step at the first rate before the measured ones. */
  warmupSeconds: number;
  backends: Backend[];
  /** Checkouts in flight at most; an arrival finding them all busy is dropped (and counted). */
  maxInFlight: number;
  /** Run the slow peer benchmarks (kit at full length, event store vs Emmett) instead of reading their committed results. */
  fresh: boolean;
  parts: Part[];
}

export class OptionError extends Error {}

export const USAGE = `Usage: npm run bench [-- --fresh]
  BENCH_RATES           checkout arrival rates per second, comma-separated (default "5,10,20")
  BENCH_SECONDS         seconds of arrivals per rate (default 20)
  BENCH_WARMUP_SECONDS  unmeasured warm-up at the first rate (default 5; 0 for none)
  BENCH_BACKENDS        pglite, postgres or both (default "pglite,postgres")
  BENCH_MAX_INFLIGHT    checkouts in flight at most; later arrivals are dropped and counted (default 100)
  BENCH_PARTS           which parts to run: kit, eventstore, startup, checkout (default all)
  BENCH_FRESH=1, --fresh  run the kit benchmark at full length and the event store benchmark
                        (minutes) instead of a short kit run and the committed eventstore.json`;

function numberIn(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number, integer = false): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new OptionError(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function list<T extends string>(env: NodeJS.ProcessEnv, name: string, known: readonly T[], dflt: readonly T[]): T[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [...dflt];
  const items = raw.split(',').map((s) => s.trim());
  const out: T[] = [];
  for (const item of items) {
    if (!known.includes(item as T)) throw new OptionError(`${name}: unknown value "${item}" (one or more of ${known.join(', ')}, comma-separated), got "${raw}"`);
    if (out.includes(item as T)) throw new OptionError(`${name}: "${item}" is listed twice, got "${raw}"`);
    out.push(item as T);
  }
  return out;
}

function rates(env: NodeJS.ProcessEnv): number[] {
  const raw = env.BENCH_RATES;
  if (raw === undefined || raw.trim() === '') return [5, 10, 20];
  const out = raw.split(',').map((s) => Number(s.trim()));
  const bad = out.some((n) => !Number.isFinite(n) || n <= 0 || n > 1000);
  if (bad || out.length === 0) throw new OptionError(`BENCH_RATES must be checkouts per second above 0 and at most 1000, comma-separated (e.g. "5,10,20"), got "${raw}"`);
  if (new Set(out).size !== out.length) throw new OptionError(`BENCH_RATES lists a rate twice, got "${raw}"`);
  return out;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new OptionError(`${name} must be 1 or 0, got "${raw}"`);
}

export function parseOptions(env: NodeJS.ProcessEnv, argv: string[]): ReportOptions {
  let freshArg = false;
  for (const arg of argv) {
    if (arg === '--fresh') freshArg = true;
    else throw new OptionError(`unknown argument "${arg}"`);
  }
  return {
    rates: rates(env),
    seconds: numberIn(env, 'BENCH_SECONDS', 20, 1, 600),
    warmupSeconds: numberIn(env, 'BENCH_WARMUP_SECONDS', 5, 0, 120),
    backends: list(env, 'BENCH_BACKENDS', BACKENDS, BACKENDS),
    maxInFlight: numberIn(env, 'BENCH_MAX_INFLIGHT', 100, 1, 10_000, true),
    fresh: freshArg || flag(env, 'BENCH_FRESH'),
    parts: list(env, 'BENCH_PARTS', PARTS, PARTS),
  };
}
