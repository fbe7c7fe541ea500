// What the storefront and the JSON API do, once: each operation calls the services it needs (in
// parallel where it can) and answers the API's JSON shapes, which the HTML pages render too.
import type { Logger } from '@mercato/kit';
import type { Address } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { ProductOrder as ProtoProductOrder } from '@mercato/protos/gen/mercato/catalog/v1/ProductOrder';
import type { Order__Output } from '@mercato/protos/gen/mercato/orders/v1/Order';
import type { ShippingSpeed } from '@mercato/protos/gen/mercato/shipping/v1/ShippingSpeed';
import { status } from '@grpc/grpc-js';
import { badRequest, fromGrpc, HttpError, notFound, renameField } from '../http/errors';
import type { SessionUser } from '../http/router';
import { as, mayBe, need, type Backends } from './backends';
import * as json from './json';
import { checkLuhn, isoSeconds, type AddressInput, type CheckoutInput, type ProductOrder, type ReviewInput, type Speed } from './inputs';

/** The cart a request works on: the user's own (its id is their user id), or a guest cart. */
export interface CartRef {
  cartId: string;
  user: SessionUser | undefined;
}

const ORDER_BY: Record<ProductOrder, ProtoProductOrder> = {
  name: 'PRODUCT_ORDER_NAME',
  price_asc: 'PRODUCT_ORDER_PRICE_ASCENDING',
  price_desc: 'PRODUCT_ORDER_PRICE_DESCENDING',
  rating: 'PRODUCT_ORDER_RATING',
  newest: 'PRODUCT_ORDER_NEWEST',
};

const SPEED: Record<Speed, ShippingSpeed> = { standard: 'SHIPPING_SPEED_STANDARD', express: 'SHIPPING_SPEED_EXPRESS', overnight: 'SHIPPING_SPEED_OVERNIGHT' };

export function toProtoAddress(a: AddressInput): Address {
  return {
    recipient: a.recipient,
    addressLines: a.address_lines,
    locality: a.locality,
    administrativeArea: a.administrative_area ?? '',
    postalCode: a.postal_code ?? '',
    regionCode: a.region_code,
    phone: a.phone ?? '',
  };
}

/** How a placed order answers over HTTP (the contract's checkout statuses). */
export function checkoutOutcome(o: Order__Output): { status: number; error?: HttpError } {
  switch (o.status) {
    case 'ORDER_STATUS_CONFIRMED':
    case 'ORDER_STATUS_SHIPPED':
    case 'ORDER_STATUS_DELIVERED':
      return { status: 201 };
    case 'ORDER_STATUS_PENDING':
    case 'ORDER_STATUS_UNSPECIFIED':
      return { status: 202 };
    case 'ORDER_STATUS_FAILED': {
      const message = o.failureMessage || 'the order could not be completed';
      if (o.failureReason === 'FAILURE_REASON_PAYMENT_DECLINED') return { status: 402, error: new HttpError('payment_declined', message) };
      if (o.failureReason === 'FAILURE_REASON_OUT_OF_STOCK') return { status: 409, error: new HttpError('out_of_stock', message) };
      // The risk service declined it: a business answer, kept apart from failures of the suite.
      if (o.failureReason === 'FAILURE_REASON_RISK_DECLINED') return { status: 422, error: new HttpError('order_declined', message) };
      const code = o.failureReason === 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE' ? 'unavailable' : 'conflict';
      return { status: 422, error: new HttpError(code, message, undefined, { status: 422 }) };
    }
  }
}

/** A paged call: the services name paging fields "page.page_token", our query "page_token". */
async function paged<T>(target: string, call: Promise<T>): Promise<T> {
  try {
    return await need(target, call);
  } catch (err) {
    throw renameField(err, 'page.', '');
  }
}

export class Shop {
  private categoriesCache: { at: number; value: ReturnType<typeof json.category>[] } | undefined;

