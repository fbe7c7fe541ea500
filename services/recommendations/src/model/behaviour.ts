// What shoppers did, folded from their cart and order signals: how often products were bought or
// carted together, how popular each one is, and each user's profile. `apply` is the evolve of a
// fold — no I/O, no clock — but updates in place: the model outgrows copying on every event.
// Every structure is bounded and iterated in insertion order, so the same events give the same
// model, and a snapshot restores it exactly.
import { assertNever } from '@mercato/eventsourcing';
import type { Signal } from './signals';

/** Bumped when the snapshot layout or the meaning of a count changes: older snapshots are rebuilt. */
export const MODEL_FORMAT = 1;

/** How much one signal says about a user's taste. */
const BUY_WEIGHT = 3;
const CART_WEIGHT = 1;
/** A user's older signals fade by this factor at each purchase: taste drifts. */
const USER_DECAY = 0.85;
const MIN_WEIGHT = 0.01;
/** Carted together is a weaker sign than bought together. */
const CARTED_SIMILARITY = 0.5;

export interface ModelLimits {
  /** Open carts remembered (least recently touched forgotten first). */
  carts: number;
  /** Priced orders waiting for their outcome. */
  pending: number;
  /** Lines of one basket that form pairs (pairs grow with its square). */
  basketLines: number;
  /** Co-occurrence neighbours kept per product; the weakest go first. */
  neighbours: number;
  /** Products in one user's profile. */
  profileItems: number;
  /** Recent purchases remembered per user (never recommended back). */
  purchases: number;
}

export const DEFAULT_LIMITS: ModelLimits = { carts: 50_000, pending: 20_000, basketLines: 50, neighbours: 400, profileItems: 200, purchases: 50 };

export interface UserProfile {
  /** product → taste weight; higher means more interest. */
  weights: Map<string, number>;
  /** Distinct products bought, oldest first. */
  purchased: string[];
  /** The cart the user last filled: an order placed by the user takes its lines. */
  cartId: string;
}

interface OpenCart {
  userId: string;
  lines: string[];
}

interface PendingOrder {
  userId: string;
  productIds: string[];
}

type Counts = Map<string, Map<string, number>>;

export class BehaviourModel {
  /** Signals applied since the beginning of the log: the model's version. */
  version = 0;
  /** product → confirmed orders holding it. */
  readonly orders = new Map<string, number>();
  /** product → carts it was put in. */
  readonly cartings = new Map<string, number>();
  /** product → product → confirmed orders holding both (symmetric). */
  readonly bought: Counts = new Map();
  /** product → product → carts holding both at once (symmetric). */
  readonly carted: Counts = new Map();
  /** product → users who bought it. */
  readonly buyers = new Map<string, number>();
  /** product → product → users who bought both, in any orders (symmetric): taste, beyond one basket. */
  readonly alsoBought: Counts = new Map();
  readonly users = new Map<string, UserProfile>();
  private readonly openCarts = new Map<string, OpenCart>();
  private readonly pending = new Map<string, PendingOrder>();
  private popularCache: string[] | undefined;

  constructor(readonly limits: ModelLimits = DEFAULT_LIMITS) {}

