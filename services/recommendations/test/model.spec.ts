// The behaviour model as a specification: given these signals, the model holds these counts —
// and the decoding of the consumed events into signals, from real protobuf bytes.
import { encodeEvent } from '@mercato/eventsourcing';
import { moneyFromCents } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import { BehaviourModel, type ModelLimits } from '../src/model/behaviour';
import { CONSUMED, toSignal, type Signal } from '../src/model/signals';

const carted = (cartId: string, userId: string, ...productIds: string[]): Signal => ({ type: 'Carted', data: { cartId, userId, productIds } });
const uncarted = (cartId: string, userId: string, productId: string): Signal => ({ type: 'Uncarted', data: { cartId, userId, productId } });
const priced = (orderId: string, userId: string, ...productIds: string[]): Signal => ({ type: 'Priced', data: { orderId, userId, productIds } });
const confirmed = (orderId: string, userId: string): Signal => ({ type: 'Confirmed', data: { orderId, userId } });
const failed = (orderId: string): Signal => ({ type: 'Failed', data: { orderId } });

function given(signals: Signal[], limits?: ModelLimits): BehaviourModel {
  const model = new BehaviourModel(limits);
  for (const s of signals) model.apply(s);
  return model;
}

const pair = (m: BehaviourModel, counts: 'bought' | 'carted' | 'alsoBought', a: string, b: string): number => m[counts].get(a)?.get(b) ?? 0;

/** A bought order: its cart filled, priced and confirmed. */
const order = (orderId: string, userId: string, ...ids: string[]): Signal[] => [carted(userId, userId, ...ids), priced(orderId, userId, ...ids), confirmed(orderId, userId)];

describe('the behaviour model', () => {
  it('counts products carted together once per cart, both ways; a quantity change adds nothing', () => {
    const m = given([carted('c1', '', 'A'), carted('c1', '', 'B'), carted('c1', '', 'A'), carted('c1', '', 'C'), carted('c2', '', 'A', 'B')]);
    expect(pair(m, 'carted', 'A', 'B')).toBe(2);
    expect(pair(m, 'carted', 'B', 'A')).toBe(2);
    expect(pair(m, 'carted', 'A', 'C')).toBe(1);
    expect(m.cartings.get('A')).toBe(2);
    expect(m.orders.size).toBe(0);
  });

  it('counts a removed line as carted, but not with what is added after it', () => {
    const m = given([carted('c1', 'ann', 'A'), uncarted('c1', 'ann', 'A'), carted('c1', 'ann', 'B')]);
    expect(m.cartings.get('A')).toBe(1);
    expect(pair(m, 'carted', 'A', 'B')).toBe(0);
    expect(m.users.get('ann')!.weights.has('A')).toBe(false);
  });

  it('counts an order once it is confirmed, never a failed one, never twice', () => {
    const m = given([priced('o1', 'ann', 'A', 'B'), priced('o2', 'bob', 'A', 'C'), failed('o2'), confirmed('o2', 'bob'), confirmed('o1', 'ann'), confirmed('o1', 'ann')]);
    expect(pair(m, 'bought', 'A', 'B')).toBe(1);
    expect(pair(m, 'bought', 'A', 'C')).toBe(0);
    expect(m.orders.get('A')).toBe(1);
    expect(m.users.get('ann')!.purchased).toEqual(['A', 'B']);
    expect(m.users.has('bob')).toBe(false);
  });

  it('ignores a confirmation whose lines it never saw', () => {
    const m = given([confirmed('o9', 'ann')]);
    expect(m.orders.size).toBe(0);
    expect(m.version).toBe(1);
  });

  it('links products one user bought in different orders (taste beyond one basket)', () => {
    const m = given([...order('o1', 'ann', 'A'), ...order('o2', 'ann', 'B'), ...order('o3', 'bob', 'B')]);
    expect(pair(m, 'alsoBought', 'A', 'B')).toBe(1);
    expect(m.buyers.get('B')).toBe(2);
    expect(pair(m, 'bought', 'A', 'B')).toBe(0);
  });

  it('starts a new basket after an order took the cart: the next order is not carted with the last', () => {
    const m = given([...order('o1', 'ann', 'A'), carted('ann', 'ann', 'B')]);
    expect(pair(m, 'carted', 'A', 'B')).toBe(0);
  });

  it('builds a profile that favours what the user bought, and fades older taste', () => {
    const m = given([...order('o1', 'ann', 'A'), carted('ann', 'ann', 'B')]);
    const w = m.users.get('ann')!.weights;
    expect(w.get('A')).toBeGreaterThan(w.get('B')!);
    const later = given([...order('o1', 'ann', 'A'), ...order('o2', 'ann', 'B')]);
    const w2 = later.users.get('ann')!.weights;
    expect(w2.get('B')).toBeGreaterThan(w2.get('A')!);
  });

  it('scores neighbours by cosine: a product bought only with A is closer to A than a bestseller', () => {
    const m = given([
      ...order('o1', 'u1', 'A', 'NICHE'),
      ...order('o2', 'u2', 'A', 'NICHE'),
      ...order('o3', 'u3', 'A', 'HIT'),
      ...order('o4', 'u4', 'B', 'HIT'),
      ...order('o5', 'u5', 'C', 'HIT'),
      ...order('o6', 'u6', 'D', 'HIT'),
    ]);
    const n = m.neighbours('A');
    expect(n.get('NICHE')).toBeGreaterThan(n.get('HIT')!);
    expect(m.popular()[0]).toBe('HIT');
  });

  it('stays within its limits: forgets the least recently touched cart, prunes the weakest neighbours', () => {
    const limits: ModelLimits = { carts: 2, pending: 2, basketLines: 3, neighbours: 4, profileItems: 5, purchases: 3 };
    const m = given([carted('c1', '', 'A'), carted('c2', '', 'A'), carted('c3', '', 'A'), carted('c1', '', 'B')], limits);
    expect(pair(m, 'carted', 'A', 'B')).toBe(0); // c1 was forgotten
    const wide = given(
      Array.from({ length: 6 }, (_, i) => carted(`w${i}`, '', 'A', `P${i}`)),
      limits,
    );
    expect(wide.carted.get('A')!.size).toBeLessThanOrEqual(4);
    const big = given(order('o1', 'ann', 'A', 'B', 'C', 'D', 'E'), limits);
    expect(big.orders.has('D')).toBe(false); // beyond basketLines
    expect(big.users.get('ann')!.purchased.length).toBeLessThanOrEqual(3);
  });

  it('restores exactly from its snapshot, and refuses a malformed one', () => {
    const m = given([...order('o1', 'ann', 'A', 'B'), carted('g1', '', 'A', 'C'), priced('o2', 'bob', 'C'), uncarted('g1', '', 'C')]);
    const snap = m.toSnapshot();
    const copy = BehaviourModel.fromSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(copy.toSnapshot()).toEqual(snap);
    // The pending order survives: its confirmation still counts after a restart.
    copy.apply(confirmed('o2', 'bob'));
    expect(copy.orders.get('C')).toBe(1);
    expect(() => BehaviourModel.fromSnapshot({ ...snap, format: 99 })).toThrow(/format/);
    expect(() => BehaviourModel.fromSnapshot({ ...snap, orders: [['A', 'x' as unknown as number]] })).toThrow(/count/);
  });
});

