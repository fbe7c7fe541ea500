// The decision and snapshot tables on both backends: first decision wins, old decisions are
// pruned, and a snapshot is only replaced by a later one.
import { openDatabase, testDatabaseIfAvailable, type Database } from '@mercato/db';
import { createLogger } from '@mercato/kit';
import { DecisionBook, DecisionStore, type StoredDecision } from '../src/store/decisions';
import { encodeSnapshot, SnapshotStore } from '../src/store/snapshots';
import { fold, regular, History } from './support/history';

const quiet = createLogger('risk-test', 'silent');

const decision = (orderId: string, verdict: StoredDecision['verdict'], score: number): StoredDecision => ({
  orderId,
  customerId: 'amy',
  verdict,
  score,
  reasons: [{ code: 'order_velocity', description: 'Order velocity: 3 earlier orders', weight: 0.7 }],
  modelVersion: 'risk-lr-test',
});

describe.each(['pglite', 'postgres'] as const)('risk tables on %s', (backend) => {
  let db: Database | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (backend === 'pglite') db = await openDatabase();
    else {
      const t = await testDatabaseIfAvailable('mercato_risk_store');
      if (!t) return;
      drop = t.drop;
      db = await openDatabase({ url: t.url });
    }
  });

  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  const run = (name: string, fn: (db: Database) => Promise<void>) =>
    it(name, async () => {
      if (db) await fn(db);
    });

  run('keeps the first decision of an order, also when replicas race, and prunes old ones', async (d) => {
    const store = new DecisionStore(d);
    await store.migrate();
    await store.migrate(); // idempotent
    const first = decision('o-1', 'review', 0.6);
    await expect(store.putFirst([first])).resolves.toEqual([first]);
    const [again, fresh] = await store.putFirst([decision('o-1', 'approve', 0.1), decision('o-3', 'approve', 0.1)]);
    expect(again).toEqual(first);
    expect(fresh).toEqual(decision('o-3', 'approve', 0.1));
    await expect(store.get('o-1')).resolves.toEqual(first);
    const racing = await Promise.all([store.putFirst([decision('o-2', 'approve', 0.1)]), store.putFirst([decision('o-2', 'decline', 0.9)])]);
    expect(racing[0]).toEqual(racing[1]);
    await d.query(`UPDATE risk_decisions SET created_at = now() - interval '40 days' WHERE order_id = 'o-1'`);
    await expect(store.recent(24, 10)).resolves.toHaveLength(2);
    await expect(store.prune(30)).resolves.toBe(1);
    await expect(store.get('o-1')).resolves.toBeUndefined();
    await expect(store.get('o-2')).resolves.toBeDefined();
  });

  run('the book answers from memory, writes behind, and adopts a decision another replica stored first', async (d) => {
    const store = new DecisionStore(d);
    await store.migrate();
    const book = new DecisionBook({ store, log: quiet, flushEveryMs: 10_000 });
    const mine = decision('b-1', 'approve', 0.1);
    expect(book.decide(mine)).toBe(mine);
    expect(book.decide(decision('b-1', 'decline', 0.9))).toBe(mine); // first wins, synchronously
    await expect(store.get('b-1')).resolves.toBeUndefined(); // not written yet
    // Meanwhile another replica decided b-2 differently and wrote first.
    const theirs = decision('b-2', 'review', 0.7);
    await store.putFirst([theirs]);
    book.decide(decision('b-2', 'approve', 0.2));
    await book.flush();
    await expect(store.get('b-1')).resolves.toEqual(mine);
    expect(book.get('b-2')).toEqual(theirs);
    // A new book (a restart) answers the same from what it loads.
    const restarted = new DecisionBook({ store, log: quiet });
    await expect(restarted.load()).resolves.toBeGreaterThanOrEqual(2);
    expect(restarted.get('b-1')).toEqual(mine);
    expect(restarted.get('b-2')).toEqual(theirs);
    await restarted.stop();
    await book.stop();
  });

  run('replaces a snapshot only with a later one, and loads it back', async (d) => {
    const store = new SnapshotStore(d);
    await store.migrate();
    await expect(store.load()).resolves.toBeUndefined();
    const state = fold(regular(new History(), 'amy', 3, 50));
    await expect(store.save(encodeSnapshot(state, { commit: 10n, prepare: 2n }, 12))).resolves.toBe(true);
    await expect(store.save(encodeSnapshot(fold(new History()), { commit: 10n, prepare: 1n }, 3))).resolves.toBe(false);
    const loaded = await store.load();
    expect(loaded).toEqual({ state, position: { commit: 10n, prepare: 2n }, events: 12 });
    await expect(store.save(encodeSnapshot(state, { commit: 11n, prepare: 0n }, 13))).resolves.toBe(true);
    expect((await store.load())?.position).toEqual({ commit: 11n, prepare: 0n });
  });
});
