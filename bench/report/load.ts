// The whole suite (every service, as `npm start` runs them, on random ports) on one backend, under
// checkouts at fixed arrival rates: per rate, throughput, latency, CPU time per checkout summed
// over every service process, projection lag and memory; and the suite's start-up time and idle
// footprint before the load.
import { performance } from 'node:perf_hooks';
import { testServerUrl } from '@mercato/db';
import { EventStoreClient } from '@mercato/eventstore';
import { status as grpcStatus } from '@grpc/grpc-js';
import { connect } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import type { OrdersServiceDefinition } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';
import { CLOCK_TICKS, cpuMsBetween, cpuSnapshot, mib, percentile, RssSampler, totalRssBytes, type ServiceProcess } from '../checkout/processes';
import { productIds, type Shop } from '../checkout/shopper';
import { startBenchSuite, type BenchSuite } from '../checkout/suite';
import { runStep, summarizeStep, type StepRecord, type StepSummary } from './open-loop';
import type { Backend, ReportOptions } from './options';
import { LagProbe, type LagSummary } from './projection-lag';

/** The environment the benchmarks give the services (as bench:checkout): stock that does not run out, quieter logs. */
const SERVICE_ENV = { inventory: { INVENTORY_INITIAL_STOCK: '1000000' }, shipping: { SHIPPING_TRACKING_STEP_SECONDS: '30' } };
const IDLE_SECONDS = 5;
/** Generous: on a busy 2-core machine fifteen processes can take minutes; the start-up time is reported either way. */
const START_TIMEOUT_MS = 300_000;
const SETTLE_MAX_MS = { afterStart: 30_000, afterStep: 15_000 };

export interface RateStep extends StepSummary {
  /** Orders PlaceOrder gave no final answer for (PENDING, or an error), looked up after the step: confirmed, failed, never placed, or still unknown. */
  late: { confirmed: number; failed: number; notPlaced: number; unknown: number };
  /** CPU time of every service process from the step's start until the suite was quiet again. */
  cpuMs: number;
  cpuMsPerCheckout: number | null;
  /** 1000 ms ÷ CPU ms per checkout: checkouts one fully used core would sustain. */
  capacityPerCore: number | null;
  peakRssMib: number;
  lag: LagSummary;
  /** How long the suite took to go quiet after the last checkout ended (capped at 15 s). */
  settleSeconds: number;
  measuredSeconds: number;
}

export interface BackendResult {
  backend: Backend;
  services: number;
  /** startSuite (the runner, as npm start) to every service healthy. */
  startSeconds: number;
  idle: { rssMib: number; cpuCores: number };
  peakRssMib: number;
  warmup: StepSummary | null;
  steps: RateStep[];
  totals: { confirmed: number; cpuMsPerCheckout: number | null; capacityPerCore: number | null; cpuMsPerCheckoutByService: Record<string, number> };
  lag: LagSummary;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number): number => Math.round(n * 10) / 10;
const totalTicks = (procs: ServiceProcess[]) => [...cpuSnapshot(procs).values()].reduce((a, b) => a + b, 0);

/** Waits until the suite uses under `quietCores` of CPU over a second, or `maxMs`; returns the seconds waited. */
async function settle(procs: () => ServiceProcess[], quietCores: number, maxMs: number): Promise<number> {
  const t0 = performance.now();
  let ticks = totalTicks(procs());
  let at = performance.now();
  while (performance.now() - t0 < maxMs) {
    await sleep(1_000);
    const now = performance.now();
    const next = totalTicks(procs());
    const cores = (next - ticks) / CLOCK_TICKS / ((now - at) / 1000);
    ticks = next;
    at = now;
    if (cores < quietCores) break;
  }
  return round1((performance.now() - t0) / 1000);
}

