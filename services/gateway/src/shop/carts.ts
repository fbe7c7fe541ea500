// Which cart a request works on. Signed in: the user's own, whose id is the user id (the cart
// service's rule). A guest: the mercato_cart cookie, or X-Cart-Id for API clients without
// cookies; a first write starts one under a random UUID and sets the cookie.
import { randomUUID } from 'node:crypto';
import { badRequest, forbidden } from '../http/errors';
import type { RequestContext } from '../http/router';
import { CART_COOKIE } from '../http/server';
import type { Accounts } from './accounts';
import type { CartRef } from './shop';

export const CART_HEADER = 'x-cart-id';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUEST_CART_DAYS = 30;

/** The guest cart id the request names (header first), validated; undefined when none. */
export function guestCartIdOf(ctx: RequestContext): string | undefined {
  const header = ctx.req.headers[CART_HEADER];
  if (header !== undefined) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value || !UUID_RE.test(value)) throw badRequest('X-Cart-Id', 'must be a UUID (a guest cart id)');
    return value.toLowerCase();
  }
  const cookie = ctx.cookies[CART_COOKIE];
  return cookie && UUID_RE.test(cookie) ? cookie.toLowerCase() : undefined;
}

/**
 * The cart of this request; undefined for a guest without one when `create` is false (reads
 * answer an empty cart without starting one).
 */
export async function cartOf(ctx: RequestContext, accounts: Accounts, create: boolean): Promise<CartRef | undefined> {
  if (ctx.user) return { cartId: ctx.user.id, user: ctx.user };
  const fromHeader = ctx.req.headers[CART_HEADER] !== undefined;
  let id = guestCartIdOf(ctx);
  // A user's cart id is their user id: a guest naming one would take that user's cart over
  // before its first write, so such an id is never a guest cart.
  if (id && (await accounts.isUserId(id))) {
    if (fromHeader) throw forbidden('X-Cart-Id names a signed-in user\'s cart; sign in to use it');
    ctx.clearCookie(CART_COOKIE);
    id = undefined;
  }
  if (id) return { cartId: id, user: undefined };
  if (!create) return undefined;
  const cartId = randomUUID();
  ctx.setCookie(CART_COOKIE, cartId, { httpOnly: true, maxAgeSeconds: GUEST_CART_DAYS * 24 * 3600 });
  // A browser with a cart cookie gets its CSRF cookie at the same time.
  void ctx.csrfToken;
  return { cartId, user: undefined };
}
