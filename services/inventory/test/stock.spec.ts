// The stock decider as a specification: given these events, when this command, then these events.
import { FailedPreconditionError, fold, given, InvalidArgumentError } from '@mercato/eventsourcing';
import { available, COMMITTED, holdOf, MAX_ON_HAND, REJECTED, RELEASED, REPLENISHED, RESERVED, stockDecider, timestamp, type StockCommand, type StockEvent } from '../src';

const NOW = new Date('2026-02-03T04:05:06.789Z');
const at = timestamp(NOW);
const P = 'APP-0001';

const replenish = (quantity: number, replenishmentId = 'r1'): StockCommand => ({ type: 'Replenish', data: { productId: P, replenishmentId, quantity, now: NOW } });
const reserve = (orderId: string, quantity: number): StockCommand => ({ type: 'Reserve', data: { productId: P, orderId, quantity, now: NOW } });
const release = (orderId: string): StockCommand => ({ type: 'Release', data: { productId: P, orderId, now: NOW } });
const commit = (orderId: string): StockCommand => ({ type: 'Commit', data: { productId: P, orderId, now: NOW } });

const replenished = (quantity: number, replenishmentId = 'r1'): StockEvent => ({ type: REPLENISHED, data: { productId: P, replenishmentId, quantity: String(quantity), eventTime: at } });
const reserved = (orderId: string, quantity: number): StockEvent => ({ type: RESERVED, data: { productId: P, orderId, quantity: String(quantity), eventTime: at } });
const rejected = (orderId: string, requested: number, left: number): StockEvent => ({
  type: REJECTED,
  data: { productId: P, orderId, requested: String(requested), available: String(left), eventTime: at },
});
const released = (orderId: string, quantity: number): StockEvent => ({ type: RELEASED, data: { productId: P, orderId, quantity: String(quantity), eventTime: at } });
const committed = (orderId: string, quantity: number): StockEvent => ({ type: COMMITTED, data: { productId: P, orderId, quantity: String(quantity), eventTime: at } });

describe('the stock decider: replenishing', () => {
  it('adds units under a replenishment id', () => {
    given(stockDecider).when(replenish(10)).then([replenished(10)]);
  });

  it('adds nothing for a replenishment id it has seen', () => {
    given(stockDecider, [replenished(10, 'r1'), replenished(5, 'r2')]).when(replenish(10, 'r1')).then([]);
  });

  it('refuses a quantity out of range', () => {
    given(stockDecider).when(replenish(0)).thenThrows(InvalidArgumentError);
    given(stockDecider).when(replenish(1.5)).thenThrows(InvalidArgumentError);
    given(stockDecider).when(replenish(1_000_001)).thenThrows(InvalidArgumentError);
  });

  it('refuses to hold more than it can count exactly', () => {
    given(stockDecider, [replenished(MAX_ON_HAND, 'big')]).when(replenish(1)).thenThrows(FailedPreconditionError);
  });
});

describe('the stock decider: reserving', () => {
  it('reserves what is available, up to the last unit', () => {
    given(stockDecider, [replenished(10)]).when(reserve('o1', 4)).then([reserved('o1', 4)]);
    given(stockDecider, [replenished(10), reserved('o1', 4)]).when(reserve('o2', 6)).then([reserved('o2', 6)]);
  });

  it('rejects more than is available, recording what was left', () => {
    given(stockDecider, [replenished(10), reserved('o1', 8)]).when(reserve('o2', 3)).then([rejected('o2', 3, 2)]);
    given(stockDecider).when(reserve('o1', 1)).then([rejected('o1', 1, 0)]);
  });

  it('counts committed units as gone and released units as back', () => {
    given(stockDecider, [replenished(10), reserved('o1', 6), committed('o1', 6), reserved('o2', 3), released('o2', 3)]).when(reserve('o3', 5)).then([rejected('o3', 5, 4)]);
  });

  it('decides an order once: a repeat changes nothing, even when stock arrived since a rejection', () => {
    given(stockDecider, [replenished(10), reserved('o1', 4)]).when(reserve('o1', 4)).then([]);
    given(stockDecider, [rejected('o1', 3, 0), replenished(10)]).when(reserve('o1', 3)).then([]);
    given(stockDecider, [replenished(10), reserved('o1', 4), released('o1', 4)]).when(reserve('o1', 4)).then([]);
    given(stockDecider, [released('o1', 0), replenished(10)]).when(reserve('o1', 1)).then([]);
  });

  it('refuses a quantity out of range', () => {
    given(stockDecider, [replenished(10)]).when(reserve('o1', 0)).thenThrows(InvalidArgumentError);
    given(stockDecider, [replenished(10)]).when(reserve('o1', -2)).thenThrows(InvalidArgumentError);
  });
});

