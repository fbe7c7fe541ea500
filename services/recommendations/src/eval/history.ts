// A generated shopping history with planted structure, as the cart and orders services would
// write it: users belong to taste clusters (favourite categories), products sell in bundles that
// are bought together, and within a category a few products sell far more than the rest (so a
// popularity baseline is a fair opponent). Abandoned lines, failed orders and guest carts add noise.
import { moneyFromCents, multiplyMoney, sumMoney } from '@mercato/kit';
import { CART_ITEM_ADDED, CART_ITEM_REMOVED, ORDER_CONFIRMED, ORDER_FAILED, ORDER_PRICED } from '../model/signals';
import { mulberry32, zipf, type Random } from './prng';

export interface CatalogItem {
  id: string;
  name: string;
  categoryId: string;
  priceCents: number;
}

export interface HistoryOptions {
  seed: number;
  users: number;
  /** Taste clusters; each favours two categories and has its own bundles. */
  clusters: number;
  /** Bundles of three products bought together (two from one category, one from another). */
  bundles: number;
  ordersPerUser: readonly [number, number];
  /** Share of orders that are (part of) a bundle. */
  bundleShare: number;
  /** Guest carts filled and left (carted-together signals only). */
  guestCarts: number;
  failedShare: number;
}

export const DEFAULT_HISTORY: HistoryOptions = {
  seed: 20250601,
  users: 600,
  clusters: 10,
  bundles: 40,
  ordersPerUser: [3, 8],
  bundleShare: 0.45,
  guestCarts: 300,
  failedShare: 0.08,
};

export interface Draft {
  stream: string;
  type: string;
  data: object;
}

/** One visit: a cart filled (one line maybe added and taken out again) and maybe an order placed. */
export interface Session {
  /** Milliseconds since the epoch; sessions are in this order. */
  at: number;
  /** Empty for a guest. */
  userId: string;
  cartId: string;
  items: string[];
  /** A product put in the cart and taken out again. */
  browsed?: string;
  order?: { orderId: string; confirmed: boolean };
}

export interface History {
  sessions: Session[];
  /** Planted truth, for reports: the cluster of each user and the bundles. */
  clusterOf: Map<string, number>;
  bundles: string[][];
  catalog: ReadonlyMap<string, CatalogItem>;
}

const START = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

const timestamp = (ms: number): { seconds: string; nanos: number } => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 });

