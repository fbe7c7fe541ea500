// The toolkit over real gRPC: the eventstore service started in-process (PGlite), EventStoreClient.
import { openDatabase, type Database } from '@mercato/db';
import { startService, type RunningService } from '@mercato/kit';
import { EventStoreClient, eventStoreConfig, setupEventStore, type EventStoreConfig } from '../../../services/eventstore/src';
import {
  clientStore,
  comparePositions,
  ConcurrencyConflictError,
  decodeEvent,
  encodeEvent,
  fold,
  handleCommand,
  loadProjectionCheckpoint,
  runProjection,
  START,
  type Position,
} from '../src';
import { addItem, cart, type CartEvent } from './cart-decider';
import { waitUntil } from './support';

describe('the toolkit over gRPC', () => {
  let service: RunningService<EventStoreConfig>;
  let client: EventStoreClient;
  let readDb: Database;

  beforeAll(async () => {
    service = await startService('eventstore', setupEventStore, {
      env: { GRPC_HOST: '127.0.0.1', METRICS_HOST: '127.0.0.1', GRPC_PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '300' },
      config: eventStoreConfig,
    });
    client = EventStoreClient.connect(`127.0.0.1:${service.grpcPort}`);
    readDb = await openDatabase();
  });
  afterAll(async () => {
    client?.close();
    await service?.shutdown();
    await readDb?.close();
  });

  it('handles concurrent commands on one stream, decoding conflicts from FAILED_PRECONDITION', async () => {
    const store = clientStore(client);
    const [event] = cart.decide(addItem('p0'), cart.initialState());
    await expect(store.append('cart-g0', [encodeEvent(event!, crypto.randomUUID())], { kind: 'exact', revision: 3n })).rejects.toThrow(ConcurrencyConflictError);

    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => handleCommand(store, cart, 'cart-g1', addItem(`p${i % 2}`), { maxAttempts: 20 })));
    expect(results.map((r) => r.nextExpectedRevision).sort()).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    const stored = await store.readStream('cart-g1');
    expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    expect(fold(cart, stored.map((e) => decodeEvent<CartEvent>(e)))).toEqual({ lines: { p0: 3, p1: 3 } });
    expect(await store.readStream('cart-never-written')).toEqual([]);
  });

  it('writes a retried command once', async () => {
    const store = clientStore(client);
    await handleCommand(store, cart, 'cart-g2', addItem('p1'), { commandId: 'grpc-cmd-1' });
    const again = await handleCommand(store, cart, 'cart-g2', addItem('p1'), { commandId: 'grpc-cmd-1' });
    expect(again.replayed).toBe(true);
    expect(await store.readStream('cart-g2')).toHaveLength(1);
  });

  it('runs a projection from the gRPC subscription, checkpointed in its own database', async () => {
    const store = clientStore(client, { checkpointIntervalMs: 100 });
    await readDb.query(`CREATE TABLE seen (event_id text PRIMARY KEY, stream text NOT NULL)`);
    let last: Position = START;
    for (let i = 0; i < 5; i++) last = (await handleCommand(store, cart, 'cart-g3', addItem('p2')))!.position!;
    const stop = new AbortController();
    const running = runProjection({
      db: readDb,
      source: store,
      name: 'seen',
      filter: { streamPrefixes: ['cart-g3'] },
      signal: stop.signal,
      handle: async (tx, e) => {
        await tx.query(`INSERT INTO seen VALUES ($1, $2)`, [e.id, e.stream]);
      },
    });
    await waitUntil('the projection over gRPC', async () => comparePositions((await loadProjectionCheckpoint(readDb, 'seen')) ?? START, last) >= 0);
    stop.abort();
    await running;
    const { rows } = await readDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM seen WHERE stream = 'cart-g3'`);
    expect(rows[0]!.n).toBe(5);
  });
});
