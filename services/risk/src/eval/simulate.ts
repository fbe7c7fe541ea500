// A generated store history with planted fraud, for training and evaluating the risk model.
// Legitimate customers shop at their own pace and size, with the noise real shoppers bring (gifts
// to other addresses, a second card, a declined payment retried, a big order now and then, brand
// new accounts buying at once). Fraud follows seven patterns, each planting one signal the
// features can see; the labels are the ground truth. The history is open-loop (no risk decisions
// feed back), as if assessed by a model that only observes.
import type { Money } from '@mercato/kit';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import type { DeclineReason__Output } from '@mercato/protos/gen/mercato/payments/v1/DeclineReason';
import { placeFacts, type RiskLine, type RiskOrder } from '../domain/order';
import type { FeatureCode } from '../features/extract';
import type { RiskEvent } from '../features/events';
import { DAY, HOUR } from '../features/state';
import { createRng } from './prng';

export type Pattern = 'legit' | 'account_takeover' | 'velocity_ring' | 'new_account_splurge' | 'card_testing' | 'reshipper' | 'reseller_basket' | 'shared_card';

export const FRAUD_PATTERNS: readonly Exclude<Pattern, 'legit'>[] = ['account_takeover', 'velocity_ring', 'new_account_splurge', 'card_testing', 'reshipper', 'reseller_basket', 'shared_card'];

/** An order to assess, with its truth. */
export interface SimCase {
  order: RiskOrder;
  fraud: boolean;
  pattern: Pattern;
  /** The signal the generator planted in this order (absent when it had none to plant yet, e.g. a ring's first order). */
  planted?: FeatureCode;
}

export type TimelineItem = { t: number; kind: 'event'; event: RiskEvent } | { t: number; kind: 'case'; case: SimCase };

export interface SimOptions {
  seed: number;
  /** Legitimate customers. */
  customers: number;
  /** Days of history before labelled orders start (features need a past). */
  warmupDays: number;
  /** Days of labelled orders. */
  days: number;
  /** Multiplies the number of fraud incidents. */
  fraudScale: number;
}

export const DEFAULT_SIM: SimOptions = { seed: 1, customers: 4000, warmupDays: 45, days: 45, fraudScale: 1 };

/** The simulation's epoch: a fixed date, so generated data never depends on today. */
export const SIM_START = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;

interface Product {
  id: string;
  category: string;
  price: number;
}

interface Card {
  fingerprint: string;
  summary: CardSummary__Output;
  /** The cardholder's address (what a billing address would say). */
  owner: Address__Output;
}

interface Customer {
  id: string;
  createdMs: number;
  home: Address__Output;
  office: Address__Output;
  cards: Card[];
  median: number;
  favourites: string[];
  /** Confirmed order times (for picking takeover victims with a history). */
  confirmedAt: number[];
}

const CATEGORIES: readonly (readonly [string, number, number, number])[] = [
  // id, cheapest, dearest, share of shoppers' favourites
  ['books', 6, 45, 3],
  ['home', 8, 220, 3],
  ['toys', 6, 90, 2],
  ['clothing', 12, 160, 3],
  ['sports', 10, 320, 2],
  ['beauty', 5, 90, 2],
  ['electronics', 30, 1600, 1.5],
  ['jewelry', 40, 2200, 0.6],
];
const HIGH_VALUE_CATEGORIES = ['electronics', 'jewelry', 'sports'];

const REGIONS: readonly (readonly [string, number])[] = [
  ['US', 50],
  ['GB', 12],
  ['DE', 12],
  ['FR', 9],
  ['CA', 6],
  ['NL', 5],
  ['ES', 6],
];
const STREETS = ['Oak St', 'Maple Ave', 'High St', 'Station Rd', 'Hauptstrasse', 'Rue de la Paix', 'Kerkstraat', 'Calle Mayor', 'King St', 'Elm Rd'];
const TOWNS = ['Springfield', 'Riverton', 'Lakeside', 'Hillview', 'Brookfield', 'Fairview', 'Greenville', 'Kingston'];
const BRANDS = ['CARD_BRAND_VISA', 'CARD_BRAND_MASTERCARD', 'CARD_BRAND_AMEX', 'CARD_BRAND_DISCOVER'] as const;

