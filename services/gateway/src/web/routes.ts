// The storefront's routes: GET pages rendered on the server in one round trip, and HTML form
// posts that redirect on success (post/redirect/get) or re-render the form with the problem
// next to its field.
import { randomUUID } from 'node:crypto';
import { HttpError, tooManyRequests } from '../http/errors';
import { parseWith } from '../http/schema';
import type { Reply, RequestContext, Route } from '../http/router';
import { CART_COOKIE, safeLocation } from '../http/server';
import type { Accounts } from '../shop/accounts';
import { mayBe } from '../shop/backends';
import { cartOf, guestCartIdOf } from '../shop/carts';
import * as inputs from '../shop/inputs';
import * as json from '../shop/json';
import { checkoutOutcome, type Shop } from '../shop/shop';
import type { RateLimiter } from '../auth/ratelimit';
import { notice, type FieldErrors } from './components';
import { path, queryString, type SafeHtml } from './html';
import type { Layout } from './layout';
import * as pages from './pages';

export interface WebDeps {
  shop: Shop;
  accounts: Accounts;
  layout: Layout;
  signInLimiter: RateLimiter;
  checkoutLimiter: RateLimiter;
}

/** "shipping_address.address_lines[0]" → the checkout form's "address_line1", and so on. */
export function formFieldOf(field: string | undefined): string {
  if (!field) return '';
  const f = field.replace(/^(shipping_address|address)\./, '');
  const line = /^address_lines(?:\[(\d+)\])?$/.exec(f);
  if (line) return `address_line${Number(line[1] ?? 0) + 1}`;
  if (f.startsWith('card.')) return `card_${f.slice(5)}`;
  return f;
}

