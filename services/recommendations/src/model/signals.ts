// The events this service learns from (service.yaml `consumes`), turned into the few signals the
// behaviour model needs. Pure: bytes in, a signal or the reason it was skipped out.
import { decodeEvent, type EventFilter, type Message } from '@mercato/eventsourcing';
import type { CartItemAdded__Output } from '@mercato/protos/gen/mercato/cart/v1/CartItemAdded';
import type { CartItemQuantityChanged__Output } from '@mercato/protos/gen/mercato/cart/v1/CartItemQuantityChanged';
import type { CartItemRemoved__Output } from '@mercato/protos/gen/mercato/cart/v1/CartItemRemoved';
import type { GuestCartMerged__Output } from '@mercato/protos/gen/mercato/cart/v1/GuestCartMerged';
import type { OrderPriced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPriced';
import type { OrderConfirmed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderConfirmed';
import type { OrderFailed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderFailed';

export const CART_ITEM_ADDED = 'mercato.cart.v1.CartItemAdded';
export const CART_ITEM_QUANTITY_CHANGED = 'mercato.cart.v1.CartItemQuantityChanged';
export const CART_ITEM_REMOVED = 'mercato.cart.v1.CartItemRemoved';
export const GUEST_CART_MERGED = 'mercato.cart.v1.GuestCartMerged';
export const ORDER_PRICED = 'mercato.orders.v1.OrderPriced';
export const ORDER_CONFIRMED = 'mercato.orders.v1.OrderConfirmed';
export const ORDER_FAILED = 'mercato.orders.v1.OrderFailed';

/** Pushed down to the event store: only these streams and types reach the model. */
export const CONSUMED: EventFilter = {
  streamPrefixes: ['cart-', 'order-'],
  eventTypes: [CART_ITEM_ADDED, CART_ITEM_QUANTITY_CHANGED, CART_ITEM_REMOVED, GUEST_CART_MERGED, ORDER_PRICED, ORDER_CONFIRMED, ORDER_FAILED],
};

export type Signal =
  /** Products are in a cart now (added, merged in, or a quantity changed). */
  | Message<'Carted', { cartId: string; userId: string; productIds: string[] }>
  | Message<'Uncarted', { cartId: string; userId: string; productId: string }>
  /** The lines an order will be charged for; they count once the order is confirmed. */
  | Message<'Priced', { orderId: string; userId: string; productIds: string[] }>
  | Message<'Confirmed', { orderId: string; userId: string }>
  | Message<'Failed', { orderId: string }>;

export type Decoded = { ok: true; signal: Signal } | { ok: false; reason: string };

const ID_MAX = 128;
const validId = (s: unknown): s is string => typeof s === 'string' && s.length > 0 && s.length <= ID_MAX;

function ids(values: readonly unknown[]): string[] | undefined {
  const out = [...new Set(values)];
  return out.every(validId) ? (out as string[]) : undefined;
}

/** A stored event as the model sees it; an unreadable or incomplete one is skipped with a reason. */
export function toSignal(stored: { type: string; data: Uint8Array; contentType?: string }): Decoded {
  let data: object;
  try {
    data = decodeEvent(stored).data;
  } catch (err) {
    return { ok: false, reason: `undecodable ${stored.type}: ${(err as Error).message}` };
  }
  const bad = (what: string): Decoded => ({ ok: false, reason: `${stored.type} without a valid ${what}` });
  switch (stored.type) {
    case CART_ITEM_ADDED:
    case CART_ITEM_QUANTITY_CHANGED: {
      const e = data as CartItemAdded__Output | CartItemQuantityChanged__Output;
      if (!validId(e.cartId)) return bad('cart_id');
      if (!validId(e.productId)) return bad('product_id');
      return { ok: true, signal: { type: 'Carted', data: { cartId: e.cartId, userId: e.ownerId, productIds: [e.productId] } } };
    }
    case CART_ITEM_REMOVED: {
      const e = data as CartItemRemoved__Output;
      if (!validId(e.cartId)) return bad('cart_id');
      if (!validId(e.productId)) return bad('product_id');
      return { ok: true, signal: { type: 'Uncarted', data: { cartId: e.cartId, userId: e.ownerId, productId: e.productId } } };
    }
    case GUEST_CART_MERGED: {
      const e = data as GuestCartMerged__Output;
      if (!validId(e.cartId)) return bad('cart_id');
      const productIds = ids(e.items.map((i) => i.productId));
      if (!productIds) return bad('items[].product_id');
      return { ok: true, signal: { type: 'Carted', data: { cartId: e.cartId, userId: e.ownerId, productIds } } };
    }
    case ORDER_PRICED: {
      const e = data as OrderPriced__Output;
      if (!validId(e.orderId)) return bad('order_id');
      const productIds = ids(e.lines.map((l) => l.productId));
      if (!productIds) return bad('lines[].product_id');
      return { ok: true, signal: { type: 'Priced', data: { orderId: e.orderId, userId: e.customerId, productIds } } };
    }
    case ORDER_CONFIRMED: {
      const e = data as OrderConfirmed__Output;
      if (!validId(e.orderId)) return bad('order_id');
      return { ok: true, signal: { type: 'Confirmed', data: { orderId: e.orderId, userId: e.customerId } } };
    }
    case ORDER_FAILED: {
      const e = data as OrderFailed__Output;
      if (!validId(e.orderId)) return bad('order_id');
      return { ok: true, signal: { type: 'Failed', data: { orderId: e.orderId } } };
    }
    default:
      return { ok: false, reason: `not a consumed event type: ${stored.type}` };
  }
}
