// The inventory keeps stock streams folded: a hot product's stream is not read again on every
// reservation, a process starting cold reads only what came after the latest snapshot, and a late
// commit of an order whose hold was forgotten long ago is answered, not refused.
import type { EventStorePort, ReadStreamFrom } from '@mercato/eventsourcing';
import { HOLD_MEMORY_MS, Inventory, snapshotStream, stockStream } from '../src';
import { BACKENDS, foldedStock, openEventStore, type EventStoreFixture } from './support';

/** The store, recording every read: the stream and the revision it started from. */
function recording(store: EventStorePort) {
  const reads: Array<{ stream: string; from: bigint }> = [];
  const port: EventStorePort = {
    readStream: (s: string, o?: ReadStreamFrom) => (reads.push({ stream: s, from: o?.fromRevision ?? 0n }), store.readStream(s, o)),
    readLastEvent: (s: string) => (reads.push({ stream: s, from: -1n }), store.readLastEvent!(s)),
    append: (s, e, x) => store.append(s, e, x),
  };
  return { port, reads };
}

describe.each(BACKENDS)('the inventory’s folded streams, on %s', (backend) => {
  let fx: EventStoreFixture | undefined;
  beforeAll(async () => {
    fx = await openEventStore(backend);
  });
  afterAll(async () => {
    await fx?.close();
  });
  const run = (name: string, fn: (fx: EventStoreFixture) => Promise<void>) =>
    it(name, async () => {
      if (fx) await fn(fx);
    }, 60_000);

  run('reserves and commits on a product it knows without reading its stock stream again', async ({ store }) => {
    const { port, reads } = recording(store);
    const inventory = new Inventory(port);
    await inventory.replenish('c1-r', [{ productId: 'C1-A', quantity: 100 }]);
    const before = reads.length;
    for (let i = 0; i < 10; i++) {
      await expect(inventory.reserve(`c1-${i}`, [{ productId: 'C1-A', quantity: 1 }])).resolves.toMatchObject({ status: 'reserved' });
      await expect(inventory.commit(`c1-${i}`)).resolves.toMatchObject({ status: 'committed' });
    }
    expect(reads.slice(before)).toEqual([]);
    expect(await foldedStock(store, 'C1-A')).toEqual({ onHand: 90, reserved: 0, events: 21 });
  });

  run('a process starting cold reads the latest snapshot and only the events after it', async ({ store }) => {
    const first = new Inventory(store, { snapshotEvery: 20 });
    await first.replenish('c2-r', [{ productId: 'C2-A', quantity: 1000 }]);
    for (let i = 0; i < 30; i++) {
      await first.reserve(`c2-${i}`, [{ productId: 'C2-A', quantity: 1 }]);
      await first.commit(`c2-${i}`);
    }
    // Snapshots are written in the background: wait for the first (after at least 20 events).
    const deadline = Date.now() + 10_000;
    let covered = -1n;
    while (covered < 0n && Date.now() < deadline) {
      const last = await store.readLastEvent!(snapshotStream('C2-A'));
      covered = last ? BigInt((JSON.parse(Buffer.from(last.data).toString('utf8')) as { revision: string }).revision) : -1n;
      if (covered < 0n) await new Promise((r) => setTimeout(r, 50));
    }
    expect(covered).toBeGreaterThanOrEqual(19n);

    const { port, reads } = recording(store);
    const cold = new Inventory(port, { snapshotEvery: 20 });
    await expect(cold.levels(['C2-A'])).resolves.toEqual([{ productId: 'C2-A', onHand: 970, reserved: 0, available: 970, revision: 60n }]);
    const stockReads = reads.filter((r) => r.stream === stockStream('C2-A'));
    expect(stockReads).toHaveLength(1);
    expect(stockReads[0]!.from).toBe(covered + 1n);
    // And it decides on that state like any other process.
    await expect(cold.reserve('c2-late', [{ productId: 'C2-A', quantity: 5 }])).resolves.toMatchObject({ status: 'reserved' });
    expect(await foldedStock(store, 'C2-A')).toEqual({ onHand: 970, reserved: 5, events: 62 });
  });

  run('a late CommitStock for an order committed long ago (its hold forgotten) answers committed and writes nothing', async ({ store }) => {
    let now = Date.parse('2026-03-02T00:00:00Z');
    const inventory = new Inventory(store, { now: () => new Date(now) });
    await inventory.replenish('c3-r', [{ productId: 'C3-A', quantity: 10 }]);
    await inventory.reserve('c3-old', [{ productId: 'C3-A', quantity: 2 }]);
    await inventory.commit('c3-old');
    now += HOLD_MEMORY_MS + 60_000;
    await inventory.reserve('c3-new', [{ productId: 'C3-A', quantity: 1 }]);
    await inventory.commit('c3-new');
    const events = (await foldedStock(store, 'C3-A')).events;
    // A fresh process (nothing in memory) and this one both answer the repeat.
    for (const inv of [inventory, new Inventory(store, { now: () => new Date(now) })]) {
      await expect(inv.commit('c3-old')).resolves.toMatchObject({ status: 'committed', lines: [{ productId: 'C3-A', quantity: 2 }] });
    }
    expect(await foldedStock(store, 'C3-A')).toEqual({ onHand: 7, reserved: 0, events });
  });
});