  apply(signal: Signal): void {
    this.version++;
    this.popularCache = undefined;
    switch (signal.type) {
      case 'Carted': {
        const { cartId, userId, productIds } = signal.data;
        const cart = this.touchCart(cartId, userId);
        const profile = userId ? this.profile(userId) : undefined;
        if (profile) profile.cartId = cartId;
        for (const p of productIds) {
          if (cart.lines.includes(p)) continue; // a quantity change: nothing new
          if (cart.lines.length >= this.limits.basketLines) break;
          for (const q of cart.lines) bumpPair(this.carted, p, q, this.limits.neighbours);
          cart.lines.push(p);
          increment(this.cartings, p, 1);
          if (profile) this.addTaste(profile, p, CART_WEIGHT);
        }
        return;
      }
      case 'Uncarted': {
        const { cartId, userId, productId } = signal.data;
        const cart = this.openCarts.get(cartId);
        if (cart) cart.lines = cart.lines.filter((p) => p !== productId);
        const profile = userId ? this.users.get(userId) : undefined;
        if (profile) this.addTaste(profile, productId, -CART_WEIGHT);
        return;
      }
      case 'Priced': {
        const { orderId, userId, productIds } = signal.data;
        this.pending.delete(orderId);
        this.pending.set(orderId, { userId, productIds: productIds.slice(0, this.limits.basketLines) });
        evictOldest(this.pending, this.limits.pending);
        // The order took the lines of the user's cart (it is cleared next): later adds start a new basket.
        const cartId = userId ? this.users.get(userId)?.cartId : undefined;
        if (cartId) this.openCarts.delete(cartId);
        return;
      }
      case 'Confirmed': {
        const order = this.pending.get(signal.data.orderId);
        if (!order) return; // priced before our memory, or confirmed twice: nothing to count
        this.pending.delete(signal.data.orderId);
        const lines = order.productIds;
        for (const [i, p] of lines.entries()) {
          increment(this.orders, p, 1);
          for (const q of lines.slice(0, i)) bumpPair(this.bought, p, q, this.limits.neighbours);
        }
        const userId = order.userId || signal.data.userId;
        if (!userId) return;
        const profile = this.profile(userId);
        const before = new Set(profile.purchased);
        for (const p of lines) {
          if (before.has(p)) continue;
          increment(this.buyers, p, 1);
          for (const q of before) bumpPair(this.alsoBought, p, q, this.limits.neighbours);
          before.add(p);
        }
        for (const [p, w] of profile.weights) {
          if (w * USER_DECAY < MIN_WEIGHT) profile.weights.delete(p);
          else profile.weights.set(p, w * USER_DECAY);
        }
        for (const p of lines) {
          this.addTaste(profile, p, BUY_WEIGHT);
          profile.purchased = [...profile.purchased.filter((x) => x !== p), p].slice(-this.limits.purchases);
        }
        return;
      }
      case 'Failed':
        this.pending.delete(signal.data.orderId);
        return;
      default:
        assertNever(signal);
    }
  }

  /**
   * Behavioural similarity of p to the products seen with it: cosines over orders (same basket),
   * over buyers (same person, any order) and, at a lower weight, over carts.
   */
  neighbours(p: string): Map<string, number> {
    return this.addNeighbours(p, 1, new Map());
  }

  /** Adds weight × neighbours(p) into `into` (no map per product: a profile sums many). */
  addNeighbours(p: string, weight: number, into: Map<string, number>): Map<string, number> {
    const add = (counts: Counts, totals: Map<string, number>, w: number): void => {
      const np = totals.get(p) ?? 0;
      for (const [q, n] of counts.get(p) ?? []) into.set(q, (into.get(q) ?? 0) + (w * n) / Math.sqrt(np * (totals.get(q) ?? 1)));
    };
    add(this.bought, this.orders, weight);
    add(this.alsoBought, this.buyers, weight);
    add(this.carted, this.cartings, weight * CARTED_SIMILARITY);
    return into;
  }

  /** Products bought in the same orders as p, by cosine. */
  boughtWith(p: string): Map<string, number> {
    const out = new Map<string, number>();
    const np = this.orders.get(p) ?? 0;
    for (const [q, n] of this.bought.get(p) ?? []) out.set(q, n / Math.sqrt(np * (this.orders.get(q) ?? 1)));
    return out;
  }

  /** Carted with p (including carts that became orders), by cosine. */
  cartedWith(p: string): Map<string, number> {
    const out = new Map<string, number>();
    const cp = this.cartings.get(p) ?? 0;
    for (const [q, n] of this.carted.get(p) ?? []) out.set(q, n / Math.sqrt(cp * (this.cartings.get(q) ?? 1)));
    return out;
  }

  /** How much behaviour the model has seen around p: 0 for a product nobody touched. */
  evidence(p: string): number {
    return (this.orders.get(p) ?? 0) + CARTED_SIMILARITY * (this.cartings.get(p) ?? 0);
  }

  popularity(p: string): number {
    return BUY_WEIGHT * (this.orders.get(p) ?? 0) + CART_WEIGHT * (this.cartings.get(p) ?? 0);
  }

  /** Every product seen, most popular first (ties by id); cached until the next signal. */
  popular(): readonly string[] {
    this.popularCache ??= [...new Set([...this.orders.keys(), ...this.cartings.keys()])].sort((a, b) => this.popularity(b) - this.popularity(a) || (a < b ? -1 : 1));
    return this.popularCache;
  }

  knows(p: string): boolean {
    return this.orders.has(p) || this.cartings.has(p);
  }

  toSnapshot(): ModelSnapshot {
    const counts = (c: Counts): Array<[string, Array<[string, number]>]> => [...c].map(([p, m]) => [p, [...m]]);
    return {
      format: MODEL_FORMAT,
      version: this.version,
      orders: [...this.orders],
      cartings: [...this.cartings],
      bought: counts(this.bought),
      carted: counts(this.carted),
      buyers: [...this.buyers],
      alsoBought: counts(this.alsoBought),
      users: [...this.users].map(([id, u]) => [id, [...u.weights], u.purchased, u.cartId]),
      carts: [...this.openCarts].map(([id, c]) => [id, c.userId, c.lines]),
      pending: [...this.pending].map(([id, o]) => [id, o.userId, o.productIds]),
    };
  }