describe('the stock decider: releasing and committing', () => {
  it('releases what the order holds, once', () => {
    given(stockDecider, [replenished(10), reserved('o1', 4)]).when(release('o1')).then([released('o1', 4)]);
    given(stockDecider, [replenished(10), reserved('o1', 4), released('o1', 4)]).when(release('o1')).then([]);
  });

  it('closes an order that holds nothing here with a zero release', () => {
    given(stockDecider, [replenished(10)]).when(release('o1')).then([released('o1', 0)]);
  });

  it('releases nothing for a rejected order', () => {
    given(stockDecider, [rejected('o1', 2, 0)]).when(release('o1')).then([]);
  });

  it('refuses to release shipped units', () => {
    given(stockDecider, [replenished(10), reserved('o1', 4), committed('o1', 4)]).when(release('o1')).thenThrows(FailedPreconditionError);
  });

  it('commits a reservation, once', () => {
    given(stockDecider, [replenished(10), reserved('o1', 4)]).when(commit('o1')).then([committed('o1', 4)]);
    given(stockDecider, [replenished(10), reserved('o1', 4), committed('o1', 4)]).when(commit('o1')).then([]);
  });

  it('refuses to commit what is not reserved', () => {
    given(stockDecider, [replenished(10)]).when(commit('o1')).thenThrows(FailedPreconditionError);
    given(stockDecider, [replenished(10), reserved('o1', 4), released('o1', 4)]).when(commit('o1')).thenThrows(FailedPreconditionError);
    given(stockDecider, [rejected('o1', 4, 0)]).when(commit('o1')).thenThrows(FailedPreconditionError);
  });
});

describe('the stock state', () => {
  it('folds on hand, reserved and each order’s hold', () => {
    const s = fold(stockDecider, [replenished(10), reserved('o1', 4), reserved('o2', 3), committed('o1', 4), released('o2', 3), rejected('o3', 9, 6)]);
    expect({ onHand: s.onHand, reserved: s.reserved, available: available(s) }).toEqual({ onHand: 6, reserved: 0, available: 6 });
    expect(holdOf(s, 'o1')).toEqual({ status: 'committed', quantity: 4 });
    expect(holdOf(s, 'o2')).toEqual({ status: 'released', quantity: 3 });
    expect(holdOf(s, 'o3')).toEqual({ status: 'rejected', requested: 9, available: 6 });
    expect(holdOf(s, 'o4')).toBeUndefined();
  });

  it('never goes negative, whatever the commands (seeded random walk)', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let state = stockDecider.initialState();
    for (let i = 0; i < 2_000; i++) {
      const order = `o${random(60)}`;
      const pick = random(4);
      const command = pick === 0 ? replenish(1 + random(5), `r${i}`) : pick === 1 ? reserve(order, 1 + random(8)) : pick === 2 ? release(order) : commit(order);
      let events: StockEvent[] = [];
      try {
        events = stockDecider.decide(command, state);
      } catch (err) {
        expect(err).toBeInstanceOf(FailedPreconditionError);
      }
      state = fold(stockDecider, events, state);
      expect(state.reserved).toBeGreaterThanOrEqual(0);
      expect(available(state)).toBeGreaterThanOrEqual(0);
    }
  });
});
