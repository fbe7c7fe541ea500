// gRPC handlers of mercato.cart.v1.CartService: validate → price (catalog) → load, decide, append
// (handleCommand retries conflicts) → answer the folded cart.
import { check, GrpcError, invalidArgument, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import { DomainError, handleCommand, StreamCache, type EventStorePort, type HandleResult } from '@mercato/eventsourcing';
import type { CartServiceHandlers } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import { authorize, authorizeMergeTarget, CartOwnedError, type Actor } from './domain/access';
import { cartDecider, type CartCommand, type CartEvent, type CartLimits, type CartState } from './domain/cart';
import type { Line } from './domain/lines';
import type { Catalog } from './catalog';
import { cartView } from './view';

export const cartStream = (cartId: string): string => `cart-${cartId}`;

/**
 * The command ids of a merge's two appends, derived from the carts so a retry (or a restart
 * between the appends) finds what an earlier attempt wrote and completes only the missing half.
 * The guest half names the target too: merging the same guest cart into another cart must be
 * refused by the decider, not replayed as a success.
 */
export function mergeCommandIds(guestCartId: string, cartId: string): { close: string; merge: string } {
  return { close: `merge-guest-cart:${guestCartId}:into:${cartId}`, merge: `merge-guest-cart:${guestCartId}` };
}

// The same id rule as the orders service applies to the cart it checks out.
const CART_ID = /^[A-Za-z0-9._:-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const parseCartId = (value: unknown): string =>
  check.text(value, 'cart_id', { max: 128, pattern: CART_ID, hint: 'must be 1-128 letters, digits or ._:- characters (your user id, or a UUID for a guest cart)' });
const parseGuestCartId = (value: unknown): string => check.text(value, 'guest_cart_id', { max: 36, pattern: UUID, hint: 'must be a UUID: guest carts have random UUIDs as ids' });
const parseProductId = (value: unknown): string =>
  check.text(value, 'product_id', { max: 64, pattern: PRODUCT_ID, hint: 'must be a catalog product id (letters, digits, "-" and "_")' });

const actorOf = (ctx: CallContext): Actor => ({ userId: ctx.user?.id ?? '', admin: ctx.user?.roles.includes('admin') ?? false });

/** A refusal of the domain as a gRPC status; another user's cart goes through requireOwner. */
function refuse(err: unknown, ctx: CallContext): never {
  if (err instanceof CartOwnedError) ctx.requireOwner(err.ownerId);
  if (err instanceof DomainError) throw new GrpcError(err.grpcStatus, err.message);
  throw err;
}

export interface CartDeps {
  store: EventStorePort;
  catalog: Catalog;
  limits: CartLimits;
}

export function cartHandlers({ store, catalog, limits }: CartDeps): AsyncHandlers<CartServiceHandlers> {
  const decider = cartDecider(limits);

  // Carts stay folded in memory: a shopper's next change is decided on the cart as this process
  // left it and appended at its revision; only newer events are read (a stale cart costs a conflict).
  const carts = new StreamCache<CartEvent, CartState>(store, decider);

  /** The cart as the store has it now (the remembered fold caught up with newer events). */
  async function load(cartId: string): Promise<{ state: CartState; revision: bigint }> {
    return carts.refresh(cartStream(cartId));
  }

  async function execute(ctx: CallContext, command: CartCommand, commandId?: string): Promise<HandleResult<CartEvent, CartState>> {
    try {
      // Ten attempts: a burst of adds to one cart (several tabs, a script) all land. A command id
      // (a merge) is found among the stream's events, so those commands read the stream.
      const options = { userId: command.data.actor.userId || undefined, maxAttempts: 10 };
      return await handleCommand(store, decider, cartStream(command.data.cartId), command, commandId ? { ...options, commandId } : { ...options, cache: carts });
    } catch (err) {
      return refuse(err, ctx);
    }
  }

  /** Runs a command and answers the cart after it. */
  async function answer(ctx: CallContext, command: CartCommand) {
    const r = await execute(ctx, command);
    return { cart: cartView(command.data.cartId, r.state, r.nextExpectedRevision, command.data.actor) };
  }

  const quantity = (value: unknown, min: number): number => check.int(value, 'quantity', { min, max: limits.maxQuantity });

  return {
    GetCart: async (req, ctx) => {
      const cartId = parseCartId(req.cartId);
      const actor = actorOf(ctx);
      const { state, revision } = await load(cartId);
      try {
        authorize(state, cartId, actor);
      } catch (err) {
        refuse(err, ctx);
      }
      return { cart: cartView(cartId, state, revision, actor) };
    },

    AddItem: async (req, ctx) => {
      const cartId = parseCartId(req.cartId);
      const productId = parseProductId(req.productId);
      const q = quantity(req.quantity, 1);
      const product = await catalog.product(productId, ctx);
      return answer(ctx, { type: 'AddItem', data: { cartId, actor: actorOf(ctx), now: new Date(), product, quantity: q } });
    },

    UpdateItemQuantity: async (req, ctx) => {
      const cartId = parseCartId(req.cartId);
      const productId = parseProductId(req.productId);
      const q = quantity(req.quantity, 0);
      const base = { cartId, actor: actorOf(ctx), now: new Date() };
      // 0 removes the line, without asking the catalog: a product it dropped can still be removed.
      if (q === 0) return answer(ctx, { type: 'RemoveItem', data: { ...base, productId } });
      const product = await catalog.product(productId, ctx);
      return answer(ctx, { type: 'ChangeQuantity', data: { ...base, product, quantity: q } });
    },

    RemoveItem: async (req, ctx) => {
      const cartId = parseCartId(req.cartId);
      const productId = parseProductId(req.productId);
      return answer(ctx, { type: 'RemoveItem', data: { cartId, actor: actorOf(ctx), now: new Date(), productId } });
    },

    ClearCart: async (req, ctx) => {
      const cartId = parseCartId(req.cartId);
      if (req.orderId.length > 128) throw invalidArgument('order_id', 'must be at most 128 characters');
      return answer(ctx, { type: 'ClearCart', data: { cartId, actor: actorOf(ctx), now: new Date(), orderId: req.orderId } });
    },

    MergeCarts: async (req, ctx) => {
      const guestCartId = parseGuestCartId(req.guestCartId);
      const cartId = parseCartId(req.cartId);
      if (guestCartId.toLowerCase() === cartId.toLowerCase()) throw invalidArgument('cart_id', 'must differ from guest_cart_id');
      const actor = actorOf(ctx);
      const now = new Date();

      // Everything that can refuse or fail runs before the first append: the target must be the
      // caller's, and the catalog must price the guest's lines.
      const target = await load(cartId);
      try {
        authorizeMergeTarget(target.state, cartId, actor);
      } catch (err) {
        refuse(err, ctx);
      }
      const guest = await load(guestCartId);
      const prices = await catalog.products(
        guest.state.lines.map((l) => l.productId),
        ctx,
      );

      // Guest half first: once it is closed nobody can add to it, and its lines stay in its state.
      const ids = mergeCommandIds(guestCartId, cartId);
      const closed = await execute(ctx, { type: 'CloseIntoCart', data: { cartId: guestCartId, actor, now, targetCartId: cartId } }, ids.close);
      // Current catalog prices; products it dropped stay behind; a line added after the price
      // check (just before the close) keeps the price it was added at.
      const items = closed.state.lines.flatMap((l): Line[] => {
        if (prices.missing.has(l.productId)) return [];
        const p = prices.found.get(l.productId);
        return [p ? { ...p, quantity: l.quantity } : l];
      });
      const r = await execute(ctx, { type: 'MergeGuestCart', data: { cartId, actor, now, guestCartId, items } }, ids.merge);
      if (r.events.length > 0 && !r.replayed) ctx.log.info({ cart_id: cartId, guest_cart_id: guestCartId, lines: items.length }, 'guest cart merged');
      return { cart: cartView(cartId, r.state, r.nextExpectedRevision, actor) };
    },
  };
}

/**
 * Public at the app layer, because guest carts are used without a token: each handler decides per
 * cart (owner via requireOwner, guest carts by id). The gateway and orders forward the user's token.
 */
export const cartAccess: ServeOptions<CartServiceHandlers> = {
  access: { MergeCarts: 'user' },
};
