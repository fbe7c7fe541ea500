// The features of one order as of its own time, from the feature store. Everything the order
// itself may already have put in the store (its OrderPlaced can arrive before or after the
// Assess call) is left out, so the answer does not depend on that race.
import type { RiskOrder } from '../domain/order';
import { DAY, HOUR, RECENT_WINDOW, SHARING_WINDOW, storeMedian, type FeatureState, type Sharers, type Stamp } from './state';

/** A unit price from which an item counts as high-value (major units of the order's currency). */
export const HIGH_VALUE_PRICE = 250;
/** Many units of something cheaper than this is stocking up, not a basket anomaly. */
export const VALUABLE_PRICE = 50;

/** What is known about the order and its history: the model's inputs and the reasons' words. */
export interface Signals {
  total: number;
  currency: string;
  /** Median of the customer's earlier confirmed orders in this currency; undefined with fewer than 2. */
  customerMedian?: number;
  /** The store's median confirmed order in this currency, once it has enough orders. */
  storeMedian?: number;
  priorConfirmed: number;
  ordersLastHour: number;
  ordersLastDay: number;
  accountAgeMs: number;
  ageSource: 'account' | 'first_seen' | 'none';
  customerDeclinesDay: number;
  cardDeclinesDay: number;
  cardDeclinesHour: number;
  riskDeclinesDay: number;
  shippingRegion: string;
  billingRegion?: string;
  countryMismatch: boolean;
  postalMismatch: boolean;
  newCard: boolean;
  newAddress: boolean;
  /** The most units of one item priced VALUABLE_PRICE or more (0 when there is none). */
  maxQuantity: number;
  highValueUnits: number;
  /** Distinct categories in the basket; undefined when a line has none. */
  categories?: number;
  cardOtherCustomers: number;
  addressOtherCustomers: number;
}

const count = (list: readonly Stamp[], from: number, to: number, except: string): number => list.filter((x) => x.id !== except && x.t >= from && x.t < to).length;

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Other customers who used it before the order, within the sharing window. */
function others(sharers: Sharers | undefined, customerId: string, t: number): number {
  let n = 0;
  if (sharers) for (const [id, u] of sharers.customers) if (id !== customerId && u.first < t && u.last >= t - SHARING_WINDOW) n++;
  return n;
}

export function signals(s: FeatureState, o: RiskOrder): Signals {
  const t = o.orderTimeMs;
  const c = s.customers.get(o.customerId);
  const norm = (c?.confirmed ?? []).filter((x) => x.t < t && x.id !== o.orderId && x.currency === o.currency).map((x) => x.amount);
  const laterConfirmed = (c?.confirmed ?? []).filter((x) => x.t >= t || x.id === o.orderId).length;
  const priorConfirmed = Math.max(0, (c?.confirmedCount ?? 0) - laterConfirmed);
  const hadOrders = !!c && c.placed.some((x) => x.id !== o.orderId && x.t < t);
  const history = priorConfirmed > 0 || hadOrders;

  const created = o.accountCreatedMs ?? c?.accountCreatedMs;
  const firstSeen = c && c.firstSeenMs < t ? c.firstSeenMs : undefined;
  const ageSource = created !== undefined ? 'account' : firstSeen !== undefined ? 'first_seen' : 'none';
  const accountAgeMs = Math.max(0, t - (created ?? firstSeen ?? t));

  const fp = o.cardFingerprint;
  const k = fp ? s.cards.get(fp) : undefined;
  const cardFirst = fp ? c?.cards.get(fp) : undefined;
  const addressFirst = c?.addresses.get(o.shipping.key);
  const storeNorm = storeMedian(s, o.currency);
  const categories = o.lines.every((l) => l.categoryId) ? new Set(o.lines.map((l) => l.categoryId)).size : undefined;

  return {
    total: o.total,
    currency: o.currency,
    ...(norm.length >= 2 ? { customerMedian: median(norm) } : {}),
    ...(storeNorm !== undefined ? { storeMedian: storeNorm } : {}),
    priorConfirmed,
    ordersLastHour: count(c?.placed ?? [], t - HOUR, t, o.orderId),
    ordersLastDay: count(c?.placed ?? [], t - DAY, t, o.orderId),
    accountAgeMs,
    ageSource,
    customerDeclinesDay: count(c?.declines ?? [], t - RECENT_WINDOW, t, o.orderId),
    cardDeclinesDay: count(k?.declines ?? [], t - RECENT_WINDOW, t, o.orderId),
    cardDeclinesHour: count(k?.declines ?? [], t - HOUR, t, o.orderId),
    riskDeclinesDay: count(c?.riskDeclines ?? [], t - RECENT_WINDOW, t, o.orderId),
    shippingRegion: o.shipping.region,
    ...(o.billing ? { billingRegion: o.billing.region } : {}),
    countryMismatch: !!o.billing && o.billing.region !== o.shipping.region,
    postalMismatch: !!o.billing && o.billing.region === o.shipping.region && o.billing.postalCode !== o.shipping.postalCode,
    // "New" only means something for a customer with history: a first order is new in every way.
    newCard: history && !!fp && !(cardFirst !== undefined && cardFirst < t),
    newAddress: history && !(addressFirst !== undefined && addressFirst < t),
    maxQuantity: Math.max(0, ...o.lines.filter((l) => l.unitPrice >= VALUABLE_PRICE).map((l) => l.quantity)),
    highValueUnits: o.lines.reduce((n, l) => n + (l.unitPrice >= HIGH_VALUE_PRICE ? l.quantity : 0), 0),
    ...(categories !== undefined ? { categories } : {}),
    cardOtherCustomers: others(k, o.customerId, t),
    addressOtherCustomers: others(s.addresses.get(o.shipping.key), o.customerId, t),
  };
}

