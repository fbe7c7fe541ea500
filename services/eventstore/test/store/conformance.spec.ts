// One conformance suite, run on PGlite and on PostgreSQL: the guarantees of EVENTSTORE.md.
import {
  InvalidArgumentError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  comparePositions,
  loadCheckpoint,
  parsePosition,
  positionToString,
  saveCheckpoint,
  type ExpectedRevision,
  type SubscriptionMessage,
} from '../../src/store';
import { BACKENDS, ev, evs, eventsOf, openHarness, pull, uniqueStream, type Harness } from './harness';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe.each(BACKENDS)('event store conformance on %s', (backend) => {
  let h: Harness | undefined;
  const store = () => h!.store;

  beforeAll(async () => {
    h = await openHarness(backend, { pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const test = (name: string, fn: () => Promise<void>) => it(name, async () => (h ? fn() : undefined));

  describe('migrations', () => {
    test('are idempotent', async () => {
      expect(await store().migrate()).toBe(0);
      expect((await store().health()).ok).toBe(true);
    });
  });

  describe('append and expected revision', () => {
    test('writes a batch atomically with 0-based revisions', async () => {
      const s = uniqueStream();
      const r = await store().append(s, evs(3), { kind: 'no_stream' });
      expect(r.nextExpectedRevision).toBe(2n);
      const read = await store().readStream(s);
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read[2]!.position).toEqual(r.position);
      expect(read[0]!.createdAt).toBeInstanceOf(Date);
      expect(read[0]!.contentType).toBe('application/json');
      expect(JSON.parse(Buffer.from(read[1]!.data).toString())).toEqual({ i: 1 });
    });

    const cases: Array<{ name: string; exists: boolean; expected: ExpectedRevision; ok: boolean }> = [
      { name: 'any on a new stream', exists: false, expected: { kind: 'any' }, ok: true },
      { name: 'any on an existing stream', exists: true, expected: { kind: 'any' }, ok: true },
      { name: 'no_stream on a new stream', exists: false, expected: { kind: 'no_stream' }, ok: true },
      { name: 'no_stream on an existing stream', exists: true, expected: { kind: 'no_stream' }, ok: false },
      { name: 'stream_exists on a new stream', exists: false, expected: { kind: 'stream_exists' }, ok: false },
      { name: 'stream_exists on an existing stream', exists: true, expected: { kind: 'stream_exists' }, ok: true },
      { name: 'exact matching revision', exists: true, expected: { kind: 'exact', revision: 1n }, ok: true },
      { name: 'exact behind', exists: true, expected: { kind: 'exact', revision: 0n }, ok: false },
      { name: 'exact ahead', exists: true, expected: { kind: 'exact', revision: 5n }, ok: false },
      { name: 'exact on a new stream', exists: false, expected: { kind: 'exact', revision: 0n }, ok: false },
    ];
    for (const c of cases) {
      test(`${c.name} ${c.ok ? 'succeeds' : 'fails with the current revision'}`, async () => {
        const s = uniqueStream();
        if (c.exists) await store().append(s, evs(2));
        if (c.ok) {
          const r = await store().append(s, evs(1), c.expected);
          expect(r.nextExpectedRevision).toBe(c.exists ? 2n : 0n);
        } else {
          const err = await rejection(store().append(s, evs(1), c.expected));
          expect(err).toBeInstanceOf(WrongExpectedRevisionError);
          const w = err as WrongExpectedRevisionError;
          expect(w.stream).toBe(s);
          expect(w.expected).toEqual(c.expected);
          expect(w.current).toBe(c.exists ? 1n : 'no_stream');
        }
      });
    }

    test('re-sending the same batch at the same expected revision succeeds without writing twice', async () => {
      const s = uniqueStream();
      await store().append(s, evs(1));
      const batch = evs(3);
      const first = await store().append(s, batch, { kind: 'exact', revision: 0n });
      await store().append(s, evs(1)); // the stream moved on meanwhile
      const again = await store().append(s, batch, { kind: 'exact', revision: 0n });
      expect(again).toEqual(first);
      const anyAgain = await store().append(s, batch, { kind: 'any' });
      expect(anyAgain).toEqual(first);
      expect((await store().readStream(s)).length).toBe(5);
    });

    test('a batch that only partly overlaps written events is a conflict', async () => {
      const s = uniqueStream();
      const batch = evs(2);
      await store().append(s, batch, { kind: 'no_stream' });
      const err = await rejection(store().append(s, [batch[1]!, ev()], { kind: 'exact', revision: 0n }));
      expect(err).toBeInstanceOf(WrongExpectedRevisionError);
      const err2 = await rejection(store().append(uniqueStream(), [batch[0]!], { kind: 'any' }));
      expect(err2).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store().readStream(s)).length).toBe(2);
    });

    test('concurrent appends share a group; one conflict does not fail the others', async () => {
      const streams = Array.from({ length: 12 }, () => uniqueStream('grp'));
      const bad = uniqueStream('grp');
      await store().append(bad, evs(1));
      const results = await Promise.allSettled([
        ...streams.map((s) => store().append(s, evs(2), { kind: 'no_stream' })),
        store().append(bad, evs(1), { kind: 'no_stream' }),
        ...streams.map((s) => store().append(s, evs(1), { kind: 'any' })),
      ]);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      for (const s of streams) expect((await store().readStream(s)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    });

    test('concurrent appends to one stream get distinct revisions in $all order', async () => {
      const s = uniqueStream();
      const [a, b] = await Promise.all([store().append(s, evs(2)), store().append(s, evs(2))]);
      expect([a.nextExpectedRevision, b.nextExpectedRevision].sort()).toEqual([1n, 3n]);
      const read = await store().readStream(s);
      for (let i = 1; i < read.length; i++) expect(comparePositions(read[i - 1]!.position, read[i]!.position)).toBeLessThan(0);
    });
  });

  describe('reads', () => {
    test('reads a stream forwards and backwards from any revision', async () => {
      const s = uniqueStream();
      await store().append(s, evs(5));
      const revs = async (o: Parameters<ReturnType<typeof store>['readStream']>[1]) => (await store().readStream(s, o)).map((e) => Number(e.revision));
      expect(await revs({})).toEqual([0, 1, 2, 3, 4]);
      expect(await revs({ fromRevision: 2n, maxCount: 2 })).toEqual([2, 3]);
      expect(await revs({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
      expect(await revs({ direction: 'backwards', fromRevision: 2n })).toEqual([2, 1, 0]);
      expect(await revs({ direction: 'backwards', fromRevision: 'end', maxCount: 2 })).toEqual([4, 3]);
      expect(await revs({ fromRevision: 'end' })).toEqual([]);
      expect(await revs({ fromRevision: 9n })).toEqual([]);
      expect(await revs({ maxCount: 0 })).toEqual([]);
    });

    test('a missing stream is not found', async () => {
      await expect(store().readStream(uniqueStream())).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    test('$all is read forwards and backwards with resumable, increasing positions', async () => {
      const before = (await store().readAllPage({ direction: 'backwards', maxCount: 1 })).events[0]?.position;
      const s1 = uniqueStream('all');
      const s2 = uniqueStream('all');
      await store().append(s1, evs(2));
      await store().append(s2, evs(2));
      await store().append(s1, evs(1));
      const forwards = await store().readAll({ fromPosition: before ?? 'start', maxCount: 10_000 });
      const mine = forwards.filter((e) => e.stream === s1 || e.stream === s2);
      expect(mine.map((e) => `${e.stream === s1 ? 1 : 2}:${e.revision}`)).toEqual(['1:0', '1:1', '2:0', '2:1', '1:2']);
      for (let i = 1; i < forwards.length; i++) expect(comparePositions(forwards[i - 1]!.position, forwards[i]!.position)).toBe(-1);
      // Resume from the middle: exclusive of the given position.
      const mid = mine[1]!.position;
      const resumed = (await store().readAll({ fromPosition: mid, maxCount: 3 })).map((e) => e.id);
      expect(resumed).toEqual(forwards.slice(forwards.findIndex((e) => e.id === mine[1]!.id) + 1).slice(0, 3).map((e) => e.id));
      const backwards = await store().readAll({ direction: 'backwards', maxCount: 5 });
      expect(backwards.map((e) => e.id)).toEqual(forwards.slice(-5).reverse().map((e) => e.id));
      const back2 = await store().readAll({ direction: 'backwards', fromPosition: mine[4]!.position, maxCount: 1 });
      expect(back2[0]!.id).toBe(forwards[forwards.findIndex((e) => e.id === mine[4]!.id) - 1]!.id);
      expect(parsePosition(positionToString(mid))).toEqual(mid);
      expect(() => parsePosition('nope')).toThrow(InvalidArgumentError);
    });

    test('$all filters by stream prefix and by event type', async () => {
      const prefix = uniqueStream('flt');
      await store().append(`${prefix}-a`, [ev('Kept'), ev('Dropped'), ev('Kept')]);
      await store().append(uniqueStream('other'), [ev('Kept')]);
      await store().append(`${prefix}-b`, [ev('Dropped')]);
      const byPrefix = await store().readAll({ filter: { streamPrefixes: [prefix] }, maxCount: 100 });
      expect(byPrefix.map((e) => e.type)).toEqual(['Kept', 'Dropped', 'Kept', 'Dropped']);
      const both = await store().readAll({ filter: { streamPrefixes: [prefix], eventTypes: ['Kept'] }, maxCount: 100 });
      expect(both.map((e) => `${e.stream.slice(prefix.length)}:${e.revision}`)).toEqual(['-a:0', '-a:2']);
      const typ = uniqueStream('Type');
      await store().append(uniqueStream(), [ev(typ), ev('X'), ev(typ)]);
      const byType = await store().readAllPage({ filter: { eventTypes: [typ] }, maxCount: 1 });
      expect(byType.events).toHaveLength(1);
      expect(byType.reachedEnd).toBe(false);
      const rest = await store().readAllPage({ filter: { eventTypes: [typ] }, fromPosition: byType.checkpoint, maxCount: 10 });
      expect(rest.events).toHaveLength(1);
      expect(rest.reachedEnd).toBe(true);
      const backwardsFiltered = await store().readAll({ direction: 'backwards', filter: { eventTypes: [typ] }, maxCount: 10 });
      expect(backwardsFiltered.map((e) => e.revision)).toEqual([2n, 0n]);
    });
  });

  describe('stream lifecycle', () => {
    test('soft delete: reads answer not found, a later append continues the revisions', async () => {
      const s = uniqueStream();
      await store().append(s, evs(3));
      await store().deleteStream(s);
      await expect(store().readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(store().deleteStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
      const r = await store().append(s, evs(2), { kind: 'no_stream' });
      expect(r.nextExpectedRevision).toBe(4n);
      expect((await store().readStream(s)).map((e) => e.revision)).toEqual([3n, 4n]);
    });

    test('soft delete honours the expected revision', async () => {
      const s = uniqueStream();
      await store().append(s, evs(2));
      await expect(store().deleteStream(s, { kind: 'exact', revision: 0n })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store().deleteStream(s, { kind: 'exact', revision: 1n });
      await expect(store().readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    test('tombstone is permanent: appends and reads answer StreamDeletedError', async () => {
      const s = uniqueStream();
      await store().append(s, evs(2));
      await store().tombstoneStream(s);
      await expect(store().append(s, evs(1))).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store().append(s, evs(1), { kind: 'no_stream' })).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store().readStream(s)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store().deleteStream(s)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store().setStreamMetadata(s, { maxCount: 1 })).rejects.toBeInstanceOf(StreamDeletedError);
      const never = uniqueStream();
      await store().tombstoneStream(never);
      await expect(store().append(never, evs(1))).rejects.toBeInstanceOf(StreamDeletedError);
    });

    test('max count keeps only the newest events at read time', async () => {
      const s = uniqueStream();
      await store().append(s, evs(5));
      await store().setStreamMetadata(s, { maxCount: 2 });
      expect(await store().getStreamMetadata(s)).toEqual({ maxCount: 2 });
      expect((await store().readStream(s)).map((e) => e.revision)).toEqual([3n, 4n]);
      expect((await store().readStream(s, { direction: 'backwards' })).map((e) => e.revision)).toEqual([4n, 3n]);
      await store().setStreamMetadata(s, {});
      expect((await store().readStream(s)).length).toBe(5);
    });

    test('max age hides older events at read time', async () => {
      const s = uniqueStream();
      await store().append(s, evs(2));
      await h!.db.query(`UPDATE es_events SET created_at = now() - interval '1 hour' WHERE stream = $1`, [s]);
      await store().append(s, evs(1));
      await store().setStreamMetadata(s, { maxAgeSeconds: 60 });
      expect((await store().readStream(s)).map((e) => e.revision)).toEqual([2n]);
      expect(await store().getStreamMetadata(s)).toEqual({ maxAgeSeconds: 60 });
    });

    test('metadata can be set before the stream exists', async () => {
      const s = uniqueStream();
      await store().setStreamMetadata(s, { maxCount: 1 });
      await expect(store().readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
      await store().append(s, evs(3), { kind: 'no_stream' });
      expect((await store().readStream(s)).map((e) => e.revision)).toEqual([2n]);
    });
  });

  describe('limits', () => {
    const field = async (p: Promise<unknown>) => {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(InvalidArgumentError);
      return (err as InvalidArgumentError).field;
    };
    test('stream names', async () => {
      expect(await field(store().append('', evs(1)))).toBe('stream');
      expect(await field(store().append('x'.repeat(201), evs(1)))).toBe('stream');
      expect(await field(store().append('$system', evs(1)))).toBe('stream');
      expect(await field(store().append('bad\nname', evs(1)))).toBe('stream');
      expect(await field(store().readStream(''))).toBe('stream');
      await store().append('x'.repeat(200), evs(1));
    });
    test('event types, ids, metadata and content type', async () => {
      const s = uniqueStream();
      expect(await field(store().append(s, [ev('')]))).toBe('events[0].type');
      expect(await field(store().append(s, [ev('t'.repeat(201))]))).toBe('events[0].type');
      expect(await field(store().append(s, [ev(), { ...ev(), id: 'not-a-uuid' }]))).toBe('events[1].id');
      const dup = ev();
      expect(await field(store().append(s, [dup, dup]))).toBe('events[1].id');
      expect(await field(store().append(s, [ev('T', {}, { k: 'v'.repeat(17 * 1024) })]))).toBe('events[0].metadata');
      expect(await field(store().append(s, [{ ...ev(), contentType: '' }]))).toBe('events[0].contentType');
      expect(await field(store().append(s, [], { kind: 'any' }))).toBe('events');
      expect(await field(store().append(s, evs(1), { kind: 'exact', revision: -1n }))).toBe('expectedRevision');
    });
    test('event size and batch size', async () => {
      const s = uniqueStream();
      expect(await field(store().append(s, [{ ...ev(), data: new Uint8Array(1024 * 1024 + 1) }]))).toBe('events[0]');
      expect(await field(store().append(s, evs(501)))).toBe('events');
      const big = Array.from({ length: 5 }, () => ({ ...ev(), data: new Uint8Array(900 * 1024) }));
      expect(await field(store().append(s, big))).toBe('events');
      await store().append(s, [{ ...ev(), data: new Uint8Array(1024 * 1024) }]);
      expect((await store().readStream(s))[0]!.data.byteLength).toBe(1024 * 1024);
      await store().append(s, evs(500));
    });
  });

  describe('subscriptions', () => {
    test('$all: catch-up, caught_up, then live', async () => {
      const prefix = uniqueStream('sub');
      await store().append(`${prefix}-1`, evs(3));
      const ac = new AbortController();
      const it = store().subscribe({ to: { kind: 'all' }, filter: { streamPrefixes: [prefix] }, signal: ac.signal })[Symbol.asyncIterator]();
      const first = await pull(it, (got) => got.some((m) => m.kind === 'caught_up'));
      expect(eventsOf(first).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(first[first.length - 1]!.kind).toBe('caught_up');
      await store().append(`${prefix}-2`, evs(2));
      const live = await pull(it, (got) => eventsOf(got).length >= 2);
      expect(eventsOf(live).map((e) => e.stream)).toEqual([`${prefix}-2`, `${prefix}-2`]);
      ac.abort();
      expect((await it.next()).done).toBe(true);
    });

    test('one stream, from a revision (exclusive), with an event type filter', async () => {
      const s = uniqueStream();
      await store().append(s, [ev('A'), ev('B'), ev('A')]);
      const ac = new AbortController();
      const it = store().subscribe({ to: { kind: 'stream', stream: s, fromRevision: 0n }, signal: ac.signal })[Symbol.asyncIterator]();
      const got = await pull(it, (g) => g.some((m) => m.kind === 'caught_up'));
      expect(eventsOf(got).map((e) => e.revision)).toEqual([1n, 2n]);
      await store().append(s, [ev('C')]);
      expect(eventsOf(await pull(it, (g) => eventsOf(g).length === 1))[0]!.revision).toBe(3n);
      ac.abort();
      const ac2 = new AbortController();
      const it2 = store().subscribe({ to: { kind: 'stream', stream: s }, filter: { eventTypes: ['A'] }, signal: ac2.signal })[Symbol.asyncIterator]();
      const onlyA = await pull(it2, (g) => g.some((m) => m.kind === 'caught_up'));
      expect(eventsOf(onlyA).map((e) => e.revision)).toEqual([0n, 2n]);
      ac2.abort();
    });

    test('filtered subscriptions send checkpoint heartbeats while nothing matches', async () => {
      const ac = new AbortController();
      const it = store().subscribe({
        to: { kind: 'all', from: 'end' },
        filter: { eventTypes: [uniqueStream('NeverWritten')] },
        checkpointEvery: 1,
        signal: ac.signal,
      })[Symbol.asyncIterator]();
      await pull(it, (g) => g.some((m) => m.kind === 'caught_up'));
      const appended = await store().append(uniqueStream(), evs(3));
      const got = await pull(it, (g) => g.some((m) => m.kind === 'checkpoint' && comparePositions(m.position, appended.position) >= 0));
      expect(eventsOf(got)).toEqual([]);
      ac.abort();
    });

    test('unfiltered subscriptions emit a checkpoint every n events', async () => {
      const s = uniqueStream();
      const before = await store().append(uniqueStream(), evs(1));
      await store().append(s, evs(4));
      const ac = new AbortController();
      const it = store().subscribe({ to: { kind: 'all', from: before.position }, checkpointEvery: 2, signal: ac.signal })[Symbol.asyncIterator]();
      const got = await pull(it, (g) => g.some((m) => m.kind === 'caught_up'));
      const kinds = got.map((m) => m.kind);
      expect(kinds.filter((k) => k === 'checkpoint').length).toBeGreaterThanOrEqual(2);
      const cp = got.find((m): m is Extract<SubscriptionMessage, { kind: 'checkpoint' }> => m.kind === 'checkpoint')!;
      expect(cp.position).toEqual(eventsOf(got)[1]!.position);
      ac.abort();
    });
  });

  describe('durable checkpoints', () => {
    test('are stored in the caller transaction', async () => {
      const pos = { commit: 42n, prepare: 7n };
      await expect(
        h!.db.transaction(async (tx) => {
          await saveCheckpoint(tx, 'proj-rolled-back', pos);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await loadCheckpoint(h!.db, 'proj-rolled-back')).toBeUndefined();
      await h!.db.transaction((tx) => saveCheckpoint(tx, 'proj', pos));
      expect(await loadCheckpoint(h!.db, 'proj')).toEqual(pos);
      await h!.db.transaction((tx) => saveCheckpoint(tx, 'proj', { commit: 43n, prepare: 1n }));
      expect(await loadCheckpoint(h!.db, 'proj')).toEqual({ commit: 43n, prepare: 1n });
    });
  });
});
