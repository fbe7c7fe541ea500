// Model-based property test: random interleavings of group-committed appends, slow transactions
// that take their xid early, and rollbacks, against an in-memory model of what committed.
// Every subscriber must see every committed event exactly once, in per-stream order, with strictly
// increasing positions. MERCATO_SOAK=1 runs many more cases.
import fc from 'fast-check';
import { setTimeout as delay } from 'node:timers/promises';
import { comparePositions, type Position, type RecordedEvent } from '../../src/store';
import { Collector } from './collector';
import { BACKENDS, evs, openHarness, type Harness } from './harness';
import { rawAppend } from './raw-append';

const soak = process.env.MERCATO_SOAK === '1';
const RUNS: Record<string, number> = soak ? { postgres: 20_000, pglite: 3_000 } : { postgres: 1_000, pglite: 150 };

type Op =
  | { kind: 'append'; stream: number; n: number; expected: 'any' | 'no_stream' | 'stream_exists'; startMs: number }
  | { kind: 'held'; stream: number; n: number; xidFirst: boolean; sleepMs: number; rollback: boolean; startMs: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('append' as const), stream: fc.nat(2), n: fc.integer({ min: 1, max: 3 }), expected: fc.constantFrom('any' as const, 'no_stream' as const, 'stream_exists' as const), startMs: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('held' as const), stream: fc.nat(2), n: fc.integer({ min: 1, max: 2 }), xidFirst: fc.boolean(), sleepMs: fc.nat(12), rollback: fc.boolean(), startMs: fc.nat(3) }) },
);

describe.each(BACKENDS)('property: concurrent appends and subscriptions on %s', (backend) => {
  let h: Harness | undefined;
  let global: Collector | undefined;
  const ac = new AbortController();
  const seenIds = new Set<string>();
  const violations: string[] = [];
  let lastGlobal: Position | undefined;
  const lastRevision = new Map<string, bigint>();

  beforeAll(async () => {
    h = await openHarness(backend, { pollIntervalMs: 25 });
    if (!h) return;
    // One long-lived unfiltered $all subscriber checks the global invariants across every run.
    global = new Collector(h.store.subscribe({ to: { kind: 'all' }, signal: ac.signal }), false, (e) => {
      if (seenIds.has(e.id)) violations.push(`duplicate ${e.id}`);
      seenIds.add(e.id);
      if (lastGlobal && comparePositions(lastGlobal, e.position) >= 0) violations.push(`position not increasing at ${e.stream}@${e.revision}`);
      lastGlobal = e.position;
      const prev = lastRevision.get(e.stream) ?? -1n;
      if (e.revision !== prev + 1n) violations.push(`${e.stream}: revision ${e.revision} after ${prev}`);
      lastRevision.set(e.stream, e.revision);
    });
  });
  afterAll(async () => {
    ac.abort();
    await global?.done;
    await h?.close();
  });

  it(`holds for ${RUNS[backend]} random interleavings`, async () => {
    if (!h) return;
    const { store, db } = h;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
        run += 1;
        const prefix = `p${run}x${Math.random().toString(36).slice(2, 7)}-`;
        const streams = [0, 1, 2].map((i) => `${prefix}${i}`);
        const from = (await store.readAllPage({ fromPosition: 'end' })).checkpoint;
        const runAc = new AbortController();
        const filtered = new Collector(store.subscribe({ to: { kind: 'all', from }, filter: { streamPrefixes: [prefix] }, signal: runAc.signal }));
        const perStream = new Collector(store.subscribe({ to: { kind: 'stream', stream: streams[0]! }, signal: runAc.signal }));
        const committed = new Set<string>();
        try {
          await Promise.all(
            ops.map(async (op) => {
              await delay(op.startMs);
              const batch = evs(op.n, op.kind);
              const stream = streams[op.stream]!;
              if (op.kind === 'append') {
                const ok = await store.append(stream, batch, { kind: op.expected }).then(() => true, () => false);
                if (ok) batch.forEach((e) => committed.add(e.id));
                return;
              }
              const ok = await db
                .transaction(async (tx) => {
                  if (op.xidFirst) await tx.query('SELECT pg_current_xact_id()');
                  await delay(op.sleepMs / 2);
                  await rawAppend(tx, stream, batch);
                  await delay(op.sleepMs / 2);
                  if (op.rollback) throw new Error('rollback');
                })
                .then(() => true, () => false); // the order guard (40001) also counts as rolled back
              if (ok) batch.forEach((e) => committed.add(e.id));
            }),
          );
          const sentinel = evs(1, 'Sentinel');
          await store.append(`${prefix}end`, sentinel);
          const mine = (c: Collector) => c.events.filter((e) => e.stream.startsWith(prefix));
          const reached = (c: Collector) => () => c.events.some((e) => e.id === sentinel[0]!.id);
          await global!.waitFor(reached(global!), 10_000, 'sentinel on $all');
          await filtered.waitFor(reached(filtered), 10_000, 'sentinel on the filtered subscription');
          const delivered = mine(global!).filter((e) => e.type !== 'Sentinel');
          expect(violations).toEqual([]);
          expect(new Set(delivered.map((e) => e.id))).toEqual(committed);
          expect(delivered).toHaveLength(committed.size);
          expect(ids(mine(filtered))).toEqual(ids(mine(global!)));
          for (const s of streams) {
            const expectedOrder = ids(delivered.filter((e) => e.stream === s));
            const read = await store.readStream(s).catch(() => [] as RecordedEvent[]);
            expect(ids(read)).toEqual(expectedOrder);
          }
          const stream0 = ids(delivered.filter((e) => e.stream === streams[0]));
          await perStream.waitFor(() => perStream.events.length >= stream0.length, 5_000, 'stream subscription');
          expect(ids(perStream.events)).toEqual(stream0);
        } finally {
          runAc.abort();
          await Promise.all([filtered.done, perStream.done]);
        }
      }),
      { numRuns: RUNS[backend], endOnFailure: true },
    );
    expect(violations).toEqual([]);
  }, soak ? 3_600_000 : 150_000);
});

const ids = (events: RecordedEvent[]) => events.map((e) => e.id);
