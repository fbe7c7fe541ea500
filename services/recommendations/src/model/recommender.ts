// Ranking: the behaviour model's signals (the user's profile, what goes with the product in view)
// blended with content similarity, which weighs more the less behaviour there is (cold start), and
// popularity as the floor. Each result names the signal that contributed most to its score.
import type { BehaviourModel } from './behaviour';
import type { ContentIndex } from './content';

export type Source = 'personal' | 'item_to_item' | 'bought_together' | 'content' | 'popularity';

export interface Scored {
  productId: string;
  score: number;
  source: Source;
}

export interface RecommendQuery {
  /** Empty for a guest. */
  userId: string;
  /** Empty when no product is in view. */
  contextProductId: string;
  limit: number;
  exclude: readonly string[];
}

/** Evidence at which a signal is trusted halfway (orders, or carts counted at half). */
const HALF_TRUST = 3;
const POPULARITY_WEIGHT = 0.15;
/** Popular candidates considered beyond what the answer needs. */
const POPULAR_SLACK = 50;

type Scores = Map<string, number>;

function maxOf(m: Scores, skip: ReadonlySet<string>): number {
  let max = 0;
  for (const [k, v] of m) if (v > max && !skip.has(k)) max = v;
  return max;
}

function rank(items: Scored[], limit: number): Scored[] {
  return items
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1))
    .slice(0, limit);
}

const trust = (evidence: number): number => evidence / (evidence + HALF_TRUST);

export function recommend(model: BehaviourModel, content: ContentIndex, q: RecommendQuery): Scored[] {
  const profile = q.userId ? model.users.get(q.userId) : undefined;
  const context = q.contextProductId;
  const excluded = new Set<string>([...q.exclude, ...(context ? [context] : []), ...(profile?.purchased ?? [])]);

  // The user's taste through behaviour: what goes with what they bought and carted.
  const personal: Scores = new Map();
  let profileWeight = 0;
  let supported = 0;
  for (const [i, w] of profile?.weights ?? []) {
    profileWeight += w;
    supported += w * Math.min(1, model.evidence(i) / HALF_TRUST);
    model.addNeighbours(i, w, personal);
  }
  const userTrust = profileWeight > 0 ? (supported / profileWeight) * Math.min(1, profileWeight / 3) : 0;

  // What goes with the product in view.
  const item: Scores = context ? model.neighbours(context) : new Map();
  const itemTrust = context ? trust(model.evidence(context)) : 0;

  // Content: like the product in view, and like the user's products; strongest when behaviour is thin.
  const contextContent: Scores = context ? content.similar(context) : new Map();
  const profileContent: Scores = profile && profile.weights.size > 0 ? content.profileSimilarity(profile.weights) : new Map();

  // The floor: popular with shoppers, then the catalog's reviews for products nobody bought yet.
  const popular: Scores = new Map();
  const wanted = q.limit + excluded.size + POPULAR_SLACK;
  for (const p of model.popular().slice(0, wanted)) popular.set(p, Math.log1p(model.popularity(p)));
  // The catalog's prior only orders products that sold (about) equally, e.g. before any sale at all.
  for (const p of content.byPrior().slice(0, wanted)) popular.set(p, (popular.get(p) ?? 0) + (0.01 * content.prior(p)) / (1 + content.prior(p)));

  const parts: Array<{ source: Source; weight: number; scores: Scores }> = [
    { source: 'personal', weight: (context ? 0.6 : 1) * userTrust, scores: personal },
    { source: 'item_to_item', weight: itemTrust, scores: item },
    { source: 'content', weight: context ? 0.25 + 0.5 * (1 - itemTrust) : 0, scores: contextContent },
    { source: 'content', weight: profileContent.size ? (context ? 0.1 : 0.2) + 0.4 * (1 - userTrust) : 0, scores: profileContent },
    { source: 'popularity', weight: POPULARITY_WEIGHT, scores: popular },
  ];

  const total = new Map<string, { score: number; best: number; source: Source }>();
  for (const part of parts) {
    const max = part.weight > 0 ? maxOf(part.scores, excluded) : 0;
    if (max <= 0) continue;
    for (const [x, s] of part.scores) {
      if (excluded.has(x) || s <= 0) continue;
      const share = (part.weight * s) / max;
      const t = total.get(x) ?? { score: 0, best: 0, source: part.source };
      t.score += share;
      if (share > t.best) {
        t.best = share;
        t.source = part.source;
      }
      total.set(x, t);
    }
  }
  return rank([...total].map(([productId, t]) => ({ productId, score: t.score, source: t.source })), q.limit);
}

/**
 * Products bought in the same orders as this one, then those carted with it, then those most like
 * it: behaviour first, each tier above the next (scores 2+, 1+, below 1).
 */
export function boughtTogether(model: BehaviourModel, content: ContentIndex, productId: string, limit: number): Scored[] {
  const out = new Map<string, Scored>();
  const tiers: Array<[Source, Scores, number]> = [
    ['bought_together', model.boughtWith(productId), 2],
    ['item_to_item', model.cartedWith(productId), 1],
    ['content', content.similar(productId), 0],
  ];
  const none = new Set<string>([productId]);
  for (const [source, scores, base] of tiers) {
    const max = maxOf(scores, none);
    if (max <= 0) continue;
    for (const [x, s] of scores) {
      if (x === productId || out.has(x) || s <= 0) continue;
      out.set(x, { productId: x, score: base + (0.999 * s) / max, source });
    }
  }
  return rank([...out.values()], limit);
}