/** Looks up the final state of orders whose PlaceOrder gave no final answer (PENDING at its deadline, or an error). */
async function resolveLate(orders: Shop['orders'], as: Shop['as'], unsettled: Array<{ orderId: string; userId: string }>): Promise<RateStep['late']> {
  const late = { confirmed: 0, failed: 0, notPlaced: 0, unknown: 0 };
  // Bounded: past 20 s the rest count as unknown.
  const until = Date.now() + 20_000;
  for (let i = 0; i < unsettled.length; i += 16) {
    await Promise.all(
      unsettled.slice(i, i + 16).map(async ({ orderId, userId }) => {
        const status =
          Date.now() < until
            ? await orders.call('GetOrder', { orderId }, { ...as(userId), deadlineMs: 5_000 }).then(
                (r) => r.order?.status,
                (err: { code?: number }) => (err.code === grpcStatus.NOT_FOUND ? 'NOT_FOUND' : undefined),
              )
            : undefined;
        if (status === 'ORDER_STATUS_CONFIRMED') late.confirmed++;
        else if (status === 'ORDER_STATUS_FAILED') late.failed++;
        else if (status === 'NOT_FOUND') late.notPlaced++;
        else late.unknown++;
      }),
    );
  }
  return late;
}

function pooled(values: number[], parts: LagSummary[]): LagSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => Math.round(percentile(sorted, p));
  return {
    samples: sorted.length,
    notVisible: parts.reduce((a, l) => a + l.notVisible, 0),
    skipped: parts.reduce((a, l) => a + l.skipped, 0),
    p50Ms: q(50),
    p99Ms: q(99),
    maxMs: sorted.length ? Math.round(sorted[sorted.length - 1]!) : NaN,
  };
}

