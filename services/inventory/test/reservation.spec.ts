// The reservation record's decider as a specification: the lines first, then one decision.
import { FailedPreconditionError, fold, given, InvalidArgumentError, NotFoundError } from '@mercato/eventsourcing';
import { COMMITTED, REJECTED, RELEASED, RESERVED, reservationDecider, timestamp, type Line, type OrderLineEvent, type ReservationCommand, type Shortage } from '../src';

const NOW = new Date('2026-02-03T04:05:06.789Z');
const at = timestamp(NOW);
const O = 'o1';

const open = (lines: Line[]): ReservationCommand => ({ type: 'Open', data: { orderId: O, lines, now: NOW } });
const reject = (shortages: Shortage[]): ReservationCommand => ({ type: 'Reject', data: { orderId: O, shortages, now: NOW } });
const release: ReservationCommand = { type: 'Release', data: { orderId: O, now: NOW } };
const commit = (held: Line[]): ReservationCommand => ({ type: 'Commit', data: { orderId: O, held, now: NOW } });

const line = (productId: string, quantity: number): Line => ({ productId, quantity });
const ev = (type: typeof RESERVED | typeof RELEASED | typeof COMMITTED, l: Line): OrderLineEvent =>
  ({ type, data: { productId: l.productId, orderId: O, quantity: String(l.quantity), eventTime: at } }) as OrderLineEvent;
const rejected = (s: Shortage): OrderLineEvent => ({
  type: REJECTED,
  data: { productId: s.productId, orderId: O, requested: String(s.requested), available: String(s.available), eventTime: at },
});

const A2 = line('A', 2);
const B3 = line('B', 3);
const OPENED = [ev(RESERVED, A2), ev(RESERVED, B3)];
const SHORT_B: Shortage = { productId: 'B', requested: 3, available: 1 };

describe('the reservation record: opening', () => {
  it('records the lines merged and in product order', () => {
    given(reservationDecider).when(open([line('B', 1), A2, line('B', 2)])).then(OPENED);
  });

  it('accepts the same lines again, however they are spelled, without a change', () => {
    given(reservationDecider, OPENED).when(open([line('B', 2), line('A', 2), line('B', 1)])).then([]);
    given(reservationDecider, [...OPENED, rejected(SHORT_B)]).when(open([A2, B3])).then([]);
  });

  it('refuses other lines under the same order id', () => {
    given(reservationDecider, OPENED).when(open([A2, line('B', 4)])).thenThrows(FailedPreconditionError);
    given(reservationDecider, OPENED).when(open([A2])).thenThrows(FailedPreconditionError);
  });

  it('refuses no lines, too many, or a quantity out of range', () => {
    given(reservationDecider).when(open([])).thenThrows(InvalidArgumentError);
    given(reservationDecider).when(open(Array.from({ length: 101 }, (_, i) => line(`P${i}`, 1)))).thenThrows(InvalidArgumentError);
    given(reservationDecider).when(open([line('A', 600_000), line('A', 600_000)])).thenThrows(InvalidArgumentError);
  });
});

describe('the reservation record: deciding', () => {
  it('records a rejection with its shortages, once', () => {
    const more: Shortage = { productId: 'C', requested: 1, available: 0 };
    given(reservationDecider, OPENED).when(reject([SHORT_B, more])).then([rejected(SHORT_B), rejected(more)]);
    given(reservationDecider, [...OPENED, rejected(SHORT_B)]).when(reject([SHORT_B])).then([]);
  });

  it('keeps an earlier decision over a late rejection', () => {
    given(reservationDecider, [...OPENED, ev(RELEASED, A2), ev(RELEASED, B3)]).when(reject([SHORT_B])).then([]);
  });

  it('refuses to reject an unknown order, or without a shortage', () => {
    given(reservationDecider).when(reject([SHORT_B])).thenThrows(NotFoundError);
    given(reservationDecider, OPENED).when(reject([])).thenThrows(InvalidArgumentError);
  });

  it('releases every line of an open reservation, once', () => {
    given(reservationDecider, OPENED).when(release).then([ev(RELEASED, A2), ev(RELEASED, B3)]);
    given(reservationDecider, [...OPENED, ev(RELEASED, A2), ev(RELEASED, B3)]).when(release).then([]);
  });

  it('releases nothing for an unknown or a rejected order', () => {
    given(reservationDecider).when(release).then([]);
    given(reservationDecider, [...OPENED, rejected(SHORT_B)]).when(release).then([]);
  });

  it('refuses to release a committed order', () => {
    given(reservationDecider, [...OPENED, ev(COMMITTED, A2), ev(COMMITTED, B3)]).when(release).thenThrows(FailedPreconditionError);
  });

  it('commits every line once all of them are held', () => {
    given(reservationDecider, OPENED).when(commit([B3, A2])).then([ev(COMMITTED, A2), ev(COMMITTED, B3)]);
    given(reservationDecider, [...OPENED, ev(COMMITTED, A2), ev(COMMITTED, B3)]).when(commit([])).then([]);
  });

  it('refuses to commit an incomplete, unknown, released or rejected reservation', () => {
    given(reservationDecider, OPENED).when(commit([A2])).thenThrows(FailedPreconditionError);
    given(reservationDecider).when(commit([])).thenThrows(NotFoundError);
    given(reservationDecider, [...OPENED, ev(RELEASED, A2), ev(RELEASED, B3)]).when(commit([A2, B3])).thenThrows(FailedPreconditionError);
    given(reservationDecider, [...OPENED, rejected(SHORT_B)]).when(commit([A2, B3])).thenThrows(FailedPreconditionError);
  });
});

describe('the reservation state', () => {
  it('folds the lines and the decision', () => {
    expect(fold(reservationDecider, [])).toEqual({ status: 'none', lines: [], shortages: [] });
    expect(fold(reservationDecider, OPENED)).toEqual({ status: 'open', lines: [A2, B3], shortages: [] });
    expect(fold(reservationDecider, [...OPENED, rejected(SHORT_B)])).toEqual({ status: 'rejected', lines: [A2, B3], shortages: [SHORT_B] });
    expect(fold(reservationDecider, [...OPENED, ev(COMMITTED, A2), ev(COMMITTED, B3)]).status).toBe('committed');
  });
});
