// Event store benchmark: our in-process engine vs @event-driven-io/emmett-postgresql@0.42.0 on the
// same local PostgreSQL (a fresh database for each), plus the same figures on PGlite.
//
// How to run (Node 20+, no ts-node): compile with tsc, then run the CommonJS output:
//   npm run build && npx tsc -p bench/eventstore && node bench/eventstore/dist/bench/eventstore/run.js
// (suggested root script: "bench:eventstore": "npm run build --silent && tsc -p bench/eventstore && node bench/eventstore/dist/bench/eventstore/run.js")
// The gRPC target runs the service as a child process (dist/bench/eventstore/server.js) and
// talks to it over loopback like any other service would.
// Env: BENCH_SECONDS (per append scenario and round, default 4, after BENCH_WARMUP_SECONDS of warm-up, default 1), BENCH_ROUNDS (default 3), BENCH_CATCHUP_EVENTS (default 100000),
//      BENCH_LAG_SECONDS (default 5), MERCATO_TEST_PG (server URL, default local).
// Writes bench/results/eventstore.json and bench/results/eventstore.md.
//
// Adding "over gRPC" columns: implement AppendTarget (and optionally CatchUpTarget / LagTarget)
// over the gRPC client and add it to EXTRA_TARGETS below; the table and JSON pick it up.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDatabase, openDatabase, postgresAvailable, type Database } from '@mercato/db';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EventStore, type EventToAppend } from '../../services/eventstore/src/store';
import { EventStoreClient } from '../../services/eventstore/src/client';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CATCHUP_EVENTS = Number(process.env.BENCH_CATCHUP_EVENTS ?? 100_000);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 5);
const MAX_OPS = 1_000_000;

export interface AppendTarget {
  name: string;
  /** Appends `count` small events to `stream` without a concurrency check. */
  append(stream: string, count: number): Promise<void>;
  close(): Promise<void>;
}
export interface CatchUpTarget {
  /** Seeds `count` events, then reads them back in batches of 1000; returns events read. */
  seed(count: number): Promise<void>;
  readAllInBatches(batch: number): Promise<number>;
  /** Subscribes to `$all` from the start and counts events until caught up. */
  subscribeUntilCaughtUp?(): Promise<number>;
}
export interface LagTarget {
  /** Appends at `rate` events/s for `seconds`; returns the end-to-end lag of each event in ms. */
  measureLag(rate: number, seconds: number): Promise<number[]>;
}
type Target = AppendTarget & Partial<CatchUpTarget> & Partial<LagTarget>;
const EXTRA_TARGETS: Array<() => Promise<Target>> = [
  async () => {
    const t = await createTestDatabase('mercato_bench');
    return grpcTarget('grpc-postgres', { DATABASE_URL: t.url }, t.drop);
  },
];

const payload = (i: number) => Buffer.from(JSON.stringify({ orderId: randomUUID(), amount: i, currency: 'EUR', note: 'benchmark event' }));
function ourEvents(count: number, t = performance.now()): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type: 'OrderPlaced', data: payload(i), metadata: { sentAt: String(t) } }));
}

