// Summaries measured against the seed reviews: every statement must be found word for word in a
// review of that product, every citation in the review it names; and, where the seed generator's
// own labelled pros and cons are given, how often the summary puts a sentence on the right side.
import type { SeedProduct } from '@mercato/catalog';
import type { ReviewSummary__Output } from '@mercato/protos/gen/mercato/assistant/v1/ReviewSummary';
import type { SummarizeReviewsResponse__Output } from '@mercato/protos/gen/mercato/assistant/v1/SummarizeReviewsResponse';
import { points } from '../builtin/summarize';
import { collect, type AssistantClient } from './harness';

/** Sentence templates with {slots}, labelled pro or con, per category (the seed generator's vocabulary). */
export interface LabelledVocabulary {
  categories: ReadonlyArray<{ id: string; pros: readonly string[]; cons: readonly string[]; types: ReadonlyArray<{ pros: readonly string[]; cons: readonly string[] }> }>;
}

export interface GroundingResult {
  products: number;
  withReviews: number;
  /** Products with reviews whose summary has at least one statement. */
  summarised: number;
  statements: number;
  statementsInReviews: number;
  citations: number;
  citationsInCitedReview: number;
  /** Streams whose text deltas carry every statement of the final summary. */
  streamsConsistent: number;
  failures: string[];
  summaries: Map<string, ReviewSummary__Output>;
}

export async function checkGrounding(client: AssistantClient, products: readonly SeedProduct[]): Promise<GroundingResult> {
  const r: GroundingResult = { products: 0, withReviews: 0, summarised: 0, statements: 0, statementsInReviews: 0, citations: 0, citationsInCitedReview: 0, streamsConsistent: 0, failures: [], summaries: new Map() };
  for (const p of products) {
    const messages = await collect<SummarizeReviewsResponse__Output>(client.stream('SummarizeReviews', { productId: p.id }));
    const summary = messages.at(-1)?.summary;
    if (!summary) throw new Error(`SummarizeReviews ${p.id} ended without a summary`);
    r.summaries.set(p.id, summary);
    r.products++;
    if (p.reviews.length) r.withReviews++;
    const statements = [...summary.pros, ...summary.cons, ...(summary.overall ? [summary.overall] : [])];
    if (p.reviews.length && statements.length) r.summarised++;
    for (const s of statements) {
      r.statements++;
      if (p.reviews.some((rev) => rev.body.includes(s))) r.statementsInReviews++;
      else r.failures.push(`${p.id}: "${s}" is not in its reviews`);
    }
    for (const c of summary.citations) {
      r.citations++;
      const cited = p.reviews.find((rev) => rev.id === c.sourceId);
      if (c.sourceType === 'review' && cited?.body.includes(c.quote)) r.citationsInCitedReview++;
      else r.failures.push(`${p.id}: citation ${c.sourceId} "${c.quote}" is not in that review`);
    }
    const text = messages.map((m) => m.textDelta ?? '').join('');
    if (statements.every((s) => text.includes(s))) r.streamsConsistent++;
  }
  return r;
}

function templateRegex(template: string): RegExp {
  // Slots become "anything"; the template must end the sentence (a lead such as "However, " may come first).
  return new RegExp(`${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]*\}/g, '.+?')}$`, 'i');
}

export interface PolarityResult {
  /** Labelled sentences whose point the engine gives the label's role (pro/con). */
  sentencesCorrect: number;
  sentences: number;
  /** Summary pros and cons that carry a label, and those on the labelled side. */
  summaryCorrect: number;
  summaryLabelled: number;
}

/** Polarity against the generator's labels, over the products of the given categories. */
export function checkPolarity(products: readonly SeedProduct[], summaries: Map<string, ReviewSummary__Output>, vocabulary: LabelledVocabulary, categories: readonly string[]): PolarityResult {
  const r: PolarityResult = { sentencesCorrect: 0, sentences: 0, summaryCorrect: 0, summaryLabelled: 0 };
  for (const cat of vocabulary.categories.filter((c) => categories.includes(c.id))) {
    const pros = [...cat.pros, ...cat.types.flatMap((t) => t.pros)].map(templateRegex);
    const cons = [...cat.cons, ...cat.types.flatMap((t) => t.cons)].map(templateRegex);
    const label = (s: string): 'pro' | 'con' | undefined => {
      const pro = pros.some((x) => x.test(s));
      const con = cons.some((x) => x.test(s));
      return pro === con ? undefined : pro ? 'pro' : 'con';
    };
    for (const p of products.filter((x) => x.category === cat.id)) {
      for (const point of points(p.reviews)) {
        for (const m of point.members) {
          const l = label(m.text);
          if (!l) continue;
          r.sentences++;
          if (point.role === l) r.sentencesCorrect++;
        }
      }
      const summary = summaries.get(p.id);
      for (const [side, list] of [['pro', summary?.pros ?? []], ['con', summary?.cons ?? []]] as const) {
        for (const s of list) {
          const l = label(s);
          if (!l) continue;
          r.summaryLabelled++;
          if (l === side) r.summaryCorrect++;
        }
      }
    }
  }
  return r;
}
