// Wake-ups: a local commit wakes only the subscriptions it has events for (the others read nothing
// until they poll), and a replica's own NOTIFY does not wake it a second time, while other
// replicas are still woken by it. Reads are counted at the database.
import { openDatabase, type Database } from '@mercato/db';
import { EventStore, type SubscriptionMessage } from '../../src/store';
import { BACKENDS, ev, openHarness, pull, uniqueStream, type Harness } from './harness';

/** The database, counting `$all` reads (they all take the snapshot's xmin) and stream-subscription reads. */
function counted(db: Database): { db: Database; reads: { all: number; stream: number } } {
  const reads = { all: 0, stream: 0 };
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'query') {
        return (sql: string, params?: unknown[]) => {
          if (sql.includes('pg_current_snapshot')) reads.all++;
          if (sql.includes('e.revision >= s.truncate_before')) reads.stream++;
          return target.query(sql, params);
        };
      }
      const v = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: proxy, reads };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)('subscription wake-ups on %s', (backend) => {
  let h: Harness | undefined;
  let store: EventStore;
  let reads: { all: number; stream: number };
  beforeAll(async () => {
    h = await openHarness(backend);
    if (!h) return;
    const c = counted(h.db);
    reads = c.reads;
    // Polls an hour apart: every read in these tests comes from a wake-up.
    store = new EventStore(c.db, { pollIntervalMs: 3_600_000 });
  });
  afterAll(async () => {
    await store?.close();
    await h?.close();
  });
  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (h) await fn();
    });

  run('commits a filtered $all subscription cannot deliver do not make it read', async () => {
    const ac = new AbortController();
    const want = uniqueStream('want');
    const it = store.subscribe({ to: { kind: 'all', from: 'end' }, filter: { streamPrefixes: [want.slice(0, -4)], eventTypes: ['Wanted'] }, signal: ac.signal })[Symbol.asyncIterator]();
    await pull(it, (g) => g.some((m) => m.kind === 'caught_up'));
    const before = reads.all;
    // Other streams, and the wanted stream with another type: nothing for this subscription.
    for (let i = 0; i < 10; i++) await store.append(uniqueStream('other'), [ev('Wanted')]);
    await store.append(want, [ev('Unwanted')]);
    await settle(200);
    expect(reads.all - before).toBe(0);
    // A matching commit wakes it at once.
    const appended = await store.append(want, [ev('Wanted', { n: 1 })]);
    const got = await pull(it, (g) => g.some((m) => m.kind === 'event'));
    const delivered = got.filter((m): m is Extract<SubscriptionMessage, { kind: 'event' }> => m.kind === 'event').map((m) => m.event);
    expect(delivered.map((e) => [e.stream, e.type, e.position])).toEqual([[want, 'Wanted', appended.position]]);
    expect(reads.all - before).toBeGreaterThanOrEqual(1);
    ac.abort();
  });

  run('commits to other streams do not make a stream subscription read', async () => {
    const ac = new AbortController();
    const stream = uniqueStream('mine');
    await store.append(stream, [ev()]);
    const it = store.subscribe({ to: { kind: 'stream', stream, fromRevision: 'start' }, signal: ac.signal })[Symbol.asyncIterator]();
    await pull(it, (g) => g.some((m) => m.kind === 'caught_up'));
    const before = reads.stream;
    for (let i = 0; i < 10; i++) await store.append(uniqueStream('theirs'), [ev()]);
    await settle(200);
    expect(reads.stream - before).toBe(0);
    await store.append(stream, [ev('Happened', { n: 2 })]);
    const got = await pull(it, (g) => g.some((m) => m.kind === 'event' && m.event.revision === 1n));
    expect(got.filter((m) => m.kind === 'event')).toHaveLength(1);
    ac.abort();
  });

  if (backend === 'postgres') {
    run("a replica's own NOTIFY does not wake it again; another replica is woken by it", async () => {
      const c = counted(await openDatabase({ url: h!.url!, poolSize: 4, onError: () => undefined }));
      const replica = new EventStore(c.db, { pollIntervalMs: 3_600_000 });
      const ac = new AbortController();
      try {
        const want = uniqueStream('notified');
        const prefix = want.slice(0, -4);
        // This replica follows other streams only: its own commits below are nothing to it.
        const mine = store.subscribe({ to: { kind: 'all', from: 'end' }, filter: { streamPrefixes: ['nobody-'] }, signal: ac.signal })[Symbol.asyncIterator]();
        const theirs = replica.subscribe({ to: { kind: 'all', from: 'end' }, filter: { streamPrefixes: [prefix] }, signal: ac.signal })[Symbol.asyncIterator]();
        await pull(mine, (g) => g.some((m) => m.kind === 'caught_up'));
        await pull(theirs, (g) => g.some((m) => m.kind === 'caught_up'));
        const before = reads.all;
        await store.append(want, [ev('Happened', { n: 1 })]);
        // Only the NOTIFY can wake the other replica (it polls hourly).
        const got = await pull(theirs, (g) => g.some((m) => m.kind === 'event'), 10_000);
        expect(got.filter((m) => m.kind === 'event').map((m) => (m as Extract<SubscriptionMessage, { kind: 'event' }>).event.stream)).toEqual([want]);
        await settle(300);
        expect(reads.all - before).toBe(0);
      } finally {
        ac.abort();
        await replica.close();
        await c.db.close();
      }
    });
  }
});
