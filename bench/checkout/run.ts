// Checkout load: N concurrent shoppers, each filling a fresh cart and placing an order, for a fixed
// time, against the commerce services as `npm start` runs them (one process each) — on the
// embedded default (PGlite) and on PostgreSQL, one after the other in the same run.
//
//   npm run bench:checkout            (BENCH_SHOPPERS, default 8; BENCH_SECONDS, default 20;
//                                      BENCH_WARMUP_SECONDS, default 3; BENCH_BACKENDS, default "pglite,postgres")
//
// Reports per backend: checkouts per second (confirmed orders), p50/p99 PlaceOrder latency, CPU
// time per checkout summed over every service process (utime + stime from /proc), and the peak
// total RSS of the suite. Writes bench/results/checkout.json and bench/results/checkout.md.
// One checkout is shopper.ts and the /proc readings are processes.ts (`npm run bench` reuses both).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dropDatabases, postgresAvailable, testServerUrl } from '@mercato/db';
import { startCommerce, type Commerce } from '../../tests/commerce/harness';
import { cpuMsBetween, cpuSnapshot, percentile, RssSampler, totalRssBytes } from './processes';
import { checkoutOnce, productIds } from './shopper';

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim());

for (const [name, value] of Object.entries({ BENCH_SHOPPERS: SHOPPERS, BENCH_SECONDS: SECONDS, BENCH_WARMUP_SECONDS: WARMUP_SECONDS })) {
  if (!Number.isFinite(value) || value < 0 || (name !== 'BENCH_WARMUP_SECONDS' && value <= 0)) throw new Error(`${name} must be a positive number, got ${value}`);
}
for (const b of BACKENDS) if (b !== 'pglite' && b !== 'postgres') throw new Error(`BENCH_BACKENDS: unknown backend "${b}" (pglite, postgres)`);

interface Result {
  backend: string;
  shoppers: number;
  seconds: number;
  checkouts: number;
  failedOrders: number;
  errors: number;
  checkoutsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerCheckout: number;
  cpuMsPerCheckoutByService: Record<string, number>;
  checkoutsPerCoreSecond: number;
  peakRssMb: number;
  idleRssMb: number;
}

async function shop(c: Commerce, products: string[], until: () => boolean, record: (ms: number, outcome: 'confirmed' | 'failed' | 'error') => void, shopper: number): Promise<void> {
  for (let n = 0; !until(); n++) {
    const r = await checkoutOnce(c, products, { shopper, n });
    record(r.outcome === 'error' ? NaN : r.placeOrderMs, r.outcome === 'pending' ? 'failed' : r.outcome);
    if (r.error && n < 3) console.error(`shopper ${shopper}: ${r.error.message}`);
  }
}

async function measure(backend: string): Promise<Result> {
  const prefix = `mercato_bench_${Date.now().toString(36)}`;
  const c = await startCommerce({
    ...(backend === 'postgres' ? { postgres: testServerUrl(), databasePrefix: prefix } : {}),
    env: { LOG_LEVEL: 'warn' },
    serviceEnv: { inventory: { INVENTORY_INITIAL_STOCK: '1000000' }, shipping: { SHIPPING_TRACKING_STEP_SECONDS: '30' } },
    output: () => undefined,
  });
  try {
    const products = await productIds(c.catalog);
    const pids = () => c.stack.processes.map((p) => ({ name: p.name, pid: p.pid }));
    const idleRss = totalRssBytes(pids());

    let measuring = false;
    const latencies: number[] = [];
    let confirmed = 0;
    let failed = 0;
    let errors = 0;
    const record = (ms: number, outcome: 'confirmed' | 'failed' | 'error') => {
      if (!measuring) return;
      if (outcome === 'error') errors++;
      else {
        latencies.push(ms);
        if (outcome === 'confirmed') confirmed++;
        else failed++;
      }
    };
    let stopAt = Date.now() + (WARMUP_SECONDS + SECONDS) * 1000;
    const shoppers = Array.from({ length: SHOPPERS }, (_, i) => shop(c, products, () => Date.now() >= stopAt, record, i));

    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
    const cpuBefore = cpuSnapshot(pids());
    const sampler = new RssSampler(pids);
    measuring = true;
    const t0 = performance.now();
    stopAt = Date.now() + SECONDS * 1000;
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    const elapsed = (performance.now() - t0) / 1000;
    const cpuAfter = cpuSnapshot(pids());
    const peakRss = sampler.stop();
    await Promise.all(shoppers);

    const byService: Record<string, number> = {};
    let cpuMs = 0;
    for (const [name, ms] of Object.entries(cpuMsBetween(cpuBefore, cpuAfter))) {
      cpuMs += ms;
      byService[name] = confirmed ? Math.round((ms / confirmed) * 100) / 100 : NaN;
    }
    latencies.sort((a, b) => a - b);
    const perCheckout = confirmed ? cpuMs / confirmed : NaN;
    return {
      backend,
      shoppers: SHOPPERS,
      seconds: Math.round(elapsed * 10) / 10,
      checkouts: confirmed,
      failedOrders: failed,
      errors,
      checkoutsPerSecond: Math.round((confirmed / elapsed) * 10) / 10,
      p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      cpuMsPerCheckout: Math.round(perCheckout * 10) / 10,
      cpuMsPerCheckoutByService: byService,
      checkoutsPerCoreSecond: Math.round((1000 / perCheckout) * 10) / 10,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      idleRssMb: Math.round(idleRss / 1024 / 1024),
    };
  } finally {
    await c.stop();
    if (backend === 'postgres') await dropDatabases(prefix);
  }
}

async function main(): Promise<void> {
  const results: Result[] = [];
  for (const backend of BACKENDS) {
    if (backend === 'postgres' && !(await postgresAvailable())) {
      console.error(`PostgreSQL at ${testServerUrl()} is not reachable: skipping the postgres run`);
      continue;
    }
    console.log(`checkout load on ${backend}: ${SHOPPERS} shoppers, ${WARMUP_SECONDS}s warm-up + ${SECONDS}s…`);
    results.push(await measure(backend));
  }
  const header = '| backend | shoppers | checkouts/s | p50 ms | p99 ms | CPU ms / checkout (all processes) | checkouts per core-second | peak RSS MB (idle) | failed orders | errors |';
  const rows = results.map(
    (r) => `| ${r.backend} | ${r.shoppers} | ${r.checkoutsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.cpuMsPerCheckout} | ${r.checkoutsPerCoreSecond} | ${r.peakRssMb} (${r.idleRssMb}) | ${r.failedOrders} | ${r.errors} |`,
  );
  const split = results.map((r) => `- ${r.backend}: ${Object.entries(r.cpuMsPerCheckoutByService).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const md = [`# Checkout load (${new Date().toISOString().slice(0, 10)}, ${machine})`, '', header, `|${'---|'.repeat(10)}`, ...rows, '', 'CPU ms per checkout by service:', ...split, ''].join('\n');
  console.log(`\n${md}`);
  const dir = join(__dirname, '..', '..', '..', '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'checkout.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, shoppers: SHOPPERS, seconds: SECONDS, results }, null, 2)}\n`);
  writeFileSync(join(dir, 'checkout.md'), md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