  /** The model a snapshot holds; throws on anything malformed (the caller rebuilds from events). */
  static fromSnapshot(s: ModelSnapshot, limits: ModelLimits = DEFAULT_LIMITS): BehaviourModel {
    if (s?.format !== MODEL_FORMAT) throw new Error(`snapshot format ${String(s?.format)} is not ${MODEL_FORMAT}`);
    const m = new BehaviourModel(limits);
    if (!Number.isSafeInteger(s.version) || s.version < 0) throw new Error('snapshot version must be a count');
    m.version = s.version;
    for (const [p, n] of s.orders) m.orders.set(str(p), num(n));
    for (const [p, n] of s.cartings) m.cartings.set(str(p), num(n));
    for (const [p, n] of s.buyers) m.buyers.set(str(p), num(n));
    for (const [target, source] of [[m.bought, s.bought], [m.carted, s.carted], [m.alsoBought, s.alsoBought]] as const) {
      for (const [p, row] of source) target.set(str(p), new Map(row.map(([q, n]) => [str(q), num(n)])));
    }
    for (const [id, weights, purchased, cartId] of s.users) {
      m.users.set(str(id), { weights: new Map(weights.map(([p, w]) => [str(p), num(w)])), purchased: purchased.map(str), cartId: str(cartId) });
    }
    for (const [id, userId, lines] of s.carts) m.openCarts.set(str(id), { userId: str(userId), lines: lines.map(str) });
    for (const [id, userId, lines] of s.pending) m.pending.set(str(id), { userId: str(userId), productIds: lines.map(str) });
    return m;
  }

  private profile(userId: string): UserProfile {
    let u = this.users.get(userId);
    if (!u) {
      u = { weights: new Map(), purchased: [], cartId: '' };
      this.users.set(userId, u);
    }
    return u;
  }

  private addTaste(u: UserProfile, p: string, delta: number): void {
    const w = (u.weights.get(p) ?? 0) + delta;
    if (w < MIN_WEIGHT) u.weights.delete(p);
    else u.weights.set(p, w);
    if (u.weights.size > this.limits.profileItems) keepStrongest(u.weights, Math.floor(this.limits.profileItems * 0.8));
  }

  private touchCart(cartId: string, userId: string): OpenCart {
    const cart = this.openCarts.get(cartId) ?? { userId, lines: [] };
    // Re-inserting moves the cart to the recent end: the least recently touched is forgotten first.
    this.openCarts.delete(cartId);
    this.openCarts.set(cartId, cart);
    if (userId) cart.userId = userId;
    evictOldest(this.openCarts, this.limits.carts);
    return cart;
  }
}

/** The snapshot's JSON shape: maps as entry lists, in insertion order. */
export interface ModelSnapshot {
  format: number;
  version: number;
  orders: Array<[string, number]>;
  cartings: Array<[string, number]>;
  bought: Array<[string, Array<[string, number]>]>;
  carted: Array<[string, Array<[string, number]>]>;
  buyers: Array<[string, number]>;
  alsoBought: Array<[string, Array<[string, number]>]>;
  users: Array<[string, Array<[string, number]>, string[], string]>;
  carts: Array<[string, string, string[]]>;
  pending: Array<[string, string, string[]]>;
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw new Error('snapshot holds a non-string id');
  return v;
}

function num(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('snapshot holds a non-finite count');
  return v;
}

function increment(m: Map<string, number>, k: string, by: number): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

function bumpPair(c: Counts, a: string, b: string, cap: number): void {
  if (a === b) return;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    let row = c.get(x);
    if (!row) {
      row = new Map();
      c.set(x, row);
    }
    row.set(y, (row.get(y) ?? 0) + 1);
    // Prune to three quarters so pruning is rare; the weakest (then the latest by id) go first.
    if (row.size > cap) keepStrongest(row, Math.floor(cap * 0.75));
  }
}

function keepStrongest(m: Map<string, number>, keep: number): void {
  const ranked = [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [k] of ranked.slice(keep)) m.delete(k);
}

function evictOldest<V>(m: Map<string, V>, cap: number): void {
  while (m.size > cap) {
    const oldest = m.keys().next().value as string;
    m.delete(oldest);
  }
}