export function generateHistory(catalog: readonly CatalogItem[], o: HistoryOptions = DEFAULT_HISTORY): History {
  const rnd = mulberry32(o.seed);
  const byId: ReadonlyMap<string, CatalogItem> = new Map(catalog.map((p) => [p.id, p]));
  const categories = [...new Set(catalog.map((p) => p.categoryId))].sort();
  if (categories.length < 3) throw new Error('the catalog needs at least three categories');

  // Within each category a shuffled Zipf: a few bestsellers everyone buys, a long tail.
  const inCategory = new Map<string, { ids: string[]; weights: number[] }>();
  for (const c of categories) {
    const ids = rnd.shuffle(catalog.filter((p) => p.categoryId === c).map((p) => p.id));
    inCategory.set(c, { ids, weights: zipf(ids.length, 0.8) });
  }

  // Clusters: two favourite categories and a third they sometimes shop, and within a category
  // their own favourites next to the bestsellers (half the weight each); sizes follow a Zipf too.
  const clusters = Array.from({ length: o.clusters }, () => {
    const [a, b, c] = rnd.shuffle(categories);
    const taste = new Map<string, number[]>();
    for (const [cat, { ids, weights }] of inCategory) {
      const own = rnd.shuffle(weights);
      const total = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
      taste.set(cat, ids.map((_, i) => 0.5 * (weights[i]! / total(weights)) + 0.5 * (own[i]! / total(own))));
    }
    return { favourites: [a!, b!], secondary: c!, bundles: [] as number[], taste };
  });
  const fromCategory = (c: string, cluster?: (typeof clusters)[number]): string => {
    const { ids, weights } = inCategory.get(c)!;
    return ids[rnd.weighted(cluster?.taste.get(c) ?? weights)]!;
  };
  const bundles: string[][] = [];
  for (let i = 0; i < o.bundles; i++) {
    const k = i % o.clusters;
    const [a, b] = clusters[k]!.favourites;
    // Bundle members are drawn uniformly: their link is the bundle, not their popularity.
    const pool = rnd.shuffle(inCategory.get(a!)!.ids);
    bundles.push([pool[0]!, pool[1]!, rnd.pick(inCategory.get(b!)!.ids)]);
    clusters[k]!.bundles.push(i);
  }
  const clusterWeights = zipf(o.clusters, 0.3);

  const sessions: Session[] = [];
  const clusterOf = new Map<string, number>();
  let orderSeq = 0;
  for (let u = 0; u < o.users; u++) {
    const userId = `u-${String(u).padStart(4, '0')}`;
    const k = rnd.weighted(clusterWeights);
    clusterOf.set(userId, k);
    const cluster = clusters[k]!;
    const bought = new Set<string>();
    const tasteItem = (r: Random): string => {
      const x = r.next();
      const c = x < 0.75 ? r.pick(cluster.favourites) : x < 0.9 ? cluster.secondary : r.pick(categories);
      return fromCategory(c, cluster);
    };
    const fresh = (draw: () => string): string => {
      let p = draw();
      for (let i = 0; i < 6 && bought.has(p); i++) p = draw();
      return p;
    };
    const orders = rnd.int(o.ordersPerUser[0], o.ordersPerUser[1]);
    let at = START + rnd.int(0, 20) * DAY_MS + rnd.int(0, DAY_MS - 1);
    for (let n = 0; n < orders; n++) {
      let items: string[];
      if (rnd.chance(o.bundleShare) && cluster.bundles.length) {
        const bundle = bundles[cluster.bundles[rnd.weighted(zipf(cluster.bundles.length, 0.8))]!]!;
        items = rnd.chance(0.5) ? [...bundle] : rnd.shuffle(bundle).slice(0, 2);
      } else {
        items = Array.from({ length: rnd.int(1, 3) }, () => fresh(() => tasteItem(rnd)));
      }
      if (rnd.chance(0.1)) items.push(fresh(() => fromCategory(rnd.pick(categories))));
      items = [...new Set(items)];
      const browsed = rnd.chance(0.25) ? fresh(() => tasteItem(rnd)) : undefined;
      const confirmed = !rnd.chance(o.failedShare);
      const orderId = `o-${String(++orderSeq).padStart(6, '0')}`;
      sessions.push({ at, userId, cartId: userId, items, ...(browsed && !items.includes(browsed) ? { browsed } : {}), order: { orderId, confirmed } });
      if (confirmed) for (const p of items) bought.add(p);
      at += rnd.int(2, 9) * DAY_MS + rnd.int(0, DAY_MS - 1);
    }
  }
  for (let g = 0; g < o.guestCarts; g++) {
    const cluster = clusters[rnd.weighted(clusterWeights)]!;
    const items = [...new Set(Array.from({ length: rnd.int(2, 3) }, () => fromCategory(rnd.chance(0.8) ? rnd.pick(cluster.favourites) : cluster.secondary, cluster)))];
    const at = START + rnd.int(0, 60) * DAY_MS + rnd.int(0, DAY_MS - 1);
    sessions.push({ at, userId: '', cartId: `guest-${g}`, items });
  }
  sessions.sort((a, b) => a.at - b.at);
  return { sessions, clusterOf, bundles, catalog: byId };
}

/** The session's events as the cart and orders services write them, optionally without one product. */
export function sessionEvents(history: Pick<History, 'catalog'>, session: Session, without?: string): Draft[] {
  const { cartId, userId, at } = session;
  const items = session.items.filter((p) => p !== without);
  const orderId = session.order && items.length > 0 ? session.order.orderId : '';
  const byId = history.catalog;
  let t = at;
  const time = (): { seconds: string; nanos: number } => timestamp((t += 40_000));
  const product = (id: string): CatalogItem => byId.get(id) ?? { id, name: id, categoryId: '', priceCents: 1000 };
  const cart = (type: string, data: object): Draft => ({ stream: `cart-${cartId}`, type, data: { cartId, ownerId: userId, ...data, eventTime: time() } });
  const out: Draft[] = [];
  const added = (id: string): Draft => cart(CART_ITEM_ADDED, { productId: id, productName: product(id).name, quantity: 1, unitPrice: moneyFromCents(product(id).priceCents, 'USD') });
  for (const id of items) out.push(added(id));
  if (session.browsed) out.push(added(session.browsed), cart(CART_ITEM_REMOVED, { productId: session.browsed }));
  if (!orderId) return out;
  const lines = items.map((id) => {
    const unitPrice = moneyFromCents(product(id).priceCents, 'USD');
    return { productId: id, productName: product(id).name, quantity: 1, unitPrice, lineTotal: multiplyMoney(unitPrice, 1) };
  });
  const subtotal = sumMoney(lines.map((l) => l.lineTotal), 'USD');
  const order = (type: string, data: object): Draft => ({ stream: `order-${orderId}`, type, data: { orderId, customerId: userId, ...data, eventTime: time() } });
  out.push(order(ORDER_PRICED, { lines, subtotal, shippingCost: moneyFromCents(0, 'USD'), total: subtotal }));
  out.push(
    session.order!.confirmed
      ? order(ORDER_CONFIRMED, { total: subtotal })
      : order(ORDER_FAILED, { step: 'SAGA_STEP_AUTHORIZE_PAYMENT', reason: 'FAILURE_REASON_PAYMENT_DECLINED', message: 'card declined' }),
  );
  return out;
}
