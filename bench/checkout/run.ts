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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { postgresAvailable, testServerUrl } from '@mercato/db';
import { placeOrderRequest, startCommerce, uniqueId, type Commerce } from '../../tests/commerce/harness';

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim());
const CLOCK_TICKS = 100; // USER_HZ on Linux

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

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function shop(c: Commerce, products: string[], until: () => boolean, record: (ms: number, outcome: 'confirmed' | 'failed' | 'error') => void, shopper: number): Promise<void> {
  let n = 0;
  while (!until()) {
    // A new customer each time: one shopper placing an order every second would be (rightly)
    // declined by the risk service's velocity features.
    const user = uniqueId(`shopper${shopper}`);
    const cartId = user; // a signed-in shopper's cart id is their user id
    try {
      const lines = 1 + (n % 3);
      for (let i = 0; i < lines; i++) {
        const productId = products[(shopper * 7 + n * 3 + i * 11) % products.length]!;
        await c.cart.call('AddItem', { cartId, productId, quantity: 1 + (i % 2) }, c.as(user));
      }
      const t0 = performance.now();
      const { order } = await c.orders.call('PlaceOrder', placeOrderRequest(cartId, uniqueId('k')), { ...c.as(user), deadlineMs: 10_000 });
      record(performance.now() - t0, order?.status === 'ORDER_STATUS_CONFIRMED' ? 'confirmed' : 'failed');
    } catch (err) {
      record(NaN, 'error');
      if (n < 3) console.error(`shopper ${shopper}: ${(err as Error).message}`);
    }
    n++;
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
    const { products: listed } = await c.catalog.call('ListProducts', { page: { pageSize: 100, pageToken: '' }, orderBy: 'PRODUCT_ORDER_UNSPECIFIED', categoryId: '', tags: [] });
    const products = listed.map((p) => p.id);
    const pids = () => c.stack.processes.map((p) => ({ name: p.name, pid: p.pid }));
    const idleRss = pids().reduce((sum, p) => sum + rssBytes(p.pid), 0);

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
    const cpuBefore = new Map(pids().map((p) => [p.name, cpuTicks(p.pid)]));
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, pids().reduce((sum, p) => sum + rssBytes(p.pid), 0))), 250);
    measuring = true;
    const t0 = performance.now();
    stopAt = Date.now() + SECONDS * 1000;
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    const elapsed = (performance.now() - t0) / 1000;
    const cpuAfter = new Map(pids().map((p) => [p.name, cpuTicks(p.pid)]));
    clearInterval(sampler);
    await Promise.all(shoppers);

    const byService: Record<string, number> = {};
    let cpuMs = 0;
    for (const [name, after] of cpuAfter) {
      const ms = ((after - (cpuBefore.get(name) ?? after)) / CLOCK_TICKS) * 1000;
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
    if (backend === 'postgres') {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
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
