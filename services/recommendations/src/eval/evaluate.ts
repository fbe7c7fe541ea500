// The recommendations evaluation (npm run eval:ai, and test/eval.spec.ts): a generated shopping
// history over the seed catalog goes through the real event decoding and model. Acceptance is
// leave-one-out: each user's last purchased product is held out, and hit-rate@10 of Recommend
// must be at least twice the popularity baseline's. Reported alongside: the whole last order held
// out, BoughtTogether from one product of it, and Recommend's latency measured call by call.
import { performance } from 'node:perf_hooks';
import { encodeEvent } from '@mercato/eventsourcing';
import { BehaviourModel } from '../model/behaviour';
import { ContentIndex, type ProductText } from '../model/content';
import { boughtTogether, recommend } from '../model/recommender';
import { ORDER_PRICED, toSignal } from '../model/signals';
import { parseRecommendRequest } from '../requests';
import { DEFAULT_HISTORY, generateHistory, sessionEvents, type CatalogItem, type Draft, type History, type HistoryOptions, type Session } from './history';
import { mulberry32 } from './prng';

/** The shape bench/ai/types.ts names AiEvaluation. */
export interface Evaluation {
  service: 'recommendations';
  passed: boolean;
  metrics: Record<string, number | string | boolean>;
  table: Array<[string, string, string]>;
}

/** A product of the catalog seed (services/catalog/seed/products.json), as far as we read it. */
export interface SeedProduct {
  id: string;
  name: string;
  description: string;
  category: string;
  tags: string[];
  price: { units: number | string; nanos: number };
  reviews?: Array<{ rating: number }>;
}

export interface EvalOptions {
  history?: Partial<HistoryOptions>;
  /** Recommend calls timed for the latency figures. */
  latencyCalls?: number;
}

export const TARGET_LIFT = 2;
const K = 10;

export function catalogFromSeed(products: readonly SeedProduct[]): { items: CatalogItem[]; texts: ProductText[] } {
  const items = products.map((p) => ({ id: p.id, name: p.name, categoryId: p.category, priceCents: Math.round(Number(p.price.units) * 100 + p.price.nanos / 1e7) }));
  const texts = products.map((p) => {
    const ratings = (p.reviews ?? []).map((r) => r.rating);
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      categoryId: p.category,
      tags: p.tags,
      reviewCount: ratings.length,
      averageRating: ratings.length ? ratings.reduce((s, r) => s + r, 0) / ratings.length : 0,
    };
  });
  return { items, texts };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const fmt = (x: number, digits = 3): string => x.toFixed(digits);

interface Trained {
  model: BehaviourModel;
  /** What each user bought in the training history. */
  boughtBefore: Map<string, Set<string>>;
  /** Products by confirmed sales in the training history, best first: the popularity baseline. */
  bestsellers: string[];
  events: number;
  skipped: number;
}

type Encoded = { type: string; data: Uint8Array; contentType?: string; priced?: { userId: string; productIds: string[] } };

/** Events as the event store holds them (protobuf bytes), encoded once per session and reused. */
function encoder(history: History): (s: Session, drafts?: Draft[]) => Encoded[] {
  const cache = new Map<Session, Encoded[]>();
  let n = 0;
  const encode = (drafts: Draft[]): Encoded[] =>
    drafts.map((d) => {
      const e: Encoded = encodeEvent(d, `e-${n++}`);
      if (d.type === ORDER_PRICED) {
        const data = d.data as { customerId: string; lines: Array<{ productId: string }> };
        e.priced = { userId: data.customerId, productIds: data.lines.map((l) => l.productId) };
      }
      return e;
    });
  return (s, drafts) => {
    if (drafts) return encode(drafts);
    let e = cache.get(s);
    if (!e) {
      e = encode(sessionEvents(history, s));
      cache.set(s, e);
    }
    return e;
  };
}