  constructor(
    readonly backends: Backends,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Categories change rarely and every page's navigation shows them: cached a minute, stale when the catalog is down. */
  async categories(): Promise<ReturnType<typeof json.category>[]> {
    const cached = this.categoriesCache;
    if (cached && this.now() - cached.at < 60_000) return cached.value;
    try {
      const { categories } = await need('catalog', this.backends.catalog.call('ListCategories', {}));
      const value = categories.map(json.category);
      this.categoriesCache = { at: this.now(), value };
      return value;
    } catch (err) {
      if (cached) return cached.value;
      throw err;
    }
  }

  async products(q: { category?: string; order_by?: ProductOrder; page_size?: number; page_token?: string }) {
    const res = await paged(
      'catalog',
      this.backends.catalog.call('ListProducts', {
        page: { pageSize: q.page_size ?? 20, pageToken: q.page_token ?? '' },
        categoryId: q.category ?? '',
        orderBy: q.order_by ? ORDER_BY[q.order_by] : 'PRODUCT_ORDER_UNSPECIFIED',
        tags: [],
      }),
    );
    return { products: res.products.map(json.product), next_page_token: res.page?.nextPageToken || null };
  }

  async search(q: { q: string; category?: string; page_size?: number; page_token?: string }) {
    const res = await paged('catalog', this.backends.catalog.call('SearchProducts', { query: q.q, categoryId: q.category ?? '', page: { pageSize: q.page_size ?? 20, pageToken: q.page_token ?? '' } }));
    return { results: res.results.map((r) => ({ product: json.product(r.product!), relevance: r.relevance })), next_page_token: res.page?.nextPageToken || null };
  }

  async product(id: string, user: SessionUser | undefined) {
    const [{ product }, reviews, recommendations] = await Promise.all([
      need('catalog', this.backends.catalog.call('GetProduct', { productId: id })),
      need('catalog', this.backends.catalog.call('ListReviews', { productId: id, page: { pageSize: 10, pageToken: '' } })),
      this.recommendations(user, id),
    ]);
    if (!product) throw notFound(`product ${id}`);
    return {
      product: json.product(product),
      reviews: reviews.reviews.map(json.review),
      next_reviews_page_token: reviews.page?.nextPageToken || null,
      average_rating: reviews.averageRating,
      recommendations,
    };
  }

  async reviews(id: string, page: { page_size?: number; page_token?: string }) {
    const res = await paged('catalog', this.backends.catalog.call('ListReviews', { productId: id, page: { pageSize: page.page_size ?? 20, pageToken: page.page_token ?? '' } }));
    return { reviews: res.reviews.map(json.review), average_rating: res.averageRating, next_page_token: res.page?.nextPageToken || null };
  }

  async addReview(user: SessionUser, id: string, input: ReviewInput) {
    const { review } = await need('catalog', this.backends.catalog.call('AddReview', { productId: id, rating: input.rating, title: input.title, body: input.body }, as(user)));
    return { review: json.review(review!) };
  }

  /**
   * Products to suggest: personal on the home page, "more like this" on a product page. The
   * recommendations service is optional: when it is absent, slow or down, there are none.
   */
  async recommendations(user: SessionUser | undefined, contextProductId?: string, limit = 4): Promise<json.ProductJson[]> {
    const recs = await mayBe(
      'recommendations',
      () => this.backends.recommendations.call('Recommend', { userId: user?.id ?? '', contextProductId: contextProductId ?? '', limit, excludeProductIds: contextProductId ? [contextProductId] : [] }, as(user)),
      this.log,
    );
    const ids = (recs?.recommendations ?? []).map((r) => r.productId).filter((id) => id !== contextProductId).slice(0, limit);
    if (ids.length === 0) return [];
    const found = await mayBe('catalog', () => this.backends.catalog.call('BatchGetProducts', { productIds: ids }), this.log);
    return (found?.products ?? []).map(json.product);
  }

  /** The assistant's review summary, when that optional service answers within its deadline. */
  async reviewSummary(id: string) {
    const summary = await mayBe(
      'assistant',
      async () => {
        const stream = this.backends.assistant.stream('SummarizeReviews', { productId: id });
        for await (const m of stream as AsyncIterable<{ summary?: { overall: string; pros: string[]; cons: string[]; reviewCount: number; averageRating: number } | null; engine?: { engine: string; model: string } | null }>) {
          if (m.summary) return { overall: m.summary.overall, pros: m.summary.pros, cons: m.summary.cons, review_count: m.summary.reviewCount, average_rating: m.summary.averageRating, engine: m.engine?.model ?? null };
        }
        return undefined;
      },
      this.log,
    );
    return { summary: summary ?? null };
  }

  // --- cart -------------------------------------------------------------------------------

  async cart(ref: CartRef) {
    const { cart } = await need('cart', this.backends.cart.call('GetCart', { cartId: ref.cartId }, as(ref.user)));
    return { cart: json.cart(cart, ref.cartId) };
  }

  async addItem(ref: CartRef, productId: string, quantity: number) {
    const { cart } = await need('cart', this.backends.cart.call('AddItem', { cartId: ref.cartId, productId, quantity }, as(ref.user)));
    return { cart: json.cart(cart, ref.cartId) };
  }

  async setQuantity(ref: CartRef, productId: string, quantity: number) {
    const { cart } = await need('cart', this.backends.cart.call('UpdateItemQuantity', { cartId: ref.cartId, productId, quantity }, as(ref.user)));
    return { cart: json.cart(cart, ref.cartId) };
  }

  async removeItem(ref: CartRef, productId: string) {
    const { cart } = await need('cart', this.backends.cart.call('RemoveItem', { cartId: ref.cartId, productId }, as(ref.user)));
    return { cart: json.cart(cart, ref.cartId) };
  }

  async clearCart(ref: CartRef) {
    const { cart } = await need('cart', this.backends.cart.call('ClearCart', { cartId: ref.cartId }, as(ref.user)));
    return { cart: json.cart(cart, ref.cartId) };
  }

  /** Shipping quotes for what is in the cart now, to an address. */
  async quotes(ref: CartRef, address: AddressInput) {
    const { cart } = await need('cart', this.backends.cart.call('GetCart', { cartId: ref.cartId }, as(ref.user)));
    const items = cart?.items ?? [];
    if (items.length === 0) throw new HttpError('conflict', 'your cart is empty: add something before asking for shipping quotes');
    const { products } = await need('catalog', this.backends.catalog.call('BatchGetProducts', { productIds: items.map((i) => i.productId) }));
    const weight = new Map(products.map((p) => [p.id, p.weightGrams]));
    const { quotes } = await need(
      'shipping',
      this.backends.shipping.call(
        'GetQuote',
        {
          destination: toProtoAddress(address),
          parcels: items.map((i) => ({ productId: i.productId, quantity: i.quantity, unitWeightGrams: weight.get(i.productId) ?? 0 })),
          currencyCode: cart?.subtotal?.currencyCode || 'USD',
        },
        as(ref.user),
      ),
    ).catch((err: unknown) => {
      throw renameField(err, 'destination.', 'address.');
    });
    return { quotes: quotes.map(json.quote) };
  }

  // --- checkout and orders ----------------------------------------------------------------

  /** Places the order of the user's cart; answers the order whatever its state (the caller maps it). */
  async checkout(user: SessionUser, input: CheckoutInput, defaultEmail: string): Promise<Order__Output> {
    checkLuhn(input.card.number);
    const { order } = await need(
      'orders',
      this.backends.orders.call(
        'PlaceOrder',
        {
          cartId: user.id,
          idempotencyKey: input.idempotency_key,
          shippingAddress: toProtoAddress(input.shipping_address),
          ...(input.billing_address ? { billingAddress: toProtoAddress(input.billing_address) } : {}),
          shippingSpeed: SPEED[input.shipping_speed],
          card: { number: input.card.number, expiryMonth: input.card.expiry_month, expiryYear: input.card.expiry_year, cvc: input.card.cvc, holderName: input.card.holder_name },
          email: input.email ?? defaultEmail,
        },
        as(user),
      ),
    ).catch((err: unknown) => {
      // The saga quotes shipping with the address under the shipping service's name for it.
      throw renameField(err, 'destination.', 'shipping_address.');
    });
    if (!order) throw new HttpError('internal', 'the orders service answered without an order');
    return order;
  }

  async orders(user: SessionUser, page: { page_size?: number; page_token?: string }) {
    const res = await paged('order-history', this.backends.orderHistory.call('ListCustomerOrders', { customerId: user.id, page: { pageSize: page.page_size ?? 20, pageToken: page.page_token ?? '' }, statuses: [] }, as(user)));
    return { orders: res.orders.map(json.orderSummary), next_page_token: res.page?.nextPageToken || null };
  }

  /** One of the user's orders: the orders service's state, with the read side's shipment progress. */
  async order(user: SessionUser, id: string) {
    const view = mayBe('order-history', () => this.backends.orderHistory.call('GetOrderView', { orderId: id }, as(user)), this.log);
    let placed;
    try {
      placed = await this.backends.orders.call('GetOrder', { orderId: id }, as(user));
    } catch (err) {
      // Another user's order is "not found", not "forbidden": ids are not confirmed to strangers.
      const code = (err as { code?: number }).code;
      if (code === status.PERMISSION_DENIED || code === status.NOT_FOUND) throw notFound(`order ${id}`);
      throw fromGrpc(err, 'orders');
    }
    if (!placed.order) throw notFound(`order ${id}`);
    return { order: json.order(placed.order, (await view)?.order) };
  }

  async sales(user: SessionUser, q: { from?: string; to?: string }) {
    const to = q.to !== undefined ? isoSeconds(q.to, 'to') : undefined;
    const from = q.from !== undefined ? isoSeconds(q.from, 'from') : undefined;
    const end = to ?? Math.floor(this.now() / 1000);
    if (from !== undefined && from >= end) throw badRequest('from', 'must be before to');
    if (from !== undefined && end - from > 92 * 86_400) throw badRequest('from', 'must be at most 92 days before to');
    const res = await need(
      'order-history',
      this.backends.orderHistory.call(
        'GetSalesFigures',
        {
          ...(from !== undefined ? { startTime: { seconds: String(from), nanos: 0 } } : {}),
          ...(to !== undefined ? { endTime: { seconds: String(to), nanos: 0 } } : {}),
          topProductsLimit: 10,
        },
        as(user),
      ),
    );
    return json.sales(res);
  }
}
