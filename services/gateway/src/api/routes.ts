// The JSON API (/api/v1), as the contract in the OpenAPI document describes it: each route
// validates its input with the declared schemas, calls the shop, and answers JSON.
import { HttpError, tooManyRequests } from '../http/errors';
import { parseWith, type JsonSchema } from '../http/schema';
import type { RequestContext, ResponseDoc, Route } from '../http/router';
import { CART_COOKIE } from '../http/server';
import * as inputs from '../shop/inputs';
import { cartOf, guestCartIdOf } from '../shop/carts';
import { checkoutOutcome, type Shop } from '../shop/shop';
import * as json from '../shop/json';
import type { Accounts, SignedIn } from '../shop/accounts';
import type { RateLimiter } from '../auth/ratelimit';

export interface ApiDeps {
  shop: Shop;
  accounts: Accounts;
  signInLimiter: RateLimiter;
  checkoutLimiter: RateLimiter;
}

export const API = '/api/v1';
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({ type: 'object', properties, required });
const ok = (description: string, schema: JsonSchema): ResponseDoc => ({ description, schema });
const error = (description: string): ResponseDoc => ({ description, schema: ref('Error') });
const ERR = {
  400: error('Invalid input; error.field names the field at fault.'),
  401: error('Not signed in, or the token is unsigned, expired or tampered with.'),
  403: error('Forbidden (e.g. missing CSRF token on a cookie-authenticated request, or not an admin).'),
  404: error('Not found.'),
  409: error('Conflict with the current state.'),
  429: { description: 'Rate limited; retry after Retry-After seconds.', schema: ref('Error'), headers: { 'Retry-After': 'Seconds to wait.' } },
  503: error('A service this needs is unavailable; try again shortly.'),
};
const page = (key: string, item: JsonSchema): JsonSchema => obj({ [key]: { type: 'array', items: item }, next_page_token: { type: ['string', 'null'] } });
const cartBody = obj({ cart: ref('Cart') });
const sessionBody = obj({ user: ref('User'), token: { type: 'string', description: 'The session JWT (also set as the mercato_session cookie).' }, expires_at: { type: 'string', format: 'date-time' } });

function sessionReply(ctx: RequestContext, s: SignedIn, status: number) {
  ctx.startSession(s.session);
  if (s.guestCart !== 'kept' && s.guestCart !== 'none') ctx.clearCookie(CART_COOKIE);
  return { type: 'json' as const, status, body: { user: s.user, token: s.issued.token, expires_at: s.issued.expiresAt.toISOString() } };
}

const json200 = (body: unknown) => ({ type: 'json' as const, status: 200, body });

