// Who reaches a cart. A cart is owned by the signed-in user whose id is its id; a guest cart (a
// random UUID, first written without a token) belongs to whoever holds its id. Pure: the decider
// applies these rules to the state it appends against, so a race cannot slip past them.
import { DomainError, FailedPreconditionError, InvalidArgumentError } from '@mercato/eventsourcing';
import type { CartState } from './cart';

/** The caller: userId is empty for an anonymous call. */
export interface Actor {
  userId: string;
  admin: boolean;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuestCartId = (cartId: string): boolean => UUID_RE.test(cartId);

/** Another user's cart: the shell answers through ctx.requireOwner (UNAUTHENTICATED or PERMISSION_DENIED). */
export class CartOwnedError extends DomainError {
  constructor(
    readonly cartId: string,
    readonly ownerId: string,
  ) {
    super('PERMISSION_DENIED', `cart ${cartId} belongs to another user`);
  }
}

/**
 * The owner of the cart (or of the cart the first write creates), or a refusal. Existing carts:
 * the owner or an admin; guest carts: anyone. New carts: an anonymous caller starts a guest cart
 * under a UUID; a signed-in caller starts only their own (its id is their user id), so nobody can
 * claim another user's cart id before that user writes it.
 */
export function authorize(state: CartState, cartId: string, actor: Actor): string {
  if (state.status !== 'new') {
    if (state.ownerId && state.ownerId !== actor.userId && !actor.admin) throw new CartOwnedError(cartId, state.ownerId);
    return state.ownerId;
  }
  if (!actor.userId) {
    if (!isGuestCartId(cartId)) throw new InvalidArgumentError('cart_id: a guest cart id must be a UUID (or sign in to use your own cart)');
    return '';
  }
  if (cartId !== actor.userId) {
    throw new DomainError('PERMISSION_DENIED', `cart ${cartId} does not exist and cannot be started while signed in: a signed-in user's cart id is their user id`);
  }
  return actor.userId;
}

/** The cart a guest cart merges into: the caller's own (existing or new), never a guest cart. */
export function authorizeMergeTarget(state: CartState, cartId: string, actor: Actor): string {
  if (!actor.userId) throw new DomainError('PERMISSION_DENIED', 'merging carts needs a signed-in user');
  const ownerId = authorize(state, cartId, actor);
  if (!ownerId) throw new FailedPreconditionError(`cart_id: cart ${cartId} is a guest cart; merge into your own cart (your user id)`);
  return ownerId;
}