/** Folds the history into a model through the real decoding, with some sessions changed or left out. */
function train(history: History, encoded: ReturnType<typeof encoder>, replace: (s: Session) => Draft[] | undefined): Trained {
  const model = new BehaviourModel();
  const boughtBefore = new Map<string, Set<string>>();
  const sales = new Map<string, number>();
  let events = 0;
  let skipped = 0;
  for (const s of history.sessions) {
    const drafts = replace(s);
    for (const e of encoded(s, drafts)) {
      const decoded = toSignal(e);
      events++;
      if (decoded.ok) model.apply(decoded.signal);
      else skipped++;
      if (e.priced && s.order?.confirmed) {
        const before = boughtBefore.get(e.priced.userId) ?? new Set<string>();
        for (const p of e.priced.productIds) {
          before.add(p);
          sales.set(p, (sales.get(p) ?? 0) + 1);
        }
        boughtBefore.set(e.priced.userId, before);
      }
    }
  }
  const bestsellers = [...sales].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
  return { model, boughtBefore, bestsellers, events, skipped };
}

/** Per user, the last product of their last order that they had not bought before (if any). */
function lastNewPurchases(history: History, lastOrder: ReadonlyMap<string, Session>): Map<string, string> {
  const heldOut = new Map<string, string>();
  const seen = new Map<string, Set<string>>();
  for (const s of history.sessions) {
    if (!s.userId || !s.order?.confirmed) continue;
    const before = seen.get(s.userId) ?? new Set<string>();
    if (lastOrder.get(s.userId) === s) {
      const target = [...s.items].reverse().find((p) => !before.has(p));
      if (target) heldOut.set(s.userId, target);
    }
    for (const p of s.items) before.add(p);
    seen.set(s.userId, before);
  }
  return heldOut;
}

const topPopular = (t: Trained, skip: ReadonlySet<string>): string[] => t.bestsellers.filter((p) => !skip.has(p)).slice(0, K);

