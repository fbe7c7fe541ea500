// A tiny example decider over the real cart event messages: lines of product quantities.
import type { CartItemAdded__Output } from '@mercato/protos/gen/mercato/cart/v1/CartItemAdded';
import type { CartItemRemoved__Output } from '@mercato/protos/gen/mercato/cart/v1/CartItemRemoved';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';
import { assertNever, InvalidArgumentError, NotFoundError, type Decider, type Message } from '../src';

export const ADDED = 'mercato.cart.v1.CartItemAdded';
export const REMOVED = 'mercato.cart.v1.CartItemRemoved';

export type CartEvent = Message<typeof ADDED, CartItemAdded__Output> | Message<typeof REMOVED, CartItemRemoved__Output>;

export type CartCommand =
  | Message<'AddItem', { cartId: string; ownerId: string; productId: string; productName: string; quantity: number; priceCents: number; now: Date }>
  | Message<'RemoveItem', { cartId: string; ownerId: string; productId: string; now: Date }>;

/** Quantity per product id. */
export interface CartState {
  lines: Record<string, number>;
}

export const timestamp = (d: Date): Timestamp__Output => ({ seconds: String(Math.floor(d.getTime() / 1000)), nanos: (d.getTime() % 1000) * 1e6 });

export const cart: Decider<CartCommand, CartEvent, CartState> = {
  initialState: () => ({ lines: {} }),
  decide(command, state) {
    switch (command.type) {
      case 'AddItem': {
        const c = command.data;
        if (!Number.isInteger(c.quantity) || c.quantity < 1 || c.quantity > 99) throw new InvalidArgumentError(`quantity must be 1..99, got ${c.quantity}`);
        const unitPrice = { currencyCode: 'EUR', units: String(Math.floor(c.priceCents / 100)), nanos: (c.priceCents % 100) * 10_000_000 };
        const data = { cartId: c.cartId, ownerId: c.ownerId, productId: c.productId, productName: c.productName, quantity: c.quantity, unitPrice, eventTime: timestamp(c.now) };
        return [{ type: ADDED, data }];
      }
      case 'RemoveItem': {
        const c = command.data;
        if (!state.lines[c.productId]) throw new NotFoundError(`product ${c.productId} is not in the cart`);
        return [{ type: REMOVED, data: { cartId: c.cartId, ownerId: c.ownerId, productId: c.productId, eventTime: timestamp(c.now) } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case ADDED:
        return { lines: { ...state.lines, [event.data.productId]: (state.lines[event.data.productId] ?? 0) + event.data.quantity } };
      case REMOVED: {
        const { [event.data.productId]: _, ...lines } = state.lines;
        return { lines };
      }
      default:
        return assertNever(event);
    }
  },
};

export const NOW = new Date('2025-01-02T03:04:05.678Z');

export const addItem = (productId: string, quantity = 1, cartId = 'c1'): CartCommand => ({
  type: 'AddItem',
  data: { cartId, ownerId: 'u1', productId, productName: `Product ${productId}`, quantity, priceCents: 1234, now: NOW },
});

export const removeItem = (productId: string, cartId = 'c1'): CartCommand => ({ type: 'RemoveItem', data: { cartId, ownerId: 'u1', productId, now: NOW } });
