// Checkouts at a fixed arrival rate, open loop: arrivals are started on schedule whether or not
// earlier ones finished (as shoppers arrive), so a suite that cannot keep up shows a growing
// backlog and latency instead of quietly slowing the load down. In-flight work is capped (an
// arrival finding the cap full is dropped and counted) and every checkout has a time budget, so a
// step ends in bounded time whatever the suite does.
import { performance } from 'node:perf_hooks';
import { checkoutOnce, type CheckoutOutcome, type CheckoutResult, type Shop } from '../checkout/shopper';
import { percentile } from '../checkout/processes';

/** A checkout (cart fill + PlaceOrder) must finish within this; its calls' deadlines are capped by it. */
export const CHECKOUT_BUDGET_MS = 20_000;

export interface Arrival {
  /** When it was due and when it finished, ms from the step's start. */
  scheduledMs: number;
  startedMs: number;
  endedMs: number;
  result: CheckoutResult;
}

export interface StepRecord {
  rate: number;
  seconds: number;
  offered: number;
  dropped: number;
  /** Checkouts still in flight when arrivals stopped. */
  backlogAtEnd: number;
  /** Checkouts that had not finished when the step gave up waiting (should be 0: every call has a deadline). */
  unfinished: number;
  arrivals: Arrival[];
}

export interface StepSummary {
  rate: number;
  seconds: number;
  offered: number;
  started: number;
  dropped: number;
  /** Arrivals actually started per second (below the rate when the driver fell behind or dropped). */
  startedPerSecond: number;
  /** Worst delay between an arrival's due time and its start (the driver's own lag). */
  startLagMaxMs: number;
  confirmed: number;
  failed: number;
  pending: number;
  errors: number;
  unfinished: number;
  backlogAtEnd: number;
  /** Checkouts answered CONFIRMED within the arrival window, per second of it. */
  confirmedPerSecond: number;
  placeOrderP50Ms: number;
  placeOrderP99Ms: number;
  /** From the arrival's due time to its end: queueing in the driver, cart fill and PlaceOrder. */
  checkoutP50Ms: number;
  checkoutP99Ms: number;
  /** Whether the suite kept up with the rate, and if not, why. */
  sustained: boolean;
  notSustainedBecause: string[];
  /** Errors by kind (stage and message, timings left out), most frequent first. */
  errorKinds: Record<string, number>;
  /** FAILED orders by failure reason and saga step. */
  failures: Record<string, number>;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** An error message without grpc-js's per-call details ("Deadline exceeded after 0.548s,LB pick: …"), so alike errors count together. */
export function errorKind(message: string): string {
  return message.replace(/Deadline exceeded after [^)]*/g, 'deadline exceeded').replace(/\s+/g, ' ').slice(0, 200);
}

