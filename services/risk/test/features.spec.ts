// The feature store as a specification: given these order and payment events, when this order is
// assessed, then these are its signals.
import { loadTopology } from '@mercato/topology';
import { CONSUMED, RISK_FILTER } from '../src/features/events';
import { featureVector, FEATURES, ratioToNorm, signals } from '../src/features/extract';
import { compact, fromSnapshot, initialState, stateSize, storeMedian, toSnapshot } from '../src/features/state';
import { address, DAY, fold, History, HOME, HOUR, MINUTE, regular, riskOrder, T0, type RequestOptions } from './support/history';

const given = (build: (h: History) => History = (h) => h) => ({
  when: (o: RequestOptions) => signals(fold(build(new History())), riskOrder(o)),
});

describe('the features of an order, from the events before it', () => {
  it('consumes exactly what service.yaml declares', () => {
    const spec = loadTopology().get('risk');
    const declared = Object.fromEntries(spec.consumes.map((c) => [c.streamPrefix, [...c.events].sort()]));
    expect(Object.fromEntries(Object.entries(CONSUMED).map(([p, types]) => [p, [...types].sort()]))).toEqual(declared);
    expect(RISK_FILTER.streamPrefixes).toEqual(['order-', 'payment-']);
  });

  it('order velocity counts the customer’s earlier orders in the last hour and day, never the order itself', () => {
    const history = (h: History) =>
      h
        .placed({ orderId: 'v1', customerId: 'vic', at: T0 - 30 * HOUR })
        .placed({ orderId: 'v2', customerId: 'vic', at: T0 - 5 * HOUR })
        .placed({ orderId: 'v3', customerId: 'vic', at: T0 - 40 * MINUTE })
        .placed({ orderId: 'v4', customerId: 'vic', at: T0 - 10 * MINUTE })
        .placed({ orderId: 'other', customerId: 'someone-else', at: T0 - 5 * MINUTE });
    const before = given(history).when({ orderId: 'now', customerId: 'vic' });
    expect(before).toMatchObject({ ordersLastHour: 2, ordersLastDay: 3 });
    // The order's own OrderPlaced may reach the store before the saga asks: nothing changes.
    const after = given((h) => history(h).placed({ orderId: 'now', customerId: 'vic', at: T0 })).when({ orderId: 'now', customerId: 'vic' });
    expect(after).toEqual(before);
  });

  it('amount vs norm: the customer’s median of earlier confirmed orders; refunds leave it', () => {
    const s = given((h) => regular(h, 'amy', 5, 50)).when({ orderId: 'big', customerId: 'amy', total: 400 });
    expect(s.customerMedian).toBeCloseTo(50, 5);
    expect(s.priorConfirmed).toBe(5);
    expect(ratioToNorm(s)).toBeCloseTo(3, 5); // log2(400 / 50)
    const refunded = given((h) => regular(h, 'amy', 5, 50).refunded('amy-old-1', 'amy', T0 - DAY, 60).refunded('amy-old-4', 'amy', T0 - DAY, 60)).when({ orderId: 'big', customerId: 'amy', total: 400 });
    expect(refunded.customerMedian).toBeCloseTo(40, 5); // 40, 40, 50 left
  });

  it('amount vs norm: without two earlier orders the store’s median is the norm, once the store has one', () => {
    const fresh = given((h) => regular(h, 'amy', 1, 50)).when({ orderId: 'o', customerId: 'newbie', total: 100 });
    expect(fresh.customerMedian).toBeUndefined();
    expect(fresh.storeMedian).toBeUndefined();
    expect(ratioToNorm(fresh)).toBeUndefined(); // unknown: the model uses its training mean
    const h = new History();
    for (let i = 0; i < 30; i++) regular(h, `c${i}`, 1, 20 + i);
    const s = given(() => h).when({ orderId: 'o', customerId: 'newbie', total: 100 });
    // Totals 16.00 … 39.20 (median 27.60), kept in bins 12% wide.
    expect(s.storeMedian).toBeGreaterThan(27.6 / 1.13);
    expect(s.storeMedian).toBeLessThan(27.6 * 1.13);
  });

  it('new account: age from the request, else from the events, else first seen, else brand new', () => {
    expect(given().when({ orderId: 'o', customerId: 'c', accountCreatedAt: T0 - 2 * HOUR })).toMatchObject({ accountAgeMs: 2 * HOUR, ageSource: 'account' });
    const placedWithAge = (h: History) => h.placed({ orderId: 'p', customerId: 'c', at: T0 - DAY, accountCreatedAt: T0 - 3 * DAY });
    expect(given(placedWithAge).when({ orderId: 'o', customerId: 'c', accountCreatedAt: null })).toMatchObject({ accountAgeMs: 3 * DAY, ageSource: 'account' });
    expect(given((h) => h.placed({ orderId: 'p', customerId: 'c', at: T0 - 5 * HOUR })).when({ orderId: 'o', customerId: 'c', accountCreatedAt: null })).toMatchObject({ accountAgeMs: 5 * HOUR, ageSource: 'first_seen' });
    expect(given().when({ orderId: 'o', customerId: 'guest', accountCreatedAt: null })).toMatchObject({ accountAgeMs: 0, ageSource: 'none' });
  });

  it('failed payment attempts: the customer’s and the card’s declines of the last day; processing errors do not count', () => {
    const s = given((h) =>
      h
        .declined('d1', 'mal', T0 - 3 * HOUR, 'fp-stolen')
        .declined('d2', 'mal', T0 - 50 * MINUTE, 'fp-stolen')
        .declined('d3', 'accomplice', T0 - 20 * MINUTE, 'fp-stolen')
        .declined('d4', 'mal', T0 - 10 * MINUTE, 'fp-other', 'DECLINE_REASON_PROCESSING_ERROR')
        .declined('d0', 'mal', T0 - 2 * DAY, 'fp-stolen'),
    ).when({ orderId: 'o', customerId: 'mal', fingerprint: 'fp-stolen' });
    expect(s).toMatchObject({ customerDeclinesDay: 2, cardDeclinesDay: 3, cardDeclinesHour: 2 });
  });

  it('address mismatch: billing country, or postal code in the same country; none when billing is unset', () => {
    expect(given().when({ orderId: 'o', customerId: 'c', billing: address('DE', '10115') })).toMatchObject({ countryMismatch: true, postalMismatch: false, billingRegion: 'DE', shippingRegion: 'US' });
    expect(given().when({ orderId: 'o', customerId: 'c', billing: address('US', '10001') })).toMatchObject({ countryMismatch: false, postalMismatch: true });
    expect(given().when({ orderId: 'o', customerId: 'c', billing: address('US', '94 105', '12 Market St') })).toMatchObject({ countryMismatch: false, postalMismatch: false });
    expect(given().when({ orderId: 'o', customerId: 'c' })).toMatchObject({ countryMismatch: false, postalMismatch: false });
  });

  it('a new card or shipping address only counts for a customer with history', () => {
    const known = (h: History) => regular(h, 'amy', 3, 50);
    expect(given(known).when({ orderId: 'o', customerId: 'amy' })).toMatchObject({ newCard: false, newAddress: false });
    expect(given(known).when({ orderId: 'o', customerId: 'amy', fingerprint: 'fp-new', shipping: address('US', '60601', '9 Lake Dr') })).toMatchObject({ newCard: true, newAddress: true });
    expect(given().when({ orderId: 'o', customerId: 'first-timer', fingerprint: 'fp-new' })).toMatchObject({ newCard: false, newAddress: false });
  });

  it('sharing: other customers on the same card or shipping address in the last 30 days', () => {
    const s = given((h) =>
      h
        .placed({ orderId: 'a', customerId: 'a', at: T0 - 2 * DAY, fingerprint: 'fp-x', shipping: HOME })
        .placed({ orderId: 'b', customerId: 'b', at: T0 - DAY, fingerprint: 'fp-x', shipping: HOME })
        .authorized('c', 'c', T0 - HOUR, 20, 'fp-x')
        .placed({ orderId: 'old', customerId: 'd', at: T0 - 40 * DAY, fingerprint: 'fp-x' })
        .placed({ orderId: 'mine', customerId: 'me', at: T0 - HOUR, fingerprint: 'fp-x' }),
    ).when({ orderId: 'o', customerId: 'me', fingerprint: 'fp-x' });
    expect(s).toMatchObject({ cardOtherCustomers: 3, addressOtherCustomers: 2 });
  });

  it('basket: units of one valuable item, units of high-value items, categories when every line has one', () => {
    const s = given().when({ orderId: 'o', customerId: 'c', lines: [{ quantity: 12, unitPrice: 3, categoryId: 'books' }, { quantity: 6, unitPrice: 300, categoryId: 'electronics' }, { quantity: 2, unitPrice: 900, categoryId: 'jewelry' }] });
    expect(s).toMatchObject({ maxQuantity: 6, highValueUnits: 8, categories: 3 });
    const plain = given().when({ orderId: 'o', customerId: 'c', lines: [{ quantity: 2, unitPrice: 30 }] });
    expect(plain).toMatchObject({ maxQuantity: 0, highValueUnits: 0 });
    expect(plain.categories).toBeUndefined();
  });

  it('gives the model one finite value per feature, or undefined for an unknown one', () => {
    const v = featureVector(given((h) => regular(h, 'amy', 3, 50)).when({ orderId: 'o', customerId: 'amy' }));
    expect(v).toHaveLength(FEATURES.length);
    for (const x of v) expect(x === undefined || Number.isFinite(x)).toBe(true);
  });

  it('snapshots round-trip, and compaction drops only what no current order needs', () => {
    const h = regular(new History(), 'amy', 4, 50)
      .declined('d1', 'amy', T0 - 2 * HOUR, 'fp-amy')
      .placed({ orderId: 'ancient', customerId: 'gone', at: T0 - 500 * DAY, fingerprint: 'fp-gone' })
      .placed({ orderId: 'r1', customerId: 'amy', at: T0 - 20 * MINUTE });
    const state = fold(h);
    const copy = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(state))) as Record<string, unknown>);
    expect(copy).toEqual(state);
    const order = riskOrder({ orderId: 'o', customerId: 'amy', total: 90 });
    const before = signals(state, order);
    compact(state);
    expect(signals(state, order)).toEqual(before);
    expect(state.customers.has('gone')).toBe(false);
    expect(stateSize(state).customers).toBe(1);
    expect(storeMedian(state, 'USD')).toBeUndefined(); // 4 orders: too few for a store norm
  });

  it('ignores events without an order or customer id', () => {
    const h = new History().placed({ orderId: '', customerId: 'c', at: T0 - HOUR }).placed({ orderId: 'o1', customerId: '', at: T0 - HOUR });
    expect(stateSize(fold(h))).toEqual(stateSize(initialState()));
  });
});
