// The event store over real gRPC, started in-process on free ports, on PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { status, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { checkHealth, startService, type RunningService } from '@mercato/kit';
import { createTestDatabase, postgresForTests, type Database, type TestDatabase } from '@mercato/db';
import type { SubscribeResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeResponse';
import type { Position__Output } from '@mercato/protos/gen/mercato/eventstore/v1/Position';
import { EVENTSTORE_SERVICE, EventStoreClient, eventStoreConfig, setupEventStore, streamDeleted, wrongExpectedRevision, type EventStoreConfig } from '../src';

const BASE_ENV = {
  GRPC_HOST: '127.0.0.1',
  METRICS_HOST: '127.0.0.1',
  GRPC_PORT: '0',
  METRICS_PORT: '0',
  LOG_LEVEL: 'silent',
  SHUTDOWN_GRACE_MS: '300',
  EVENTSTORE_MAX_APPEND_EVENTS: '50',
};

interface Started {
  service: RunningService<EventStoreConfig>;
  client: EventStoreClient;
  address: string;
  db: Database;
  stop(): Promise<void>;
}

async function start(env: Record<string, string>): Promise<Started> {
  let db: Database | undefined;
  const service = await startService('eventstore', (kit) => setupEventStore(kit, { onOpen: (d) => (db = d) }), {
    config: eventStoreConfig,
    env: { ...BASE_ENV, ...env },
  });
  const address = `127.0.0.1:${service.grpcPort}`;
  const client = EventStoreClient.connect(address);
  return {
    service,
    client,
    address,
    db: db!,
    stop: async () => {
      client.close();
      await service.shutdown();
    },
  };
}

const uuid = () => randomUUID();
const ev = (type = 'mercato.test.v1.Happened', data = 'x') => ({ id: uuid(), type, data: Buffer.from(data), metadata: { 'correlation-id': 'c1' } });

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (err) {
    return err as ServiceError;
  }
  throw new Error('expected the call to fail');
}

/** Reads a subscription message by message, with a timeout per wait. */
function reader(call: ClientReadableStream<SubscribeResponse__Output>) {
  const queue: SubscribeResponse__Output[] = [];
  let ended: Error | 'end' | undefined;
  let wake: (() => void) | undefined;
  call.on('data', (m: SubscribeResponse__Output) => {
    queue.push(m);
    wake?.();
  });
  call.on('error', (e: Error) => {
    ended = e;
    wake?.();
  });
  call.on('end', () => {
    ended ??= 'end';
    wake?.();
  });
  const next = async (timeoutMs = 5_000): Promise<SubscribeResponse__Output | undefined> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (ended) return undefined;
      if (Date.now() > deadline) throw new Error('no subscription message in time');
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 50);
      });
    }
    return queue.shift();
  };
  /** Messages until `until` holds for one (included). */
  const until = async (pred: (m: SubscribeResponse__Output) => boolean, timeoutMs = 5_000): Promise<SubscribeResponse__Output[]> => {
    const out: SubscribeResponse__Output[] = [];
    for (;;) {
      const m = await next(timeoutMs);
      if (!m) throw new Error(`subscription ended: ${String(ended)}`);
      out.push(m);
      if (pred(m)) return out;
    }
  };
  return { next, until, ended: () => ended };
}

const events = (ms: SubscribeResponse__Output[]) => ms.filter((m) => m.content === 'event').map((m) => m.event!);

interface Backend {
  name: string;
  available(): Promise<boolean>;
  /** Env for a fresh database, and how to drop it afterwards. */
  fresh(): Promise<{ env: Record<string, string>; drop(): Promise<void>; db?: TestDatabase }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    available: async () => true,
    fresh: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'es-api-'));
      return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    available: postgresForTests,
    fresh: async () => {
      const db = await createTestDatabase('mercato_es_api');
      return { env: { DATABASE_URL: db.url }, drop: () => db.drop(), db };
    },
  },
];

