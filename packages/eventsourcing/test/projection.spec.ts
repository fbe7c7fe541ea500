import type { Queryable } from '@mercato/db';
import {
  comparePositions,
  decodeEvent,
  engineStore,
  fold,
  handleCommand,
  loadProjectionCheckpoint,
  rebuildProjection,
  runProjection,
  START,
  type EventSource,
  type EventStorePort,
  type Position,
  type Progress,
  type StoredEvent,
} from '../src';
import { ADDED, addItem, cart, removeItem, type CartEvent } from './cart-decider';
import { BACKENDS, openStores, waitUntil, type Stores } from './support';

const NAME = 'cart_lines';

/** The read model: cart lines, plus a log of every application to catch duplicates. */
async function createReadModel(db: Queryable): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS cart_lines (cart text, product text, quantity int NOT NULL, PRIMARY KEY (cart, product))`);
  await db.query(`CREATE TABLE IF NOT EXISTS applied (event_id text NOT NULL)`);
}

async function project(tx: Queryable, stored: StoredEvent): Promise<void> {
  const event = decodeEvent<CartEvent>(stored);
  await tx.query(`INSERT INTO applied VALUES ($1)`, [stored.id]);
  if (event.type === ADDED)
    await tx.query(
      `INSERT INTO cart_lines VALUES ($1, $2, $3) ON CONFLICT (cart, product) DO UPDATE SET quantity = cart_lines.quantity + EXCLUDED.quantity`,
      [stored.stream, event.data.productId, event.data.quantity],
    );
  else await tx.query(`DELETE FROM cart_lines WHERE cart = $1 AND product = $2`, [stored.stream, event.data.productId]);
}

const reset = async (tx: Queryable): Promise<void> => {
  await tx.query(`DELETE FROM cart_lines`);
  await tx.query(`DELETE FROM applied`);
};

async function readModel(db: Queryable): Promise<Record<string, Record<string, number>>> {
  const { rows } = await db.query<{ cart: string; product: string; quantity: number }>(`SELECT cart, product, quantity FROM cart_lines ORDER BY cart, product`);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.cart] ??= {})[r.product] = r.quantity;
  return out;
}

/** The expected read model: each stream's events folded by the decider. */
async function foldOfLog(store: EventStorePort, streams: string[]): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of streams) {
    const { lines } = fold(cart, (await store.readStream(s)).map((e) => decodeEvent<CartEvent>(e)));
    if (Object.keys(lines).length) out[s] = lines;
  }
  return out;
}

describe.each(BACKENDS)('projection runner on %s', (backend) => {
  let stores: Stores | undefined;
  let store: EventStorePort & EventSource;
  const streams = ['cart-a', 'cart-b', 'cart-c'];
  let total = 0;
  let last: Position = START;

  beforeAll(async () => {
    stores = await openStores(backend);
    if (!stores) return;
    store = engineStore(stores.engine);
    await createReadModel(stores.readDb);
    // 3 carts × 8 commands, interleaved: adds and some removes.
    for (let i = 0; i < 8; i++)
      for (const s of streams) {
        const command = i % 4 === 3 ? removeItem(`p${(i - 1) % 3}`) : addItem(`p${i % 3}`, i + 1);
        const r = await handleCommand(store, cart, s, command);
        total += r.events.length;
        if (r.position && comparePositions(r.position, last) > 0) last = r.position;
      }
  });
  afterAll(async () => stores?.close());

  const appliedIds = async (): Promise<string[]> => (await stores!.readDb.query<{ event_id: string }>(`SELECT event_id FROM applied`)).rows.map((r) => r.event_id);

  it('applies every event exactly once across a crash mid-run, and resumes from its checkpoint', async () => {
    if (!stores) return;
    const db = stores.readDb;
    // First run, a transaction per event: the handler fails on its 10th event; that event's transaction rolls back.
    let handled = 0;
    const crash = new AbortController();
    await expect(
      runProjection({
        db,
        source: store,
        name: NAME,
        signal: crash.signal,
        maxBatch: 1,
        handle: async (tx, e) => {
          await project(tx, e);
          if (++handled === 10) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await appliedIds()).toHaveLength(9);
    const afterCrash = await loadProjectionCheckpoint(db, NAME);
    expect(afterCrash).toBeDefined();

    // Restart (in batches, the default): resumes after the 9th event.
    const stop = new AbortController();
    const progress: Progress[] = [];
    const running = runProjection({ db, source: store, name: NAME, signal: stop.signal, handle: project, onProgress: (p) => progress.push(p) });
    await waitUntil('the projection to catch up', async () => comparePositions((await loadProjectionCheckpoint(db, NAME)) ?? START, last) >= 0);
    stop.abort();
    await running;

    const ids = await appliedIds();
    const all = (await stores.engine.readAll({ maxCount: 1000 })).map((e) => e.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(new Set(ids)).toEqual(new Set(all));
    expect(await readModel(db)).toEqual(await foldOfLog(store, streams));
    expect(progress).toHaveLength(total - 9);
    expect(progress.at(-1)).toMatchObject({ name: NAME, position: last });
    expect(progress.every((p) => p.lagMs >= 0)).toBe(true);
  });

  it('picks up new events live, then rebuilds from zero to the same read model', async () => {
    if (!stores) return;
    const db = stores.readDb;
    const stop = new AbortController();
    const running = runProjection({ db, source: store, name: NAME, signal: stop.signal, handle: project });
    const r = await handleCommand(store, cart, 'cart-d', addItem('p7', 7));
    total += 1;
    streams.push('cart-d');
    await waitUntil('the live event', async () => comparePositions((await loadProjectionCheckpoint(db, NAME)) ?? START, r.position!) >= 0);
    stop.abort();
    await running;
    const before = await readModel(db);
    expect(before['cart-d']).toEqual({ p7: 7 });
    expect(before).toEqual(await foldOfLog(store, streams));

    const again = new AbortController();
    let reached: Position = START;
    const rebuilding = rebuildProjection({ db, source: store, name: NAME, signal: again.signal, handle: project, reset, onProgress: (p) => (reached = p.position) });
    await waitUntil('the rebuild', () => comparePositions(reached, r.position!) >= 0);
    again.abort();
    await rebuilding;
    expect(await readModel(db)).toEqual(before);
    expect(await appliedIds()).toHaveLength(total);
  });

  it('advances its checkpoint on heartbeats when a filter drops everything', async () => {
    if (!stores) return;
    const db = stores.readDb;
    const stop = new AbortController();
    let handled = 0;
    const running = runProjection({
      db,
      source: store,
      name: 'nothing_matches',
      filter: { eventTypes: ['mercato.cart.v1.CartCleared'] },
      signal: stop.signal,
      handle: async () => {
        handled++;
      },
    });
    await waitUntil('a heartbeat checkpoint', async () => comparePositions((await loadProjectionCheckpoint(db, 'nothing_matches')) ?? START, START) > 0);
    stop.abort();
    await running;
    expect(handled).toBe(0);
  });

  it('applies the events the source already holds in one transaction, and a failure rolls back the whole batch', async () => {
    if (!stores) return;
    const db = stores.readDb;
    const name = 'batched';
    await db.query(`CREATE TABLE IF NOT EXISTS batch_applied (event_id text PRIMARY KEY, tx text NOT NULL)`);
    const record = async (tx: Queryable, e: StoredEvent): Promise<void> => {
      await tx.query(`INSERT INTO batch_applied VALUES ($1, txid_current()::text)`, [e.id]);
    };
    const applied = async () => (await db.query<{ event_id: string; tx: string }>(`SELECT event_id, tx FROM batch_applied`)).rows;

    // Catching up, the first events arrive together: the 5th fails, and none of the batch stays.
    let handled = 0;
    await expect(
      runProjection({
        db,
        source: store,
        name,
        signal: new AbortController().signal,
        maxBatch: 10,
        handle: async (tx, e) => {
          await record(tx, e);
          if (++handled === 5) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await applied()).toHaveLength(0);
    expect(await loadProjectionCheckpoint(db, name)).toEqual(START);

    const stop = new AbortController();
    const progress: Progress[] = [];
    const running = runProjection({ db, source: store, name, signal: stop.signal, maxBatch: 10, handle: record, onProgress: (p) => progress.push(p) });
    await waitUntil('the batched projection to catch up', async () => comparePositions((await loadProjectionCheckpoint(db, name)) ?? START, last) >= 0);
    stop.abort();
    await running;

    const rows = await applied();
    const all = (await stores.engine.readAll({ maxCount: 1000 })).map((e) => e.id);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(all));
    const perTx = new Map<string, number>();
    for (const r of rows) perTx.set(r.tx, (perTx.get(r.tx) ?? 0) + 1);
    expect(Math.max(...perTx.values())).toBeLessThanOrEqual(10);
    expect(perTx.size).toBeLessThan(rows.length);
    // Progress is still reported once per event, in order.
    const events = progress.filter((p) => p.event);
    expect(events.map((p) => p.event!.id)).toEqual(all);
    expect(events.every((p, i) => i === 0 || comparePositions(events[i - 1]!.position, p.position) < 0)).toBe(true);
  });

  it('ends its subscription at once when a handler fails, though a pull is still waiting', async () => {
    if (!stores) return;
    const [first] = await stores.engine.readAll({ maxCount: 1 });
    let subscription: AbortSignal | undefined;
    // One event, then nothing until the subscription's signal says stop.
    const source: EventSource = {
      async *subscribe({ signal }) {
        subscription = signal;
        yield { kind: 'event', event: first! };
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      },
    };
    await expect(
      runProjection({
        db: stores.readDb,
        source,
        name: 'fails_at_once',
        signal: new AbortController().signal,
        handle: async () => {
          throw new Error('handler failed');
        },
      }),
    ).rejects.toThrow('handler failed');
    expect(subscription?.aborted).toBe(true);
  });
});
