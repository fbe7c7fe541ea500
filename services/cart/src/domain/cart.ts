// The cart decider: every rule of a cart as pure functions. Time and catalog prices arrive in the
// command; ownership rules come from access.ts and are checked against the state appended to.
import { assertNever, FailedPreconditionError, InvalidArgumentError, NotFoundError, type Decider, type Message } from '@mercato/eventsourcing';
import type { CartItemAdded__Output as Added } from '@mercato/protos/gen/mercato/cart/v1/CartItemAdded';
import type { CartItemQuantityChanged__Output as QuantityChanged } from '@mercato/protos/gen/mercato/cart/v1/CartItemQuantityChanged';
import type { CartItemRemoved__Output as Removed } from '@mercato/protos/gen/mercato/cart/v1/CartItemRemoved';
import type { CartCleared__Output as Cleared } from '@mercato/protos/gen/mercato/cart/v1/CartCleared';
import type { GuestCartMerged__Output as GuestMerged } from '@mercato/protos/gen/mercato/cart/v1/GuestCartMerged';
import type { CartMergedInto__Output as MergedInto } from '@mercato/protos/gen/mercato/cart/v1/CartMergedInto';
import type { Timestamp__Output as Timestamp } from '@mercato/protos/gen/google/protobuf/Timestamp';
import { authorize, authorizeMergeTarget, type Actor } from './access';
import { mergeableItems, priceOf, samePrice, withLine, type Line, type Product } from './lines';

export const ITEM_ADDED = 'mercato.cart.v1.CartItemAdded';
export const QUANTITY_CHANGED = 'mercato.cart.v1.CartItemQuantityChanged';
export const ITEM_REMOVED = 'mercato.cart.v1.CartItemRemoved';
export const CART_CLEARED = 'mercato.cart.v1.CartCleared';
export const GUEST_CART_MERGED = 'mercato.cart.v1.GuestCartMerged';
export const CART_MERGED_INTO = 'mercato.cart.v1.CartMergedInto';

export type CartEvent =
  | Message<typeof ITEM_ADDED, Added>
  | Message<typeof QUANTITY_CHANGED, QuantityChanged>
  | Message<typeof ITEM_REMOVED, Removed>
  | Message<typeof CART_CLEARED, Cleared>
  | Message<typeof GUEST_CART_MERGED, GuestMerged>
  | Message<typeof CART_MERGED_INTO, MergedInto>;

interface Base {
  cartId: string;
  actor: Actor;
  now: Date;
}
export type CartCommand =
  | Message<'AddItem', Base & { product: Product; quantity: number }>
  | Message<'ChangeQuantity', Base & { product: Product; quantity: number }>
  | Message<'RemoveItem', Base & { productId: string }>
  | Message<'ClearCart', Base & { orderId: string }>
  /** On the guest cart: close it, its lines going to targetCartId. */
  | Message<'CloseIntoCart', Base & { targetCartId: string }>
  /** On the user's cart: take over a closed guest cart's lines (priced by the catalog). */
  | Message<'MergeGuestCart', Base & { guestCartId: string; items: readonly Line[] }>;

export interface CartState {
  status: 'new' | 'open' | 'closed';
  ownerId: string;
  /** In the order first added. A closed cart keeps the lines it handed over (a retried merge reads them). */
  lines: readonly Line[];
  mergedInto: string;
  /** Guest carts already taken over: a repeated merge adds nothing. */
  mergedGuests: readonly string[];
  updateTime: Timestamp | null;
}

export interface CartLimits {
  maxLines: number;
  maxQuantity: number;
}

export const timestamp = (d: Date): Timestamp => ({ seconds: String(Math.floor(d.getTime() / 1000)), nanos: (d.getTime() % 1000) * 1_000_000 });

function checkQuantity(quantity: number, limits: CartLimits): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > limits.maxQuantity) throw new InvalidArgumentError(`quantity: must be from 1 to ${limits.maxQuantity}`);
}

function checkCurrency(lines: readonly Line[], product: Product): void {
  const other = lines.find((l) => l.productId !== product.productId);
  if (other && other.unitPrice.currencyCode !== product.unitPrice.currencyCode) {
    throw new FailedPreconditionError(`the cart is priced in ${other.unitPrice.currencyCode} but ${product.productId} in ${product.unitPrice.currencyCode}`);
  }
}

/** Authorizes, refuses a closed cart, and gives the fields every event carries. */
function openCart(state: CartState, c: Base): { cartId: string; ownerId: string; eventTime: Timestamp } {
  const ownerId = authorize(state, c.cartId, c.actor);
  if (state.status === 'closed') throw new FailedPreconditionError(`cart ${c.cartId} was merged into a signed-in user's cart and is closed`);
  return { cartId: c.cartId, ownerId, eventTime: timestamp(c.now) };
}