describe.each(BACKENDS)('eventstore over gRPC on $name', (backend) => {
  let available = false;
  let s: Started;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    available = await backend.available();
    if (!available) return;
    const fresh = await backend.fresh();
    drop = fresh.drop;
    s = await start(fresh.env);
  });
  afterAll(async () => {
    if (!available) return;
    await s.stop();
    await drop();
  });
  const maybe = (name: string, fn: () => Promise<void>, timeout?: number) =>
    it(name, async () => {
      if (!available) return console.warn(`skipped on ${backend.name}: not available`);
      await fn();
    }, timeout);

  maybe('appends and reads back a stream and $all, bytes and metadata intact', async () => {
    const stream = `order-${uuid()}`;
    const batch = [ev('mercato.orders.v1.OrderPlaced', 'one'), { ...ev('mercato.orders.v1.OrderPaid', 'two'), contentType: 'application/json' }];
    const res = await s.client.append({ stream, expectedRevision: { noStream: {} }, events: batch });
    expect(res.nextExpectedRevision).toBe('1');
    const fwd = await s.client.readStream({ stream });
    expect(fwd.events.map((e) => [e.id, e.type, e.data.toString(), e.revision, e.contentType])).toEqual([
      [batch[0]!.id, 'mercato.orders.v1.OrderPlaced', 'one', '0', 'application/x-protobuf'],
      [batch[1]!.id, 'mercato.orders.v1.OrderPaid', 'two', '1', 'application/json'],
    ]);
    expect(fwd.events[0]!.metadata).toEqual({ 'correlation-id': 'c1' });
    expect(fwd).toMatchObject({ endOfStream: true, lastRevision: '1' });
    expect(fwd.events[1]!.position).toEqual(res.position);
    const back = await s.client.readStream({ stream, direction: 'READ_DIRECTION_BACKWARDS', maxCount: 1 });
    expect(back.events.map((e) => e.revision)).toEqual(['1']);
    expect(back).toMatchObject({ endOfStream: false, lastRevision: '1' });
    const from1 = await s.client.readStream({ stream, revision: 1 });
    expect(from1.events.map((e) => e.revision)).toEqual(['1']);
    // $all from the first event's position is inclusive; next_position continues without overlap.
    const first = await s.client.readAll({ position: fwd.events[0]!.position!, maxCount: 1, filter: { streamPrefixes: [stream] } });
    expect(first.events.map((e) => e.id)).toEqual([batch[0]!.id]);
    const rest = await s.client.readAll({ position: first.nextPosition!, filter: { streamPrefixes: [stream] } });
    expect(rest.events.map((e) => e.id)).toEqual([batch[1]!.id]);
    expect(rest.endOfAll).toBe(true);
    const backAll = await s.client.readAll({ direction: 'READ_DIRECTION_BACKWARDS', maxCount: 2, filter: { streamPrefixes: [stream] } });
    expect(backAll.events.map((e) => e.id)).toEqual([batch[1]!.id, batch[0]!.id]);
    await expect(s.client.readStream({ stream: `order-${uuid()}` })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  maybe('answers every expected-revision mismatch with decodable details', async () => {
    const stream = `acct-${uuid()}`;
    const missing = await failure(s.client.append({ stream, expectedRevision: { streamExists: {} }, events: [ev()] }));
    expect(missing.code).toBe(status.FAILED_PRECONDITION);
    expect(wrongExpectedRevision(missing)).toMatchObject({ stream, current: 'currentNoStream', expected: { kind: 'streamExists' } });
    const missingExact = await failure(s.client.append({ stream, expectedRevision: { exact: 0 }, events: [ev()] }));
    expect(wrongExpectedRevision(missingExact)).toMatchObject({ current: 'currentNoStream', expected: { kind: 'exact', exact: '0' } });
    await s.client.append({ stream, events: [ev(), ev()] });
    const exists = await failure(s.client.append({ stream, expectedRevision: { noStream: {} }, events: [ev()] }));
    expect(exists.code).toBe(status.FAILED_PRECONDITION);
    expect(wrongExpectedRevision(exists)).toMatchObject({ stream, current: 'currentRevision', currentRevision: '1', expected: { kind: 'noStream' } });
    const wrong = await failure(s.client.append({ stream, expectedRevision: { exact: 5 }, events: [ev()] }));
    expect(wrong.details).toMatch(/expected revision 5, current revision is 1/);
    expect(wrongExpectedRevision(wrong)).toMatchObject({ currentRevision: '1', expected: { exact: '5' } });
    const del = await failure(s.client.deleteStream({ stream, expectedRevision: { exact: 0 } }));
    expect(wrongExpectedRevision(del)).toMatchObject({ currentRevision: '1', expected: { exact: '0' } });
    await expect(s.client.append({ stream, expectedRevision: { streamExists: {} }, events: [ev()] })).resolves.toMatchObject({ nextExpectedRevision: '2' });
    await expect(s.client.append({ stream, expectedRevision: { exact: 2 }, events: [ev()] })).resolves.toMatchObject({ nextExpectedRevision: '3' });
  });

  maybe('re-appending the same batch is idempotent; a partial overlap is a conflict', async () => {
    const stream = `cart-${uuid()}`;
    const batch = [ev(), ev()];
    const a = await s.client.append({ stream, expectedRevision: { noStream: {} }, events: batch });
    const b = await s.client.append({ stream, expectedRevision: { noStream: {} }, events: batch });
    expect(b).toEqual(a);
    expect((await s.client.readStream({ stream })).events).toHaveLength(2);
    const partial = await failure(s.client.append({ stream, expectedRevision: { noStream: {} }, events: [batch[0]!, ev()] }));
    expect(partial.code).toBe(status.FAILED_PRECONDITION);
  });

  maybe('soft delete reads NOT_FOUND and a later append continues; tombstone refuses writes', async () => {
    const stream = `ship-${uuid()}`;
    await s.client.append({ stream, events: [ev(), ev()] });
    await s.client.deleteStream({ stream, expectedRevision: { exact: 1 } });
    await expect(s.client.readStream({ stream })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(s.client.append({ stream, expectedRevision: { noStream: {} }, events: [ev()] })).resolves.toMatchObject({ nextExpectedRevision: '2' });
    await s.client.tombstoneStream({ stream });
    const write = await failure(s.client.append({ stream, events: [ev()] }));
    expect(write.code).toBe(status.FAILED_PRECONDITION);
    expect(write.details).toMatch(/tombstoned/);
    expect(streamDeleted(write)).toEqual({ stream, tombstoned: true });
    const read = await failure(s.client.readStream({ stream }));
    expect(read.code).toBe(status.NOT_FOUND);
    expect(streamDeleted(read)).toEqual({ stream, tombstoned: true });
  });

  maybe('stream metadata: max count applies at read', async () => {
    const stream = `meta-${uuid()}`;
    await expect(s.client.getStreamMetadata(stream)).resolves.toMatchObject({ metadata: {} });
    await s.client.append({ stream, events: [ev(), ev(), ev()] });
    await s.client.setStreamMetadata({ stream, metadata: { maxCount: 2 } });
    expect((await s.client.getStreamMetadata(stream)).metadata).toMatchObject({ maxCount: '2' });
    expect((await s.client.readStream({ stream })).events.map((e) => e.revision)).toEqual(['1', '2']);
  });

  maybe('rejects bad input with INVALID_ARGUMENT naming the field', async () => {
    const bad = async (p: Promise<unknown>, field: string) => {
      const err = await failure(p);
      expect(err.code).toBe(status.INVALID_ARGUMENT);
      expect(err.details.startsWith(`${field}:`)).toBe(true);
    };
    await bad(s.client.append({ stream: '', events: [ev()] }), 'stream');
    await bad(s.client.append({ stream: '$system', events: [ev()] }), 'stream');
    await bad(s.client.append({ stream: 'x'.repeat(201), events: [ev()] }), 'stream');
    await bad(s.client.append({ stream: 'a-1', events: [] }), 'events');
    await bad(s.client.append({ stream: 'a-1', events: Array.from({ length: 51 }, () => ev()) }), 'events');
    await bad(s.client.append({ stream: 'a-1', events: [{ ...ev(), id: 'not-a-uuid' }] }), 'events[0].id');
    await bad(s.client.append({ stream: 'a-1', events: [{ ...ev(), type: '' }] }), 'events[0].type');
    await bad(s.client.append({ stream: 'a-1', events: [{ ...ev(), contentType: 'text/plain' }] }), 'events[0].content_type');
    await bad(s.client.append({ stream: 'a-1', events: [{ ...ev(), data: Buffer.alloc(1024 * 1024 + 1) }] }), 'events[0]');
    await bad(s.client.append({ stream: 'a-1', expectedRevision: { exact: '9223372036854775807' }, events: [ev()] }), 'expected_revision.exact');
    await bad(s.client.readStream({ stream: 'a-1', maxCount: 10_001 }), 'max_count');
    await bad(s.client.readAll({ position: { commit: 1, prepare: '18446744073709551615' } }), 'position.prepare');
    await bad(s.client.readAll({ filter: { eventTypes: [''] } }), 'filter.event_types[0]');
    await bad(s.client.getStreamMetadata(''), 'stream');
    const sub = reader(s.client.subscribe({ stream: { stream: '' } }));
    await expect(sub.next()).resolves.toBeUndefined();
    expect(sub.ended()).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^stream\.stream:/) });
  });

  maybe('subscribes: catch-up, caught_up, live, filters, heartbeats, cancel', async () => {
    const prefix = `sub${uuid().slice(0, 8)}-`;
    for (let i = 0; i < 3; i++) await s.client.append({ stream: `${prefix}${i}`, events: [ev('A'), ev('B')] });
    await s.client.append({ stream: `other-${uuid()}`, events: [ev('A')] });
    const call = s.client.subscribe({ all: { filter: { streamPrefixes: [prefix], eventTypes: ['A'] } }, checkpointIntervalMs: 100 });
    const r = reader(call);
    expect((await r.next())!.content).toBe('confirmation');
    const caught = await r.until((m) => m.content === 'caughtUp');
    expect(events(caught).map((e) => [e.stream, e.type])).toEqual([0, 1, 2].map((i) => [`${prefix}${i}`, 'A']));
    await s.client.append({ stream: `${prefix}0`, events: [ev('B'), ev('A', 'live')] });
    const live = events(await r.until((m) => m.content === 'event'));
    expect(live.map((e) => [e.type, e.data.toString(), e.revision])).toEqual([['A', 'live', '3']]);
    // Idle: heartbeats carry a position no earlier than the last event.
    const beat = (await r.until((m) => m.content === 'checkpoint', 2_000)).pop()!;
    expect(BigInt(beat.checkpoint!.position!.commit) >= BigInt(live[0]!.position!.commit)).toBe(true);
    call.cancel();
    await r.until(() => false).catch(() => undefined);
    expect(r.ended()).toMatchObject({ code: status.CANCELLED });

    // One stream, after a revision, only some types.
    const s2 = reader(s.client.subscribe({ stream: { stream: `${prefix}1`, afterRevision: 0, eventTypes: ['B'] } }));
    const msgs = await s2.until((m) => m.content === 'caughtUp');
    expect(events(msgs).map((e) => [e.type, e.revision])).toEqual([['B', '1']]);
    expect(msgs.pop()!.caughtUp!.streamRevision).toBe('1');
  });

  maybe('batches ready events into one message when asked, in order, within the size asked', async () => {
    const prefix = `batch${uuid().slice(0, 8)}-`;
    for (let i = 0; i < 5; i++) await s.client.append({ stream: `${prefix}${i}`, events: Array.from({ length: 50 }, (_, j) => ev('A', `${i}/${j}`)) });
    const r = reader(s.client.subscribe({ all: { filter: { streamPrefixes: [prefix] } }, maxBatchSize: 40 }));
    const msgs = await r.until((m) => m.content === 'caughtUp');
    const batches = msgs.filter((m) => m.content === 'events').map((m) => m.events!.events.length);
    expect(Math.max(...batches)).toBeLessThanOrEqual(40);
    expect(batches.filter((n) => n > 1).length).toBeGreaterThan(0);
    const got = msgs.flatMap((m) => (m.content === 'events' ? m.events!.events : m.content === 'event' ? [m.event!] : [])).map((e) => e.data.toString());
    expect(got).toEqual([0, 1, 2, 3, 4].flatMap((i) => Array.from({ length: 50 }, (_, j) => `${i}/${j}`)));
    // Live events still arrive after the catch-up.
    await s.client.append({ stream: `${prefix}0`, events: [ev('A', 'live')] });
    const live = await r.until((m) => m.content === 'event' || m.content === 'events');
    expect(live.flatMap((m) => (m.content === 'events' ? m.events!.events : m.event ? [m.event] : [])).map((e) => e.data.toString())).toContain('live');
    const refused = reader(s.client.subscribe({ all: {}, maxBatchSize: 5_000 }));
    await expect(refused.next()).resolves.toBeUndefined();
    expect(refused.ended()).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^max_batch_size:/) });
  });

  maybe('reports SERVING health while the database answers', async () => {
    await expect(checkHealth(s.address, EVENTSTORE_SERVICE)).resolves.toBe('SERVING');
  });

  maybe('health turns NOT_SERVING and calls answer UNAVAILABLE when the database is gone', async () => {
    const fresh = await backend.fresh();
    const t = await start(fresh.env);
    try {
      await expect(checkHealth(t.address)).resolves.toBe('SERVING');
      if (backend.name === 'pglite') await t.db.close();
      else await fresh.drop(); // WITH (FORCE): terminates the service's connections, then drops
      const deadline = Date.now() + 8_000;
      while ((await checkHealth(t.address)) !== 'NOT_SERVING' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await expect(checkHealth(t.address, EVENTSTORE_SERVICE)).resolves.toBe('NOT_SERVING');
      await expect(t.client.readStream({ stream: 'gone-1' })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    } finally {
      await t.stop();
      await fresh.drop().catch(() => undefined);
    }
  }, 20_000);

  maybe('restart mid-subscription: resuming from the last checkpoint loses and repeats nothing', async () => {
    const fresh = await backend.fresh();
    let a: Started | undefined = await start(fresh.env);
    let b: Started | undefined;
    try {
      const written: string[] = [];
      const write = async (client: EventStoreClient, n: number) => {
        for (let i = 0; i < n; i++) {
          const e = ev('T', String(written.length));
          await client.append({ stream: `rs-${i % 3}`, events: [e] });
          written.push(e.id);
        }
      };
      await write(a.client, 20);
      const r1 = reader(a.client.subscribe({ all: { filter: { streamPrefixes: ['rs-'] } } }));
      const seen: string[] = [];
      let last: Position__Output | undefined;
      const take = (ms: SubscribeResponse__Output[]) => {
        for (const m of ms) {
          if (m.content === 'event') {
            seen.push(m.event!.id);
            last = m.event!.position!;
          } else if (m.content === 'checkpoint') last = m.checkpoint!.position!;
        }
      };
      take(await r1.until((m) => m.content === 'caughtUp'));
      const live = write(a.client, 10);
      take(await r1.until((m) => m.content === 'event'));
      await live;
      await a.stop(); // mid-subscription: the stream ends with an error, some live events unread
      a = undefined;
      for (let m = await r1.next(1_000).catch(() => undefined); m; m = await r1.next(1_000).catch(() => undefined)) take([m]);
      expect(r1.ended()).toBeDefined();

      b = await start(fresh.env);
      await write(b.client, 10);
      const r2 = reader(b.client.subscribe({ all: { afterPosition: last!, filter: { streamPrefixes: ['rs-'] } } }));
      const deadline = Date.now() + 10_000;
      while (seen.length < written.length && Date.now() < deadline) take([(await r2.next())!]);
      expect(seen).toEqual(written);
      expect(new Set(seen).size).toBe(written.length);
    } finally {
      await a?.stop();
      await b?.stop();
      await fresh.drop();
    }
  }, 30_000);
});
