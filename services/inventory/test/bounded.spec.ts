// The stock state stays bounded on an endless stream (finished holds are forgotten HOLD_MEMORY_MS
// after they finish, reserved ones never), and a snapshot is exact: folding on from it gives what
// folding the whole stream gives.
import { fold } from '@mercato/eventsourcing';
import { COMMITTED, fromSnapshot, HOLD_MEMORY_MS, holdOf, RELEASED, REPLENISHED, RESERVED, stockDecider, timestamp, toSnapshot, type StockCommand, type StockEvent, type StockState } from '../src';

const P = 'BND-1';
const T0 = Date.parse('2026-03-01T00:00:00Z');
const at = (ms: number) => timestamp(new Date(T0 + ms));
const reserved = (orderId: string, quantity: number, ms: number): StockEvent => ({ type: RESERVED, data: { productId: P, orderId, quantity: String(quantity), eventTime: at(ms) } });
const committed = (orderId: string, quantity: number, ms: number): StockEvent => ({ type: COMMITTED, data: { productId: P, orderId, quantity: String(quantity), eventTime: at(ms) } });
const released = (orderId: string, quantity: number, ms: number): StockEvent => ({ type: RELEASED, data: { productId: P, orderId, quantity: String(quantity), eventTime: at(ms) } });
const replenished = (quantity: number, id: string, ms: number): StockEvent => ({ type: REPLENISHED, data: { productId: P, replenishmentId: id, quantity: String(quantity), eventTime: at(ms) } });

/** A snapshot as it travels: through JSON. */
const viaJson = (s: StockState): StockState => fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(s))));

describe('the stock state over a long stream', () => {
  it('forgets a finished hold HOLD_MEMORY_MS after it finished, and keeps reserved ones however old', () => {
    const s = fold(stockDecider, [replenished(100, 'r1', 0), reserved('old-open', 2, 0), reserved('old-done', 3, 0), committed('old-done', 3, 1_000), released('old-open-2', 0, 2_000)]);
    expect(holdOf(s, 'old-done')).toEqual({ status: 'committed', quantity: 3 });
    // Much later, another order finishes: the old finished holds go, the open one stays.
    fold(stockDecider, [reserved('new', 1, HOLD_MEMORY_MS + 5_000), committed('new', 1, HOLD_MEMORY_MS + 5_000)], s);
    expect(holdOf(s, 'old-done')).toBeUndefined();
    expect(holdOf(s, 'old-open-2')).toBeUndefined();
    expect(holdOf(s, 'old-open')).toEqual({ status: 'reserved', quantity: 2 });
    expect(holdOf(s, 'new')).toEqual({ status: 'committed', quantity: 1 });
    expect(s.forgotten).toBe(2);
    expect({ onHand: s.onHand, reserved: s.reserved }).toEqual({ onHand: 96, reserved: 2 });
    // The open order can still be committed; a forgotten one cannot be reserved twice by mistake
    // within the memory, and after it only a late repeat could ask (see Inventory.commitLine).
    expect(stockDecider.decide({ type: 'Commit', data: { productId: P, orderId: 'old-open', now: new Date(T0 + HOLD_MEMORY_MS + 6_000) } }, s)).toHaveLength(1);
  });

  it('holds only the last hour of finished orders after ten days of them', () => {
    const s = stockDecider.initialState();
    stockDecider.evolve(s, replenished(10_000_000, 'r1', 0));
    const orders = 20_000;
    const step = (10 * 24 * 3_600_000) / orders; // ten days
    for (let i = 0; i < orders; i++) {
      stockDecider.evolve(s, reserved(`o${i}`, 1, i * step));
      stockDecider.evolve(s, committed(`o${i}`, 1, i * step));
    }
    const perHour = 3_600_000 / step;
    expect(s.holds.size).toBeLessThanOrEqual(Math.ceil(perHour) + 1);
    expect(s.finishedAt.size).toBe(s.holds.size);
    expect(s.forgotten).toBe(orders - s.holds.size);
    expect({ onHand: s.onHand, reserved: s.reserved }).toEqual({ onHand: 10_000_000 - orders, reserved: 0 });
  });

  it('folds on from a snapshot exactly as from the start (seeded random history)', () => {
    const seed = 20260301;
    console.log(`bounded.spec seed ${seed}`);
    let x = seed;
    const random = (n: number): number => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % n;
    };
    // Commands over three simulated hours, decided on the folded state as the service would.
    const events: StockEvent[] = [];
    const state = stockDecider.initialState();
    let ms = 0;
    for (let i = 0; i < 3_000; i++) {
      ms += random(8_000);
      const now = new Date(T0 + ms);
      const order = `o${random(400)}`;
      const pick = random(10);
      const command: StockCommand =
        pick === 0
          ? { type: 'Replenish', data: { productId: P, replenishmentId: `r${i}`, quantity: 1 + random(20), now } }
          : pick < 5
            ? { type: 'Reserve', data: { productId: P, orderId: order, quantity: 1 + random(3), now } }
            : pick < 8
              ? { type: 'Commit', data: { productId: P, orderId: order, now } }
              : { type: 'Release', data: { productId: P, orderId: order, now } };
      let decided: StockEvent[] = [];
      try {
        decided = stockDecider.decide(command, state);
      } catch {
        // refused: nothing written
      }
      for (const e of decided) stockDecider.evolve(state, e);
      events.push(...decided);
    }
    expect(state.forgotten).toBeGreaterThan(0);
    const whole = fold(stockDecider, events);
    for (const cut of [0, 1, 137, Math.floor(events.length / 2), events.length - 1, events.length]) {
      const snapshot = viaJson(fold(stockDecider, events.slice(0, cut)));
      expect(fold(stockDecider, events.slice(cut), snapshot)).toEqual(whole);
    }
    expect(whole.reserved).toBeGreaterThanOrEqual(0);
    expect(whole.onHand - whole.reserved).toBeGreaterThanOrEqual(0);
  });
});
