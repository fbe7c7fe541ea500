// The JSON shapes of the API (snake_case, as the protos name things), made from the services'
// decoded messages. Money keeps integer units and nanos and gains a display string; enums become
// their short lower-case names ("ORDER_STATUS_CONFIRMED" → "confirmed"); times become ISO 8601.
import type { Money__Output } from '@mercato/protos/gen/mercato/common/v1/Money';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { Product__Output } from '@mercato/protos/gen/mercato/catalog/v1/Product';
import type { Category__Output } from '@mercato/protos/gen/mercato/catalog/v1/Category';
import type { Review__Output } from '@mercato/protos/gen/mercato/catalog/v1/Review';
import type { Cart__Output } from '@mercato/protos/gen/mercato/cart/v1/Cart';
import type { Order__Output } from '@mercato/protos/gen/mercato/orders/v1/Order';
import type { OrderView__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderView';
import type { OrderSummary__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderSummary';
import type { ShippingQuote__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShippingQuote';
import type { GetSalesFiguresResponse__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/GetSalesFiguresResponse';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';

export interface MoneyJson {
  currency_code: string;
  units: number;
  nanos: number;
  display: string;
}

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CAD: 'CA$', AUD: 'A$' };

/** "$1,234.56": rounded half away from zero to cents, from the exact amount (never a float). */
export function displayMoney(m: { currencyCode: string; units: string | number; nanos: number }): string {
  const total = BigInt(m.units) * 1_000_000_000n + BigInt(m.nanos);
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const cents = (abs + 5_000_000n) / 10_000_000n;
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = SYMBOLS[m.currencyCode];
  const amount = `${whole}.${String(cents % 100n).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${symbol ?? `${m.currencyCode} `}${amount}`;
}

export function money(m: Money__Output | null | undefined): MoneyJson | null {
  if (!m) return null;
  return { currency_code: m.currencyCode, units: Number(m.units), nanos: m.nanos, display: displayMoney(m) };
}

export function time(t: Timestamp__Output | null | undefined): string | null {
  if (!t) return null;
  const ms = Number(t.seconds) * 1000 + Math.floor(t.nanos / 1_000_000);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}

/** "ORDER_STATUS_CONFIRMED" → "confirmed"; the UNSPECIFIED value → null. */
export function enumName(value: string, prefix: string): string | null {
  if (!value || value.endsWith('_UNSPECIFIED')) return null;
  return (value.startsWith(prefix) ? value.slice(prefix.length) : value).toLowerCase();
}

export function product(p: Product__Output) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    category_id: p.categoryId,
    tags: p.tags,
    price: money(p.price),
    image_url: p.imageUrl,
    weight_grams: p.weightGrams,
    average_rating: p.averageRating,
    review_count: p.reviewCount,
    create_time: time(p.createTime),
  };
}
export type ProductJson = ReturnType<typeof product>;

export function category(c: Category__Output) {
  return { id: c.id, name: c.name, description: c.description, parent_id: c.parentId || null, product_count: c.productCount };
}

/** The author's user id stays out: a public page has no use for it. */
export function review(r: Review__Output) {
  return { id: r.id, product_id: r.productId, author_name: r.authorName, rating: r.rating, title: r.title, body: r.body, create_time: time(r.createTime) };
}
export type ReviewJson = ReturnType<typeof review>;

export function cart(c: Cart__Output | null | undefined, cartId: string) {
  return {
    cart_id: c?.cartId || cartId,
    items: (c?.items ?? []).map((i) => ({ product_id: i.productId, product_name: i.productName, quantity: i.quantity, unit_price: money(i.unitPrice), line_total: money(i.lineTotal) })),
    subtotal: money(c?.subtotal) ?? money({ currencyCode: 'USD', units: '0', nanos: 0 }),
    item_count: c?.itemCount ?? 0,
    update_time: time(c?.updateTime),
  };
}
export type CartJson = ReturnType<typeof cart>;

export function address(a: Address__Output | null | undefined) {
  if (!a) return null;
  return {
    recipient: a.recipient,
    address_lines: a.addressLines,
    locality: a.locality,
    administrative_area: a.administrativeArea,
    postal_code: a.postalCode,
    region_code: a.regionCode,
    phone: a.phone,
  };
}

const ORDER_STATUS = 'ORDER_STATUS_';
const SHIPMENT_STATUS = 'SHIPMENT_STATUS_';

/**
 * An order from the orders service (the truth for placing, confirming, failing), completed from
 * the read side when it has the order (shipment progress, timeline).
 */
export function order(o: Order__Output, view?: OrderView__Output | null) {
  // Shipped and delivered exist only on the read side; before that the orders service is current.
  const readSideAhead = view && (view.status === 'ORDER_STATUS_SHIPPED' || view.status === 'ORDER_STATUS_DELIVERED');
  return {
    order_id: o.orderId,
    status: enumName(readSideAhead ? view.status : o.status, ORDER_STATUS),
    lines: o.lines.map((l) => ({ product_id: l.productId, product_name: l.productName, quantity: l.quantity, unit_price: money(l.unitPrice), line_total: money(l.lineTotal) })),
    subtotal: money(o.subtotal),
    shipping_cost: money(o.shippingCost),
    total: money(o.total),
    shipping_address: address(o.shippingAddress),
    shipping_speed: enumName(o.shippingSpeed, 'SHIPPING_SPEED_'),
    card: o.card ? { brand: enumName(o.card.brand, 'CARD_BRAND_'), last4: o.card.last4, expiry_month: o.card.expiryMonth, expiry_year: o.card.expiryYear } : null,
    tracking_number: o.trackingNumber || view?.shipment?.trackingNumber || null,
    shipment_status: view?.shipment ? enumName(view.shipment.status, SHIPMENT_STATUS) : null,
    carrier: view?.shipment?.carrier || null,
    estimated_delivery_time: time(view?.shipment?.estimatedDeliveryTime),
    failure_reason: enumName(o.failureReason, 'FAILURE_REASON_'),
    failure_message: o.failureMessage || null,
    timeline: (view?.timeline ?? []).map((t) => ({ event_type: t.eventType, description: t.description, event_time: time(t.eventTime) })),
    create_time: time(o.createTime),
    update_time: time(o.updateTime),
  };
}
export type OrderJson = ReturnType<typeof order>;

export function orderSummary(s: OrderSummary__Output) {
  return {
    order_id: s.orderId,
    status: enumName(s.status, ORDER_STATUS),
    total: money(s.total),
    item_count: s.itemCount,
    shipment_status: enumName(s.shipmentStatus, SHIPMENT_STATUS),
    place_time: time(s.placeTime),
  };
}
export type OrderSummaryJson = ReturnType<typeof orderSummary>;

export function quote(q: ShippingQuote__Output) {
  return { speed: enumName(q.speed, 'SHIPPING_SPEED_'), cost: money(q.cost), carrier: q.carrier, min_transit_days: q.minTransitDays, max_transit_days: q.maxTransitDays };
}
export type QuoteJson = ReturnType<typeof quote>;

export function sales(s: GetSalesFiguresResponse__Output) {
  return {
    hours: s.hours.map((h) => ({ hour_start_time: time(h.hourStartTime), order_count: Number(h.orderCount), failed_order_count: Number(h.failedOrderCount), revenue: money(h.revenue) })),
    top_products: s.topProducts.map((p) => ({ product_id: p.productId, product_name: p.productName, units_sold: Number(p.unitsSold), revenue: money(p.revenue) })),
    total_orders: Number(s.totalOrders),
    total_revenue: money(s.totalRevenue),
    average_order_value: money(s.averageOrderValue),
  };
}
export type SalesJson = ReturnType<typeof sales>;
