// Grounded product Q&A: the answer is made of what the catalog holds — the product's own fields,
// sentences of its description and of its reviews that match the question (ranked BM25-style,
// with a few shopper synonyms), and catalog search results for "alternatives" questions. When
// nothing matches, it says so instead of guessing.
import { containment, contentStems, jaccard, splitSentences, stem, words } from './text';
import type { AnswerResult, Citation, ProductDoc, RelatedProduct, ReviewDoc } from './types';

export const NO_ANSWER = "I could not find anything about that in this product's details or its reviews.";

/** Question words that say nothing about the topic. */
const QUESTION_WORDS = new Set(
  ('what how why who which when where does do did is are was were can could will would should it its this that they them there ' +
    'reviewer reviewers review reviews people customers buyers say says said think thinks tell know anyone product item thing ' +
    'about any good well much many has have get like really actually please me i my you your come comes').split(' '),
);

/** Shopper vocabulary: a question about one of these is also about the others. */
const SYNONYMS: string[][] = [
  ['waterproof', 'rain', 'wet', 'dry', 'downpour', 'water', 'splash', 'leak'],
  ['clean', 'wash', 'washing', 'dishwasher', 'rinse', 'care'],
  ['noise', 'loud', 'quiet', 'noisy', 'sound', 'silent'],
  ['size', 'fit', 'small', 'large', 'big', 'tight', 'loose', 'sizing'],
  ['durable', 'last', 'sturdy', 'broke', 'break', 'outlast', 'wear', 'tear', 'durability'],
  ['comfortable', 'comfort', 'comfy', 'soft', 'itchy', 'sore', 'cushion'],
  ['battery', 'charge', 'charging', 'hours'],
  ['warm', 'cold', 'heat', 'insulated', 'hot', 'winter'],
  ['easy', 'simple', 'setup', 'assemble', 'assembly', 'intuitive', 'instructions'],
  ['smell', 'odour', 'odor'],
  ['gift', 'present'],
  ['kid', 'child', 'children', 'toddler', 'son', 'daughter'],
  ['heavy', 'weight', 'light', 'lightweight'],
];
const SYNONYM_OF = new Map<string, Set<string>>();
for (const group of SYNONYMS) {
  const stems = group.map(stem);
  for (const s of stems) SYNONYM_OF.set(s, new Set([...(SYNONYM_OF.get(s) ?? []), ...stems.filter((x) => x !== s)]));
}

const INTENTS = {
  price: /\b(price|prices|priced|cost|costs|how much|expensive|cheap|pricey|afford|affordable)\b/i,
  weight: /\b(weigh|weighs|weight|heavy|how light|lightweight)\b/i,
  rating: /\b(rating|rated|stars?|how (good|well)|worth it|reviews? say|people think|recommend|opinion)\b/i,
  alternatives: /\b(alternatives?|similar|instead|other options?|compare|compared|comparison|something else|anything else)\b/i,
};

interface Passage {
  text: string;
  citation: Citation;
  stems: string[];
  /** Prefix that says where the sentence comes from. */
  label: string;
  rating?: number;
}

export interface QuestionTerms {
  /** Content stems of the question, each with its weight (synonyms weigh less). */
  weights: Map<string, number>;
  /** The question's own content words, for a catalog search. */
  searchWords: string[];
}

export function questionTerms(question: string): QuestionTerms {
  const raw = words(question).filter((w) => w.length > 1 && !QUESTION_WORDS.has(w) && !/^\d+$/.test(w));
  const content = raw.filter((w) => contentStems(w).length > 0);
  const weights = new Map<string, number>();
  for (const w of content) {
    const s = stem(w);
    weights.set(s, 1);
    for (const syn of SYNONYM_OF.get(s) ?? []) if (!weights.has(syn)) weights.set(syn, 0.6);
  }
  return { weights, searchWords: [...new Set(content)] };
}

/** True when the question asks for a field the product answers directly (price, weight, rating) or for alternatives. */
export function asksForField(question: string): boolean {
  return Object.values(INTENTS).some((re) => re.test(question));
}

export function asksForAlternatives(question: string): boolean {
  return INTENTS.alternatives.test(question);
}

/** A catalog search query (websearch syntax) for the question, or "" when it has no content words. */
export function searchQuery(question: string, product: Pick<ProductDoc, 'tags' | 'name'>): string {
  if (asksForAlternatives(question)) {
    const type = product.tags[0] ?? product.name.split(/\s+/).pop() ?? '';
    return type.replace(/[^\p{L}\p{N} -]/gu, ' ').trim();
  }
  return questionTerms(question).searchWords.slice(0, 8).join(' or ');
}

function money(price: ProductDoc['price']): string | undefined {
  if (!price || !/^\d+$/.test(price.units)) return undefined;
  const cents = Math.round(price.nanos / 10_000_000);
  return `${price.units}.${String(cents).padStart(2, '0')} ${price.currencyCode}`;
}