function ours(name: string, db: Database, drop?: () => Promise<void>): Target {
  const store = new EventStore(db, { pollIntervalMs: 100 });
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= store.migrate());
  return {
    name,
    append: async (stream, count) => {
      await init();
      await store.append(stream, ourEvents(count));
    },
    seed: async (count) => {
      await init();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          while (next < count) {
            const n = Math.min(500, count - next);
            next += n;
            await store.append(`seed-${w}`, ourEvents(n));
          }
        }),
      );
    },
    readAllInBatches: async (batch) => {
      let read = 0;
      let page = await store.readAllPage({ fromPosition: 'start', maxCount: batch });
      for (let i = 0; i < 100_000; i++) {
        read += page.events.length;
        if (page.reachedEnd && page.events.length < batch) break;
        page = await store.readAllPage({ fromPosition: page.checkpoint, maxCount: batch });
      }
      return read;
    },
    subscribeUntilCaughtUp: async () => {
      const ac = new AbortController();
      let read = 0;
      for await (const m of store.subscribe({ to: { kind: 'all', from: 'start' }, signal: ac.signal })) {
        if (m.kind === 'event') read += 1;
        if (m.kind === 'caught_up') break;
      }
      ac.abort();
      return read;
    },
    measureLag: async (rate, seconds) => {
      await init();
      const ac = new AbortController();
      const lags: number[] = [];
      const expected = Math.round(rate * seconds);
      let caughtUp!: () => void;
      const isCaughtUp = new Promise<void>((r) => (caughtUp = r));
      const consumer = (async () => {
        for await (const m of store.subscribe({ to: { kind: 'all', from: 'end' }, signal: ac.signal })) {
          if (m.kind === 'caught_up') caughtUp();
          if (m.kind === 'event' && m.event.stream.startsWith('lag-')) {
            lags.push(performance.now() - Number(m.event.metadata.sentAt));
            if (lags.length >= expected) break;
          }
        }
      })();
      await isCaughtUp;
      await produceAtRate(rate, seconds, (i) => store.append(`lag-${i % 50}`, ourEvents(1)));
      await Promise.race([consumer, sleep(10_000)]);
      ac.abort();
      await consumer;
      return lags;
    },
    close: async () => {
      await store.close();
      await db.close();
      await drop?.();
    },
  };
}

async function emmett(url: string, drop: () => Promise<void>): Promise<Target> {
  const store = getPostgreSQLEventStore(url);
  const events = (count: number) => Array.from({ length: count }, (_, i) => ({ type: 'OrderPlaced', data: JSON.parse(payload(i).toString()) as Record<string, unknown> }));
  await store.appendToStream('warmup', events(1)); // creates its schema
  return {
    name: 'emmett',
    append: async (stream, count) => {
      await store.appendToStream(stream, events(count));
    },
    seed: async (count) => {
      for (let done = 0; done < count; done += 500) await store.appendToStream('seed', events(Math.min(500, count - done)));
    },
    readAllInBatches: async (batch) => {
      // Emmett 0.42 has no public $all read on the store: read its one big stream in batches (1-based versions).
      let read = 0;
      for (let from = 1n, i = 0; i < 100_000; i++) {
        const r = await store.readStream('seed', { from, maxCount: BigInt(batch) });
        read += r.events.length;
        if (r.events.length < batch) break;
        from += BigInt(r.events.length);
      }
      return read;
    },
    close: async () => {
      await store.close();
      await drop();
    },
  };
}

/** Starts the service in a child process (compiled server.js next to this file); resolves its gRPC port. */
async function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js')], {
    env: { ...process.env, GRPC_HOST: '127.0.0.1', METRICS_HOST: '127.0.0.1', GRPC_PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info', GRPC_KEEPALIVE_TIME_MS: '60000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const port = (() => {
        try {
          return (JSON.parse(line) as { grpc_port?: number }).grpc_port;
        } catch {
          return undefined;
        }
      })();
      if (port) resolve(port);
    });
    child.once('exit', (code) => reject(new Error(`the event store service exited with ${code}`)));
  });
  child.stdout!.resume();
  return { child, port };
}

function protoEvents(count: number, t = performance.now()) {
  return Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type: 'OrderPlaced', data: payload(i), metadata: { sentAt: String(t) }, contentType: 'application/json' }));
}

