// Crashes part-way through a reservation, a release or a commit, simulated by an event store
// connection that fails one chosen append (before it is written, or after: a lost answer). The
// next call for the order must carry it through to all reserved or all released.
import { status } from '@grpc/grpc-js';
import type { EventStorePort } from '@mercato/eventsourcing';
import { COMMITTED, Inventory, REJECTED, RELEASED, RESERVED, reservationStream, stockStream } from '../src';
import { BACKENDS, foldedStock, openEventStore, type EventStoreFixture } from './support';

type When = 'before' | 'after';

class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

/** The store, except that the first append to `stream` whose first event has `type` fails once. */
function crashOn(store: EventStorePort, stream: string, type: string, when: When = 'before'): EventStorePort {
  let crashed = false;
  return {
    readStream: (s) => store.readStream(s),
    append: async (s, events, expected) => {
      const hit = !crashed && s === stream && events[0]?.type === type;
      if (hit && when === 'before') {
        crashed = true;
        throw new SimulatedCrash();
      }
      const r = await store.append(s, events, expected);
      if (hit) {
        crashed = true;
        throw new SimulatedCrash();
      }
      return r;
    },
  };
}

describe.each(BACKENDS)('recovery after a crash part-way, on %s', (backend) => {
  let fx: EventStoreFixture | undefined;
  let inventory: Inventory;

  beforeAll(async () => {
    fx = await openEventStore(backend);
    if (fx) inventory = new Inventory(fx.store);
  });
  afterAll(async () => {
    await fx?.close();
  });
  const run = (name: string, fn: (fx: EventStoreFixture) => Promise<void>) =>
    it(name, async () => {
      if (fx) await fn(fx);
    });
  const held = async (store: EventStorePort, ...products: string[]) => Promise.all(products.map(async (p) => (await foldedStock(store, p)).reserved));
  const crashing = (store: EventStorePort, stream: string, type: string, when?: When) => new Inventory(crashOn(store, stream, type, when));

  run('a crash between two lines: the retry reserves the rest', async ({ store }) => {
    await inventory.replenish('in-1', [{ productId: 'K1-A', quantity: 5 }, { productId: 'K1-B', quantity: 5 }]);
    const lines = [{ productId: 'K1-A', quantity: 1 }, { productId: 'K1-B', quantity: 2 }];
    await expect(crashing(store, stockStream('K1-B'), RESERVED).reserve('k1', lines)).rejects.toThrow(SimulatedCrash);
    expect(await held(store, 'K1-A', 'K1-B')).toEqual([1, 0]);
    await expect(inventory.reserve('k1', lines)).resolves.toMatchObject({ status: 'reserved' });
    expect(await held(store, 'K1-A', 'K1-B')).toEqual([1, 2]);
  });

  run('a lost append answer: the retry writes nothing twice', async ({ store }) => {
    await inventory.replenish('in-2', [{ productId: 'K2-A', quantity: 5 }]);
    const lines = [{ productId: 'K2-A', quantity: 3 }];
    await expect(crashing(store, stockStream('K2-A'), RESERVED, 'after').reserve('k2', lines)).rejects.toThrow(SimulatedCrash);
    await expect(inventory.reserve('k2', lines)).resolves.toMatchObject({ status: 'reserved' });
    expect(await foldedStock(store, 'K2-A')).toEqual({ onHand: 5, reserved: 3, events: 2 });
  });

  run('a crash before the rejection is recorded: the retry stays REJECTED though stock arrived, and gives the first line back', async ({ store }) => {
    await inventory.replenish('in-3', [{ productId: 'K3-A', quantity: 5 }]);
    const lines = [{ productId: 'K3-A', quantity: 1 }, { productId: 'K3-B', quantity: 1 }];
    await expect(crashing(store, reservationStream('k3'), REJECTED).reserve('k3', lines)).rejects.toThrow(SimulatedCrash);
    expect(await held(store, 'K3-A')).toEqual([1]);
    await inventory.replenish('in-3b', [{ productId: 'K3-B', quantity: 10 }]);
    await expect(inventory.reserve('k3', lines)).resolves.toEqual({
      orderId: 'k3',
      status: 'rejected',
      lines,
      shortages: [{ productId: 'K3-B', requested: 1, available: 0 }],
    });
    expect(await held(store, 'K3-A', 'K3-B')).toEqual([0, 0]);
  });

  run('a crash right after the lines were recorded: a release closes every line, and a late retry reserves nothing', async ({ store }) => {
    await inventory.replenish('in-4', [{ productId: 'K4-A', quantity: 5 }, { productId: 'K4-B', quantity: 5 }]);
    const lines = [{ productId: 'K4-A', quantity: 1 }, { productId: 'K4-B', quantity: 1 }];
    await expect(crashing(store, stockStream('K4-A'), RESERVED).reserve('k4', lines)).rejects.toThrow(SimulatedCrash);
    await expect(inventory.release('k4')).resolves.toMatchObject({ status: 'released', lines });
    await expect(inventory.reserve('k4', lines)).resolves.toMatchObject({ status: 'released' });
    expect(await held(store, 'K4-A', 'K4-B')).toEqual([0, 0]);
  });

  run('a crash part-way through a release: a retry of either call finishes it', async ({ store }) => {
    await inventory.replenish('in-5', [{ productId: 'K5-A', quantity: 5 }, { productId: 'K5-B', quantity: 5 }]);
    const lines = [{ productId: 'K5-A', quantity: 2 }, { productId: 'K5-B', quantity: 2 }];
    await inventory.reserve('k5', lines);
    await expect(crashing(store, stockStream('K5-B'), RELEASED).release('k5')).rejects.toThrow(SimulatedCrash);
    expect(await held(store, 'K5-A', 'K5-B')).toEqual([0, 2]);
    await expect(inventory.reserve('k5', lines)).resolves.toMatchObject({ status: 'released' });
    expect(await held(store, 'K5-A', 'K5-B')).toEqual([0, 0]);
  });

  run('a crash part-way through a commit: the retry finishes it, and a release is refused meanwhile', async ({ store }) => {
    await inventory.replenish('in-6', [{ productId: 'K6-A', quantity: 5 }, { productId: 'K6-B', quantity: 5 }]);
    await inventory.reserve('k6', [{ productId: 'K6-A', quantity: 2 }, { productId: 'K6-B', quantity: 3 }]);
    await expect(crashing(store, stockStream('K6-B'), COMMITTED).commit('k6')).rejects.toThrow(SimulatedCrash);
    await expect(inventory.release('k6')).rejects.toMatchObject({ grpcStatus: status.FAILED_PRECONDITION });
    await expect(inventory.commit('k6')).resolves.toMatchObject({ status: 'committed' });
    expect(await Promise.all(['K6-A', 'K6-B'].map((p) => foldedStock(store, p)))).toEqual([
      { onHand: 3, reserved: 0, events: 3 },
      { onHand: 2, reserved: 0, events: 3 },
    ]);
  });

  run('a commit is refused while a reservation is incomplete', async ({ store }) => {
    await inventory.replenish('in-7', [{ productId: 'K7-A', quantity: 5 }, { productId: 'K7-B', quantity: 5 }]);
    const lines = [{ productId: 'K7-A', quantity: 1 }, { productId: 'K7-B', quantity: 1 }];
    await expect(crashing(store, stockStream('K7-B'), RESERVED).reserve('k7', lines)).rejects.toThrow(SimulatedCrash);
    await expect(inventory.commit('k7')).rejects.toMatchObject({ grpcStatus: status.FAILED_PRECONDITION, message: expect.stringMatching(/incomplete/) });
    await expect(inventory.reserve('k7', lines)).resolves.toMatchObject({ status: 'reserved' });
    await expect(inventory.commit('k7')).resolves.toMatchObject({ status: 'committed' });
  });

  run('a release while a reservation is still in flight wins: nothing stays held', async ({ store }) => {
    await inventory.replenish('in-8', [{ productId: 'K8-A', quantity: 5 }, { productId: 'K8-B', quantity: 5 }]);
    const lines = [{ productId: 'K8-A', quantity: 1 }, { productId: 'K8-B', quantity: 1 }];
    // The reservation stalls just before its append to the second line's stream.
    let reached!: () => void;
    let proceed!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    let stalled = false;
    const slow: EventStorePort = {
      readStream: (s) => store.readStream(s),
      append: async (s, events, expected) => {
        if (!stalled && s === stockStream('K8-B')) {
          stalled = true;
          reached();
          await gate;
        }
        return store.append(s, events, expected);
      },
    };
    const inFlight = new Inventory(slow).reserve('k8', lines);
    await atGate;
    await expect(inventory.release('k8')).resolves.toMatchObject({ status: 'released' });
    proceed();
    await expect(inFlight).resolves.toMatchObject({ status: 'released' });
    expect(await held(store, 'K8-A', 'K8-B')).toEqual([0, 0]);
  });
});
