// The cart decider as a specification: given events, when a command, then events or a refusal.
import { DomainError, FailedPreconditionError, fold, given, InvalidArgumentError, NotFoundError } from '@mercato/eventsourcing';
import type { Money } from '@mercato/kit';
import { CartOwnedError, type Actor } from '../src/domain/access';
import {
  CART_CLEARED,
  CART_MERGED_INTO,
  cartDecider,
  GUEST_CART_MERGED,
  ITEM_ADDED,
  ITEM_REMOVED,
  QUANTITY_CHANGED,
  timestamp,
  type CartCommand,
  type CartEvent,
} from '../src/domain/cart';
import type { Line, Product } from '../src/domain/lines';
import { cartView } from '../src/view';

const cart = cartDecider({ maxLines: 3, maxQuantity: 10 });
const NOW = new Date('2025-03-04T05:06:07.890Z');
const at = timestamp(NOW);
const GUEST = '0b6f3c1e-8a2d-4e5f-9a1b-2c3d4e5f6a7b';
const ALICE: Actor = { userId: 'alice', admin: false };
const BOB: Actor = { userId: 'bob', admin: false };
const ADMIN: Actor = { userId: 'root', admin: true };
const ANONYMOUS: Actor = { userId: '', admin: false };

const usd = (units: number, nanos = 0): Money => ({ currencyCode: 'USD', units: String(units), nanos });
const product = (id: string, price = usd(12, 500_000_000), name = `Product ${id}`): Product => ({ productId: id, productName: name, unitPrice: price });
const line = (id: string, quantity: number, price = usd(12, 500_000_000)): Line => ({ ...product(id, price), quantity });

// Events, on alice's cart unless told otherwise.
const added = (id: string, quantity: number, o: { cartId?: string; ownerId?: string; price?: Money } = {}): CartEvent => ({
  type: ITEM_ADDED,
  data: { cartId: o.cartId ?? 'alice', ownerId: o.ownerId ?? 'alice', productId: id, productName: `Product ${id}`, quantity, unitPrice: o.price ?? usd(12, 500_000_000), eventTime: at },
});
const changed = (id: string, quantity: number, price = usd(12, 500_000_000)): CartEvent => ({
  type: QUANTITY_CHANGED,
  data: { cartId: 'alice', ownerId: 'alice', productId: id, quantity, unitPrice: price, eventTime: at },
});
const removed = (id: string, cartId = 'alice', ownerId = 'alice'): CartEvent => ({ type: ITEM_REMOVED, data: { cartId, ownerId, productId: id, eventTime: at } });
const cleared = (cartId = 'alice', ownerId = 'alice'): CartEvent => ({ type: CART_CLEARED, data: { cartId, ownerId, orderId: '', eventTime: at } });
const mergedInto = (target = 'alice', ownerId = 'alice'): CartEvent => ({ type: CART_MERGED_INTO, data: { cartId: GUEST, targetCartId: target, ownerId, eventTime: at } });
const guestMerged = (items: Line[], guestCartId = GUEST): CartEvent => ({
  type: GUEST_CART_MERGED,
  data: { cartId: 'alice', ownerId: 'alice', guestCartId, items: items.map((i) => ({ ...i })), eventTime: at },
});
const guestAdded = (id: string, quantity: number, price?: Money): CartEvent => added(id, quantity, { cartId: GUEST, ownerId: '', ...(price ? { price } : {}) });

// Commands.
const base = (actor: Actor, cartId: string) => ({ cartId, actor, now: NOW });
const addItem = (id: string, quantity: number, actor = ALICE, cartId = actor.userId || GUEST, price?: Money): CartCommand => ({ type: 'AddItem', data: { ...base(actor, cartId), product: product(id, price), quantity } });
const changeQuantity = (id: string, quantity: number, actor = ALICE, price?: Money): CartCommand => ({ type: 'ChangeQuantity', data: { ...base(actor, 'alice'), product: product(id, price), quantity } });
const removeItem = (id: string, actor = ALICE, cartId = 'alice'): CartCommand => ({ type: 'RemoveItem', data: { ...base(actor, cartId), productId: id } });
const clearCart = (actor = ALICE, cartId = 'alice', orderId = ''): CartCommand => ({ type: 'ClearCart', data: { ...base(actor, cartId), orderId } });
const closeInto = (target = 'alice', actor = ALICE): CartCommand => ({ type: 'CloseIntoCart', data: { ...base(actor, GUEST), targetCartId: target } });
const mergeGuest = (items: Line[], actor = ALICE, cartId = 'alice', guestCartId = GUEST): CartCommand => ({ type: 'MergeGuestCart', data: { ...base(actor, cartId), guestCartId, items } });