/** The reason codes features are grouped under (Reason.code). */
export type FeatureCode =
  | 'amount_vs_customer_norm'
  | 'order_velocity'
  | 'new_account'
  | 'failed_payment_attempts'
  | 'address_mismatch'
  | 'new_card'
  | 'new_shipping_address'
  | 'basket_anomaly'
  | 'card_shared'
  | 'shared_address';

export interface FeatureSpec {
  name: string;
  code: FeatureCode;
  /** The model input; undefined means unknown (the model then uses the training mean). */
  value(s: Signals): number | undefined;
}

const flag = (b: boolean): number => (b ? 1 : 0);

/** log2(total / norm), clipped; undefined (unknown) when neither the customer nor the store has a norm yet. */
export function ratioToNorm(s: Signals): number | undefined {
  const norm = s.customerMedian ?? s.storeMedian;
  return norm ? Math.min(8, Math.max(-6, Math.log2(Math.max(s.total, 0.01) / norm))) : undefined;
}

/** The model's inputs, in the order of the weights. */
export const FEATURES: readonly FeatureSpec[] = [
  // The norm is the customer's own median, or the store's for a customer without one.
  { name: 'amount_log2_ratio_to_norm', code: 'amount_vs_customer_norm', value: (s) => ratioToNorm(s) },
  { name: 'amount_log10', code: 'amount_vs_customer_norm', value: (s) => Math.log10(1 + s.total) },
  { name: 'orders_last_hour_log', code: 'order_velocity', value: (s) => Math.log1p(s.ordersLastHour) },
  { name: 'orders_last_day_log', code: 'order_velocity', value: (s) => Math.log1p(s.ordersLastDay) },
  { name: 'account_newness', code: 'new_account', value: (s) => Math.exp(-s.accountAgeMs / DAY) },
  { name: 'customer_declines_day_log', code: 'failed_payment_attempts', value: (s) => Math.log1p(s.customerDeclinesDay) },
  { name: 'card_declines_day_log', code: 'failed_payment_attempts', value: (s) => Math.log1p(s.cardDeclinesDay) },
  { name: 'billing_country_mismatch', code: 'address_mismatch', value: (s) => flag(s.countryMismatch) },
  { name: 'billing_postal_mismatch', code: 'address_mismatch', value: (s) => flag(s.postalMismatch) },
  { name: 'new_card', code: 'new_card', value: (s) => flag(s.newCard) },
  { name: 'new_shipping_address', code: 'new_shipping_address', value: (s) => flag(s.newAddress) },
  { name: 'max_valuable_item_quantity_log', code: 'basket_anomaly', value: (s) => Math.log1p(s.maxQuantity) },
  { name: 'high_value_units_log', code: 'basket_anomaly', value: (s) => Math.log1p(s.highValueUnits) },
  { name: 'distinct_categories', code: 'basket_anomaly', value: (s) => s.categories },
  { name: 'card_other_customers_log', code: 'card_shared', value: (s) => Math.log1p(s.cardOtherCustomers) },
  { name: 'address_other_customers_log', code: 'shared_address', value: (s) => Math.log1p(s.addressOtherCustomers) },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

export function featureVector(s: Signals): (number | undefined)[] {
  return FEATURES.map((f) => f.value(s));
}
