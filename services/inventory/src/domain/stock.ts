// The stock of one product, stream "stock-<product_id>": units on hand, units held per order, and
// which replenishments arrived. Available = on hand - reserved, and it never goes negative: a
// reservation is decided against the folded state and appended at that state's revision.
// An order's outcome on a stream is decided once: a later Reserve for it changes nothing.
//
// The state stays bounded however long the stream grows: an order's hold is kept while it is
// reserved and for HOLD_MEMORY_MS (stream time: the events' own times) after it was released,
// committed or refused, then forgotten. Nothing needs an older finished hold: the orders saga and
// the reservation record (reservation-<order_id>, never forgotten) decide before a stock stream is
// touched, so a stock command for a long-finished order is only a late repeat (see Inventory).
// `evolve` updates the state in place (a stream's fold owns its state: copying every hold per event
// would make folding quadratic); `decide` only reads it.
import { assertNever, FailedPreconditionError, InvalidArgumentError, type Decider, type Message } from '@mercato/eventsourcing';
import { COMMITTED, count, REJECTED, RELEASED, REPLENISHED, RESERVED, timestamp, type StockEvent } from './events';
import { MAX_QUANTITY } from './lines';

/** What one order holds, or was refused, on this product. */
export type Hold =
  | { status: 'reserved' | 'released' | 'committed'; quantity: number }
  | { status: 'rejected'; requested: number; available: number };

export interface StockState {
  onHand: number;
  reserved: number;
  /** Each order's hold on this product, by order id. */
  holds: Map<string, Hold>;
  /** When each finished hold finished (ms), in the order they finished: the oldest are forgotten first. */
  finishedAt: Map<string, number>;
  replenishments: Set<string>;
  /** The newest event time folded (ms): the clock finished holds are forgotten by. */
  clockMs: number;
  /** Finished holds forgotten so far: an order unknown here may be one of them. */
  forgotten: number;
}

type Order = { productId: string; orderId: string; now: Date };
export type StockCommand =
  | Message<'Replenish', { productId: string; replenishmentId: string; quantity: number; now: Date }>
  | Message<'Reserve', Order & { quantity: number }>
  | Message<'Release', Order>
  | Message<'Commit', Order>;

/** Keeps on-hand counts exact as doubles, whatever the replenishments add up to. */
export const MAX_ON_HAND = 1_000_000_000_000;

/**
 * How long a finished hold is remembered (stream time). Far longer than any call that can still be
 * in flight for the order (a reservation racing its release lasts seconds).
 */
export const HOLD_MEMORY_MS = 60 * 60 * 1000;

export const available = (s: StockState): number => s.onHand - s.reserved;
export const holdOf = (s: StockState, orderId: string): Hold | undefined => s.holds.get(orderId);

function checkQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw new InvalidArgumentError(`quantity must be 1..${MAX_QUANTITY}, got ${quantity}`);
}

const timeOf = (t: { seconds?: string | number; nanos?: number } | null | undefined): number | undefined =>
  t ? Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : undefined;

/** Records an order's final hold and forgets finished holds older than HOLD_MEMORY_MS. */
function finish(s: StockState, orderId: string, hold: Hold): void {
  s.holds.set(orderId, hold);
  // Re-inserted, so the map stays in the order holds finished.
  s.finishedAt.delete(orderId);
  s.finishedAt.set(orderId, s.clockMs);
  for (const [id, at] of s.finishedAt) {
    if (at >= s.clockMs - HOLD_MEMORY_MS) break;
    s.finishedAt.delete(id);
    if (s.holds.get(id)?.status !== 'reserved') {
      s.holds.delete(id);
      s.forgotten++;
    }
  }
}