/** A step's figures from its arrivals. PlaceOrder calls that failed count at the time they failed (at least their deadline). */
export function summarizeStep(s: StepRecord): StepSummary {
  const count = (o: CheckoutOutcome) => s.arrivals.filter((a) => a.result.outcome === o).length;
  const windowMs = s.seconds * 1000;
  const place = s.arrivals.map((a) => a.result.placeOrderMs).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
  const whole = s.arrivals.map((a) => a.endedMs - a.scheduledMs).sort((a, b) => a - b);
  const confirmedInWindow = s.arrivals.filter((a) => a.result.outcome === 'confirmed' && a.endedMs <= windowMs).length;
  const started = s.arrivals.length;
  const errors = count('error');
  const pending = count('pending');
  const reasons: string[] = [];
  if (s.dropped > 0) reasons.push(`${s.dropped} arrivals dropped (in-flight cap)`);
  if (errors > 0) reasons.push(`${errors} checkouts failed with an error`);
  if (pending > 0) reasons.push(`${pending} orders still PENDING at PlaceOrder's deadline`);
  if (s.unfinished > 0) reasons.push(`${s.unfinished} checkouts unfinished`);
  if (started < 0.95 * s.offered - 1) reasons.push(`only ${started} of ${s.offered} arrivals started`);
  // In flight at the end ≈ rate × latency: more than two seconds' worth means a queue was building.
  if (s.backlogAtEnd > Math.max(2, s.rate * 2)) reasons.push(`${s.backlogAtEnd} checkouts in flight when arrivals stopped`);
  const kinds = new Map<string, number>();
  for (const a of s.arrivals) {
    if (!a.result.error) continue;
    const kind = `${a.result.error.stage}: ${errorKind(a.result.error.message)}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const errorKinds = Object.fromEntries([...kinds].sort((x, y) => y[1] - x[1]));
  const failures: Record<string, number> = {};
  for (const a of s.arrivals) if (a.result.failure) failures[a.result.failure] = (failures[a.result.failure] ?? 0) + 1;
  return {
    rate: s.rate,
    seconds: s.seconds,
    offered: s.offered,
    started,
    dropped: s.dropped,
    startedPerSecond: round1(started / s.seconds),
    startLagMaxMs: round1(Math.max(0, ...s.arrivals.map((a) => a.startedMs - a.scheduledMs))),
    confirmed: count('confirmed'),
    failed: count('failed'),
    pending,
    errors,
    unfinished: s.unfinished,
    backlogAtEnd: s.backlogAtEnd,
    confirmedPerSecond: round1(confirmedInWindow / s.seconds),
    placeOrderP50Ms: round1(percentile(place, 50)),
    placeOrderP99Ms: round1(percentile(place, 99)),
    checkoutP50Ms: round1(percentile(whole, 50)),
    checkoutP99Ms: round1(percentile(whole, 99)),
    sustained: reasons.length === 0,
    notSustainedBecause: reasons,
    errorKinds,
    failures,
  };
}

export interface StepPlan {
  rate: number;
  seconds: number;
  maxInFlight: number;
  /** Numbers the checkouts across steps (it picks their products). */
  nextSequence: () => number;
  /** Called as each checkout ends (e.g. to probe projection lag). */
  onResult?: (result: CheckoutResult, sequence: number) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one step: arrivals for `seconds` at `rate`, then waits (bounded) for those in flight. */
export async function runStep(shop: Shop, products: string[], plan: StepPlan): Promise<StepRecord> {
  const { rate, seconds, maxInFlight } = plan;
  const windowMs = seconds * 1000;
  const offered = Math.ceil(seconds * rate - 1e-9);
  const arrivals: Arrival[] = [];
  const inFlight = new Set<Promise<void>>();
  let dropped = 0;
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  for (let k = 0; k < offered; ) {
    const due = (k * 1000) / rate;
    const wait = due - now();
    if (wait > 0) {
      await sleep(Math.min(wait, 50));
      continue;
    }
    if (inFlight.size >= maxInFlight) dropped++;
    else {
      const sequence = plan.nextSequence();
      const startedMs = now();
      const p = checkoutOnce(shop, products, { shopper: 0, n: sequence, finishBy: Date.now() + CHECKOUT_BUDGET_MS }).then((result) => {
        arrivals.push({ scheduledMs: due, startedMs, endedMs: now(), result });
        inFlight.delete(p);
        plan.onResult?.(result, sequence);
      });
      inFlight.add(p);
    }
    k++;
  }
  // Arrivals stop at the end of the window (the last one is due just before it).
  const rest = windowMs - now();
  if (rest > 0) await sleep(rest);
  const backlogAtEnd = inFlight.size;
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CHECKOUT_BUDGET_MS + 5_000)));
  await Promise.race([giveUp, Promise.all(inFlight)]);
  clearTimeout(timer);
  // A copy: a checkout that outlived the wait must not change the step's figures afterwards.
  return { rate, seconds, offered, dropped, backlogAtEnd, unfinished: inFlight.size, arrivals: [...arrivals] };
}
