// The feature store: what the risk features need from order and payment history, per customer,
// card fingerprint and shipping address, folded from events. initialState/evolve as in a decider;
// evolve updates the state in place because it holds every customer (copying it per event would
// make catch-up quadratic), but it is still deterministic: no I/O, no clock (time comes from the
// events), and it stays bounded (windows, caps and `compact`).
import { assertNever } from '@mercato/eventsourcing';
import type { Reason__Output } from '@mercato/protos/gen/mercato/risk/v1/Reason';
import type { Decision__Output } from '@mercato/protos/gen/mercato/risk/v1/Decision';
import { moneyAmount, placeFacts, timestampMs } from '../domain/order';
import type { RiskEvent } from './events';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** How far back velocity and failed payments look. */
export const RECENT_WINDOW = DAY;
/** How far back card and address sharing look. */
export const SHARING_WINDOW = 30 * DAY;
/** Confirmed orders kept per customer for their norm. */
export const NORM_ORDERS = 20;
const MAX_STAMPS = 500;
const MAX_LINKS = 20;
const MAX_SHARERS = 50;
/** Orders are remembered this long: enough to answer a saga's retried Assess from the log. */
const ORDER_RETENTION = 3 * DAY;
const CUSTOMER_RETENTION = 400 * DAY;
const MAX_KEY = 200;

/** An order or payment at a time (ms). */
export interface Stamp {
  id: string;
  t: number;
}

export interface CustomerFacts {
  firstSeenMs: number;
  lastSeenMs: number;
  accountCreatedMs?: number;
  /** The latest confirmed orders, oldest first (refunds taken off). */
  confirmed: { id: string; t: number; amount: number; currency: string }[];
  /** Every confirmed order ever, not only those kept in `confirmed`. */
  confirmedCount: number;
  placed: Stamp[];
  /** Declined payment attempts, by order. */
  declines: Stamp[];
  /** Orders this customer had declined by risk. */
  riskDeclines: Stamp[];
  /** Card fingerprint → first use. */
  cards: Map<string, number>;
  /** Shipping address key → first use. */
  addresses: Map<string, number>;
}

export interface Sharers {
  /** Customer → first and last use of the card or address. */
  customers: Map<string, { first: number; last: number }>;
  lastSeenMs: number;
}

export interface CardFacts extends Sharers {
  declines: Stamp[];
}

export interface RecordedDecision {
  decision: Decision__Output;
  score: number;
  reasons: Reason__Output[];
  modelVersion: string;
}

export interface OrderFacts {
  customerId: string;
  t: number;
  cardFingerprint: string;
  total?: { amount: number; currency: string };
  /** The decision the orders saga recorded (OrderRiskAssessed). */
  decision?: RecordedDecision;
}

export interface FeatureState {
  /** The newest event time seen: the windows' "now" for pruning. */
  clockMs: number;
  customers: Map<string, CustomerFacts>;
  cards: Map<string, CardFacts>;
  addresses: Map<string, Sharers>;
  orders: Map<string, OrderFacts>;
  /** Per currency, a histogram of every confirmed order total (log-spaced bins): the store's norm. */
  storeTotals: Map<string, number[]>;
}

export function initialState(): FeatureState {
  return { clockMs: 0, customers: new Map(), cards: new Map(), addresses: new Map(), orders: new Map(), storeTotals: new Map() };
}

const usable = (key: string | undefined): key is string => !!key && key.length <= MAX_KEY;

function customer(s: FeatureState, id: string, t: number): CustomerFacts {
  let c = s.customers.get(id);
  if (!c) {
    c = { firstSeenMs: t, lastSeenMs: t, confirmed: [], confirmedCount: 0, placed: [], declines: [], riskDeclines: [], cards: new Map(), addresses: new Map() };
    s.customers.set(id, c);
  }
  c.firstSeenMs = Math.min(c.firstSeenMs, t);
  c.lastSeenMs = Math.max(c.lastSeenMs, t);
  return c;
}

/** Adds a stamp once, keeping only those inside the window before the clock (and at most MAX_STAMPS). */
function stamp(list: Stamp[], id: string, t: number, clockMs: number, window = RECENT_WINDOW): Stamp[] {
  const kept = list.filter((x) => x.t >= clockMs - window);
  if (!kept.some((x) => x.id === id)) kept.push({ id, t });
  kept.sort((a, b) => a.t - b.t);
  return kept.length > MAX_STAMPS ? kept.slice(-MAX_STAMPS) : kept;
}

/** Remembers a first use, evicting the oldest when the map is full. */
function firstUse(map: Map<string, number>, key: string, t: number): void {
  const seen = map.get(key);
  if (seen !== undefined && seen <= t) return;
  map.set(key, t);
  if (map.size > MAX_LINKS) {
    let oldest: string | undefined;
    for (const [k, v] of map) if (oldest === undefined || v < map.get(oldest)!) oldest = k;
    map.delete(oldest!);
  }
}