export const stockDecider: Decider<StockCommand, StockEvent, StockState> = {
  initialState: () => ({ onHand: 0, reserved: 0, holds: new Map(), finishedAt: new Map(), replenishments: new Set(), clockMs: 0, forgotten: 0 }),

  decide(command, state) {
    const { productId, now } = command.data;
    const line = { productId, eventTime: timestamp(now) };
    switch (command.type) {
      case 'Replenish': {
        const { replenishmentId, quantity } = command.data;
        checkQuantity(quantity);
        if (state.replenishments.has(replenishmentId)) return [];
        if (state.onHand + quantity > MAX_ON_HAND) throw new FailedPreconditionError(`${productId} would hold more than ${MAX_ON_HAND} units`);
        return [{ type: REPLENISHED, data: { ...line, replenishmentId, quantity: String(quantity) } }];
      }
      case 'Reserve': {
        const { orderId, quantity } = command.data;
        checkQuantity(quantity);
        if (holdOf(state, orderId)) return [];
        const left = available(state);
        if (quantity > left) return [{ type: REJECTED, data: { ...line, orderId, requested: String(quantity), available: String(left) } }];
        return [{ type: RESERVED, data: { ...line, orderId, quantity: String(quantity) } }];
      }
      case 'Release': {
        const { orderId } = command.data;
        const hold = holdOf(state, orderId);
        // Nothing held yet: a zero release closes the order here, so a late Reserve cannot open it.
        if (!hold) return [{ type: RELEASED, data: { ...line, orderId, quantity: '0' } }];
        if (hold.status === 'committed') throw new FailedPreconditionError(`order ${orderId} already shipped its ${productId}; it cannot be released`);
        if (hold.status !== 'reserved') return [];
        return [{ type: RELEASED, data: { ...line, orderId, quantity: String(hold.quantity) } }];
      }
      case 'Commit': {
        const { orderId } = command.data;
        const hold = holdOf(state, orderId);
        if (hold?.status === 'committed') return [];
        if (hold?.status !== 'reserved') throw new FailedPreconditionError(`order ${orderId} holds no reservation of ${productId} (${hold?.status ?? 'never reserved'})`);
        return [{ type: COMMITTED, data: { ...line, orderId, quantity: String(hold.quantity) } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const s = state;
    s.clockMs = Math.max(s.clockMs, timeOf(event.data.eventTime) ?? 0);
    switch (event.type) {
      case REPLENISHED:
        s.onHand += count(event.data.quantity);
        s.replenishments.add(event.data.replenishmentId);
        return s;
      case RESERVED: {
        const quantity = count(event.data.quantity);
        s.reserved += quantity;
        s.holds.set(event.data.orderId, { status: 'reserved', quantity });
        return s;
      }
      case REJECTED:
        finish(s, event.data.orderId, { status: 'rejected', requested: count(event.data.requested), available: count(event.data.available) });
        return s;
      case RELEASED: {
        const quantity = count(event.data.quantity);
        s.reserved -= quantity;
        finish(s, event.data.orderId, { status: 'released', quantity });
        return s;
      }
      case COMMITTED: {
        const quantity = count(event.data.quantity);
        s.onHand -= quantity;
        s.reserved -= quantity;
        finish(s, event.data.orderId, { status: 'committed', quantity });
        return s;
      }
      default:
        return assertNever(event);
    }
  },
};

/** The state as plain JSON (maps as entry lists, in their order), for snapshots. */
export interface StockSnapshot {
  onHand: number;
  reserved: number;
  holds: [string, Hold][];
  finishedAt: [string, number][];
  replenishments: string[];
  clockMs: number;
  forgotten: number;
}

export function toSnapshot(s: StockState): StockSnapshot {
  return { onHand: s.onHand, reserved: s.reserved, holds: [...s.holds], finishedAt: [...s.finishedAt], replenishments: [...s.replenishments], clockMs: s.clockMs, forgotten: s.forgotten };
}

/** The state a snapshot holds: folding on from it gives what folding the whole stream gives. */
export function fromSnapshot(j: StockSnapshot): StockState {
  return {
    onHand: j.onHand,
    reserved: j.reserved,
    holds: new Map(j.holds.map(([id, hold]) => [id, { ...hold }])),
    finishedAt: new Map(j.finishedAt),
    replenishments: new Set(j.replenishments),
    clockMs: j.clockMs,
    forgotten: j.forgotten,
  };
}
