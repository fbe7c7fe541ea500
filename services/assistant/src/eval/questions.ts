// Product Q&A with planted answers. Answerable: a question built from two distinctive words of
// one review sentence (one of them sometimes in another inflection), which the answer must cite a
// sentence about. Unanswerable: a question about a word taken from another category that this
// product's text never mentions, which must be answered "not found" (grounded = false).
import type { SeedProduct } from '@mercato/catalog';
import type { AnswerQuestionResponse__Output } from '@mercato/protos/gen/mercato/assistant/v1/AnswerQuestionResponse';
import type { Answer__Output } from '@mercato/protos/gen/mercato/assistant/v1/Answer';
import { asksForField, questionTerms } from '../builtin/answer';
import { classify } from '../builtin/sentiment';
import { contentStems, splitSentences, STOPWORDS, stem, words } from '../builtin/text';
import { collect, type AssistantClient } from './harness';
import { pick, type Random } from './random';

export interface PlantedQuestion {
  productId: string;
  question: string;
  /** Answerable: stems a cited sentence must hold; unanswerable: undefined. */
  expect: string[] | undefined;
}

const ANSWERABLE = ['What do reviewers say about the {a} and the {b}?', 'Is there anything about {a} or {b}?', 'How does it do on {a} and {b}?', 'Any comments on the {a} {b}?'];
const UNANSWERABLE = ['What about the {a}?', 'Is the {a} any good?', 'Does it have {a}?', 'Tell me about its {a}.'];

function productText(p: SeedProduct): string[] {
  return [p.name, p.description, p.tags.join(' '), ...p.reviews.map((r) => `${r.title}. ${r.body}`)];
}

/** The other inflection of a word (plural ↔ singular), to test that matching is by stem. */
function inflect(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}

export function plantQuestions(products: readonly SeedProduct[], random: Random, count: number): PlantedQuestion[] {
  const candidates = products.filter((p) => p.reviews.length >= 3);
  const out: PlantedQuestion[] = [];
  for (let i = 0; i < count && candidates.length; i++) {
    const p = pick(random, candidates);
    const texts = productText(p);
    const df = new Map<string, number>();
    for (const t of texts.flatMap(splitSentences)) for (const s of new Set(contentStems(t))) df.set(s, (df.get(s) ?? 0) + 1);
    const nameStems = new Set(contentStems(p.name));
    if (i % 2 === 0) {
      const sentences = p.reviews.flatMap((r) => splitSentences(r.body)).filter((s) => ['pro', 'con'].includes(classify(s).role));
      if (!sentences.length) continue;
      const target = pick(random, sentences);
      const distinct = [...new Set(words(target).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !nameStems.has(stem(w))))].sort((x, y) => (df.get(stem(x)) ?? 0) - (df.get(stem(y)) ?? 0) || x.localeCompare(y));
      if (distinct.length < 2) continue;
      const [a, b] = [distinct[0]!, random() < 0.5 ? inflect(distinct[1]!) : distinct[1]!];
      out.push({ productId: p.id, question: pick(random, ANSWERABLE).replace('{a}', a).replace('{b}', b), expect: [stem(distinct[0]!), stem(distinct[1]!)] });
    } else {
      const own = new Set(texts.flatMap(contentStems));
      const others = products.filter((o) => o.category !== p.category && o.reviews.length);
      const other = pick(random, others);
      // Words about price, weight or rating are answered from the product's fields, and a word whose
      // synonyms the product mentions has an answer: neither is unanswerable.
      const foreign = [...new Set(other.reviews.flatMap((r) => words(r.body)))].filter((w) => w.length >= 5 && !STOPWORDS.has(w) && !asksForField(w) && [...questionTerms(w).weights.keys()].every((s) => !own.has(s))).sort();
      if (!foreign.length) continue;
      out.push({ productId: p.id, question: pick(random, UNANSWERABLE).replace('{a}', pick(random, foreign)), expect: undefined });
    }
  }
  return out;
}

/** The product's fields as an answer cites them, computed here from the seed. */
function fieldQuotes(p: SeedProduct): string[] {
  const count = p.reviews.length;
  const average = count ? Math.round((p.reviews.reduce((n, r) => n + r.rating, 0) / count) * 100) / 100 : 0;
  return [
    `price: ${p.price.units}.${String(Math.round(p.price.nanos / 1e7)).padStart(2, '0')} ${p.price.currencyCode}`,
    `weight_grams: ${p.weightGrams ?? 0}`,
    count ? `average_rating: ${average}, review_count: ${count}` : 'review_count: 0',
  ];
}

export interface QuestionResult {
  answerable: number;
  answered: number;
  unanswerable: number;
  abstained: number;
  /** Citation quotes found in the product's own text (description or the cited review). */
  citations: number;
  citationsFound: number;
  failures: string[];
}

export async function askPlanted(client: AssistantClient, shopper: { metadata: import('@grpc/grpc-js').Metadata }, products: readonly SeedProduct[], questions: readonly PlantedQuestion[]): Promise<QuestionResult> {
  const byId = new Map(products.map((p) => [p.id, p]));
  const r: QuestionResult = { answerable: 0, answered: 0, unanswerable: 0, abstained: 0, citations: 0, citationsFound: 0, failures: [] };
  for (const q of questions) {
    const messages = await collect<AnswerQuestionResponse__Output>(client.stream('AnswerQuestion', { productId: q.productId, question: q.question }, shopper));
    const answer: Answer__Output | null | undefined = messages.at(-1)?.answer;
    if (!answer) throw new Error(`AnswerQuestion ${q.productId} ended without an answer`);
    const p = byId.get(q.productId)!;
    for (const c of answer.citations) {
      if (c.sourceType !== 'review' && c.sourceId !== p.id) continue; // related products, cited by name
      r.citations++;
      const source = c.sourceType === 'review' ? p.reviews.find((x) => x.id === c.sourceId)?.body : `${p.description}\n${fieldQuotes(p).join('\n')}`;
      if (source?.includes(c.quote)) r.citationsFound++;
      else r.failures.push(`${p.id}: citation "${c.quote}" is not in ${c.sourceId}`);
    }
    if (q.expect) {
      r.answerable++;
      const hit = answer.grounded && answer.citations.some((c) => q.expect!.every((s) => contentStems(c.quote).includes(s)));
      if (hit) r.answered++;
      else r.failures.push(`${p.id}: "${q.question}" → ${answer.text.slice(0, 160)}`);
    } else {
      r.unanswerable++;
      if (!answer.grounded) r.abstained++;
      else r.failures.push(`${p.id}: "${q.question}" should not be answered → ${answer.text.slice(0, 160)}`);
    }
  }
  return r;
}