/** The message a person reads next to a field: the problem without the field's JSON name. */
function fieldMessage(err: HttpError): string {
  const problem = err.field && err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message;
  if (/^address_lines/.test(formFieldOf(err.field)) || /address_lines$/.test(err.field ?? '')) return 'Enter your street address.';
  if (problem === 'is required') return 'This is required.';
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}${/[.!?]$/.test(problem) ? '' : '.'}`;
}

function errorsOf(err: unknown, toField: (f: string | undefined) => string = (f) => f ?? ''): FieldErrors {
  if (!(err instanceof HttpError)) throw err;
  const key = toField(err.field) || '_form';
  return { [key]: key === '_form' ? err.message : fieldMessage(err) };
}

/** Re-throws what a form cannot show (a service down, an internal error) for the error page. */
function formProblem(err: unknown): HttpError {
  if (!(err instanceof HttpError) || err.status >= 500) throw err;
  return err;
}

function nextOf(value: string | undefined): string {
  return value ? safeLocation(value) : '/';
}

const redirect = (location: string): Reply => ({ type: 'redirect', location });

export function webRoutes(d: WebDeps): Route[] {
  const { shop, accounts, layout } = d;

  async function page(ctx: RequestContext, title: string, main: SafeHtml, options: { status?: number; query?: string; categoryId?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const categories = (await mayBe('catalog', () => shop.categories(), ctx.log)) ?? [];
    const body = layout.render({ title, viewer: ctx, categories, main, ...(options.query !== undefined ? { query: options.query } : {}), ...(options.categoryId ? { categoryId: options.categoryId } : {}) });
    return { type: 'html', status: options.status ?? 200, body, ...(options.headers ? { headers: options.headers } : {}) };
  }

  async function productView(ctx: RequestContext, id: string, extra: { status?: number; notice?: SafeHtml; review?: pages.ReviewForm } = {}): Promise<Reply> {
    const data = await shop.product(id, ctx.user);
    const main = pages.productPage({
      product: data.product,
      reviews: data.reviews,
      average: data.average_rating,
      recommendations: data.recommendations,
      signedIn: Boolean(ctx.user),
      csrf: ctx.csrfToken,
      review: extra.review ?? { values: {}, errors: {} },
      ...(extra.notice ? { notice: extra.notice } : {}),
    });
    return page(ctx, data.product.name, main, { status: extra.status ?? 200, categoryId: data.product.category_id });
  }

  async function cartView(ctx: RequestContext, status = 200, note?: SafeHtml): Promise<Reply> {
    const ref = await cartOf(ctx, accounts, false);
    const { cart } = ref ? await shop.cart(ref) : { cart: json.cart(undefined, '') };
    return page(ctx, 'Your cart', pages.cartPage({ cart, csrf: ctx.csrfToken, signedIn: Boolean(ctx.user), ...(note ? { notice: note } : {}) }), { status });
  }

  async function checkoutView(ctx: RequestContext, o: { status?: number; values?: Record<string, string>; errors?: FieldErrors; quotes?: json.QuoteJson[]; message?: SafeHtml; headers?: Record<string, string> } = {}): Promise<Reply> {
    const ref = (await cartOf(ctx, accounts, false))!;
    const { cart } = await shop.cart(ref);
    if (cart.items.length === 0 && !o.message) return redirect('/cart');
    const main = pages.checkoutPage({
      cart,
      values: o.values ?? {},
      errors: o.errors ?? {},
      // A fresh key per rendering: after a declined card the next attempt is a new order.
      idempotencyKey: randomUUID(),
      csrf: ctx.csrfToken,
      ...(o.quotes ? { quotes: o.quotes } : {}),
      ...(o.message ? { message: o.message } : {}),
    });
    return page(ctx, 'Checkout', main, { status: o.status ?? 200, ...(o.headers ? { headers: o.headers } : {}) });
  }

  function addressFromForm(f: Record<string, string>) {
    return {
      recipient: f.recipient,
      address_lines: [f.address_line1, f.address_line2].filter((l): l is string => Boolean(l?.trim())),
      locality: f.locality,
      administrative_area: f.administrative_area,
      postal_code: f.postal_code,
      region_code: f.region_code?.trim().toUpperCase(),
      phone: f.phone?.replace(/[\s().-]/g, ''),
    };
  }

  function checkoutFromForm(f: Record<string, string>) {
    const year = f.card_expiry_year?.trim() ?? '';
    return {
      idempotency_key: f.idempotency_key,
      shipping_address: addressFromForm(f),
      shipping_speed: f.shipping_speed,
      card: {
        number: (f.card_number ?? '').replace(/[\s-]/g, ''),
        expiry_month: f.card_expiry_month,
        // "29" means 2029.
        expiry_year: /^\d{2}$/.test(year) ? `20${year}` : year,
        cvc: f.card_cvc,
        holder_name: f.card_holder_name,
      },
    };
  }

  const formValues = (f: Record<string, string>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in f).map((k) => [k, f[k]!]));

  return [
    {
      method: 'GET',
      path: '/',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => {
        const [featured, recommendations, categories] = await Promise.all([shop.products({ order_by: 'rating', page_size: 8 }), shop.recommendations(ctx.user, undefined, 4), mayBe('catalog', () => shop.categories(), ctx.log)]);
        return page(ctx, 'Home', pages.homePage({ featured: featured.products, recommendations, categories: categories ?? [] }));
      },
    },
    {
      method: 'GET',
      path: '/c/{id}',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => {
        const { id } = parseWith(inputs.categoryParams, ctx.params, 'text');
        const q = parseWith(inputs.productsQuery, { order_by: ctx.query.order_by, page_token: ctx.query.page_token }, 'text');
        const [categories, result] = await Promise.all([shop.categories(), shop.products({ ...q, category: id, page_size: 24 })]);
        const category = categories.find((c) => c.id === id);
        if (!category) throw new HttpError('not_found', `there is no category "${id}"`);
        const nextHref = result.next_page_token ? `${path('/c', id)}${queryString({ order_by: q.order_by, page_token: result.next_page_token })}` : undefined;
        return page(ctx, category.name, pages.categoryPage({ id, name: category.name, description: category.description, products: result.products, orderBy: q.order_by ?? '', ...(nextHref ? { nextHref } : {}) }), { categoryId: id });
      },
    },
    {
      method: 'GET',
      path: '/search',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => {
        const raw = ctx.query.q?.trim() ?? '';
        if (!raw) return page(ctx, 'Search', pages.searchPage({ q: '', results: [] }));
        let q;
        try {
          q = parseWith(inputs.searchQuery, { q: raw, page_token: ctx.query.page_token, category: ctx.query.category }, 'text');
        } catch (err) {
          const e = formProblem(err);
          return page(ctx, 'Search', pages.searchPage({ q: raw.slice(0, 200), results: [], error: fieldMessage(e) }), { status: 400, query: raw.slice(0, 200) });
        }
        const result = await shop.search({ ...q, page_size: 24 });
        const nextHref = result.next_page_token ? `/search${queryString({ q: q.q, category: q.category, page_token: result.next_page_token })}` : undefined;
        return page(ctx, `Search: ${q.q}`, pages.searchPage({ q: q.q, results: result.results.map((r) => r.product), ...(nextHref ? { nextHref } : {}) }), { query: q.q });
      },
    },
    {
      method: 'GET',
      path: '/p/{id}',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => {
        const { id } = parseWith(inputs.productParams, ctx.params, 'text');
        return productView(ctx, id, ctx.query.reviewed ? { notice: notice('Thank you for your review!', 'success') } : {});
      },
    },
    {
      method: 'POST',
      path: '/p/{id}/reviews',
      kind: 'form',
      access: 'user',
      handle: async (ctx) => {
        const { id } = parseWith(inputs.productParams, ctx.params, 'text');
        const values = formValues(ctx.form, ['rating', 'title', 'body']);
        try {
          const input = parseWith(inputs.reviewInput, values, 'text');
          await shop.addReview(ctx.requireUser(), id, input);
        } catch (err) {
          const e = formProblem(err);
          return productView(ctx, id, { status: e.status, review: { values, errors: errorsOf(e) } });
        }
        return redirect(`${path('/p', id)}?reviewed=1#reviews-title`);
      },
    },
    {
      method: 'GET',
      path: '/cart',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => {
        const added = ctx.query.added ? 'Added to your cart.' : ctx.query.merged ? 'Welcome back! Your guest cart was added to your cart.' : undefined;
        return cartView(ctx, 200, added ? notice(added, 'success') : undefined);
      },
    },
    {
      method: 'POST',
      path: '/cart/items',
      kind: 'form',
      access: 'public',
      handle: async (ctx) => {
        const productId = ctx.form.product_id ?? '';
        try {
          const input = parseWith(inputs.addItemInput, { product_id: productId, quantity: ctx.form.quantity }, 'text');
          await shop.addItem((await cartOf(ctx, accounts, true))!, input.product_id, input.quantity);
        } catch (err) {
          const e = formProblem(err);
          // Back on the product page with the problem above its form, when there is such a product.
          if (e.field !== 'product_id' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(productId) && e.code !== 'not_found') {
            return productView(ctx, productId, { status: e.status, notice: notice(e.field === 'quantity' ? `Quantity: ${fieldMessage(e)}` : e.message, 'error') });
          }
          throw e;
        }
        return redirect('/cart?added=1');
      },
    },
    {
      method: 'POST',
      path: '/cart/items/{product_id}',
      kind: 'form',
      access: 'public',
      handle: async (ctx) => {
        try {
          const { product_id } = parseWith(inputs.itemParams, ctx.params, 'text');
          const { quantity } = parseWith(inputs.setQuantityInput, { quantity: ctx.form.quantity }, 'text');
          const ref = await cartOf(ctx, accounts, false);
          if (ref) await shop.setQuantity(ref, product_id, quantity);
        } catch (err) {
          const e = formProblem(err);
          return cartView(ctx, e.status, notice(e.field === 'quantity' ? `Quantity: ${fieldMessage(e)}` : e.message, 'error'));
        }
        return redirect('/cart');
      },
    },
    {
      method: 'POST',
      path: '/cart/items/{product_id}/remove',
      kind: 'form',
      access: 'public',
      handle: async (ctx) => {
        const { product_id } = parseWith(inputs.itemParams, ctx.params, 'text');
        const ref = await cartOf(ctx, accounts, false);
        if (ref) await shop.removeItem(ref, product_id);
        return redirect('/cart');
      },
    },
    {
      method: 'GET',
      path: '/checkout',
      kind: 'page',
      access: 'user',
      handle: async (ctx) => checkoutView(ctx),
    },
    {
      method: 'POST',
      path: '/checkout',
      kind: 'form',
      access: 'user',
      handle: async (ctx) => {
        const user = ctx.requireUser();
        const f = ctx.form;
        // Card number and security code are never sent back into the page.
        const values = formValues(f, pages.CHECKOUT_FIELDS.filter((k) => k !== 'card_number' && k !== 'card_cvc'));
        const ref = { cartId: user.id, user };
        if (f.action === 'quote') {
          try {
            const address = parseWith(inputs.ADDRESS, addressFromForm(f), 'text', 'shipping_address');
            const { quotes } = await shop.quotes(ref, address);
            return checkoutView(ctx, { values, quotes });
          } catch (err) {
            const e = formProblem(err);
            return checkoutView(ctx, { status: e.status, values, errors: errorsOf(e, formFieldOf) });
          }
        }
        let order;
        try {
          const input = parseWith(inputs.checkoutInput, checkoutFromForm(f), 'text');
          const limit = d.checkoutLimiter.take(user.id);
          if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, 'checkouts');
          const profile = await accounts.profile(user.id);
          order = await shop.checkout(user, input, profile?.email ?? '');
        } catch (err) {
          const e = formProblem(err);
          const headers = e.headers['retry-after'] ? { 'retry-after': e.headers['retry-after'] } : undefined;
          return checkoutView(ctx, { status: e.status, values, errors: errorsOf(e, formFieldOf), ...(headers ? { headers } : {}) });
        }
        const outcome = checkoutOutcome(order);
        if (outcome.error) {
          // A declined card (or no stock): say so plainly, keep the address, ask for another card.
          const message = outcome.error.code === 'payment_declined' ? `Payment declined: ${outcome.error.message} No order was placed; please try another card.` : `Your order could not be placed: ${outcome.error.message}`;
          return checkoutView(ctx, { status: outcome.status, values, message: notice(message, 'error') });
        }
        return redirect(`${path('/orders', order.orderId)}?placed=1`);
      },
    },
    {
      method: 'GET',
      path: '/orders',
      kind: 'page',
      access: 'user',
      handle: async (ctx) => {
        const q = parseWith(inputs.pageQuery, { page_token: ctx.query.page_token }, 'text');
        const result = await shop.orders(ctx.requireUser(), { ...q, page_size: 20 });
        const nextHref = result.next_page_token ? `/orders${queryString({ page_token: result.next_page_token })}` : undefined;
        return page(ctx, 'My orders', pages.ordersPage({ orders: result.orders, ...(nextHref ? { nextHref } : {}) }));
      },
    },
    {
      method: 'GET',
      path: '/orders/{id}',
      kind: 'page',
      access: 'user',
      handle: async (ctx) => {
        const { id } = parseWith(inputs.orderParams, ctx.params, 'text');
        const { order } = await shop.order(ctx.requireUser(), id);
        return page(ctx, `Order ${id.slice(0, 8)}`, pages.orderPage({ order, placed: Boolean(ctx.query.placed) }));
      },
    },
    {
      method: 'GET',
      path: '/signup',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => page(ctx, 'Sign up', pages.signUpPage({ values: {}, errors: {}, csrf: ctx.csrfToken, next: nextOf(ctx.query.next) })),
    },
    {
      method: 'POST',
      path: '/signup',
      kind: 'form',
      access: 'public',
      handle: async (ctx) => {
        const values = formValues(ctx.form, ['name', 'email']);
        const next = nextOf(ctx.form.next);
        try {
          const input = parseWith(inputs.signUpInput, { name: ctx.form.name, email: ctx.form.email?.trim(), password: ctx.form.password }, 'text');
          const s = await accounts.signUp(input, guestCartIdOf(ctx));
          ctx.startSession(s.session);
          if (s.guestCart !== 'kept' && s.guestCart !== 'none') ctx.clearCookie(CART_COOKIE);
          return redirect(s.guestCart === 'merged' && next === '/' ? '/cart?merged=1' : next);
        } catch (err) {
          const e = formProblem(err);
          return page(ctx, 'Sign up', pages.signUpPage({ values, errors: errorsOf(e), csrf: ctx.csrfToken, next }), { status: e.status });
        }
      },
    },
    {
      method: 'GET',
      path: '/signin',
      kind: 'page',
      access: 'public',
      handle: async (ctx) => page(ctx, 'Sign in', pages.signInPage({ values: {}, errors: {}, csrf: ctx.csrfToken, next: nextOf(ctx.query.next) })),
    },
    {
      method: 'POST',
      path: '/signin',
      kind: 'form',
      access: 'public',
      handle: async (ctx) => {
        const values = formValues(ctx.form, ['email']);
        const next = nextOf(ctx.form.next);
        try {
          const limit = d.signInLimiter.take(ctx.ip);
          if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, 'sign-in attempts');
          const input = parseWith(inputs.signInInput, { email: ctx.form.email?.trim(), password: ctx.form.password }, 'text');
          const s = await accounts.signIn(input, guestCartIdOf(ctx));
          ctx.startSession(s.session);
          if (s.guestCart !== 'kept' && s.guestCart !== 'none') ctx.clearCookie(CART_COOKIE);
          return redirect(s.guestCart === 'merged' && next === '/' ? '/cart?merged=1' : next);
        } catch (err) {
          const e = formProblem(err);
          const errors = e.code === 'unauthenticated' || e.code === 'rate_limited' ? { _form: e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.' } : errorsOf(e);
          return page(ctx, 'Sign in', pages.signInPage({ values, errors, csrf: ctx.csrfToken, next }), { status: e.status, headers: e.headers });
        }
      },
    },
    {
      method: 'POST',
      path: '/signout',
      kind: 'form',
      access: 'public',
      handle: async (ctx) => {
        ctx.endSession();
        return redirect('/');
      },
    },
    {
      method: 'GET',
      path: '/admin/sales',
      kind: 'page',
      access: 'admin',
      handle: async (ctx) => {
        const from = ctx.query.from ?? '';
        const to = ctx.query.to ?? '';
        try {
          const sales = await shop.sales(ctx.requireAdmin(), parseWith(inputs.salesQuery, { from, to }, 'text'));
          return page(ctx, 'Sales', pages.salesPage({ sales, from, to }));
        } catch (err) {
          const e = formProblem(err);
          const sales = await shop.sales(ctx.requireAdmin(), {});
          return page(ctx, 'Sales', pages.salesPage({ sales, from, to, error: e.message }), { status: e.status });
        }
      },
    },
  ];
}