export async function loadBackend(backend: Backend, options: ReportOptions, log: (line: string) => void): Promise<BackendResult | { backend: Backend; skipped: string }> {
  const t0 = performance.now();
  let suite: BenchSuite | undefined;
  try {
    suite = await startBenchSuite({ backend, env: { LOG_LEVEL: 'warn' }, serviceEnv: SERVICE_ENV, startTimeoutMs: START_TIMEOUT_MS });
  } catch (err) {
    throw new Error(`the suite did not start on ${backend}: ${(err as Error).message}`);
  }
  if (!suite) return { backend, skipped: `PostgreSQL at ${testServerUrl()} is not reachable` };
  const startSeconds = round1((performance.now() - t0) / 1000);
  const s = suite;
  // The driver's clients never open a breaker: a rate the suite cannot take must show as slow or failed checkouts, not as the driver giving up.
  const client = <D>(name: string, service: string) => connect<D>(service, s.address(name), { deadlineMs: 10_000, breaker: { volumeThreshold: Number.MAX_SAFE_INTEGER } });
  const catalog = client<CatalogServiceDefinition>('catalog', 'mercato.catalog.v1.CatalogService');
  const shop: Shop = {
    cart: client<CartServiceDefinition>('cart', 'mercato.cart.v1.CartService'),
    orders: client<OrdersServiceDefinition>('orders', 'mercato.orders.v1.OrdersService'),
    as: s.as,
  };
  const orderHistory = client<OrderHistoryServiceDefinition>('order-history', 'mercato.orderhistory.v1.OrderHistoryService');
  const eventstore = EventStoreClient.connect(s.address('eventstore'));
  const procs = () => s.stack.processes.map((p) => ({ name: p.name, pid: p.pid }));
  try {
    log(`  ${backend}: ${procs().length} services healthy in ${startSeconds} s; waiting for the suite to go quiet`);
    const products = await productIds(catalog);
    await settle(procs, 0.3, SETTLE_MAX_MS.afterStart);
    const idleTicks0 = totalTicks(procs());
    await sleep(IDLE_SECONDS * 1000);
    const idleCores = Math.round(((totalTicks(procs()) - idleTicks0) / CLOCK_TICKS / IDLE_SECONDS) * 100) / 100;
    const idleRssMib = mib(totalRssBytes(procs()));
    log(`  ${backend}: idle ${idleRssMib} MiB RSS, ${idleCores} cores`);

    let sequence = 0;
    const nextSequence = () => sequence++;
    const overall = new RssSampler(procs, 500);
    let warmup: StepSummary | null = null;
    if (options.warmupSeconds > 0) {
      const rate = options.rates[0]!;
      log(`  ${backend}: warm-up at ${rate}/s for ${options.warmupSeconds} s`);
      warmup = summarizeStep(await runStep(shop, products, { rate, seconds: options.warmupSeconds, maxInFlight: options.maxInFlight, nextSequence }));
      await settle(procs, idleCores + 0.15, SETTLE_MAX_MS.afterStep);
    }
    const steps: RateStep[] = [];
    const allLags: number[] = [];
    const byService: Record<string, number> = {};
    for (const rate of options.rates) {
      log(`  ${backend}: ${rate} checkouts/s for ${options.seconds} s…`);
      const lag = new LagProbe(orderHistory, eventstore, shop.as, rate);
      const stepSampler = new RssSampler(procs, 500);
      const before = cpuSnapshot(procs());
      const began = performance.now();
      const record: StepRecord = await runStep(shop, products, {
        rate,
        seconds: options.seconds,
        maxInFlight: options.maxInFlight,
        nextSequence,
        onResult: (r, seq) => {
          if (r.outcome === 'confirmed' && r.orderId) lag.offer(seq, r.orderId, r.userId);
        },
      });
      await lag.settle();
      const settleSeconds = await settle(procs, idleCores + 0.15, SETTLE_MAX_MS.afterStep);
      const cpu = cpuMsBetween(before, cpuSnapshot(procs()));
      const measuredSeconds = round1((performance.now() - began) / 1000);
      const peak = stepSampler.stop();
      const summary = summarizeStep(record);
      const unsettled = record.arrivals.flatMap((a) => ((a.result.outcome === 'pending' || a.result.outcome === 'error') && a.result.orderId ? [{ orderId: a.result.orderId, userId: a.result.userId }] : []));
      const late = await resolveLate(shop.orders, shop.as, unsettled);
      const cpuMs = Object.values(cpu).reduce((a, b) => a + b, 0);
      const done = summary.confirmed + late.confirmed;
      for (const [name, ms] of Object.entries(cpu)) byService[name] = (byService[name] ?? 0) + ms;
      allLags.push(...lag.values());
      const step: RateStep = {
        ...summary,
        late,
        cpuMs: Math.round(cpuMs),
        cpuMsPerCheckout: done ? round1(cpuMs / done) : null,
        capacityPerCore: done && cpuMs > 0 ? round1((1000 * done) / cpuMs) : null,
        peakRssMib: mib(peak),
        lag: lag.summary(),
        settleSeconds,
        measuredSeconds,
      };
      steps.push(step);
      log(
        `  ${backend} ${rate}/s: ${step.confirmedPerSecond} confirmed/s, PlaceOrder p50 ${step.placeOrderP50Ms} ms p99 ${step.placeOrderP99Ms} ms, ` +
          `${step.cpuMsPerCheckout ?? '—'} CPU ms/checkout, lag p99 ${step.lag.p99Ms} ms, ${step.peakRssMib} MiB peak` +
          (step.sustained ? '' : ` — not sustained: ${step.notSustainedBecause.join('; ')}`) +
          (step.failed ? `; FAILED orders: ${Object.entries(step.failures).map(([why, n]) => `${n} × ${why}`).join(', ')}` : '') +
          (step.errors ? `; errors: ${Object.entries(step.errorKinds).slice(0, 2).map(([kind, n]) => `${n} × ${kind}`).join(', ')}` : ''),
      );
    }
    const peakRssMib = mib(overall.stop());
    const confirmed = steps.reduce((a, st) => a + st.confirmed + st.late.confirmed, 0);
    const cpuTotal = Object.values(byService).reduce((a, b) => a + b, 0);
    const perService: Record<string, number> = {};
    for (const [name, ms] of Object.entries(byService)) perService[name] = confirmed ? round1(ms / confirmed) : NaN;
    return {
      backend,
      services: procs().length,
      startSeconds,
      idle: { rssMib: idleRssMib, cpuCores: idleCores },
      peakRssMib,
      warmup,
      steps,
      totals: { confirmed, cpuMsPerCheckout: confirmed ? round1(cpuTotal / confirmed) : null, capacityPerCore: confirmed && cpuTotal > 0 ? round1((1000 * confirmed) / cpuTotal) : null, cpuMsPerCheckoutByService: perService },
      lag: pooled(allLags, steps.map((st) => st.lag)),
    };
  } finally {
    for (const c of [catalog, shop.cart, shop.orders, orderHistory, eventstore]) c.close();
    await s.stop();
  }
}