function share(sharers: Sharers, customerId: string, t: number): void {
  const u = sharers.customers.get(customerId);
  sharers.customers.set(customerId, { first: Math.min(u?.first ?? t, t), last: Math.max(u?.last ?? t, t) });
  sharers.lastSeenMs = Math.max(sharers.lastSeenMs, t);
  if (sharers.customers.size > MAX_SHARERS) {
    let stalest: string | undefined;
    for (const [k, v] of sharers.customers) if (stalest === undefined || v.last < sharers.customers.get(stalest)!.last) stalest = k;
    sharers.customers.delete(stalest!);
  }
}

function card(s: FeatureState, fingerprint: string, t: number): CardFacts {
  let c = s.cards.get(fingerprint);
  if (!c) s.cards.set(fingerprint, (c = { customers: new Map(), declines: [], lastSeenMs: t }));
  return c;
}

function useCard(s: FeatureState, fingerprint: string, customerId: string, t: number): void {
  if (!usable(fingerprint)) return;
  share(card(s, fingerprint, t), customerId, t);
  firstUse(customer(s, customerId, t).cards, fingerprint, t);
}

/**
 * The state after one event. `fallbackMs` is the event's time when its payload has none (the
 * store's commit time).
 */
export function evolve(s: FeatureState, event: RiskEvent, fallbackMs: number): FeatureState {
  const t = timestampMs(event.data.eventTime) ?? fallbackMs;
  const customerId = event.data.customerId;
  if (!usable(customerId) || !usable(event.data.orderId)) return s;
  // An event time far ahead of its commit time must not fast-forward the pruning clock.
  s.clockMs = Math.max(s.clockMs, Math.min(t, fallbackMs + DAY));
  const orderId = event.data.orderId;
  switch (event.type) {
    case 'mercato.orders.v1.OrderPlaced': {
      const d = event.data;
      const c = customer(s, customerId, t);
      const created = timestampMs(d.accountCreateTime);
      if (created !== undefined) c.accountCreatedMs = created;
      c.placed = stamp(c.placed, orderId, t, s.clockMs);
      useCard(s, d.cardFingerprint, customerId, t);
      const place = placeFacts(d.shippingAddress);
      if (place) {
        let a = s.addresses.get(place.key);
        if (!a) s.addresses.set(place.key, (a = { customers: new Map(), lastSeenMs: t }));
        share(a, customerId, t);
        firstUse(c.addresses, place.key, t);
      }
      s.orders.set(orderId, { ...s.orders.get(orderId), customerId, t, cardFingerprint: d.cardFingerprint });
      return s;
    }
    case 'mercato.orders.v1.OrderPriced': {
      // The confirmation carries the total too; this one covers a confirmation without it.
      const o = s.orders.get(orderId);
      if (o && event.data.total) o.total = { amount: moneyAmount(event.data.total), currency: event.data.total.currencyCode };
      return s;
    }
    case 'mercato.orders.v1.OrderRiskAssessed': {
      const d = event.data;
      const o = s.orders.get(orderId) ?? { customerId, t, cardFingerprint: '' };
      o.decision = { decision: d.decision, score: d.score, reasons: d.reasons, modelVersion: d.modelVersion };
      s.orders.set(orderId, o);
      return s;
    }
    case 'mercato.orders.v1.OrderConfirmed': {
      const d = event.data;
      const known = s.orders.get(orderId)?.total;
      const total = d.total ? { amount: moneyAmount(d.total), currency: d.total.currencyCode } : known;
      const c = customer(s, customerId, t);
      if (!total || c.confirmed.some((x) => x.id === orderId)) return s;
      c.confirmedCount++;
      c.confirmed.push({ id: orderId, t, ...total });
      recordStoreTotal(s, total.currency, total.amount);
      c.confirmed.sort((a, b) => a.t - b.t);
      if (c.confirmed.length > NORM_ORDERS) c.confirmed.shift();
      return s;
    }
    case 'mercato.orders.v1.OrderFailed': {
      // Payment declines are counted from PaymentDeclined (it names the card and the reason);
      // here only the orders risk itself declined, for the repeat-attempt rule.
      if (event.data.reason !== 'FAILURE_REASON_RISK_DECLINED') return s;
      const c = customer(s, customerId, t);
      c.riskDeclines = stamp(c.riskDeclines, orderId, t, s.clockMs);
      return s;
    }
    case 'mercato.payments.v1.PaymentAuthorized':
      customer(s, customerId, t);
      useCard(s, event.data.cardFingerprint, customerId, t);
      return s;
    case 'mercato.payments.v1.PaymentDeclined': {
      const d = event.data;
      // A processing error is the provider's fault, not a sign about the card or the shopper.
      if (d.reason === 'DECLINE_REASON_PROCESSING_ERROR') return s;
      const c = customer(s, customerId, t);
      c.declines = stamp(c.declines, orderId, t, s.clockMs);
      if (usable(d.cardFingerprint)) {
        useCard(s, d.cardFingerprint, customerId, t);
        const k = card(s, d.cardFingerprint, t);
        k.declines = stamp(k.declines, orderId, t, s.clockMs);
      }
      return s;
    }
    case 'mercato.payments.v1.PaymentRefunded': {
      // Refunded spending leaves the customer's norm (returned goods are not what they buy).
      const c = s.customers.get(customerId);
      const entry = c?.confirmed.find((x) => x.id === orderId);
      if (!c || !entry || !event.data.amount) return s;
      entry.amount -= moneyAmount(event.data.amount);
      if (entry.amount <= 0.005) c.confirmed = c.confirmed.filter((x) => x !== entry);
      return s;
    }
    default:
      return assertNever(event);
  }
}