/** Our store over gRPC: the service in its own process, the benchmark as its client. */
async function grpcTarget(name: string, env: Record<string, string>, drop: () => Promise<void>): Promise<Target> {
  const { child, port } = await startChild(env);
  const client = EventStoreClient.connect(`127.0.0.1:${port}`, { deadlineMs: 60_000, maxMessageBytes: 64 * 1024 * 1024 });
  return {
    name,
    append: async (stream, count) => {
      await client.append({ stream, events: protoEvents(count) });
    },
    seed: async (count) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          while (next < count) {
            const n = Math.min(500, count - next);
            next += n;
            await client.append({ stream: `seed-${w}`, events: protoEvents(n) });
          }
        }),
      );
    },
    readAllInBatches: async (batch) => {
      let read = 0;
      let page = await client.readAll({ start: {}, maxCount: batch });
      for (let i = 0; i < 100_000; i++) {
        read += page.events.length;
        if (page.endOfAll && page.events.length < batch) break;
        page = await client.readAll({ position: page.nextPosition!, maxCount: batch });
      }
      return read;
    },
    subscribeUntilCaughtUp: async () => {
      // As the toolkit's clientStore subscribes: ready events batched into one message.
      const call = client.subscribe({ all: { start: {} }, maxBatchSize: 500 });
      let read = 0;
      try {
        for await (const m of call) {
          if (m.content === 'event') read += 1;
          else if (m.content === 'events') read += m.events!.events.length;
          if (m.content === 'caughtUp') break;
        }
      } finally {
        call.cancel();
      }
      return read;
    },
    measureLag: async (rate, seconds) => {
      const lags: number[] = [];
      const expected = Math.round(rate * seconds);
      const call = client.subscribe({ all: { end: {} } });
      let caughtUp!: () => void;
      const isCaughtUp = new Promise<void>((r) => (caughtUp = r));
      const consumer = (async () => {
        try {
          for await (const m of call) {
            if (m.content === 'caughtUp') caughtUp();
            if (m.content === 'event' && m.event!.stream.startsWith('lag-')) {
              lags.push(performance.now() - Number(m.event!.metadata.sentAt));
              if (lags.length >= expected) break;
            }
          }
        } catch {
          // cancelled below
        }
      })();
      await isCaughtUp;
      await produceAtRate(rate, seconds, (i) => client.append({ stream: `lag-${i % 50}`, events: protoEvents(1) }));
      await Promise.race([consumer, sleep(10_000)]);
      call.cancel();
      await consumer;
      return lags;
    },
    close: async () => {
      client.close();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      await drop();
    },
  };
}

async function produceAtRate(rate: number, seconds: number, send: (i: number) => Promise<unknown>): Promise<void> {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inflight: Array<Promise<unknown>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(send(i).catch(() => undefined));
    if (performance.now() - start > seconds * 1000 + 10_000) break;
  }
  await Promise.all(inflight);
}

async function appendRate(target: Target, clients: number, perAppend: number): Promise<{ appends_per_s: number; events_per_s: number; p50_ms: number; p99_ms: number }> {
  const latencies: number[] = [];
  let ops = 0;
  let all = 0;
  const tag = randomUUID().slice(0, 6);
  // A warm-up (JIT, connections, caches) that is not counted, for every target alike.
  const start = performance.now() + WARMUP_SECONDS * 1000;
  const deadline = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < deadline && ops < MAX_OPS) {
        const t = performance.now();
        await target.append(`acc-${tag}-${c}-${all++ % 20}`, perAppend);
        if (t >= start) {
          latencies.push(performance.now() - t);
          ops += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { appends_per_s: round(ops / elapsed), events_per_s: round((ops * perAppend) / elapsed), p50_ms: pct(latencies, 50), p99_ms: pct(latencies, 99) };
}

async function catchUp(target: Target): Promise<{ events: number; events_per_s: number; subscription_events?: number; subscription_events_per_s?: number } | undefined> {
  if (!target.seed || !target.readAllInBatches) return undefined;
  await target.seed(CATCHUP_EVENTS);
  const t = performance.now();
  const events = await target.readAllInBatches(1000);
  const read = { events, events_per_s: round(events / ((performance.now() - t) / 1000)) };
  if (!target.subscribeUntilCaughtUp) return read;
  // The same log again, as a subscriber's catch-up phase: pages stream while the reader decodes.
  const t2 = performance.now();
  const subscribed = await target.subscribeUntilCaughtUp();
  return { ...read, subscription_events: subscribed, subscription_events_per_s: round(subscribed / ((performance.now() - t2) / 1000)) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 10) / 10;
function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);
}

