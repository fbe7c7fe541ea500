// The storefront's pages: the main content of each, from the same JSON shapes the API answers.
import type { CartJson, OrderJson, OrderSummaryJson, ProductJson, QuoteJson, ReviewJson, SalesJson } from '../shop/json';
import { csrfField, field, formatDate, formErrors, notice, pager, productCard, productGrid, stars, statusBadge, type FieldErrors } from './components';
import { html, path, queryString, safeUrl, type SafeHtml } from './html';

export function homePage(d: { featured: ProductJson[]; recommendations: ProductJson[]; categories: Array<{ id: string; name: string; description: string; product_count: number }> }): SafeHtml {
  return html`<section class="hero" aria-labelledby="hero-title">
  <h1 id="hero-title">Good things, delivered.</h1>
  <p>Kitchen, outdoor, audio, books and more — chosen by people who use them.</p>
</section>
${
  d.recommendations.length
    ? html`<section aria-labelledby="recs-title" class="panel"><h2 id="recs-title">Recommended for you</h2>${productGrid(d.recommendations, 'Recommended products')}</section>`
    : ''
}
<section aria-labelledby="featured-title"><h2 id="featured-title">Top rated</h2>${productGrid(d.featured, 'Top rated products')}</section>
${
  d.categories.length
    ? html`<section aria-labelledby="cats-title"><h2 id="cats-title">Shop by category</h2><ul class="category-list">${d.categories.map(
        (c) => html`<li><a href="${path('/c', c.id)}"><strong>${c.name}</strong><span class="muted">${c.description}</span></a></li>`,
      )}</ul></section>`
    : ''
}`;
}

