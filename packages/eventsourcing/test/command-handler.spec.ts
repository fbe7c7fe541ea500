import { ConcurrencyConflictError, decodeEvent, encodeEvent, engineStore, eventIds, fold, handleCommand, NotFoundError, type EventStorePort } from '../src';
import { addItem, cart, removeItem, type CartEvent } from './cart-decider';
import { BACKENDS, openStores, type Stores } from './support';

describe.each(BACKENDS)('command handler on %s', (backend) => {
  let stores: Stores | undefined;
  let store: EventStorePort;
  beforeAll(async () => {
    stores = await openStores(backend);
    if (stores) store = engineStore(stores.engine);
  });
  afterAll(async () => stores?.close());

  it('loads, decides and appends, starting a new stream with no_stream', async () => {
    if (!stores) return;
    const first = await handleCommand(store, cart, 'cart-happy', addItem('p1', 2), { userId: 'u1', correlationId: 'req-1' });
    expect(first).toMatchObject({ nextExpectedRevision: 0n, state: { lines: { p1: 2 } }, replayed: false });
    const second = await handleCommand(store, cart, 'cart-happy', addItem('p2'));
    expect(second).toMatchObject({ nextExpectedRevision: 1n, state: { lines: { p1: 2, p2: 1 } } });
    const stored = await stores.engine.readStream('cart-happy');
    expect(stored.map((e) => decodeEvent<CartEvent>(e))).toEqual([...first.events, ...second.events]);
    expect(stored[0]!.metadata).toMatchObject({ 'user-id': 'u1', 'correlation-id': 'req-1' });
  });

  it('decides on a state the caller already holds, and re-reads only when it was stale', async () => {
    if (!stores) return;
    let reads = 0;
    const counting: EventStorePort = { readStream: (s) => (reads++, store.readStream(s)), append: (s, e, x) => store.append(s, e, x) };
    const first = await handleCommand(counting, cart, 'cart-known', addItem('p1'));
    expect(reads).toBe(1);
    const second = await handleCommand(counting, cart, 'cart-known', addItem('p2'), { known: { state: first.state, revision: first.nextExpectedRevision } });
    expect(reads).toBe(1);
    expect(second).toMatchObject({ nextExpectedRevision: 1n, state: { lines: { p1: 1, p2: 1 } } });
    // Stale (the first state again): the append conflicts, the handler reads and decides afresh.
    const third = await handleCommand(counting, cart, 'cart-known', addItem('p3'), { known: { state: first.state, revision: first.nextExpectedRevision } });
    expect(reads).toBe(2);
    expect(third).toMatchObject({ nextExpectedRevision: 2n, state: { lines: { p1: 1, p2: 1, p3: 1 } } });
    await expect(handleCommand(counting, cart, 'cart-known', addItem('p4'), { commandId: 'c', known: { state: third.state, revision: 2n } })).rejects.toThrow(/known/);
  });

  it('lets a domain error through without writing', async () => {
    if (!stores) return;
    await expect(handleCommand(store, cart, 'cart-refused', removeItem('p1'))).rejects.toThrow(NotFoundError);
    expect(await store.readStream('cart-refused')).toEqual([]);
  });

  it('retries optimistic-concurrency conflicts: concurrent handlers all succeed, revisions have no gaps', async () => {
    if (!stores) return;
    const stream = 'cart-contended';
    const n = 8;
    let conflicts = 0;
    // Counts the conflicts the handler saw (and retried), to prove the race really happened.
    const counting: EventStorePort = {
      readStream: (s) => store.readStream(s),
      append: (s, events, expected) =>
        store.append(s, events, expected).catch((err: unknown) => {
          if (err instanceof ConcurrencyConflictError) conflicts++;
          throw err;
        }),
    };
    const results = await Promise.all(Array.from({ length: n }, (_, i) => handleCommand(counting, cart, stream, addItem(`p${i % 3}`), { maxAttempts: 20 })));
    expect(conflicts).toBeGreaterThan(0);
    expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: n }, (_, i) => BigInt(i)));
    const stored = await store.readStream(stream);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: n }, (_, i) => BigInt(i)));
    const final = fold(cart, stored.map((e) => decodeEvent<CartEvent>(e)));
    expect(final).toEqual({ lines: { p0: 3, p1: 3, p2: 2 } });
    // The handler that wrote last saw the final state.
    expect(results.find((r) => r.nextExpectedRevision === BigInt(n - 1))!.state).toEqual(final);
  });

  it('gives up after maxAttempts conflicts with ConcurrencyConflictError', async () => {
    if (!stores) return;
    const alwaysConflicting: EventStorePort = {
      readStream: (s) => store.readStream(s),
      append: (s) => Promise.reject(new ConcurrencyConflictError(s, 'test')),
    };
    await expect(handleCommand(alwaysConflicting, cart, 'cart-hopeless', addItem('p1'), { maxAttempts: 3 })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('writes a retried command (same commandId) once', async () => {
    if (!stores) return;
    const stream = 'cart-idempotent';
    const first = await handleCommand(store, cart, stream, addItem('p1'), { commandId: 'cmd-1' });
    const again = await handleCommand(store, cart, stream, addItem('p1'), { commandId: 'cmd-1' });
    expect(again).toMatchObject({ replayed: true, nextExpectedRevision: 0n, events: first.events, state: { lines: { p1: 1 } } });
    const stored = await store.readStream(stream);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.metadata).toMatchObject({ 'causation-id': 'cmd-1', 'correlation-id': 'cmd-1' });
    // A different command is written.
    await handleCommand(store, cart, stream, addItem('p1'), { commandId: 'cmd-2' });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('relies on the store: the same batch re-sent after a lost answer is not written twice', async () => {
    if (!stores) return;
    const stream = 'cart-lost-answer';
    const [event] = cart.decide(addItem('p1'), cart.initialState());
    const batch = eventIds(1, 'cmd-lost').map((id) => encodeEvent(event!, id));
    const a = await store.append(stream, batch, { kind: 'no_stream' });
    const b = await store.append(stream, batch, { kind: 'no_stream' });
    expect(b).toEqual(a);
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});