type Row = Record<string, unknown>;

type AppendFigures = Awaited<ReturnType<typeof appendRate>>;
const SCENARIOS = [
  ['append_c1x1', 1, 1],
  ['append_c16x1', 16, 1],
  ['append_c16x10', 16, 10],
] as const;

/** The median of each figure over the rounds. */
function medianFigures(runs: AppendFigures[]): AppendFigures {
  const med = (k: keyof AppendFigures) => {
    const xs = runs.map((r) => r[k]).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  };
  return { appends_per_s: med('appends_per_s'), events_per_s: med('events_per_s'), p50_ms: med('p50_ms'), p99_ms: med('p99_ms') };
}

async function main(): Promise<void> {
  if (!(await postgresAvailable())) throw new Error('the local PostgreSQL is not reachable (set MERCATO_TEST_PG)');
  const fresh = async () => createTestDatabase('mercato_bench');
  console.log(`event store benchmark: ${ROUNDS} rounds × ${SECONDS}s per append scenario (after ${WARMUP_SECONDS}s warm-up), targets interleaved; ${CATCHUP_EVENTS} events catch-up, ${LAG_SECONDS}s lag at 1000 events/s`);
  const withLag = new Set(['inproc-postgres', 'inproc-pglite', 'grpc-postgres']);
  const targets: Target[] = [];
  try {
    const t = await fresh();
    targets.push(ours('inproc-postgres', await openDatabase({ url: t.url, poolSize: 20 }), t.drop));
    const e = await fresh();
    targets.push(await emmett(e.url, e.drop));
    targets.push(ours('inproc-pglite', await openDatabase()));
    for (const extra of EXTRA_TARGETS) targets.push(await extra());

    // Appends: every target in every round, the order rotated, so machine noise hits all alike.
    const runs = new Map<string, AppendFigures[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [key, clients, perAppend] of SCENARIOS) {
        for (let i = 0; i < targets.length; i++) {
          const target = targets[(i + round) % targets.length]!;
          const id = `${target.name}/${key}`;
          runs.set(id, [...(runs.get(id) ?? []), await appendRate(target, clients, perAppend)]);
        }
      }
      console.log(`  round ${round + 1}/${ROUNDS} of appends done`);
    }
    const rows: Row[] = [];
    for (const target of targets) {
      const row: Row = { target: target.name };
      for (const [key] of SCENARIOS) row[key] = { ...medianFigures(runs.get(`${target.name}/${key}`)!), rounds: runs.get(`${target.name}/${key}`) };
      row.catchup = await catchUp(target);
      if (withLag.has(target.name) && target.measureLag) {
        const lags = await target.measureLag(1000, LAG_SECONDS);
        row.lag = { rate_per_s: 1000, seconds: LAG_SECONDS, received: lags.length, p50_ms: pct(lags, 50), p99_ms: pct(lags, 99), max_ms: round(Math.max(...lags)) };
      }
      rows.push(row);
      console.log(`  done: ${target.name}`);
    }
    await report(rows);
  } finally {
    for (const target of targets) await target.close().catch(() => undefined);
  }
}