describe('decoding consumed events', () => {
  const usd = moneyFromCents(1250, 'USD');
  const at = { seconds: '1741600000', nanos: 0 };
  const bytes = (type: string, data: object) => encodeEvent({ type, data }, 'id-1');

  it('consumes exactly what service.yaml declares', () => {
    const spec = loadTopology().get('recommendations');
    expect(new Set(CONSUMED.streamPrefixes)).toEqual(new Set(spec.consumes.map((c) => c.streamPrefix)));
    expect(new Set(CONSUMED.eventTypes)).toEqual(new Set(spec.consumes.flatMap((c) => c.events)));
  });

  it('turns each consumed event into its signal', () => {
    const cases: Array<[string, object, Signal]> = [
      ['mercato.cart.v1.CartItemAdded', { cartId: 'c1', ownerId: 'ann', productId: 'A', productName: 'A', quantity: 2, unitPrice: usd, eventTime: at }, carted('c1', 'ann', 'A')],
      ['mercato.cart.v1.CartItemQuantityChanged', { cartId: 'c1', ownerId: 'ann', productId: 'A', quantity: 3, unitPrice: usd, eventTime: at }, carted('c1', 'ann', 'A')],
      ['mercato.cart.v1.CartItemRemoved', { cartId: 'c1', ownerId: '', productId: 'A', eventTime: at }, uncarted('c1', '', 'A')],
      ['mercato.cart.v1.GuestCartMerged', { cartId: 'ann', ownerId: 'ann', guestCartId: 'g1', items: [{ productId: 'A', productName: 'A', quantity: 1, unitPrice: usd }, { productId: 'B', productName: 'B', quantity: 1, unitPrice: usd }], eventTime: at }, carted('ann', 'ann', 'A', 'B')],
      ['mercato.orders.v1.OrderPriced', { orderId: 'o1', customerId: 'ann', lines: [{ productId: 'A', productName: 'A', quantity: 1, unitPrice: usd, lineTotal: usd }], subtotal: usd, shippingCost: usd, total: usd, eventTime: at }, priced('o1', 'ann', 'A')],
      ['mercato.orders.v1.OrderConfirmed', { orderId: 'o1', customerId: 'ann', total: usd, eventTime: at }, confirmed('o1', 'ann')],
      ['mercato.orders.v1.OrderFailed', { orderId: 'o1', customerId: 'ann', step: 'SAGA_STEP_RESERVE_STOCK', reason: 'FAILURE_REASON_OUT_OF_STOCK', message: 'no stock', eventTime: at }, failed('o1')],
    ];
    for (const [type, data, signal] of cases) expect(toSignal(bytes(type, data))).toEqual({ ok: true, signal });
  });

  it('skips, with a reason, bytes it cannot read, events missing their ids, and types it does not consume', () => {
    expect(toSignal({ type: 'mercato.orders.v1.OrderPriced', data: new Uint8Array([0xff, 0xff, 0xff]), contentType: 'application/x-protobuf' })).toMatchObject({ ok: false, reason: expect.stringMatching(/undecodable/) });
    expect(toSignal(bytes('mercato.orders.v1.OrderConfirmed', { customerId: 'ann' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/order_id/) });
    expect(toSignal(bytes('mercato.cart.v1.CartItemAdded', { cartId: 'c1', ownerId: 'ann', quantity: 1 }))).toMatchObject({ ok: false, reason: expect.stringMatching(/product_id/) });
    expect(toSignal(bytes('mercato.orders.v1.OrderPriced', { orderId: 'o1', lines: [{ productId: '' }] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/lines/) });
    expect(toSignal(bytes('mercato.cart.v1.CartCleared', { cartId: 'c1' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/not a consumed/) });
  });
});