// The store's norm: order totals from 0.1 to 10^6 in bins of a twentieth of a decade (12%).
const BIN = 0.05;
const BINS = 140;
/** Orders before the store's norm means anything. */
const MIN_STORE_ORDERS = 20;

function recordStoreTotal(s: FeatureState, currency: string, amount: number): void {
  let bins = s.storeTotals.get(currency);
  if (!bins) s.storeTotals.set(currency, (bins = new Array<number>(BINS).fill(0)));
  const i = Math.min(BINS - 1, Math.max(0, Math.floor((Math.log10(Math.max(amount, 0.1)) + 1) / BIN)));
  bins[i]!++;
}

/** The median confirmed order total of the store in a currency (to 12%), once there are enough orders. */
export function storeMedian(s: FeatureState, currency: string): number | undefined {
  const bins = s.storeTotals.get(currency);
  const n = bins?.reduce((a, b) => a + b, 0) ?? 0;
  if (!bins || n < MIN_STORE_ORDERS) return undefined;
  for (let i = 0, seen = 0; i < BINS; i++) {
    seen += bins[i]!;
    if (seen * 2 >= n) return 10 ** ((i + 0.5) * BIN - 1);
  }
  return undefined;
}

/** Drops what no current order can need any more: run it now and then (e.g. before a snapshot). */
export function compact(s: FeatureState): FeatureState {
  const now = s.clockMs;
  for (const [id, o] of s.orders) if (o.t < now - ORDER_RETENTION) s.orders.delete(id);
  for (const [id, c] of s.customers) {
    if (c.lastSeenMs < now - CUSTOMER_RETENTION) {
      s.customers.delete(id);
      continue;
    }
    c.placed = c.placed.filter((x) => x.t >= now - RECENT_WINDOW);
    c.declines = c.declines.filter((x) => x.t >= now - RECENT_WINDOW);
    c.riskDeclines = c.riskDeclines.filter((x) => x.t >= now - RECENT_WINDOW);
  }
  for (const [key, a] of s.addresses) if (a.lastSeenMs < now - SHARING_WINDOW) s.addresses.delete(key);
  for (const [key, k] of s.cards) {
    if (k.lastSeenMs < now - SHARING_WINDOW) s.cards.delete(key);
    else k.declines = k.declines.filter((x) => x.t >= now - RECENT_WINDOW);
  }
  return s;
}

/** Sizes, for metrics and logs. */
export function stateSize(s: FeatureState): { customers: number; cards: number; addresses: number; orders: number } {
  return { customers: s.customers.size, cards: s.cards.size, addresses: s.addresses.size, orders: s.orders.size };
}

// Snapshots: the state as plain JSON (maps as entry lists) and back.
type Json = Record<string, unknown>;
const entries = <V, W>(m: Map<string, V>, f: (v: V) => W): [string, W][] => [...m].map(([k, v]) => [k, f(v)]);

export function toSnapshot(s: FeatureState): Json {
  return {
    clockMs: s.clockMs,
    customers: entries(s.customers, (c) => ({ ...c, cards: [...c.cards], addresses: [...c.addresses] })),
    cards: entries(s.cards, (k) => ({ ...k, customers: [...k.customers] })),
    addresses: entries(s.addresses, (a) => ({ ...a, customers: [...a.customers] })),
    orders: [...s.orders],
    storeTotals: [...s.storeTotals],
  };
}

export function fromSnapshot(json: Json): FeatureState {
  const j = json as {
    clockMs: number;
    customers: [string, CustomerFacts & { cards: [string, number][]; addresses: [string, number][] }][];
    cards: [string, CardFacts & { customers: [string, { first: number; last: number }][] }][];
    addresses: [string, Sharers & { customers: [string, { first: number; last: number }][] }][];
    orders: [string, OrderFacts][];
    storeTotals: [string, number[]][];
  };
  return {
    clockMs: j.clockMs,
    customers: new Map(j.customers.map(([k, c]) => [k, { ...c, cards: new Map(c.cards), addresses: new Map(c.addresses) }])),
    cards: new Map(j.cards.map(([k, c]) => [k, { ...c, customers: new Map(c.customers) }])),
    addresses: new Map(j.addresses.map(([k, a]) => [k, { ...a, customers: new Map(a.customers) }])),
    orders: new Map(j.orders),
    storeTotals: new Map(j.storeTotals),
  };
}