export function apiRoutes(d: ApiDeps): Route[] {
  const { shop, accounts } = d;
  const emptyCart = (cartId: string) => ({ cart: json.cart(undefined, cartId) });

  return [
    {
      method: 'POST',
      path: `${API}/auth/signup`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'auth', summary: 'Create an account and sign in; merges the guest cart.', body: inputs.signUpInput, responses: { 201: ok('Signed up and signed in (cookies set).', sessionBody), 400: ERR[400], 409: error('An account with this e-mail exists (field "email").'), 503: ERR[503] } },
      handle: async (ctx) => {
        const input = parseWith(inputs.signUpInput, await ctx.readJson(), 'json');
        return sessionReply(ctx, await accounts.signUp(input, guestCartIdOf(ctx)), 201);
      },
    },
    {
      method: 'POST',
      path: `${API}/auth/signin`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'auth', summary: 'Sign in; merges the guest cart. Rate-limited per client address.', body: inputs.signInInput, responses: { 200: ok('Signed in (cookies set).', sessionBody), 400: ERR[400], 401: error('Wrong e-mail or password (one message for both).'), 429: ERR[429], 503: ERR[503] } },
      handle: async (ctx) => {
        const limit = d.signInLimiter.take(ctx.ip);
        if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, 'sign-in attempts');
        const input = parseWith(inputs.signInInput, await ctx.readJson(), 'json');
        return sessionReply(ctx, await accounts.signIn(input, guestCartIdOf(ctx)), 200);
      },
    },
    {
      method: 'POST',
      path: `${API}/auth/signout`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'auth', summary: 'Sign out (clears the session cookie).', responses: { 204: { description: 'Signed out.' }, 403: ERR[403] } },
      handle: async (ctx) => {
        ctx.endSession();
        return { type: 'empty', status: 204 };
      },
    },
    {
      method: 'GET',
      path: `${API}/me`,
      kind: 'api',
      access: 'user',
      doc: { tag: 'auth', summary: 'The signed-in user.', responses: { 200: ok('The user.', obj({ user: ref('User') })), 401: ERR[401] } },
      handle: async (ctx) => {
        const user = await accounts.profile(ctx.requireUser().id);
        if (!user) throw new HttpError('unauthenticated', 'this account no longer exists');
        return json200({ user });
      },
    },
    {
      method: 'GET',
      path: `${API}/categories`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'catalog', summary: 'Every category.', responses: { 200: ok('The categories.', obj({ categories: { type: 'array', items: ref('Category') } })), 503: ERR[503] } },
      handle: async () => json200({ categories: await shop.categories() }),
    },
    {
      method: 'GET',
      path: `${API}/products`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'catalog', summary: 'Products, optionally of one category, in an order.', query: inputs.productsQuery, responses: { 200: ok('A page of products.', page('products', ref('Product'))), 400: ERR[400], 503: ERR[503] } },
      handle: async (ctx) => json200(await shop.products(parseWith(inputs.productsQuery, ctx.query, 'text'))),
    },
    {
      method: 'GET',
      path: `${API}/search`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'catalog', summary: 'Full-text search, best match first.', query: inputs.searchQuery, responses: { 200: ok('A page of results.', page('results', obj({ product: ref('Product'), relevance: { type: 'number' } }))), 400: ERR[400], 503: ERR[503] } },
      handle: async (ctx) => json200(await shop.search(parseWith(inputs.searchQuery, ctx.query, 'text'))),
    },
    {
      method: 'GET',
      path: `${API}/products/{id}`,
      kind: 'api',
      access: 'public',
      doc: {
        tag: 'catalog',
        summary: 'A product with the first page of its reviews and recommendations (empty when that service is absent or down).',
        params: inputs.productParams,
        responses: {
          200: ok('The product.', obj({ product: ref('Product'), reviews: { type: 'array', items: ref('Review') }, next_reviews_page_token: { type: ['string', 'null'] }, average_rating: { type: 'number' }, recommendations: { type: 'array', items: ref('Product') } })),
          400: ERR[400],
          404: ERR[404],
          503: ERR[503],
        },
      },
      handle: async (ctx) => json200(await shop.product(parseWith(inputs.productParams, ctx.params, 'text').id, ctx.user)),
    },
    {
      method: 'GET',
      path: `${API}/products/{id}/reviews`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'catalog', summary: "A page of a product's reviews, newest first.", params: inputs.productParams, query: inputs.pageQuery, responses: { 200: ok('Reviews.', { ...page('reviews', ref('Review')) }), 400: ERR[400], 404: ERR[404], 503: ERR[503] } },
      handle: async (ctx) => json200(await shop.reviews(parseWith(inputs.productParams, ctx.params, 'text').id, parseWith(inputs.pageQuery, ctx.query, 'text'))),
    },
    {
      method: 'POST',
      path: `${API}/products/{id}/reviews`,
      kind: 'api',
      access: 'user',
      doc: { tag: 'catalog', summary: 'Review a product (signed in; the author is the user).', params: inputs.productParams, body: inputs.reviewInput, responses: { 201: ok('The review.', obj({ review: ref('Review') })), 400: ERR[400], 401: ERR[401], 403: ERR[403], 404: ERR[404], 503: ERR[503] } },
      handle: async (ctx) => {
        const { id } = parseWith(inputs.productParams, ctx.params, 'text');
        const input = parseWith(inputs.reviewInput, await ctx.readJson(), 'json');
        return { type: 'json', status: 201, body: await shop.addReview(ctx.requireUser(), id, input) };
      },
    },
    {
      method: 'GET',
      path: `${API}/products/{id}/review-summary`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'catalog', summary: "The assistant's summary of a product's reviews; null while that service is absent or down.", params: inputs.productParams, responses: { 200: ok('The summary, or null.', obj({ summary: { oneOf: [{ type: 'null' }, ref('ReviewSummary')] } })), 400: ERR[400] } },
      handle: async (ctx) => json200(await shop.reviewSummary(parseWith(inputs.productParams, ctx.params, 'text').id)),
    },
    {
      method: 'GET',
      path: `${API}/cart`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'cart', summary: "The caller's cart (the user's, or the guest cart of the mercato_cart cookie or X-Cart-Id header).", responses: { 200: ok('The cart.', cartBody), 400: ERR[400], 403: ERR[403], 503: ERR[503] } },
      handle: async (ctx) => {
        const ref = await cartOf(ctx, accounts, false);
        return json200(ref ? await shop.cart(ref) : emptyCart(''));
      },
    },
    {
      method: 'POST',
      path: `${API}/cart/items`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'cart', summary: 'Add units of a product (a guest without a cart gets one: its id is cart.cart_id and the mercato_cart cookie).', body: inputs.addItemInput, responses: { 200: ok('The cart after.', cartBody), 400: ERR[400], 403: ERR[403], 404: ERR[404], 409: ERR[409], 503: ERR[503] } },
      handle: async (ctx) => {
        const input = parseWith(inputs.addItemInput, await ctx.readJson(), 'json');
        return json200(await shop.addItem((await cartOf(ctx, accounts, true))!, input.product_id, input.quantity));
      },
    },
    {
      method: 'PATCH',
      path: `${API}/cart/items/{product_id}`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'cart', summary: "Set a line's quantity (0 removes it).", params: inputs.itemParams, body: inputs.setQuantityInput, responses: { 200: ok('The cart after.', cartBody), 400: ERR[400], 403: ERR[403], 404: ERR[404], 409: ERR[409], 503: ERR[503] } },
      handle: async (ctx) => {
        const { product_id } = parseWith(inputs.itemParams, ctx.params, 'text');
        const input = parseWith(inputs.setQuantityInput, await ctx.readJson(), 'json');
        const ref = await cartOf(ctx, accounts, false);
        return json200(ref ? await shop.setQuantity(ref, product_id, input.quantity) : emptyCart(''));
      },
    },
    {
      method: 'DELETE',
      path: `${API}/cart/items/{product_id}`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'cart', summary: 'Remove a line.', params: inputs.itemParams, responses: { 200: ok('The cart after.', cartBody), 400: ERR[400], 403: ERR[403], 503: ERR[503] } },
      handle: async (ctx) => {
        const { product_id } = parseWith(inputs.itemParams, ctx.params, 'text');
        const ref = await cartOf(ctx, accounts, false);
        return json200(ref ? await shop.removeItem(ref, product_id) : emptyCart(''));
      },
    },
    {
      method: 'DELETE',
      path: `${API}/cart`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'cart', summary: 'Empty the cart.', responses: { 200: ok('The empty cart.', cartBody), 400: ERR[400], 403: ERR[403], 503: ERR[503] } },
      handle: async (ctx) => {
        const ref = await cartOf(ctx, accounts, false);
        return json200(ref ? await shop.clearCart(ref) : emptyCart(''));
      },
    },
    {
      method: 'POST',
      path: `${API}/shipping/quotes`,
      kind: 'api',
      access: 'public',
      doc: { tag: 'checkout', summary: 'Shipping quotes for the current cart to an address, cheapest first.', body: inputs.quoteInput, responses: { 200: ok('One quote per available speed.', obj({ quotes: { type: 'array', items: ref('Quote') } })), 400: ERR[400], 409: error('The cart is empty.'), 503: ERR[503] } },
      handle: async (ctx) => {
        const input = parseWith(inputs.quoteInput, await ctx.readJson(), 'json');
        const ref = await cartOf(ctx, accounts, false);
        if (!ref) throw new HttpError('conflict', 'your cart is empty: add something before asking for shipping quotes');
        return json200(await shop.quotes(ref, input.address));
      },
    },
    {
      method: 'POST',
      path: `${API}/checkout`,
      kind: 'api',
      access: 'user',
      doc: {
        tag: 'checkout',
        summary: "Place the order of the user's cart. Idempotent by idempotency_key; rate-limited per user.",
        description: 'Test cards: 4242424242424242 approves, 4000000000000002 is declined.',
        body: inputs.checkoutInput,
        responses: {
          201: ok('Confirmed.', obj({ order: ref('Order') })),
          202: ok('Still pending (the saga carries on; poll GET /orders/{id}).', obj({ order: ref('Order') })),
          400: ERR[400],
          401: ERR[401],
          402: ok('The card was declined (error.code payment_declined); the order failed.', obj({ error: ref('ErrorDetail'), order: ref('Order') })),
          403: ERR[403],
          409: ok('Out of stock (error.code out_of_stock, with the failed order), or the cart is empty (conflict).', obj({ error: ref('ErrorDetail'), order: ref('Order') }, ['error'])),
          422: ok('The order failed for another reason: declined by the risk check (error.code order_declined), or a product no longer sold, shipping (conflict) or a dependency (unavailable).', obj({ error: ref('ErrorDetail'), order: ref('Order') })),
          429: ERR[429],
          503: ERR[503],
        },
      },
      handle: async (ctx) => {
        const user = ctx.requireUser();
        const input = parseWith(inputs.checkoutInput, await ctx.readJson(), 'json');
        const limit = d.checkoutLimiter.take(user.id);
        if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, 'checkouts');
        const profile = await accounts.profile(user.id);
        const order = await shop.checkout(user, input, profile?.email ?? '');
        const outcome = checkoutOutcome(order);
        const body = json.order(order);
        if (outcome.error) throw new HttpError(outcome.error.code, outcome.error.message, undefined, { status: outcome.status, extra: { order: body } });
        return { type: 'json', status: outcome.status, body: { order: body } };
      },
    },
    {
      method: 'GET',
      path: `${API}/orders`,
      kind: 'api',
      access: 'user',
      doc: { tag: 'orders', summary: "The user's orders, newest first (the read side: a just-placed order appears within moments).", query: inputs.pageQuery, responses: { 200: ok('A page of orders.', page('orders', ref('OrderSummary'))), 400: ERR[400], 401: ERR[401], 503: ERR[503] } },
      handle: async (ctx) => json200(await shop.orders(ctx.requireUser(), parseWith(inputs.pageQuery, ctx.query, 'text'))),
    },
    {
      method: 'GET',
      path: `${API}/orders/{id}`,
      kind: 'api',
      access: 'user',
      doc: { tag: 'orders', summary: "One of the user's orders (404 for anyone else's).", params: inputs.orderParams, responses: { 200: ok('The order.', obj({ order: ref('Order') })), 400: ERR[400], 401: ERR[401], 404: ERR[404], 503: ERR[503] } },
      handle: async (ctx) => json200(await shop.order(ctx.requireUser(), parseWith(inputs.orderParams, ctx.params, 'text').id)),
    },
    {
      method: 'GET',
      path: `${API}/admin/sales`,
      kind: 'api',
      access: 'admin',
      doc: { tag: 'admin', summary: 'Sales figures per hour and top products (admin).', query: inputs.salesQuery, responses: { 200: ok('Sales figures.', ref('Sales')), 400: ERR[400], 401: ERR[401], 403: ERR[403], 503: ERR[503] } },
      handle: async (ctx) => json200(await shop.sales(ctx.requireAdmin(), parseWith(inputs.salesQuery, ctx.query, 'text'))),
    },
  ];
}