const isCode = (code: string) => (err: unknown) => err instanceof DomainError && err.code === code;
const withMessage = (cls: abstract new (...a: never[]) => Error, re: RegExp) => (err: unknown) => err instanceof cls && re.test(err.message);

describe('the cart decider', () => {
  describe('AddItem', () => {
    it('starts a signed-in user\'s own cart, owned by them', () => {
      given(cart).when(addItem('p1', 2)).then([added('p1', 2)]);
    });

    it('starts a guest cart under a UUID for an anonymous caller, with no owner', () => {
      given(cart).when(addItem('p1', 1, ANONYMOUS, GUEST)).then([guestAdded('p1', 1)]);
    });

    it('adds the quantity to a line already in the cart (the event carries the quantity added)', () => {
      given(cart, [added('p1', 2)]).when(addItem('p1', 3)).then([added('p1', 3)]);
    });

    it('lets a signed-in user write to a guest cart without taking it over', () => {
      given(cart, [guestAdded('p1', 1)]).when(addItem('p2', 1, BOB, GUEST)).then([added('p2', 1, { cartId: GUEST, ownerId: '' })]);
    });

    it('lets an admin write to a user\'s cart, which stays the user\'s', () => {
      given(cart, [added('p1', 1)]).when(addItem('p2', 1, ADMIN, 'alice')).then([added('p2', 1)]);
    });

    it('refuses another user\'s cart, and an anonymous caller, naming no owner', () => {
      const err = given(cart, [added('p1', 1)]).when(addItem('p2', 1, BOB, 'alice')).thenThrows(CartOwnedError) as CartOwnedError;
      expect(err.ownerId).toBe('alice');
      expect(err.message).toBe('cart alice belongs to another user');
      given(cart, [added('p1', 1)]).when(addItem('p2', 1, ANONYMOUS, 'alice')).thenThrows(CartOwnedError);
    });

    it('refuses to start a guest cart whose id is not a UUID', () => {
      given(cart).when(addItem('p1', 1, ANONYMOUS, 'my-cart')).thenThrows(withMessage(InvalidArgumentError, /^cart_id: a guest cart id must be a UUID/));
    });

    it('refuses to let a signed-in user start a cart under any id but their own', () => {
      given(cart).when(addItem('p1', 1, BOB, 'alice')).thenThrows(isCode('PERMISSION_DENIED'));
      given(cart).when(addItem('p1', 1, BOB, GUEST)).thenThrows(isCode('PERMISSION_DENIED'));
    });

    it('refuses a quantity below 1 or above the most of one product', () => {
      given(cart).when(addItem('p1', 0)).thenThrows(withMessage(InvalidArgumentError, /^quantity: must be from 1 to 10$/));
      given(cart).when(addItem('p1', 11)).thenThrows(InvalidArgumentError);
      given(cart).when(addItem('p1', 1.5)).thenThrows(InvalidArgumentError);
    });

    it('refuses to take a line past the most of one product', () => {
      given(cart, [added('p1', 8)]).when(addItem('p1', 3)).thenThrows(withMessage(FailedPreconditionError, /at most 10 of one product: it has 8 of p1, adding 3 would make 11/));
      given(cart, [added('p1', 8)]).when(addItem('p1', 2)).then([added('p1', 2)]);
    });

    it('refuses a new product when the cart has the most lines it may hold', () => {
      const full = [added('p1', 1), added('p2', 1), added('p3', 1)];
      given(cart, full).when(addItem('p4', 1)).thenThrows(withMessage(FailedPreconditionError, /at most 3 different products/));
      given(cart, full).when(addItem('p3', 1)).then([added('p3', 1)]);
    });

    it('refuses a product priced in another currency than the cart', () => {
      given(cart, [added('p1', 1)]).when(addItem('p2', 1, ALICE, 'alice', { currencyCode: 'EUR', units: '3', nanos: 0 })).thenThrows(withMessage(FailedPreconditionError, /priced in USD but p2 in EUR/));
    });

    it('refuses a closed (merged) guest cart', () => {
      given(cart, [guestAdded('p1', 1), mergedInto()]).when(addItem('p2', 1, ANONYMOUS, GUEST)).thenThrows(withMessage(FailedPreconditionError, /merged .* and is closed/));
    });
  });

  describe('ChangeQuantity', () => {
    it('sets the quantity of a line, at the catalog\'s current price', () => {
      given(cart, [added('p1', 2)]).when(changeQuantity('p1', 5, ALICE, usd(11))).then([changed('p1', 5, usd(11))]);
    });

    it('writes nothing when the quantity and the price are already those', () => {
      given(cart, [added('p1', 2), changed('p1', 4)]).when(changeQuantity('p1', 4)).then([]);
    });

    it('writes the new price even when the quantity is unchanged', () => {
      given(cart, [added('p1', 2)]).when(changeQuantity('p1', 2, ALICE, usd(12, 600_000_000))).then([changed('p1', 2, usd(12, 600_000_000))]);
    });

    it('refuses a product that is not in the cart', () => {
      given(cart, [added('p1', 2), removed('p1')]).when(changeQuantity('p1', 1)).thenThrows(withMessage(NotFoundError, /product p1 is not in cart alice/));
    });

    it('refuses a quantity out of range, another user, and a closed cart', () => {
      given(cart, [added('p1', 2)]).when(changeQuantity('p1', 11)).thenThrows(InvalidArgumentError);
      given(cart, [added('p1', 2)]).when(changeQuantity('p1', 0)).thenThrows(InvalidArgumentError);
      given(cart, [added('p1', 2)]).when(changeQuantity('p1', 3, BOB)).thenThrows(CartOwnedError);
      given(cart, [guestAdded('p1', 1), mergedInto()]).when({ type: 'ChangeQuantity', data: { ...base(ANONYMOUS, GUEST), product: product('p1'), quantity: 2 } }).thenThrows(FailedPreconditionError);
    });

    it('refuses a price in another currency than the other lines', () => {
      given(cart, [added('p1', 2), added('p2', 1)]).when(changeQuantity('p1', 3, ALICE, { currencyCode: 'EUR', units: '1', nanos: 0 })).thenThrows(FailedPreconditionError);
    });
  });

  describe('RemoveItem', () => {
    it('removes a line', () => {
      given(cart, [added('p1', 2), added('p2', 1)]).when(removeItem('p1')).then([removed('p1')]);
    });

    it('writes nothing for a line that is not there (a retried remove succeeds)', () => {
      given(cart, [added('p1', 2), removed('p1')]).when(removeItem('p1')).then([]);
      given(cart).when(removeItem('p1')).then([]);
    });

    it('refuses another user and a closed cart', () => {
      given(cart, [added('p1', 2)]).when(removeItem('p1', BOB)).thenThrows(CartOwnedError);
      given(cart, [guestAdded('p1', 1), mergedInto()]).when(removeItem('p1', ANONYMOUS, GUEST)).thenThrows(FailedPreconditionError);
    });
  });

  describe('ClearCart', () => {
    it('clears a cart with lines', () => {
      given(cart, [added('p1', 2), added('p2', 1)]).when(clearCart()).then([cleared()]);
    });

    it('records the order that took the lines', () => {
      const [event] = cart.decide(clearCart(ALICE, 'alice', 'order-7'), fold(cart, [added('p1', 2)]));
      expect(event).toMatchObject({ type: 'mercato.cart.v1.CartCleared', data: { orderId: 'order-7' } });
    });

    it('writes nothing when the cart is already empty, or was never written', () => {
      given(cart, [added('p1', 2), cleared()]).when(clearCart()).then([]);
      given(cart).when(clearCart()).then([]);
      given(cart).when(clearCart(ANONYMOUS, GUEST)).then([]);
    });

    it('refuses another user, an anonymous caller on a user\'s cart, and a closed cart', () => {
      given(cart, [added('p1', 2)]).when(clearCart(BOB)).thenThrows(CartOwnedError);
      given(cart, [added('p1', 2)]).when(clearCart(ANONYMOUS)).thenThrows(CartOwnedError);
      given(cart, [guestAdded('p1', 1), mergedInto()]).when(clearCart(ANONYMOUS, GUEST)).thenThrows(FailedPreconditionError);
    });
  });

  describe('CloseIntoCart (the guest half of a merge)', () => {
    it('closes an open guest cart into the user\'s cart', () => {
      given(cart, [guestAdded('p1', 2)]).when(closeInto()).then([mergedInto()]);
    });

    it('writes nothing for a guest cart that was never written', () => {
      given(cart).when(closeInto()).then([]);
    });

    it('writes nothing when it is already closed into the same cart (a retry)', () => {
      given(cart, [guestAdded('p1', 2), mergedInto()]).when(closeInto()).then([]);
    });

    it('refuses a guest cart already merged into another cart', () => {
      given(cart, [guestAdded('p1', 2), mergedInto()]).when(closeInto('bob', BOB)).thenThrows(withMessage(FailedPreconditionError, /^guest_cart_id: .* already merged into another cart/));
    });

    it('refuses a cart that belongs to a signed-in user', () => {
      given(cart, [added('p1', 1, { cartId: GUEST, ownerId: 'bob' })]).when(closeInto()).thenThrows(withMessage(FailedPreconditionError, /not a guest cart/));
    });
  });

  describe('MergeGuestCart (the user half of a merge)', () => {
    it('takes over the guest lines into a new cart of the user, adding to lines it has', () => {
      given(cart).when(mergeGuest([line('p1', 2), line('p2', 1)])).then([guestMerged([line('p1', 2), line('p2', 1)])]);
      given(cart, [added('p1', 3)]).when(mergeGuest([line('p1', 2)])).then([guestMerged([line('p1', 2)])]);
    });

    it('caps quantities at the most of one product and drops what does not fit', () => {
      const full = [added('p1', 9), added('p2', 10), added('p3', 1)];
      given(cart, full).when(mergeGuest([line('p1', 5), line('p2', 1), line('p4', 1)])).then([guestMerged([line('p1', 1)])]);
    });

    it('leaves out lines in another currency than the cart', () => {
      given(cart, [added('p1', 1)]).when(mergeGuest([line('p2', 1, { currencyCode: 'EUR', units: '2', nanos: 0 }), line('p3', 1)])).then([guestMerged([line('p3', 1)])]);
    });

    it('writes nothing for a guest cart it took over already, or when nothing fits', () => {
      given(cart, [guestMerged([line('p1', 2)])]).when(mergeGuest([line('p1', 2)])).then([]);
      given(cart, [added('p1', 10)]).when(mergeGuest([line('p1', 2)])).then([]);
      given(cart).when(mergeGuest([])).then([]);
    });

    it('refuses an anonymous caller, another user\'s cart, a new cart not under the user\'s id, and a guest cart as target', () => {
      given(cart).when(mergeGuest([line('p1', 1)], ANONYMOUS)).thenThrows(isCode('PERMISSION_DENIED'));
      given(cart, [added('p1', 1)]).when(mergeGuest([line('p1', 1)], BOB)).thenThrows(CartOwnedError);
      given(cart).when(mergeGuest([line('p1', 1)], BOB)).thenThrows(isCode('PERMISSION_DENIED'));
      const otherGuest = '11111111-2222-4333-8444-555555555555';
      given(cart, [added('p1', 1, { cartId: otherGuest, ownerId: '' })]).when(mergeGuest([line('p1', 1)], ALICE, otherGuest)).thenThrows(withMessage(FailedPreconditionError, /^cart_id: .* is a guest cart/));
    });
  });

  describe('evolve', () => {
    it('folds lines in the order first added, with the latest price and name', () => {
      const state = fold(cart, [added('p1', 2), added('p2', 1), changed('p1', 5, usd(11)), added('p3', 1), removed('p2'), guestMerged([line('p3', 2, usd(4)), line('p4', 1)])]);
      expect(state).toMatchObject({ status: 'open', ownerId: 'alice', mergedGuests: [GUEST], updateTime: at });
      expect(state.lines).toEqual([line('p1', 5, usd(11)), line('p3', 3, usd(4)), line('p4', 1)]);
      expect(fold(cart, [added('p1', 2), cleared()]).lines).toEqual([]);
    });

    it('keeps a closed guest cart\'s lines (a retried merge reads them) but shows none', () => {
      const state = fold(cart, [guestAdded('p1', 2), mergedInto()]);
      expect(state).toMatchObject({ status: 'closed', ownerId: '', mergedInto: 'alice', lines: [line('p1', 2)] });
      expect(cartView(GUEST, state, 1n, ANONYMOUS)).toMatchObject({ items: [], itemCount: 0, subtotal: null, revision: '1' });
    });
  });

  describe('the cart view', () => {
    it('totals lines exactly and counts the units', () => {
      const state = fold(cart, [added('p1', 3, { price: usd(19, 990_000_000) }), added('p2', 1, { price: usd(0, 10_000_000) })]);
      expect(cartView('alice', state, 1n, ALICE)).toEqual({
        cartId: 'alice',
        ownerId: 'alice',
        items: [
          { productId: 'p1', productName: 'Product p1', quantity: 3, unitPrice: usd(19, 990_000_000), lineTotal: usd(59, 970_000_000) },
          { productId: 'p2', productName: 'Product p2', quantity: 1, unitPrice: usd(0, 10_000_000), lineTotal: usd(0, 10_000_000) },
        ],
        subtotal: usd(59, 980_000_000),
        itemCount: 4,
        revision: '1',
        updateTime: at,
      });
    });

    it('shows a never-written cart empty, owned by the caller when its id is theirs', () => {
      expect(cartView('alice', cart.initialState(), -1n, ALICE)).toMatchObject({ ownerId: 'alice', items: [], revision: '0', subtotal: null });
      expect(cartView(GUEST, cart.initialState(), -1n, ANONYMOUS)).toMatchObject({ ownerId: '', items: [] });
    });
  });
});