export async function evaluateRecommendations(products: readonly SeedProduct[], options: EvalOptions = {}): Promise<Evaluation> {
  const { items, texts } = catalogFromSeed(products);
  const historyOptions = { ...DEFAULT_HISTORY, ...options.history };
  const history = generateHistory(items, historyOptions);
  const content = ContentIndex.build(texts);

  // Each user's last confirmed order.
  const lastOrder = new Map<string, Session>();
  for (const s of history.sessions) if (s.userId && s.order?.confirmed) lastOrder.set(s.userId, s);
  const last = new Set(lastOrder.values());

  // Leave-one-out (the acceptance figure): each user's last purchased product is held out; the rest
  // of that order stays, as it would sit in the cart next to the recommendations.
  const buyersOf = (t: Trained, userId: string): Set<string> => t.boughtBefore.get(userId) ?? new Set<string>();
  const heldOut = lastNewPurchases(history, lastOrder);
  const encoded = encoder(history);
  const loo = train(history, encoded, (s) => (s.userId && lastOrder.get(s.userId) === s && heldOut.has(s.userId) ? sessionEvents(history, s, heldOut.get(s.userId)) : undefined));
  let users = 0;
  let modelHits = 0;
  let baselineHits = 0;
  for (const [userId, target] of heldOut) {
    users++;
    const recs = recommend(loo.model, content, { userId, contextProductId: '', limit: K, exclude: [] }).map((r) => r.productId);
    if (recs.includes(target)) modelHits++;
    if (topPopular(loo, buyersOf(loo, userId)).includes(target)) baselineHits++;
  }

  // The whole last order held out: is any of its new products in the top 10? And from one of its
  // products, does BoughtTogether find the others?
  const whole = train(history, encoded, (s) => (last.has(s) ? [] : undefined));
  let orderUsers = 0;
  let orderHits = 0;
  let orderBaselineHits = 0;
  let pairs = 0;
  let togetherHits = 0;
  let togetherBaselineHits = 0;
  for (const [userId, session] of lastOrder) {
    const before = buyersOf(whole, userId);
    const targets = session.items.filter((p) => !before.has(p));
    if (targets.length > 0) {
      orderUsers++;
      const recs = recommend(whole.model, content, { userId, contextProductId: '', limit: K, exclude: [] }).map((r) => r.productId);
      if (recs.some((p) => targets.includes(p))) orderHits++;
      if (topPopular(whole, before).some((p) => targets.includes(p))) orderBaselineHits++;
    }
    const [first, ...rest] = session.items;
    if (first && rest.length > 0) {
      pairs++;
      const recs = boughtTogether(whole.model, content, first, K).map((r) => r.productId);
      if (recs.some((p) => rest.includes(p))) togetherHits++;
      if (topPopular(whole, new Set([first])).some((p) => rest.includes(p))) togetherBaselineHits++;
    }
  }
  const rate = (hits: number, n: number): number => (n ? hits / n : 0);
  const hitRate = rate(modelHits, users);
  const baseline = rate(baselineHits, users);
  const lift = baseline > 0 ? hitRate / baseline : hitRate > 0 ? Infinity : 0;
  const orderRate = rate(orderHits, orderUsers);
  const orderBaseline = rate(orderBaselineHits, orderUsers);
  const togetherRate = rate(togetherHits, pairs);
  const togetherBaseline = rate(togetherBaselineHits, pairs);

  // Latency of Recommend as the handler runs it (request checks, then the model), one call at a time.
  const rnd = mulberry32(historyOptions.seed ^ 0x5eed);
  const userIds = [...lastOrder.keys()];
  const productIds = items.map((p) => p.id);
  const calls = options.latencyCalls ?? 20_000;
  const warmup = Math.min(500, Math.ceil(calls / 4)); // the first calls warm the JIT up
  const samples: number[] = [];
  for (let i = 0; i < calls + warmup; i++) {
    const kind = i % 3;
    const request = {
      userId: kind === 2 ? '' : rnd.pick(userIds),
      contextProductId: kind === 0 ? '' : rnd.pick(productIds),
      limit: K,
      excludeProductIds: kind === 1 ? [rnd.pick(productIds)] : [],
    };
    const t0 = performance.now();
    recommend(loo.model, content, parseRecommendRequest(request));
    const ms = performance.now() - t0;
    if (i >= warmup) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  const p50 = quantile(samples, 0.5);
  const p99 = quantile(samples, 0.99);

  const passed = users > 0 && hitRate > 0 && lift >= TARGET_LIFT && loo.skipped === 0;
  return {
    service: 'recommendations',
    passed,
    metrics: {
      seed: historyOptions.seed,
      users: historyOptions.users,
      events: loo.events,
      skippedEvents: loo.skipped + whole.skipped,
      usersEvaluated: users,
      hitRateAt10: hitRate,
      baselineHitRateAt10: baseline,
      liftOverPopularity: lift,
      lastOrderUsers: orderUsers,
      lastOrderHitRateAt10: orderRate,
      lastOrderBaselineHitRateAt10: orderBaseline,
      boughtTogetherOrders: pairs,
      boughtTogetherHitRateAt10: togetherRate,
      boughtTogetherBaselineHitRateAt10: togetherBaseline,
      latencyCalls: samples.length,
      p50RecommendMs: p50,
      p99RecommendMs: p99,
    },
    table: [
      [`hit-rate@10, last purchase held out (${users} users)`, fmt(hitRate), ''],
      ['hit-rate@10, popularity baseline', fmt(baseline), ''],
      ['lift over popularity', `${fmt(lift, 2)}×`, `≥ ${TARGET_LIFT}×`],
      [`whole last order held out: hit-rate@10 (${orderUsers} users)`, `${fmt(orderRate)} (popularity ${fmt(orderBaseline)})`, ''],
      [`bought together: hit-rate@10 (${pairs} orders)`, `${fmt(togetherRate)} (popularity ${fmt(togetherBaseline)})`, ''],
      [`Recommend latency p50 / p99 (${samples.length} calls, in-process)`, `${fmt(p50)} / ${fmt(p99)} ms`, 'measured'],
    ],
  };
}
