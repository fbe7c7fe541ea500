// Deterministic interleavings on PostgreSQL: the transaction that began first and commits last.
import pg from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { comparePositions } from '../../src/store';
import { Collector } from './collector';
import { evs, openHarness, uniqueStream, type Harness } from './harness';
import { rawAppend } from './raw-append';

describe('ordering on postgres', () => {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await openHarness('postgres', { pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('delivers a transaction that took its xid first and commits last, before the later ones', async () => {
    if (!h) return;
    const { store } = h;
    const ac = new AbortController();
    const sub = new Collector(store.subscribe({ to: { kind: 'all', from: 'end' }, signal: ac.signal }), true);
    await sub.waitFor(() => sub.messages.some((m) => m.kind === 'caught_up'), 5_000, 'caught_up');

    const slow = new pg.Client({ connectionString: h.url });
    await slow.connect();
    try {
      const slowStream = uniqueStream('slow');
      const fastStream = uniqueStream('fast');
      await slow.query('BEGIN');
      await slow.query('SELECT pg_current_xact_id()'); // takes the older xid now
      const before = await store.append(fastStream, evs(2)); // younger xid, commits first
      const slowEvents = evs(2);
      await rawAppend({ query: (sql, p) => slow.query(sql, p).then((r) => ({ rows: r.rows, rowCount: r.rowCount ?? 0 })) }, slowStream, slowEvents);
      const after = await store.append(fastStream, evs(1));
      // The younger commits are held back while the older transaction can still commit behind them.
      await delay(300);
      expect(sub.events.filter((e) => e.stream === fastStream)).toEqual([]);
      await slow.query('COMMIT');
      await sub.waitFor(() => sub.events.length >= 5, 5_000, 'all five events');
      expect(sub.events.map((e) => e.stream)).toEqual([slowStream, slowStream, fastStream, fastStream, fastStream]);
      // The trap a sequence-only reader falls into: the slow events carry larger sequence values
      // than events that were already readable.
      const slowPrepare = sub.events[0]!.position.prepare;
      expect(slowPrepare).toBeGreaterThan(before.position.prepare);
      expect(comparePositions(sub.events[1]!.position, sub.events[2]!.position)).toBe(-1);
      expect(sub.events[4]!.position).toEqual(after.position);
      await delay(200);
      expect(sub.events).toHaveLength(5);
    } finally {
      await slow.end();
      ac.abort();
      await sub.done;
    }
  });

  it('the order guard retries a younger writer that an older transaction would sort behind', async () => {
    if (!h) return;
    const { store, db } = h;
    const s = uniqueStream('guard');
    await store.append(s, evs(1));
    const older = new pg.Client({ connectionString: h.url });
    await older.connect();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await store.append(s, evs(1)); // younger xid writes the stream first
      const q = { query: (sql: string, p?: unknown[]) => older.query(sql, p).then((r) => ({ rows: r.rows, rowCount: r.rowCount ?? 0 })) };
      await expect(rawAppend(q, s, evs(1))).rejects.toMatchObject({ code: '40001' });
      await older.query('ROLLBACK');
    } finally {
      await older.end();
    }
    const read = await store.readStream(s);
    expect(read.map((e) => e.revision)).toEqual([0n, 1n]);
    const all = await store.readAll({ filter: { streamPrefixes: [s] } });
    expect(all.map((e) => e.revision)).toEqual([0n, 1n]);
    expect((await db.query('SELECT 1')).rows).toHaveLength(1);
  });
});