function passages(product: ProductDoc, reviews: readonly ReviewDoc[]): Passage[] {
  const out: Passage[] = [];
  for (const text of splitSentences(product.description)) {
    out.push({ text, citation: { sourceType: 'product', sourceId: product.id, quote: text }, stems: contentStems(text), label: 'The product description says' });
  }
  for (const r of reviews) {
    for (const text of splitSentences(r.body)) {
      out.push({
        text,
        citation: { sourceType: 'review', sourceId: r.id, quote: text },
        stems: contentStems(text),
        label: `${r.authorName || 'A reviewer'} (${r.rating} of 5 stars) says`,
        rating: r.rating,
      });
    }
  }
  return out;
}

/** BM25 over the product's own sentences; name words count for little (every sentence is about the product). */
function rank(terms: QuestionTerms, pool: Passage[], nameStems: Set<string>): Array<{ passage: Passage; score: number; matched: Set<string> }> {
  const n = pool.length;
  const df = new Map<string, number>();
  for (const p of pool) for (const s of new Set(p.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const avgLen = pool.reduce((x, p) => x + p.stems.length, 0) / Math.max(n, 1);
  const k1 = 1.2;
  const b = 0.75;
  const scored = pool.map((passage) => {
    let score = 0;
    const matched = new Set<string>();
    const tf = new Map<string, number>();
    for (const s of passage.stems) tf.set(s, (tf.get(s) ?? 0) + 1);
    for (const [term, weight] of terms.weights) {
      const f = tf.get(term);
      if (!f) continue;
      const idf = Math.log(1 + (n - (df.get(term) ?? 0) + 0.5) / ((df.get(term) ?? 0) + 0.5));
      const norm = (f * (k1 + 1)) / (f + k1 * (1 - b + (b * passage.stems.length) / Math.max(avgLen, 1)));
      score += weight * idf * norm * (nameStems.has(term) ? 0.3 : 1);
      if (!nameStems.has(term)) matched.add(term);
    }
    return { passage, score, matched };
  });
  return scored.filter((s) => s.matched.size > 0).sort((a, b2) => b2.score - a.score || a.passage.text.localeCompare(b2.passage.text));
}

export const ANSWER_LIMITS = { passages: 3, related: 3, minScore: 0.5 } as const;

export function answerQuestion(question: string, product: ProductDoc, reviews: readonly ReviewDoc[], related: readonly RelatedProduct[] = []): AnswerResult {
  const lines: string[] = [];
  const citations: Citation[] = [];
  const fact = (line: string, quote: string): void => {
    lines.push(line);
    citations.push({ sourceType: 'product', sourceId: product.id, quote });
  };
  const price = money(product.price);
  if (INTENTS.price.test(question) && price) fact(`${product.name} costs ${price}.`, `price: ${price}`);
  if (INTENTS.weight.test(question) && product.weightGrams > 0) fact(`Its shipping weight is ${product.weightGrams} g.`, `weight_grams: ${product.weightGrams}`);
  if (INTENTS.rating.test(question)) {
    if (product.reviewCount > 0) fact(`It is rated ${product.averageRating} of 5 from ${product.reviewCount} review${product.reviewCount === 1 ? '' : 's'}.`, `average_rating: ${product.averageRating}, review_count: ${product.reviewCount}`);
    else fact('It has no reviews yet.', 'review_count: 0');
  }
  if (INTENTS.alternatives.test(question)) {
    const others = related.filter((r) => r.id !== product.id).slice(0, ANSWER_LIMITS.related);
    for (const r of others) {
      const p = money(r.price);
      const line = `${r.name} (${r.id})${p ? ` at ${p}` : ''}${r.reviewCount ? `, rated ${r.averageRating} of 5` : ''}`;
      lines.push(`A similar product in the catalog: ${line}.`);
      citations.push({ sourceType: 'product', sourceId: r.id, quote: r.name });
    }
  }

  const terms = questionTerms(question);
  const nameStems = new Set(contentStems(product.name));
  const ranked = rank(terms, passages(product, reviews), nameStems);
  const best = ranked[0]?.score ?? 0;
  const chosen: Passage[] = [];
  if (best >= ANSWER_LIMITS.minScore) {
    for (const r of ranked) {
      if (chosen.length >= ANSWER_LIMITS.passages || r.score < best * 0.5) break;
      const stems = new Set(r.passage.stems);
      // Skip a sentence that repeats one already chosen (the same point from another review).
      if (chosen.some((c) => { const cs = new Set(c.stems); return jaccard(cs, stems) >= 0.6 || containment(cs, stems) >= 0.9; })) continue;
      chosen.push(r.passage);
    }
  }
  for (const p of chosen) {
    lines.push(`${p.label}: "${p.text}"`);
    citations.push(p.citation);
  }
  if (lines.length === 0) {
    const mentions = related.filter((r) => r.id !== product.id).slice(0, ANSWER_LIMITS.related);
    const hint = mentions.length ? ` Other catalog products that match your question: ${mentions.map((m) => `${m.name} (${m.id})`).join(', ')}.` : '';
    return { text: `${NO_ANSWER}${hint}`, grounded: false, citations: mentions.map((m) => ({ sourceType: 'product', sourceId: m.id, quote: m.name })) };
  }
  return { text: lines.join('\n'), grounded: true, citations };
}