async function report(rows: Row[]): Promise<void> {
  const get = (name: string) => rows.find((r) => r.target === name)!;
  const ev = (r: Row, k: string, f: string) => (r[k] as Record<string, number> | undefined)?.[f] ?? NaN;
  const ourPg = get('inproc-postgres');
  const em = get('emmett');
  // A ratio to three decimals (as the kit benchmark's).
  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const summary = {
    append_c16_inproc_vs_emmett: ratio(ev(ourPg, 'append_c16x1', 'appends_per_s'), ev(em, 'append_c16x1', 'appends_per_s')),
    append_c16x10_inproc_vs_emmett: ratio(ev(ourPg, 'append_c16x10', 'events_per_s'), ev(em, 'append_c16x10', 'events_per_s')),
    append_c1_inproc_vs_emmett: ratio(ev(ourPg, 'append_c1x1', 'appends_per_s'), ev(em, 'append_c1x1', 'appends_per_s')),
    catchup_inproc_events_per_s: ev(ourPg, 'catchup', 'events_per_s'),
    lag_p50_ms: ev(ourPg, 'lag', 'p50_ms'),
    lag_p99_ms: ev(ourPg, 'lag', 'p99_ms'),
    append_c16_grpc_vs_emmett: ratio(ev(get('grpc-postgres'), 'append_c16x1', 'appends_per_s'), ev(em, 'append_c16x1', 'appends_per_s')),
    append_c16x10_grpc_vs_emmett: ratio(ev(get('grpc-postgres'), 'append_c16x10', 'events_per_s'), ev(em, 'append_c16x10', 'events_per_s')),
    catchup_grpc_events_per_s: ev(get('grpc-postgres'), 'catchup', 'events_per_s'),
    catchup_grpc_subscribe_events_per_s: ev(get('grpc-postgres'), 'catchup', 'subscription_events_per_s'),
    catchup_inproc_subscription_events_per_s: ev(ourPg, 'catchup', 'subscription_events_per_s'),
    lag_grpc_p99_ms: ev(get('grpc-postgres'), 'lag', 'p99_ms'),
  };
  const result = {
    generated_at: new Date().toISOString(),
    environment: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rounds: ROUNDS, seconds_per_scenario: SECONDS, warmup_seconds: WARMUP_SECONDS, catchup_events: CATCHUP_EVENTS },
    targets: { append_c16_inproc_vs_emmett: '>= 1.5', append_c16_grpc_vs_emmett: '>= 1.0', catchup_grpc_events_per_s: '>= 100000', lag_p99_ms: '<= 100' },
    ...summary,
    raw: rows,
  };
  const table = [
    '| target | 1×1 appends/s | 16×1 appends/s | 16×10 events/s | 16×1 p99 ms | catch-up ReadAll events/s | catch-up Subscribe events/s | lag p50 ms | lag p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${String(r.target)} | ${ev(r, 'append_c1x1', 'appends_per_s')} | ${ev(r, 'append_c16x1', 'appends_per_s')} | ${ev(r, 'append_c16x10', 'events_per_s')} | ${ev(r, 'append_c16x1', 'p99_ms')} | ${ev(r, 'catchup', 'events_per_s')} | ${ev(r, 'catchup', 'subscription_events_per_s')} | ${ev(r, 'lag', 'p50_ms')} | ${ev(r, 'lag', 'p99_ms')} |`.replace(/NaN/g, '—'),
    ),
  ].join('\n');
  const verdict =
    `in-process vs Emmett at 16 clients: ${summary.append_c16_inproc_vs_emmett}× (target ≥ 1.5); over gRPC: ${summary.append_c16_grpc_vs_emmett}× (target ≥ 1.0); ` +
    `catch-up over gRPC ${summary.catchup_grpc_events_per_s} events/s by paged ReadAll, ${summary.catchup_grpc_subscribe_events_per_s} by Subscribe (target ≥ 100000); lag p99 ${summary.lag_p99_ms} ms (target ≤ 100)`;
  console.log(`\n${table}\n\n${verdict}`);
  // Compiled to bench/eventstore/dist/bench/eventstore: five levels up is the repository root.
  const dir = join(__dirname, '..', '..', '..', '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'eventstore.json'), JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
  writeFileSync(
    join(dir, 'eventstore.md'),
    `# Event store benchmark\n\n${new Date().toISOString()} · Node ${process.version} · ${cpus().length} CPUs · PostgreSQL on loopback · append figures are medians of ${ROUNDS} interleaved rounds of ${SECONDS}s (after ${WARMUP_SECONDS}s warm-up)\n\n` +
      `Emmett catch-up reads its single seeded stream (it has no public \`$all\` read); ours reads \`$all\`.\nLag: end-to-end (append call → subscriber) at a steady 1000 events/s.\n\n${table}\n\n${verdict}\n`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
