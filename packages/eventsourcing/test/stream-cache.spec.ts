// StreamCache with handleCommand: decisions on the remembered fold, reading only a stream's new
// events, and never believing a stale entry (conflicts, no-ops and refusals are taken again on a
// refreshed one); inSequence for several commands in one append.
import { engineStore, handleCommand, inSequence, NotFoundError, StreamCache, type EventStorePort, type ReadStreamFrom } from '../src';
import { addItem, cart, removeItem, type CartCommand, type CartEvent, type CartState } from './cart-decider';
import { BACKENDS, openStores, type Stores } from './support';

/** The store, counting reads (and the revision each read started from) and appends. */
function counting(store: EventStorePort) {
  const seen = { reads: [] as Array<bigint | undefined>, appends: 0 };
  const port: EventStorePort = {
    readStream: (s: string, o?: ReadStreamFrom) => (seen.reads.push(o?.fromRevision), store.readStream(s, o)),
    append: (s, e, x) => (seen.appends++, store.append(s, e, x)),
  };
  return { port, seen };
}

describe.each(BACKENDS)('StreamCache on %s', (backend) => {
  let stores: Stores | undefined;
  let store: EventStorePort;
  beforeAll(async () => {
    stores = await openStores(backend);
    if (stores) store = engineStore(stores.engine);
  });
  afterAll(async () => stores?.close());

  it('reads a stream once, then decides on the remembered fold and appends without reading', async () => {
    if (!stores) return;
    const { port, seen } = counting(store);
    const cache = new StreamCache<CartEvent, CartState>(port, cart);
    for (let i = 0; i < 5; i++) await handleCommand(port, cart, 'cart-sc1', addItem(`p${i % 2}`), { cache });
    expect(seen.reads).toEqual([0n]);
    expect(seen.appends).toBe(5);
    expect(cache.peek('cart-sc1')).toEqual({ state: { lines: { p0: 3, p1: 2 } }, revision: 4n });
  });

  it('catches a stale entry up on its conflict, reading only the newer events', async () => {
    if (!stores) return;
    const { port, seen } = counting(store);
    const cache = new StreamCache<CartEvent, CartState>(port, cart);
    await handleCommand(port, cart, 'cart-sc2', addItem('p1'), { cache });
    // Another writer (another replica) appends twice behind the cache's back.
    await handleCommand(store, cart, 'cart-sc2', addItem('p2'));
    await handleCommand(store, cart, 'cart-sc2', addItem('p2'));
    const r = await handleCommand(port, cart, 'cart-sc2', addItem('p3'), { cache });
    expect(r).toMatchObject({ nextExpectedRevision: 3n, state: { lines: { p1: 1, p2: 2, p3: 1 } } });
    // The first read folded the (empty) stream from 0; the one after the conflict started at 1.
    expect(seen.reads).toEqual([0n, 1n]);
    expect((await store.readStream('cart-sc2')).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('takes a refusal or a no-op on a remembered state again on the stream as it is now', async () => {
    if (!stores) return;
    const { port, seen } = counting(store);
    const cache = new StreamCache<CartEvent, CartState>(port, cart);
    await handleCommand(port, cart, 'cart-sc3', addItem('p1'), { cache });
    // Not in the remembered cart, but added since by someone else: the removal must go through.
    await handleCommand(store, cart, 'cart-sc3', addItem('p9'));
    const r = await handleCommand(port, cart, 'cart-sc3', removeItem('p9'), { cache });
    expect(r.state).toEqual({ lines: { p1: 1 } });
    expect(seen.reads).toEqual([0n, 1n]);
    // A refusal that holds on the fresh state too is thrown (after one refresh, which finds nothing new).
    await expect(handleCommand(port, cart, 'cart-sc3', removeItem('p9'), { cache })).rejects.toThrow(NotFoundError);
    expect(seen.reads).toEqual([0n, 1n, 3n]);
  });

  it('assumeNew: a new stream is written without a read; an existing one conflicts and is read', async () => {
    if (!stores) return;
    const { port, seen } = counting(store);
    const cache = new StreamCache<CartEvent, CartState>(port, cart, { assumeNew: true });
    await handleCommand(port, cart, 'cart-sc4', addItem('p1'), { cache });
    expect(seen).toEqual({ reads: [], appends: 1 });
    await handleCommand(store, cart, 'cart-sc5', addItem('p1'));
    const r = await handleCommand(port, cart, 'cart-sc5', addItem('p2'), { cache });
    expect(r).toMatchObject({ nextExpectedRevision: 1n, state: { lines: { p1: 1, p2: 1 } } });
    expect(seen).toEqual({ reads: [0n], appends: 3 });
  });

  it('starts a cold stream from where `start` says (a snapshot) and reads only the events after it', async () => {
    if (!stores) return;
    for (let i = 0; i < 4; i++) await handleCommand(store, cart, 'cart-sc6', addItem('p1'));
    const { port, seen } = counting(store);
    const cache = new StreamCache<CartEvent, CartState>(port, cart, { start: async () => ({ state: { lines: { p1: 3 } }, revision: 2n }) });
    expect(await cache.refresh('cart-sc6')).toEqual({ state: { lines: { p1: 4 } }, revision: 3n });
    expect(seen.reads).toEqual([3n]);
  });

  it('keeps the entry current while this process appends during a refresh', async () => {
    if (!stores) return;
    const { port } = counting(store);
    const cache = new StreamCache<CartEvent, CartState>(port, cart);
    await handleCommand(port, cart, 'cart-sc7', addItem('p1'), { cache });
    await Promise.all([cache.refresh('cart-sc7'), handleCommand(port, cart, 'cart-sc7', addItem('p1'), { cache }), cache.refresh('cart-sc7')]);
    expect(cache.peek('cart-sc7')).toEqual({ state: { lines: { p1: 2 } }, revision: 1n });
  });

  it('forgets the least recently used streams beyond maxStreams', async () => {
    if (!stores) return;
    const cache = new StreamCache<CartEvent, CartState>(store, cart, { maxStreams: 2 });
    for (const s of ['cart-sc8a', 'cart-sc8b', 'cart-sc8c']) await handleCommand(store, cart, s, addItem('p1'), { cache });
    expect(cache.size).toBe(2);
    expect(cache.peek('cart-sc8a')).toBeUndefined();
  });

  it('refuses to combine a cache with `known`', async () => {
    if (!stores) return;
    const cache = new StreamCache<CartEvent, CartState>(store, cart);
    await expect(handleCommand(store, cart, 'cart-sc9', addItem('p1'), { cache, known: { state: cart.initialState(), revision: -1n } })).rejects.toThrow(/known/);
  });

  it('inSequence: several commands decided in turn and appended together', async () => {
    if (!stores) return;
    const steps = inSequence(cart);
    const commands: CartCommand[] = [addItem('p1', 2), removeItem('p1'), addItem('p2')];
    const r = await handleCommand(store, steps, 'cart-sc10', commands);
    expect(r.events.map((e) => e.type)).toEqual(['mercato.cart.v1.CartItemAdded', 'mercato.cart.v1.CartItemRemoved', 'mercato.cart.v1.CartItemAdded']);
    expect(r).toMatchObject({ nextExpectedRevision: 2n, state: { lines: { p2: 1 } } });
    // One command refusing refuses them all: nothing is written.
    await expect(handleCommand(store, steps, 'cart-sc11', [addItem('p1'), removeItem('p2')])).rejects.toThrow(NotFoundError);
    expect(await store.readStream('cart-sc11')).toEqual([]);
  });
});
