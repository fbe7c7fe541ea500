// Extractive review summaries: every pro, con and overall statement is a sentence copied from a
// review. Sentences that make the same point are grouped across reviews; a point's polarity is
// its words' sentiment plus the ratings of the reviews that make it (a point made mostly in
// low-rated reviews is a complaint even when its words are neutral); points are ranked by how
// many reviews make them, how strongly, and how concretely they speak of this product.
import { classify, POLAR, type SentenceRole } from './sentiment';
import { containment, contentStems, jaccard, splitSentences } from './text';
import type { Citation, ProductDoc, ReviewDoc, ReviewSummaryResult } from './types';

export const SUMMARY_LIMITS = { pros: 3, cons: 3, citationsPerPoint: 3, maxSentenceChars: 400 } as const;

/** How much the ratings of the reviews making a point move its polarity (tuned on half the seed categories). */
export const RATING_WEIGHTS = { relative: 0.6, absolute: 1 };

interface SentenceNode {
  reviewId: string;
  rating: number;
  text: string;
  stems: Set<string>;
  role: SentenceRole;
  polarity: number;
}

export interface Point {
  members: SentenceNode[];
  representative: SentenceNode;
  role: SentenceRole;
  /** Combined polarity: sentiment of the words, then the ratings of the reviews making it. */
  score: number;
  meanRating: number;
  support: number;
}

function sameClaim(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const j = jaccard(a, b);
  return j >= 0.6 || (j >= 0.4 && containment(a, b) >= 0.75);
}

function majority(roles: SentenceRole[]): SentenceRole {
  const counts = new Map<SentenceRole, number>();
  for (const r of roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The review sentences grouped into points, each with its role and score. */
export function points(reviews: readonly ReviewDoc[], weights = RATING_WEIGHTS): Point[] {
  const nodes: SentenceNode[] = [];
  // Reviews repeat each other's sentences: each wording is analysed once.
  const seen = new Map<string, Pick<SentenceNode, 'stems' | 'role' | 'polarity'>>();
  for (const r of reviews) {
    for (const text of splitSentences(r.body)) {
      if (text.length > SUMMARY_LIMITS.maxSentenceChars || text.split(/\s+/).length < 3) continue;
      let analysis = seen.get(text);
      if (!analysis) {
        analysis = { ...classify(text), stems: new Set(contentStems(text)) };
        seen.set(text, analysis);
      }
      nodes.push({ reviewId: r.id, rating: r.rating, text, ...analysis });
    }
  }
  const productMean = reviews.length ? reviews.reduce((n, r) => n + r.rating, 0) / reviews.length : 3;
  // Each group is matched by its first sentence, found through the stems it shares with it.
  const groups: SentenceNode[][] = [];
  const byStem = new Map<string, number[]>();
  for (const node of nodes) {
    const candidates = new Set<number>();
    for (const s of node.stems) for (const g of byStem.get(s) ?? []) candidates.add(g);
    const match = [...candidates].sort((a, b) => a - b).find((g) => sameClaim(groups[g]![0]!.stems, node.stems));
    if (match !== undefined) {
      groups[match]!.push(node);
      continue;
    }
    groups.push([node]);
    for (const s of node.stems) byStem.set(s, [...(byStem.get(s) ?? []), groups.length - 1]);
  }
  return groups.map((members) => {
    const meanRating = members.reduce((n, m) => n + m.rating, 0) / members.length;
    // Summed over the members (damped): one "My one complaint is that …" marks the point for all who make it.
    const lexical = members.reduce((n, m) => n + m.polarity, 0) / Math.sqrt(members.length);
    const score = lexical + weights.relative * (meanRating - productMean) + (weights.absolute * (meanRating - 3)) / 2;
    let role = majority(members.map((m) => m.role));
    if (role === 'pro' || role === 'con' || role === 'neutral') role = score >= POLAR ? 'pro' : score <= -POLAR ? 'con' : 'neutral';
    const support = new Set(members.map((m) => m.reviewId)).size;
    return { members, representative: representative(members), role, score, meanRating, support };
  });
}

/** The member most like the others; among equals the shortest (leads such as "However," dropped). */
function representative(members: SentenceNode[]): SentenceNode {
  let best = members[0]!;
  let bestKey = -Infinity;
  // Distinct wordings only: a point made 100 times in the same words is one candidate.
  const wordings = [...new Map(members.map((m) => [m.text, m])).values()];
  for (const m of wordings) {
    const closeness = members.reduce((n, o) => n + (o.text === m.text ? 0 : jaccard(m.stems, o.stems)), 0);
    const key = closeness * 100 - m.text.length / 1000;
    if (key > bestKey) {
      best = m;
      bestKey = key;
    }
  }
  return best;
}

function cite(point: Point): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const m of point.members) {
    if (seen.has(m.reviewId) || out.length >= SUMMARY_LIMITS.citationsPerPoint) continue;
    seen.add(m.reviewId);
    out.push({ sourceType: 'review', sourceId: m.reviewId, quote: m.text });
  }
  return out;
}

export function summarizeReviews(product: Pick<ProductDoc, 'name' | 'description' | 'tags'>, reviews: readonly ReviewDoc[]): ReviewSummaryResult {
  const count = reviews.length;
  const average = count ? Math.round((reviews.reduce((n, r) => n + r.rating, 0) / count) * 100) / 100 : 0;
  if (count === 0) return { pros: [], cons: [], overall: '', reviewCount: 0, averageRating: 0, citations: [] };
  const all = points(reviews);
  // Points that name what this product is about (its name, tags, description) are the useful ones.
  const topic = new Set(contentStems(`${product.name} ${product.tags.join(' ')} ${product.description}`));
  const salience = (p: Point): number => {
    const concrete = [...p.representative.stems].filter((s) => topic.has(s)).length;
    return p.support + 0.35 * Math.min(Math.abs(p.score), 4) + 0.25 * Math.min(concrete, 3);
  };
  const ranked = (role: SentenceRole, limit: number) =>
    all
      .filter((p) => p.role === role)
      .sort((a, b) => salience(b) - salience(a) || a.representative.text.localeCompare(b.representative.text))
      .slice(0, limit);
  const pros = ranked('pro', SUMMARY_LIMITS.pros);
  const cons = ranked('con', SUMMARY_LIMITS.cons);
  const overall = overallPoint(all, average, new Set([...pros, ...cons]));
  const chosen = [...pros, ...cons, ...(overall ? [overall] : [])];
  return {
    pros: pros.map((p) => p.representative.text),
    cons: cons.map((p) => p.representative.text),
    overall: overall?.representative.text ?? '',
    reviewCount: count,
    averageRating: average,
    citations: chosen.flatMap(cite),
  };
}

/**
 * The verdict typical of the reviews: a verdict sentence made by reviewers who rated close to
 * the average, and agrees with it in tone; without verdicts, the strongest other point from
 * the reviews nearest the average.
 */
function overallPoint(all: Point[], average: number, used: Set<Point>): Point | undefined {
  const tone = average >= 3.75 ? 1 : average <= 2.5 ? -1 : 0;
  const fit = (p: Point): number => {
    const agrees = tone === 0 ? -Math.abs(p.score) / 2 : Math.sign(p.score) === tone ? 1 : -1;
    return p.support - Math.abs(p.meanRating - average) + agrees;
  };
  const verdicts = all.filter((p) => p.role === 'verdict');
  const pool = verdicts.length ? verdicts : all.filter((p) => !used.has(p) && p.role !== 'context');
  return [...pool].sort((a, b) => fit(b) - fit(a) || a.representative.text.localeCompare(b.representative.text))[0];
}