export function cartDecider(limits: CartLimits): Decider<CartCommand, CartEvent, CartState> {
  return {
    initialState: () => ({ status: 'new', ownerId: '', lines: [], mergedInto: '', mergedGuests: [], updateTime: null }),

    decide(command, state) {
      const find = (productId: string) => state.lines.find((l) => l.productId === productId);
      switch (command.type) {
        case 'AddItem': {
          const { product: p, quantity } = command.data;
          const base = openCart(state, command.data);
          checkQuantity(quantity, limits);
          const line = find(p.productId);
          const total = (line?.quantity ?? 0) + quantity;
          if (line && total > limits.maxQuantity) {
            throw new FailedPreconditionError(`a cart holds at most ${limits.maxQuantity} of one product: it has ${line.quantity} of ${p.productId}, adding ${quantity} would make ${total}`);
          }
          if (!line && state.lines.length >= limits.maxLines) throw new FailedPreconditionError(`a cart holds at most ${limits.maxLines} different products; remove one to add ${p.productId}`);
          checkCurrency(state.lines, p);
          return [{ type: ITEM_ADDED, data: { ...base, productId: p.productId, productName: p.productName, quantity, unitPrice: p.unitPrice } }];
        }
        case 'ChangeQuantity': {
          const { product: p, quantity } = command.data;
          const base = openCart(state, command.data);
          checkQuantity(quantity, limits);
          const line = find(p.productId);
          if (!line) throw new NotFoundError(`product ${p.productId} is not in cart ${base.cartId}`);
          if (line.quantity === quantity && samePrice(line.unitPrice, p.unitPrice)) return [];
          checkCurrency(state.lines, p);
          return [{ type: QUANTITY_CHANGED, data: { ...base, productId: p.productId, quantity, unitPrice: p.unitPrice } }];
        }
        case 'RemoveItem': {
          const base = openCart(state, command.data);
          // Removing a line that is not there is done already: the method is idempotent.
          if (!find(command.data.productId)) return [];
          return [{ type: ITEM_REMOVED, data: { ...base, productId: command.data.productId } }];
        }
        case 'ClearCart': {
          const base = openCart(state, command.data);
          if (state.lines.length === 0) return [];
          return [{ type: CART_CLEARED, data: { ...base, orderId: command.data.orderId } }];
        }
        case 'CloseIntoCart': {
          const c = command.data;
          if (state.status === 'new') return []; // never written: nothing to move, nothing to close
          if (state.ownerId) throw new FailedPreconditionError(`guest_cart_id: cart ${c.cartId} is a signed-in user's cart, not a guest cart`);
          if (state.status === 'closed') {
            if (state.mergedInto === c.targetCartId) return []; // a retry of the same merge
            throw new FailedPreconditionError(`guest_cart_id: cart ${c.cartId} was already merged into another cart`);
          }
          // owner_id: the user the guest cart now belongs to, linking the guest's history to them.
          return [{ type: CART_MERGED_INTO, data: { cartId: c.cartId, targetCartId: c.targetCartId, ownerId: c.actor.userId, eventTime: timestamp(c.now) } }];
        }
        case 'MergeGuestCart': {
          const c = command.data;
          const ownerId = authorizeMergeTarget(state, c.cartId, c.actor);
          if (state.mergedGuests.includes(c.guestCartId)) return [];
          // Never refuses for size: the guest cart is closed already, so its lines are capped instead.
          const items = mergeableItems(state.lines, c.items, limits);
          if (items.length === 0) return [];
          return [{ type: GUEST_CART_MERGED, data: { cartId: c.cartId, ownerId, guestCartId: c.guestCartId, items, eventTime: timestamp(c.now) } }];
        }
        default:
          return assertNever(command);
      }
    },

    evolve(state, event) {
      const touched: CartState = {
        ...state,
        status: state.status === 'new' ? 'open' : state.status,
        ownerId: state.status === 'new' && event.type !== CART_MERGED_INTO ? event.data.ownerId : state.ownerId,
        updateTime: event.data.eventTime,
      };
      switch (event.type) {
        case ITEM_ADDED: {
          const d = event.data;
          return { ...touched, lines: withLine(state.lines, d.productId, (l) => ({ productId: d.productId, productName: d.productName, quantity: (l?.quantity ?? 0) + d.quantity, unitPrice: priceOf(d.unitPrice) })) };
        }
        case QUANTITY_CHANGED: {
          const d = event.data;
          return { ...touched, lines: withLine(state.lines, d.productId, (l) => ({ productId: d.productId, productName: l?.productName ?? d.productId, quantity: d.quantity, unitPrice: priceOf(d.unitPrice) })) };
        }
        case ITEM_REMOVED:
          return { ...touched, lines: state.lines.filter((l) => l.productId !== event.data.productId) };
        case CART_CLEARED:
          return { ...touched, lines: [] };
        case GUEST_CART_MERGED: {
          const lines = event.data.items.reduce<readonly Line[]>(
            (acc, i) => withLine(acc, i.productId, (l) => ({ productId: i.productId, productName: i.productName, quantity: (l?.quantity ?? 0) + i.quantity, unitPrice: priceOf(i.unitPrice) })),
            state.lines,
          );
          return { ...touched, lines, mergedGuests: [...state.mergedGuests, event.data.guestCartId] };
        }
        case CART_MERGED_INTO:
          return { ...touched, status: 'closed', mergedInto: event.data.targetCartId };
        default:
          return assertNever(event);
      }
    },
  };
}
