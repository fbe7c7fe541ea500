// One order's reservation record, stream "reservation-<order_id>": which lines the order asked
// for, and the one decision taken on them (rejected, released or committed). It reuses the stock
// event messages: StockReserved per line records the request before any stock stream is touched
// (so a release always knows where to look), StockReservationRejected per shortage, and
// StockReleased / StockCommitted per line record the decision before it is carried out on the
// stock streams. Decisions are appended at the record's revision, so exactly one wins.
import { assertNever, FailedPreconditionError, InvalidArgumentError, NotFoundError, type Decider, type Message } from '@mercato/eventsourcing';
import { COMMITTED, count, REJECTED, RELEASED, RESERVED, timestamp, type OrderLineEvent } from './events';
import { MAX_LINES, MAX_QUANTITY, normalizeLines, sameLines, type Line, type Shortage } from './lines';

/** "open": lines recorded, being reserved or reserved; the others are final. */
export type ReservationStatus = 'none' | 'open' | 'rejected' | 'released' | 'committed';

export interface ReservationState {
  status: ReservationStatus;
  /** Merged and sorted by product id. */
  lines: Line[];
  /** The first one was refused on its stock stream; the rest were short when it was. */
  shortages: Shortage[];
}

type Order = { orderId: string; now: Date };
export type ReservationCommand =
  | Message<'Open', Order & { lines: Line[] }>
  | Message<'Reject', Order & { shortages: Shortage[] }>
  | Message<'Release', Order>
  // held: the lines found reserved on their stock streams when the commit was asked for.
  | Message<'Commit', Order & { held: Line[] }>;

export const reservationDecider: Decider<ReservationCommand, OrderLineEvent, ReservationState> = {
  initialState: () => ({ status: 'none', lines: [], shortages: [] }),

  decide(command, state) {
    const { orderId, now } = command.data;
    const eventTime = timestamp(now);
    const perLine = <T extends typeof RELEASED | typeof COMMITTED>(type: T) =>
      state.lines.map((l) => ({ type, data: { productId: l.productId, orderId, quantity: String(l.quantity), eventTime } }));
    switch (command.type) {
      case 'Open': {
        const lines = normalizeLines(command.data.lines);
        if (lines.length === 0 || lines.length > MAX_LINES) throw new InvalidArgumentError(`a reservation needs 1..${MAX_LINES} lines, got ${lines.length}`);
        const bad = lines.find((l) => !Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_QUANTITY);
        if (bad) throw new InvalidArgumentError(`quantity of ${bad.productId} must be 1..${MAX_QUANTITY}, got ${bad.quantity}`);
        if (state.status !== 'none') {
          if (sameLines(state.lines, lines)) return [];
          throw new FailedPreconditionError(`order ${orderId} already has a reservation for other lines`);
        }
        return lines.map((l) => ({ type: RESERVED, data: { productId: l.productId, orderId, quantity: String(l.quantity), eventTime } }));
      }
      case 'Reject': {
        if (command.data.shortages.length === 0) throw new InvalidArgumentError('a rejection needs at least one shortage');
        if (state.status === 'none') throw new NotFoundError(`order ${orderId} has no reservation to reject`);
        if (state.status !== 'open') return [];
        return command.data.shortages.map((s) => ({
          type: REJECTED,
          data: { productId: s.productId, orderId, requested: String(s.requested), available: String(s.available), eventTime },
        }));
      }
      case 'Release':
        if (state.status === 'committed') throw new FailedPreconditionError(`order ${orderId}'s stock was committed (shipped); it cannot be released`);
        return state.status === 'open' ? perLine(RELEASED) : [];
      case 'Commit':
        if (state.status === 'none') throw new NotFoundError(`order ${orderId} has no reservation`);
        if (state.status === 'rejected' || state.status === 'released') throw new FailedPreconditionError(`order ${orderId}'s reservation was ${state.status}; it cannot be committed`);
        if (state.status === 'committed') return [];
        if (!sameLines(state.lines, normalizeLines(command.data.held))) {
          throw new FailedPreconditionError(`order ${orderId}'s reservation is incomplete (${command.data.held.length} of ${state.lines.length} lines held); finish ReserveStock first`);
        }
        return perLine(COMMITTED);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case RESERVED:
        return { ...state, status: 'open', lines: [...state.lines, { productId: event.data.productId, quantity: count(event.data.quantity) }] };
      case REJECTED: {
        const shortage = { productId: event.data.productId, requested: count(event.data.requested), available: count(event.data.available) };
        return { ...state, status: 'rejected', shortages: [...state.shortages, shortage] };
      }
      case RELEASED:
        return { ...state, status: 'released' };
      case COMMITTED:
        return { ...state, status: 'committed' };
      default:
        return assertNever(event);
    }
  },
};