export const SORTS: Array<[string, string]> = [
  ['', 'Featured'],
  ['name', 'Name'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['rating', 'Rating'],
  ['newest', 'Newest'],
];

export function categoryPage(d: { id: string; name: string; description: string; products: ProductJson[]; orderBy: string; nextHref?: string }): SafeHtml {
  return html`<h1>${d.name}</h1>
<p class="muted">${d.description}</p>
<form class="sort" method="get" action="${path('/c', d.id)}">
  <label for="order_by">Sort by</label>
  <select id="order_by" name="order_by" data-autosubmit>${SORTS.map(([v, label]) => html`<option value="${v}"${v === d.orderBy ? html` selected` : ''}>${label}</option>`)}</select>
  <button type="submit" class="secondary">Sort</button>
</form>
${d.products.length ? productGrid(d.products, `${d.name} products`) : notice('No products here yet.')}
${pager(d.nextHref)}`;
}

export function searchPage(d: { q: string; results: ProductJson[]; nextHref?: string; error?: string }): SafeHtml {
  return html`<h1>${d.q ? html`Results for “${d.q}”` : 'Search'}</h1>
${d.error ? notice(d.error, 'error') : ''}
${!d.q && !d.error ? html`<p>Type what you are looking for in the search box above.</p>` : ''}
${d.q && !d.error ? (d.results.length ? productGrid(d.results, 'Search results') : notice(`Nothing matches “${d.q}”. Try other words.`)) : ''}
${pager(d.nextHref)}`;
}

export interface ReviewForm {
  values: Record<string, string>;
  errors: FieldErrors;
}

export function productPage(d: { product: ProductJson; reviews: ReviewJson[]; average: number; recommendations: ProductJson[]; signedIn: boolean; csrf: string; review: ReviewForm; notice?: SafeHtml; moreReviewsHref?: string }): SafeHtml {
  const p = d.product;
  const img = safeUrl(p.image_url);
  const r = d.review;
  return html`${d.notice ?? ''}
<article class="product" aria-labelledby="product-title">
  <div class="product-image">${img ? html`<img src="${img}" alt="${p.name}" width="480" height="360">` : html`<div class="img-placeholder" aria-hidden="true"></div>`}</div>
  <div class="product-info">
    <h1 id="product-title">${p.name}</h1>
    <p class="price big">${p.price?.display ?? ''}</p>
    ${stars(p.average_rating, p.review_count)}
    <p>${p.description}</p>
    <form class="add-to-cart" method="post" action="/cart/items">
      ${csrfField(d.csrf)}
      <input type="hidden" name="product_id" value="${p.id}">
      <label for="quantity">Quantity</label>
      <input id="quantity" name="quantity" type="number" inputmode="numeric" min="1" max="99" value="1" required>
      <button type="submit">Add to cart</button>
    </form>
  </div>
</article>
<section class="panel" aria-labelledby="summary-title" data-review-summary="${p.id}" hidden>
  <h2 id="summary-title">What reviewers say</h2>
  <div data-summary-body></div>
</section>
<section aria-labelledby="reviews-title">
  <h2 id="reviews-title">Reviews</h2>
  ${d.reviews.length === 0 ? html`<p>No reviews yet.</p>` : ''}
  <ul class="reviews">${d.reviews.map(
    (rv) => html`<li class="review"><article aria-label="Review by ${rv.author_name}">
    <h3>${rv.title}</h3>
    <p><span aria-label="${rv.rating} out of 5 stars">${'★'.repeat(rv.rating)}${'☆'.repeat(5 - rv.rating)}</span> by ${rv.author_name}, <time datetime="${rv.create_time ?? ''}">${formatDate(rv.create_time)}</time></p>
    <p class="review-body">${rv.body}</p>
  </article></li>`,
  )}</ul>
  ${pager(d.moreReviewsHref, 'Older reviews')}
  ${
    d.signedIn
      ? html`<form class="review-form stack" method="post" action="${path('/p', p.id)}/reviews" novalidate>
    <h3>Write a review</h3>
    ${csrfField(d.csrf)}
    ${formErrors(r.errors, ['rating', 'title', 'body'])}
    <div class="field${r.errors.rating ? ' has-error' : ''}">
      <label for="f-rating">Rating</label>
      <select id="f-rating" name="rating" required${r.errors.rating ? html` aria-invalid="true" aria-describedby="f-rating-error"` : ''}>
        ${['5', '4', '3', '2', '1'].map((v) => html`<option value="${v}"${r.values.rating === v ? html` selected` : ''}>${v} star${v === '1' ? '' : 's'}</option>`)}
      </select>
      ${r.errors.rating ? html`<p class="field-error" id="f-rating-error">${r.errors.rating}</p>` : ''}
    </div>
    ${field({ name: 'title', label: 'Title', value: r.values.title ?? '', required: true, maxlength: 120, errors: r.errors })}
    <div class="field${r.errors.body ? ' has-error' : ''}">
      <label for="f-body">Review</label>
      <textarea id="f-body" name="body" rows="5" maxlength="4000" required${r.errors.body ? html` aria-invalid="true" aria-describedby="f-body-error"` : ''}>${r.values.body ?? ''}</textarea>
      ${r.errors.body ? html`<p class="field-error" id="f-body-error">${r.errors.body}</p>` : ''}
    </div>
    <button type="submit">Post review</button>
  </form>`
      : html`<p><a href="/signin?next=${encodeURIComponent(path('/p', p.id))}">Sign in</a> to write a review.</p>`
  }
</section>
${d.recommendations.length ? html`<section class="panel" aria-labelledby="more-title"><h2 id="more-title">You may also like</h2>${productGrid(d.recommendations, 'Recommended products')}</section>` : ''}`;
}

export function cartPage(d: { cart: CartJson; csrf: string; notice?: SafeHtml; signedIn: boolean }): SafeHtml {
  const c = d.cart;
  if (c.items.length === 0) {
    return html`<h1>Your cart</h1>${d.notice ?? ''}<p>Your cart is empty. <a href="/">Find something you like</a>.</p>`;
  }
  return html`<h1>Your cart</h1>
${d.notice ?? ''}
<table class="cart">
  <caption class="visually-hidden">Items in your cart</caption>
  <thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>${c.items.map(
    (i) => html`<tr>
    <th scope="row"><a href="${path('/p', i.product_id)}">${i.product_name}</a></th>
    <td>${i.unit_price?.display ?? ''}</td>
    <td><form method="post" action="${path('/cart/items', i.product_id)}" class="inline qty">
      ${csrfField(d.csrf)}
      <label for="qty-${i.product_id}" class="visually-hidden">Quantity of ${i.product_name}</label>
      <input id="qty-${i.product_id}" name="quantity" type="number" inputmode="numeric" min="0" max="99" value="${i.quantity}">
      <button type="submit" class="secondary">Update</button>
    </form></td>
    <td>${i.line_total?.display ?? ''}</td>
    <td><form method="post" action="${path('/cart/items', i.product_id)}/remove" class="inline">
      ${csrfField(d.csrf)}
      <button type="submit" class="link">Remove <span class="visually-hidden">${i.product_name}</span></button>
    </form></td>
  </tr>`,
  )}</tbody>
  <tfoot><tr><th scope="row" colspan="3">Subtotal (${c.item_count} item${c.item_count === 1 ? '' : 's'})</th><td colspan="2" class="subtotal">${c.subtotal?.display ?? ''}</td></tr></tfoot>
</table>
<p class="actions"><a class="button" href="/checkout">${d.signedIn ? 'Checkout' : 'Sign in to check out'}</a></p>`;
}

/** The checkout form's field names (the page's, not the API's). */
export const CHECKOUT_FIELDS = [
  'recipient',
  'address_line1',
  'address_line2',
  'locality',
  'administrative_area',
  'postal_code',
  'region_code',
  'phone',
  'shipping_speed',
  'card_number',
  'card_expiry_month',
  'card_expiry_year',
  'card_cvc',
  'card_holder_name',
] as const;

export function checkoutPage(d: { cart: CartJson; values: Record<string, string>; errors: FieldErrors; quotes?: QuoteJson[]; idempotencyKey: string; csrf: string; message?: SafeHtml }): SafeHtml {
  const v = d.values;
  const e = d.errors;
  const speed = v.shipping_speed || 'standard';
  const quote = (s: string) => d.quotes?.find((q) => q.speed === s);
  const speedLabel: Record<string, string> = { standard: 'Standard', express: 'Express', overnight: 'Overnight' };
  return html`<h1>Checkout</h1>
${d.message ?? ''}
${formErrors(e, CHECKOUT_FIELDS)}
<div class="checkout">
<form method="post" action="/checkout" class="stack" novalidate>
  ${csrfField(d.csrf)}
  <input type="hidden" name="idempotency_key" value="${d.idempotencyKey}">
  <fieldset>
    <legend>Shipping address</legend>
    ${field({ name: 'recipient', label: 'Full name', value: v.recipient, autocomplete: 'shipping name', required: true, maxlength: 200, errors: e })}
    ${field({ name: 'address_line1', label: 'Address', value: v.address_line1, autocomplete: 'shipping address-line1', required: true, maxlength: 200, errors: e })}
    ${field({ name: 'address_line2', label: 'Apartment, suite, etc.', value: v.address_line2, autocomplete: 'shipping address-line2', maxlength: 200, errors: e })}
    ${field({ name: 'locality', label: 'City', value: v.locality, autocomplete: 'shipping address-level2', required: true, maxlength: 100, errors: e })}
    ${field({ name: 'administrative_area', label: 'State or region', value: v.administrative_area, autocomplete: 'shipping address-level1', maxlength: 100, errors: e })}
    ${field({ name: 'postal_code', label: 'Postal code', value: v.postal_code, autocomplete: 'shipping postal-code', maxlength: 20, errors: e })}
    ${field({ name: 'region_code', label: 'Country code', hint: 'Two letters, e.g. US, DE, GB.', value: v.region_code || 'US', autocomplete: 'shipping country', required: true, maxlength: 2, errors: e })}
    ${field({ name: 'phone', label: 'Phone', type: 'tel', value: v.phone, autocomplete: 'shipping tel', maxlength: 32, errors: e })}
  </fieldset>
  <fieldset${e.shipping_speed ? html` aria-describedby="f-shipping_speed-error"` : ''}>
    <legend>Shipping speed</legend>
    ${['standard', 'express', 'overnight'].map((s) => {
      const q = quote(s);
      return html`<div class="choice"><input type="radio" id="speed-${s}" name="shipping_speed" value="${s}"${s === speed ? html` checked` : ''}>
      <label for="speed-${s}">${speedLabel[s]}${q ? html` — ${q.cost?.display ?? ''}, ${q.min_transit_days}–${q.max_transit_days} days by ${q.carrier}` : ''}</label></div>`;
    })}
    ${e.shipping_speed ? html`<p class="field-error" id="f-shipping_speed-error">${e.shipping_speed}</p>` : ''}
    <button type="submit" name="action" value="quote" class="secondary" formnovalidate>Show shipping prices</button>
  </fieldset>
  <fieldset>
    <legend>Payment</legend>
    <p class="hint">Test cards: 4242 4242 4242 4242 is approved; 4000 0000 0000 0002 is declined. Any future expiry date and any 3 digits.</p>
    ${field({ name: 'card_holder_name', label: 'Name on card', value: v.card_holder_name, autocomplete: 'cc-name', required: true, maxlength: 100, errors: e })}
    ${field({ name: 'card_number', label: 'Card number', value: '', autocomplete: 'cc-number', inputmode: 'numeric', required: true, maxlength: 23, errors: e })}
    <div class="row">
      ${field({ name: 'card_expiry_month', label: 'Expiry month', value: v.card_expiry_month, autocomplete: 'cc-exp-month', inputmode: 'numeric', required: true, maxlength: 2, errors: e })}
      ${field({ name: 'card_expiry_year', label: 'Expiry year', value: v.card_expiry_year, autocomplete: 'cc-exp-year', inputmode: 'numeric', required: true, maxlength: 4, errors: e })}
      ${field({ name: 'card_cvc', label: 'Security code', value: '', autocomplete: 'cc-csc', inputmode: 'numeric', required: true, maxlength: 4, errors: e })}
    </div>
  </fieldset>
  <button type="submit" name="action" value="place" class="primary">Place order</button>
</form>
<aside class="summary" aria-labelledby="summary-heading">
  <h2 id="summary-heading">Order summary</h2>
  <ul>${d.cart.items.map((i) => html`<li><span>${i.quantity} × ${i.product_name}</span> <span>${i.line_total?.display ?? ''}</span></li>`)}</ul>
  <p><strong>Subtotal: ${d.cart.subtotal?.display ?? ''}</strong></p>
  ${quote(speed) ? html`<p>Shipping: ${quote(speed)!.cost?.display ?? ''}</p>` : html`<p class="muted">Shipping is added at the next step.</p>`}
</aside>
</div>`;
}

const FINAL = new Set(['failed', 'delivered']);

export function orderPage(d: { order: OrderJson; placed: boolean }): SafeHtml {
  const o = d.order;
  const live = !FINAL.has(o.status ?? '');
  return html`${
    d.placed && o.status !== 'failed'
      ? notice(o.status === 'pending' ? 'Thank you! We are processing your order; this page updates by itself.' : 'Thank you! Your order is confirmed.', 'success')
      : ''
  }
${o.status === 'failed' ? notice(o.failure_message ?? 'This order could not be completed.', 'error') : ''}
<h1>Order <span class="order-id">${o.order_id.slice(0, 8)}</span></h1>
<p class="order-status"${live ? html` data-live-order="${o.order_id}"` : ''} aria-live="polite">Status: ${statusBadge(o.status)}${o.shipment_status ? html` <span class="muted">(shipment: <span data-shipment-text>${o.shipment_status.replace(/_/g, ' ')}</span>)</span>` : ''}</p>
<table class="cart">
  <caption class="visually-hidden">Items in this order</caption>
  <thead><tr><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col">Total</th></tr></thead>
  <tbody>${o.lines.map((l) => html`<tr><th scope="row"><a href="${path('/p', l.product_id)}">${l.product_name}</a></th><td>${l.quantity}</td><td>${l.line_total?.display ?? ''}</td></tr>`)}</tbody>
  <tfoot>
    <tr><th scope="row" colspan="2">Subtotal</th><td>${o.subtotal?.display ?? ''}</td></tr>
    <tr><th scope="row" colspan="2">Shipping (${o.shipping_speed ?? ''})</th><td>${o.shipping_cost?.display ?? ''}</td></tr>
    <tr><th scope="row" colspan="2">Total</th><td class="subtotal">${o.total?.display ?? ''}</td></tr>
  </tfoot>
</table>
<div class="two-col">
  ${
    o.shipping_address
      ? html`<section aria-labelledby="ship-to"><h2 id="ship-to">Shipping to</h2><address>${o.shipping_address.recipient}<br>${o.shipping_address.address_lines.map((l) => html`${l}<br>`)}${o.shipping_address.postal_code} ${o.shipping_address.locality}<br>${o.shipping_address.region_code}</address></section>`
      : ''
  }
  <section aria-labelledby="paid-with"><h2 id="paid-with">Payment</h2><p>${o.card ? html`${(o.card.brand ?? 'card').toUpperCase()} ending in ${o.card.last4}` : 'Card'}</p>${o.tracking_number ? html`<p>Tracking number: ${o.tracking_number}${o.carrier ? html` (${o.carrier})` : ''}</p>` : ''}</section>
</div>
${
  o.timeline.length
    ? html`<section aria-labelledby="timeline-title"><h2 id="timeline-title">History</h2><ol class="timeline">${o.timeline.map((t) => html`<li><time datetime="${t.event_time ?? ''}">${formatDate(t.event_time)}</time> ${t.description}</li>`)}</ol></section>`
    : ''
}
<p><a href="/orders">All my orders</a></p>`;
}

export function ordersPage(d: { orders: OrderSummaryJson[]; nextHref?: string }): SafeHtml {
  if (d.orders.length === 0 && !d.nextHref) return html`<h1>My orders</h1><p>No orders yet. Orders appear here a moment after you place them.</p>`;
  return html`<h1>My orders</h1>
<table class="orders">
  <caption class="visually-hidden">Your orders, newest first</caption>
  <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Items</th><th scope="col">Total</th><th scope="col">Status</th></tr></thead>
  <tbody>${d.orders.map(
    (o) => html`<tr data-order-row="${o.order_id}"${FINAL.has(o.status ?? '') ? '' : html` data-live-order="${o.order_id}"`}>
    <th scope="row"><a href="${path('/orders', o.order_id)}">${o.order_id.slice(0, 8)}</a></th>
    <td><time datetime="${o.place_time ?? ''}">${formatDate(o.place_time)}</time></td>
    <td>${o.item_count}</td>
    <td>${o.total?.display ?? ''}</td>
    <td aria-live="polite">${statusBadge(o.status)}</td>
  </tr>`,
  )}</tbody>
</table>
${pager(d.nextHref, 'Older orders')}`;
}

export function signUpPage(d: { values: Record<string, string>; errors: FieldErrors; csrf: string; next: string }): SafeHtml {
  return html`<h1>Create your account</h1>
${formErrors(d.errors, ['name', 'email', 'password'])}
<form method="post" action="/signup" class="stack narrow" novalidate>
  ${csrfField(d.csrf)}
  <input type="hidden" name="next" value="${d.next}">
  ${field({ name: 'name', label: 'Your name', value: d.values.name, autocomplete: 'name', required: true, maxlength: 100, errors: d.errors })}
  ${field({ name: 'email', label: 'E-mail', type: 'email', value: d.values.email, autocomplete: 'email', required: true, maxlength: 254, errors: d.errors })}
  ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, minlength: 10, maxlength: 128, hint: 'At least 10 characters.', errors: d.errors })}
  <button type="submit" class="primary">Sign up</button>
</form>
<p>Already have an account? <a href="/signin${queryString({ next: d.next === '/' ? undefined : d.next })}">Sign in</a>.</p>`;
}

export function signInPage(d: { values: Record<string, string>; errors: FieldErrors; csrf: string; next: string }): SafeHtml {
  return html`<h1>Sign in</h1>
${formErrors(d.errors, ['email', 'password'])}
<form method="post" action="/signin" class="stack narrow" novalidate>
  ${csrfField(d.csrf)}
  <input type="hidden" name="next" value="${d.next}">
  ${field({ name: 'email', label: 'E-mail', type: 'email', value: d.values.email, autocomplete: 'username', required: true, maxlength: 254, errors: d.errors })}
  ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 128, errors: d.errors })}
  <button type="submit" class="primary">Sign in</button>
</form>
<p>New here? <a href="/signup${queryString({ next: d.next === '/' ? undefined : d.next })}">Create an account</a>.</p>`;
}

export function salesPage(d: { sales: SalesJson; from: string; to: string; error?: string }): SafeHtml {
  const s = d.sales;
  const busy = s.hours.filter((h) => h.order_count > 0 || h.failed_order_count > 0);
  return html`<h1>Sales</h1>
${d.error ? notice(d.error, 'error') : ''}
<form method="get" action="/admin/sales" class="row filters">
  <div class="field"><label for="from">From (UTC)</label><input id="from" name="from" type="datetime-local" value="${d.from}"></div>
  <div class="field"><label for="to">To (UTC)</label><input id="to" name="to" type="datetime-local" value="${d.to}"></div>
  <button type="submit" class="secondary">Show</button>
</form>
<dl class="figures">
  <div><dt>Orders</dt><dd data-total-orders>${s.total_orders}</dd></div>
  <div><dt>Revenue</dt><dd>${s.total_revenue?.display ?? ''}</dd></div>
  <div><dt>Average order</dt><dd>${s.average_order_value?.display ?? ''}</dd></div>
</dl>
<section aria-labelledby="top-title"><h2 id="top-title">Top products</h2>
${
  s.top_products.length
    ? html`<table><thead><tr><th scope="col">Product</th><th scope="col">Units</th><th scope="col">Revenue</th></tr></thead><tbody>${s.top_products.map(
        (p) => html`<tr><th scope="row"><a href="${path('/p', p.product_id)}">${p.product_name}</a></th><td>${p.units_sold}</td><td>${p.revenue?.display ?? ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No sales in this period.</p>`
}
</section>
<section aria-labelledby="hours-title"><h2 id="hours-title">By hour</h2>
${
  busy.length
    ? html`<table><thead><tr><th scope="col">Hour (UTC)</th><th scope="col">Orders</th><th scope="col">Failed</th><th scope="col">Revenue</th></tr></thead><tbody>${busy.map(
        (h) => html`<tr><th scope="row">${formatDate(h.hour_start_time)}</th><td>${h.order_count}</td><td>${h.failed_order_count}</td><td>${h.revenue?.display ?? ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No orders in this period.</p>`
}
</section>`;
}

export function errorPage(status: number, message: string): SafeHtml {
  const title = status === 404 ? 'Page not found' : status === 403 ? 'Not allowed' : status === 429 ? 'Slow down' : status === 503 ? 'Temporarily unavailable' : status >= 500 ? 'Something went wrong' : 'That did not work';
  return html`<h1>${title}</h1>${notice(message, 'error')}<p><a href="/">Back to the store</a></p>`;
}