const ts = (at: number): { seconds: string; nanos: number } => {
  const ms = Math.floor(at);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
};
/** Money from a positive amount, without the kit's bigint arithmetic (hot path of the generator). */
const money = (amount: number, currency = 'USD'): Money => {
  const cents = Math.round(amount * 100);
  return { currencyCode: currency, units: String(Math.floor(cents / 100)), nanos: (cents % 100) * 10_000_000 };
};

/** Builds the timeline: every event and every case, in time order. */
export function simulate(options: Partial<SimOptions> = {}): TimelineItem[] {
  const o: SimOptions = { ...DEFAULT_SIM, ...options };
  const rng = createRng(o.seed);
  const items: TimelineItem[] = [];
  let serial = 0;
  const id = (prefix: string): string => `${prefix}-${o.seed}-${++serial}`;
  const labelledFrom = SIM_START + o.warmupDays * DAY;
  const end = labelledFrom + o.days * DAY;

  const push = (t: number, item: { kind: 'event'; event: RiskEvent } | { kind: 'case'; case: SimCase }): void => {
    items.push({ t: Math.round(t), ...item } as TimelineItem);
  };

  // The catalogue: products per category, prices log-uniform in the category's range.
  const products: Product[] = [];
  for (const [category, low, high] of CATEGORIES) for (let i = 0; i < 16; i++) products.push({ id: `${category}-${i}`, category, price: Math.round(rng.logUniform(low, high) * 100) / 100 });
  const inCategory = new Map(CATEGORIES.map(([c]) => [c, products.filter((p) => p.category === c)]));
  const dearest = new Map(CATEGORIES.map(([c]) => [c, Math.max(...inCategory.get(c)!.map((p) => p.price))]));

  const address = (region = rng.weighted(REGIONS)): Address__Output => ({
    recipient: `Person ${rng.int(1, 99999)}`,
    addressLines: [`${rng.int(1, 400)} ${rng.pick(STREETS)}`],
    locality: rng.pick(TOWNS),
    administrativeArea: '',
    postalCode: String(rng.int(10000, 99999)),
    regionCode: region,
    phone: '',
  });
  const otherRegion = (region: string): string => rng.weighted(REGIONS.filter(([r]) => r !== region));
  const card = (owner: Address__Output): Card => ({
    fingerprint: id('fp'),
    summary: { brand: rng.pick(BRANDS), last4: String(rng.int(1000, 9999)), expiryMonth: rng.int(1, 12), expiryYear: 2027 + rng.int(0, 4) },
    owner,
  });

  /** A product near a target price, from a category. */
  const productNear = (category: string, target: number): Product => {
    const list = inCategory.get(category)!;
    return rng.weighted(list.map((p) => [p, Math.exp(-2.5 * Math.abs(Math.log(p.price / target)))] as const));
  };
  const basket = (target: number, categories: readonly string[]): { product: Product; quantity: number }[] => {
    const k = rng.weighted([[1, 50], [2, 30], [3, 15], [4, 5]] as const);
    const lines: { product: Product; quantity: number }[] = [];
    // Categories whose dearest product reaches the line's share: a big order is not made of books.
    const able = categories.filter((c) => dearest.get(c)! >= target / k / 1.5);
    const choose = able.length ? able : HIGH_VALUE_CATEGORIES.filter((c) => dearest.get(c)! >= target / k / 1.5);
    for (let i = 0; i < k; i++) {
      const product = productNear(rng.pick(choose.length ? choose : ['jewelry']), target / k);
      if (lines.some((l) => l.product.id === product.id)) continue;
      let quantity: number = rng.weighted([[1, 85], [2, 10], [3, 4], [4, 1]] as const);
      if (product.price < 15 && rng.chance(0.05)) quantity = rng.int(6, 12); // stocking up on something cheap
      lines.push({ product, quantity });
    }
    return lines;
  };

  interface Placement {
    customerId: string;
    accountCreatedMs: number;
    t: number;
    lines: { product: Product; quantity: number }[];
    shipping: Address__Output;
    billing?: Address__Output;
    card: Card;
    declined?: DeclineReason__Output;
    fraud: boolean;
    pattern: Pattern;
    planted?: FeatureCode;
    /** Labelled only inside the evaluation window. */
    labelled: boolean;
  }

  /** One checkout as the services would log it, and its case (inside the labelled window). */
  const place = (p: Placement): { orderId: string; total: number } => {
    const orderId = id('o');
    const paymentId = id('pay');
    const { customerId, t } = p;
    const lines = p.lines.map((l) => ({ productId: l.product.id, productName: l.product.id, quantity: l.quantity, unitPrice: money(l.product.price), lineTotal: money(l.product.price * l.quantity) }));
    const subtotal = p.lines.reduce((s, l) => s + Math.round(l.product.price * 100) * l.quantity, 0) / 100;
    const shippingCost = subtotal >= 50 ? 0 : 4.99;
    const total = Math.round((subtotal + shippingCost) * 100) / 100;
    const shippingFacts = placeFacts(p.shipping)!;
    const billingFacts = p.billing ? placeFacts(p.billing) : undefined;
    const order: RiskOrder = {
      orderId,
      customerId,
      total,
      currency: 'USD',
      lines: p.lines.map((l): RiskLine => ({ productId: l.product.id, quantity: l.quantity, unitPrice: l.product.price, categoryId: l.product.category })),
      shipping: shippingFacts,
      ...(billingFacts ? { billing: billingFacts } : {}),
      cardFingerprint: p.card.fingerprint,
      accountCreatedMs: p.accountCreatedMs,
      orderTimeMs: t,
    };
    if (p.labelled && t >= labelledFrom && t < end) push(t, { kind: 'case', case: { order, fraud: p.fraud, pattern: p.pattern, ...(p.planted ? { planted: p.planted } : {}) } });
    const common = { orderId, customerId };
    push(t, {
      kind: 'event',
      event: {
        type: 'mercato.orders.v1.OrderPlaced',
        data: {
          ...common,
          cartId: `cart-${customerId}`,
          idempotencyKey: orderId,
          shippingAddress: p.shipping,
          billingAddress: p.billing ?? null,
          shippingSpeed: 'SHIPPING_SPEED_STANDARD',
          cardToken: `tok-${p.card.fingerprint}`,
          card: p.card.summary,
          cardFingerprint: p.card.fingerprint,
          email: `${customerId}@example.com`,
          accountCreateTime: ts(p.accountCreatedMs),
          eventTime: ts(t),
        },
      },
    });
    push(t + 1000, { kind: 'event', event: { type: 'mercato.orders.v1.OrderPriced', data: { ...common, lines, subtotal: money(subtotal), shippingCost: money(shippingCost), total: money(total), eventTime: ts(t + 1000) } } });
    const pay = { paymentId, ...common, idempotencyKey: `order-${orderId}`, amount: money(total), card: p.card.summary, cardFingerprint: p.card.fingerprint, eventTime: ts(t + 3000) };
    if (p.declined) {
      push(t + 3000, { kind: 'event', event: { type: 'mercato.payments.v1.PaymentDeclined', data: { ...pay, reason: p.declined, message: 'declined' } } });
      push(t + 4000, { kind: 'event', event: { type: 'mercato.orders.v1.OrderFailed', data: { ...common, step: 'SAGA_STEP_AUTHORIZE_PAYMENT', reason: 'FAILURE_REASON_PAYMENT_DECLINED', message: 'declined', eventTime: ts(t + 4000) } } });
    } else {
      push(t + 3000, { kind: 'event', event: { type: 'mercato.payments.v1.PaymentAuthorized', data: pay } });
      push(t + 9000, { kind: 'event', event: { type: 'mercato.orders.v1.OrderConfirmed', data: { ...common, total: money(total), eventTime: ts(t + 9000) } } });
    }
    return { orderId, total };
  };

  // Legitimate customers.
  const customers: Customer[] = [];
  for (let i = 0; i < o.customers; i++) {
    const newcomer = rng.chance(0.4);
    const createdMs = Math.floor(newcomer ? rng.uniform(SIM_START, end - DAY) : SIM_START - rng.logUniform(1, 900) * DAY);
    const partner = i > 0 && rng.chance(0.05) ? customers[i - 1]! : undefined; // a household sharing a home and a card
    const home = partner?.home ?? address();
    const cards = partner ? [partner.cards[0]!] : [card(home)];
    if (rng.chance(0.25)) cards.push(card(home));
    const favourites = rng.shuffle(CATEGORIES.map(([c]) => c)).slice(0, 3);
    const c: Customer = {
      id: id('c'),
      createdMs,
      home,
      office: { ...address(home.regionCode), recipient: home.recipient },
      cards,
      median: rng.logNormal(45, 0.9),
      favourites: rng.chance(0.7) ? favourites.slice(0, 2) : favourites,
      confirmedAt: [],
    };
    customers.push(c);
    const gapDays = rng.logUniform(4, 120);
    let t = newcomer
      ? createdMs + rng.weighted([[() => rng.uniform(2, 60) * MINUTE, 40], [() => rng.uniform(1, 48) * HOUR, 30], [() => rng.exponential(gapDays) * DAY, 30]] as const)()
      : SIM_START + rng.exponential(gapDays) * DAY * rng.next();
    while (t < end) {
      const target = c.median * rng.logNormal(1, 0.45) * (rng.chance(0.04) ? rng.logUniform(2, 6) : 1);
      const lines = basket(target, rng.chance(0.85) ? c.favourites : CATEGORIES.map(([x]) => x));
      if (rng.chance(0.02)) c.cards.push(card(c.home)); // a new card of their own
      const own = c.cards.length > 1 && rng.chance(0.2) ? c.cards[c.cards.length - 1]! : c.cards[0]!;
      const where = rng.next();
      let shipping = c.home;
      let billing: Address__Output | undefined;
      if (where < 0.08) {
        shipping = address(rng.chance(0.9) ? c.home.regionCode : otherRegion(c.home.regionCode)); // a gift
        billing = c.home;
      } else if (where < 0.1) {
        shipping = c.office;
        billing = c.home;
      }
      const declined = rng.chance(0.03) ? rng.pick(['DECLINE_REASON_INSUFFICIENT_FUNDS', 'DECLINE_REASON_EXPIRED_CARD', 'DECLINE_REASON_INCORRECT_CVC'] as const) : undefined;
      const base = { customerId: c.id, accountCreatedMs: c.createdMs, lines, shipping, ...(billing ? { billing } : {}), fraud: false, pattern: 'legit' as const, labelled: true };
      place({ ...base, t, card: own, ...(declined ? { declined } : {}) });
      if (declined && rng.chance(0.7)) {
        // Tried again a little later, with another card when they have one.
        const retry = t + rng.uniform(3, 90) * MINUTE;
        place({ ...base, t: retry, card: c.cards.find((x) => x !== own) ?? own });
        c.confirmedAt.push(retry);
      } else if (!declined) c.confirmedAt.push(t);
      if (rng.chance(0.04)) {
        // Forgot something: a small second order soon after.
        const again = t + rng.uniform(5, 50) * MINUTE;
        place({ ...base, t: again, lines: basket(c.median * 0.5, c.favourites), card: own });
        c.confirmedAt.push(again);
      }
      t += Math.max(rng.exponential(gapDays) * DAY, 2 * HOUR);
    }
  }

  // Fraud. Every incident lands inside the labelled window.
  const scale = (n: number): number => Math.round(n * o.fraudScale);
  const when = (): number => rng.uniform(labelledFrom + HOUR, end - 2 * HOUR);
  const fraudAccount = (createdMs: number): { id: string; createdMs: number } => ({ id: id('c'), createdMs: Math.floor(createdMs) });
  /**
   * Often the account is not fresh: a "sleeper" opened weeks ago that placed a few small, paid
   * orders (unlabelled: they were not fraud) to look like a customer before the fraud at `t`.
   */
  const maybeSleeper = (fresh: { id: string; createdMs: number }, t: number, shipping: Address__Output): { id: string; createdMs: number } => {
    if (!rng.chance(0.35)) return fresh;
    const account = fraudAccount(t - rng.uniform(20, 120) * DAY);
    const own = card(shipping);
    const warmups = rng.int(1, 3);
    for (let k = 0; k < warmups; k++) {
      const at = rng.uniform(account.createdMs + HOUR, t - 2 * DAY);
      place({ customerId: account.id, accountCreatedMs: account.createdMs, t: at, lines: basket(rng.logUniform(15, 60), allCategories), shipping, card: own, fraud: false, pattern: 'legit', labelled: false });
    }
    return account;
  };
  const highValue = (): string => rng.pick(HIGH_VALUE_CATEGORIES);
  const allCategories = CATEGORIES.map(([c]) => c);
  const stolenCard = (): Card => card(address());

  // 1. Account takeover: an established customer's account buys far above their norm.
  for (let i = 0; i < scale(110); i++) {
    const t = when();
    let victim: Customer | undefined;
    for (let tries = 0; tries < 50 && !victim; tries++) {
      const v = rng.pick(customers);
      if (v.confirmedAt.filter((x) => x < t - HOUR).length >= 3) victim = v;
    }
    if (!victim) continue;
    const target = victim.median * rng.logUniform(8, 40);
    const lines = basket(target, rng.chance(0.7) ? [highValue()] : allCategories);
    const drop = rng.chance(0.5);
    const shipping = drop ? address(rng.chance(0.7) ? victim.home.regionCode : otherRegion(victim.home.regionCode)) : victim.home;
    place({
      customerId: victim.id,
      accountCreatedMs: victim.createdMs,
      t,
      lines,
      shipping,
      ...(drop ? { billing: victim.home } : {}),
      card: rng.chance(0.55) ? stolenCard() : victim.cards[0]!,
      fraud: true,
      pattern: 'account_takeover',
      planted: 'amount_vs_customer_norm',
      labelled: true,
    });
  }

  // 2. Velocity ring: a fresh account fires off a burst of orders minutes apart.
  for (let i = 0; i < scale(22); i++) {
    let t = when();
    const account = fraudAccount(t - (rng.chance(0.5) ? rng.uniform(5, 60) * MINUTE : rng.uniform(1, 5) * DAY));
    const cards = [stolenCard(), stolenCard()].slice(0, rng.int(1, 2));
    const drop = address();
    const n = rng.int(4, 8);
    for (let k = 0; k < n; k++) {
      const young = t - account.createdMs < DAY;
      place({
        customerId: account.id,
        accountCreatedMs: account.createdMs,
        t,
        lines: basket(rng.logUniform(40, 300), rng.chance(0.6) ? ['electronics', 'beauty'] : allCategories),
        shipping: drop,
        card: cards[k % cards.length]!,
        fraud: true,
        pattern: 'velocity_ring',
        ...(k >= 2 ? { planted: 'order_velocity' as const } : young ? { planted: 'new_account' as const } : {}),
        labelled: true,
      });
      t += rng.uniform(2, 12) * MINUTE;
    }
  }

  // 3. A brand-new account with a large basket of high-value goods.
  for (let i = 0; i < scale(110); i++) {
    const t = when();
    const account = fraudAccount(t - rng.uniform(3, 240) * MINUTE);
    const stolen = stolenCard();
    const mismatch = rng.next();
    const shipping = address();
    place({
      customerId: account.id,
      accountCreatedMs: account.createdMs,
      t,
      lines: basket(rng.logUniform(150, 2500), rng.chance(0.7) ? [highValue()] : allCategories),
      shipping,
      ...(mismatch < 0.15 ? { billing: address(otherRegion(shipping.regionCode)) } : mismatch < 0.3 ? { billing: address(shipping.regionCode) } : {}),
      card: stolen,
      fraud: true,
      pattern: 'new_account_splurge',
      planted: 'new_account',
      labelled: true,
    });
  }

  // 4. Card testing: declined attempts with stolen cards, then the order that goes through.
  for (let i = 0; i < scale(40); i++) {
    let t = when();
    const shipping = address();
    const account = maybeSleeper(fraudAccount(t - rng.logUniform(1, 30) * DAY), t, shipping);
    const cards = Array.from({ length: rng.int(1, 3) }, stolenCard);
    const attempts = rng.int(2, 5);
    const successes = rng.int(1, 2);
    for (let k = 0; k < attempts + successes; k++) {
      const declined = k < attempts ? rng.pick(['DECLINE_REASON_CARD_DECLINED', 'DECLINE_REASON_INCORRECT_CVC', 'DECLINE_REASON_INSUFFICIENT_FUNDS'] as const) : undefined;
      place({
        customerId: account.id,
        accountCreatedMs: account.createdMs,
        t,
        lines: basket(rng.logUniform(30, 400), allCategories),
        shipping,
        card: k < attempts ? cards[k % cards.length]! : stolenCard(),
        ...(declined ? { declined } : {}),
        fraud: true,
        pattern: 'card_testing',
        ...(k >= 1 ? { planted: 'failed_payment_attempts' as const } : {}),
        labelled: true,
      });
      t += rng.uniform(25, 150) * MINUTE; // low and slow, under the velocity radar
    }
  }

  // 5. Reshipping: a stolen card billed in one country, goods shipped to a forwarder elsewhere.
  const forwarders = Array.from({ length: 8 }, () => address());
  for (let i = 0; i < scale(110); i++) {
    const t = when();
    const shipping = rng.pick(forwarders);
    const account = maybeSleeper(fraudAccount(t - rng.logUniform(0.5, 40) * DAY), t, shipping);
    const billing = rng.chance(0.8) ? address(otherRegion(shipping.regionCode)) : address(shipping.regionCode);
    place({
      customerId: account.id,
      accountCreatedMs: account.createdMs,
      t,
      lines: basket(rng.logUniform(80, 900), allCategories),
      shipping,
      billing,
      card: card(billing),
      fraud: true,
      pattern: 'reshipper',
      planted: 'address_mismatch',
      labelled: true,
    });
  }

  // 6. Reseller baskets: many units of one high-value item, or high-value items across categories.
  const dear = products.filter((p) => p.price >= 250);
  for (let i = 0; i < scale(110); i++) {
    const t = when();
    const shipping = address();
    const account = maybeSleeper(fraudAccount(t - rng.logUniform(1, 60) * DAY), t, shipping);
    const lines = rng.chance(0.7)
      ? [{ product: rng.pick(dear), quantity: rng.int(4, 15) }]
      : rng.shuffle([...dear]).filter((p, k, all) => all.findIndex((q) => q.category === p.category) === k).slice(0, rng.int(3, 5)).map((product) => ({ product, quantity: rng.int(1, 2) }));
    place({ customerId: account.id, accountCreatedMs: account.createdMs, t, lines, shipping, card: stolenCard(), fraud: true, pattern: 'reseller_basket', planted: 'basket_anomaly', labelled: true });
  }

  // 7. One stolen card used by many accounts over a few days.
  for (let i = 0; i < scale(20); i++) {
    const stolen = stolenCard();
    let t = rng.uniform(labelledFrom, end - 12 * DAY);
    const n = rng.int(4, 7);
    for (let k = 0; k < n; k++) {
      const shipping = address();
      const account = maybeSleeper(fraudAccount(t - rng.logUniform(0.5, 20) * DAY), t, shipping);
      place({
        customerId: account.id,
        accountCreatedMs: account.createdMs,
        t,
        lines: basket(rng.logUniform(40, 400), allCategories),
        shipping,
        card: stolen,
        fraud: true,
        pattern: 'shared_card',
        ...(k >= 2 ? { planted: 'card_shared' as const } : {}),
        labelled: true,
      });
      t += rng.uniform(2, 40) * HOUR;
    }
  }

  // Array sort is stable: what happens at the same millisecond keeps the order it was written in.
  return items.sort((a, b) => a.t - b.t);
}
