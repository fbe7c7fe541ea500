import { DomainError, FailedPreconditionError, fold, given, GRPC_STATUS, InvalidArgumentError, NotFoundError } from '../src';
import { ADDED, addItem, cart, NOW, REMOVED, removeItem, timestamp, type CartEvent } from './cart-decider';

const added = (productId: string, quantity = 1): CartEvent => ({
  type: ADDED,
  data: { cartId: 'c1', ownerId: 'u1', productId, productName: `Product ${productId}`, quantity, unitPrice: { currencyCode: 'EUR', units: '12', nanos: 340_000_000 }, eventTime: timestamp(NOW) },
});
const removed = (productId: string): CartEvent => ({ type: REMOVED, data: { cartId: 'c1', ownerId: 'u1', productId, eventTime: timestamp(NOW) } });

describe('the cart decider (given / when / then)', () => {
  it('adds an item to an empty cart', () => {
    given(cart).when(addItem('p1', 2)).then([added('p1', 2)]);
  });

  it('removes an item that is in the cart', () => {
    given(cart, [added('p1'), added('p2')]).when(removeItem('p1')).then([removed('p1')]);
  });

  it('refuses to remove an item that is not in the cart', () => {
    given(cart, [added('p1'), removed('p1')]).when(removeItem('p1')).thenThrows(NotFoundError);
  });

  it('refuses a quantity out of range, as INVALID_ARGUMENT', () => {
    const err = given(cart).when(addItem('p1', 0)).thenThrows((e) => e instanceof DomainError && e.code === 'INVALID_ARGUMENT');
    expect((err as DomainError).grpcStatus).toBe(GRPC_STATUS.INVALID_ARGUMENT);
    expect((err as Error).message).toMatch(/quantity must be 1..99/);
  });

  it('folds events into the state', () => {
    expect(fold(cart, [added('p1', 2), added('p2'), added('p1', 3), removed('p2')])).toEqual({ lines: { p1: 5 } });
  });
});

describe('the given / when / then helper', () => {
  it('explains a mismatch with a diff', () => {
    expect(() => given(cart).when(addItem('p1', 2)).then([added('p1', 3)])).toThrow(/given 0 event\(s\), when AddItem: the events differ[\s\S]*quantity: 3/);
  });

  it('says what decide threw when events were expected', () => {
    expect(() => given(cart).when(removeItem('p9')).then([])).toThrow(/decide threw NotFoundError: product p9 is not in the cart/);
  });

  it('fails thenThrows when decide returns events, or throws something else', () => {
    expect(() => given(cart).when(addItem('p1')).thenThrows(InvalidArgumentError)).toThrow(/expected decide to throw InvalidArgumentError but it returned/);
    expect(() => given(cart).when(removeItem('p1')).thenThrows(FailedPreconditionError)).toThrow(/threw NotFoundError.*does not match FailedPreconditionError/);
  });
});
