// The stock of one product, stream "stock-<product_id>": units on hand, units held per order, and
// which replenishments arrived. Available = on hand - reserved, and it never goes negative: a
// reservation is decided against the folded state and appended at that state's revision.
// An order's outcome on a stream is decided once: a later Reserve for it changes nothing.
import { assertNever, FailedPreconditionError, InvalidArgumentError, type Decider, type Message } from '@mercato/eventsourcing';
import { COMMITTED, count, REJECTED, RELEASED, REPLENISHED, RESERVED, timestamp, type StockEvent } from './events';
import { lookup, put, type Keyed } from './keyed';
import { MAX_QUANTITY } from './lines';

/** What one order holds, or was refused, on this product. */
export type Hold =
  | { status: 'reserved' | 'released' | 'committed'; quantity: number }
  | { status: 'rejected'; requested: number; available: number };

export interface StockState {
  onHand: number;
  reserved: number;
  holds: Keyed<Hold> | undefined;
  replenishments: Keyed<true> | undefined;
}

type Order = { productId: string; orderId: string; now: Date };
export type StockCommand =
  | Message<'Replenish', { productId: string; replenishmentId: string; quantity: number; now: Date }>
  | Message<'Reserve', Order & { quantity: number }>
  | Message<'Release', Order>
  | Message<'Commit', Order>;

/** Keeps on-hand counts exact as doubles, whatever the replenishments add up to. */
export const MAX_ON_HAND = 1_000_000_000_000;

export const available = (s: StockState): number => s.onHand - s.reserved;
export const holdOf = (s: StockState, orderId: string): Hold | undefined => lookup(s.holds, orderId);

function checkQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw new InvalidArgumentError(`quantity must be 1..${MAX_QUANTITY}, got ${quantity}`);
}

export const stockDecider: Decider<StockCommand, StockEvent, StockState> = {
  initialState: () => ({ onHand: 0, reserved: 0, holds: undefined, replenishments: undefined }),

  decide(command, state) {
    const { productId, now } = command.data;
    const line = { productId, eventTime: timestamp(now) };
    switch (command.type) {
      case 'Replenish': {
        const { replenishmentId, quantity } = command.data;
        checkQuantity(quantity);
        if (lookup(state.replenishments, replenishmentId)) return [];
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
    switch (event.type) {
      case REPLENISHED:
        return { ...state, onHand: state.onHand + count(event.data.quantity), replenishments: put(state.replenishments, event.data.replenishmentId, true as const) };
      case RESERVED: {
        const quantity = count(event.data.quantity);
        return { ...state, reserved: state.reserved + quantity, holds: put(state.holds, event.data.orderId, { status: 'reserved', quantity }) };
      }
      case REJECTED: {
        const hold: Hold = { status: 'rejected', requested: count(event.data.requested), available: count(event.data.available) };
        return { ...state, holds: put(state.holds, event.data.orderId, hold) };
      }
      case RELEASED: {
        const quantity = count(event.data.quantity);
        return { ...state, reserved: state.reserved - quantity, holds: put(state.holds, event.data.orderId, { status: 'released', quantity }) };
      }
      case COMMITTED: {
        const quantity = count(event.data.quantity);
        return { ...state, onHand: state.onHand - quantity, reserved: state.reserved - quantity, holds: put(state.holds, event.data.orderId, { status: 'committed', quantity }) };
      }
      default:
        return assertNever(event);
    }
  },
};
