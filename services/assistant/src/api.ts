// gRPC handlers of mercato.assistant.v1.AssistantService: validate → read the catalog → answer
// (cache, LLM or built-in engine) → stream text deltas and end with the structured result.
import { createHash } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { check, GrpcError, invalidArgument, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import type { AssistantServiceHandlers } from '@mercato/protos/gen/mercato/assistant/v1/AssistantService';
import type { AnswerQuestionRequest__Output } from '@mercato/protos/gen/mercato/assistant/v1/AnswerQuestionRequest';
import type { AnswerQuestionResponse } from '@mercato/protos/gen/mercato/assistant/v1/AnswerQuestionResponse';
import type { DraftDescriptionRequest__Output } from '@mercato/protos/gen/mercato/assistant/v1/DraftDescriptionRequest';
import type { DraftDescriptionResponse } from '@mercato/protos/gen/mercato/assistant/v1/DraftDescriptionResponse';
import type { SummarizeReviewsRequest__Output } from '@mercato/protos/gen/mercato/assistant/v1/SummarizeReviewsRequest';
import type { SummarizeReviewsResponse } from '@mercato/protos/gen/mercato/assistant/v1/SummarizeReviewsResponse';
import { answerQuestion, asksForAlternatives, searchQuery } from './builtin/answer';
import { draftDescription, productFeatures, type DraftTone } from './builtin/describe';
import { summarizeReviews } from './builtin/summarize';
import type { AnswerResult, ReviewSummaryResult } from './builtin/types';
import type { CatalogPort, CatalogProduct } from './catalog';
import { answerPrompt, draftPrompt, parseAnswer, parseSummary, summaryPrompt } from './llm/prompts';
import { BUILTIN_MODELS, replay, respond, type CachedAnswer, type Piece, type RespondDeps } from './respond';

export const ASSISTANT_SERVICE = 'mercato.assistant.v1.AssistantService';

export const LIMITS = { question: 500, name: 120, features: 20, feature: 300, minWords: 20, maxWords: 500, defaultWords: 120 } as const;

export interface AssistantDeps extends RespondDeps {
  catalog: CatalogPort;
  /** Newest reviews read for one answer. */
  maxReviews: number;
}

const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CATEGORY_ID = /^[a-z0-9][a-z0-9-]*$/;
const TONES: Record<string, DraftTone> = { TONE_UNSPECIFIED: 'neutral', TONE_NEUTRAL: 'neutral', TONE_PLAYFUL: 'playful', TONE_PREMIUM: 'premium', TONE_TECHNICAL: 'technical' };

function checkProductId(value: unknown): string {
  return check.text(value, 'product_id', { max: 64, pattern: PRODUCT_ID, hint: 'must hold only letters, digits, "-" and "_"' });
}

/** A question for the cache key: case, spacing and end punctuation do not make a new one. */
function normalise(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.]+$/, '').trim();
}

function digest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

/**
 * The product, or — while the catalog cannot be reached — the last answer cached for this key
 * (LLM first), served as it is rather than failing.
 */
async function productOr(deps: AssistantDeps, productId: string, key: string, ctx: CallContext): Promise<{ product: CatalogProduct } | { stale: CachedAnswer }> {
  try {
    return { product: await deps.catalog.product(productId, ctx) };
  } catch (err) {
    if ((err as GrpcError).code !== status.UNAVAILABLE && (err as GrpcError).code !== status.DEADLINE_EXCEEDED) throw err;
    const stale = deps.cache.latest(`${key}|llm`) ?? deps.cache.latest(`${key}|builtin`);
    if (!stale) throw err;
    deps.metrics.cacheLookups.inc({ result: 'stale_served' });
    return { stale };
  }
}

function summaryText(s: ReviewSummaryResult): string {
  if (s.reviewCount === 0) return 'There are no reviews of this product yet.';
  const lines = [`Based on ${s.reviewCount} review${s.reviewCount === 1 ? '' : 's'}, rated ${s.averageRating} of 5 on average.`];
  if (s.pros.length) lines.push('Pros:', ...s.pros.map((p) => `- ${p}`));
  if (s.cons.length) lines.push('Cons:', ...s.cons.map((c) => `- ${c}`));
  if (s.overall) lines.push(`Overall: ${s.overall}`);
  return lines.join('\n');
}

async function* summarize(deps: AssistantDeps, req: SummarizeReviewsRequest__Output, ctx: CallContext): AsyncIterable<SummarizeReviewsResponse> {
  const productId = checkProductId(req.productId);
  const key = `summarize|${productId}`;
  const found = await productOr(deps, productId, key, ctx);
  const pieces: Iterable<Piece<ReviewSummaryResult>> | AsyncIterable<Piece<ReviewSummaryResult>> =
    'stale' in found
      ? replay<ReviewSummaryResult>(found.stale)
      : respond<ReviewSummaryResult>(
          deps,
          {
            method: 'summarize_reviews',
            key,
            version: found.product.version,
            builtinModel: BUILTIN_MODELS.extractive,
            prepare: async () => {
              const reviews = await deps.catalog.reviews(productId, ctx, deps.maxReviews);
              return {
                builtin: () => {
                  const summary = summarizeReviews(found.product, reviews);
                  return { text: summaryText(summary), final: summary };
                },
                // Nothing to summarise is the same answer from any engine.
                ...(reviews.length
                  ? { llm: { messages: summaryPrompt(found.product, reviews), options: { maxTokens: 400, temperature: 0.2 }, finalize: (text: string) => parseSummary(text, reviews) } }
                  : { builtinReason: 'no reviews to summarise' }),
              };
            },
          },
          ctx,
        );
  for await (const p of pieces) yield p.final ? { engine: p.engine, summary: p.final } : { engine: p.engine, textDelta: p.textDelta ?? '' };
}

async function* answer(deps: AssistantDeps, req: AnswerQuestionRequest__Output, ctx: CallContext): AsyncIterable<AnswerQuestionResponse> {
  const productId = checkProductId(req.productId);
  // A question typed in a text box may hold line breaks; other control characters are refused.
  const question = check.text(typeof req.question === 'string' ? req.question.replace(/[\r\n\t]+/g, ' ') : req.question, 'question', { max: LIMITS.question }).trim();
  if (!/\p{L}/u.test(question)) throw invalidArgument('question', 'must be a question in words');
  const key = `answer|${productId}|${normalise(question)}`;
  const found = await productOr(deps, productId, key, ctx);
  const pieces: Iterable<Piece<AnswerResult>> | AsyncIterable<Piece<AnswerResult>> =
    'stale' in found
      ? replay<AnswerResult>(found.stale)
      : respond<AnswerResult>(
          deps,
          {
            method: 'answer_question',
            key,
            version: found.product.version,
            builtinModel: BUILTIN_MODELS.extractive,
            grounded: (a) => a.grounded,
            prepare: async () => {
              const product = found.product;
              const query = searchQuery(question, product);
              // Alternatives come from the product's own category; other questions search the whole catalog.
              const category = asksForAlternatives(question) ? product.categoryId : '';
              const [reviews, related] = await Promise.all([deps.catalog.reviews(productId, ctx, deps.maxReviews), deps.catalog.search(query, category, ctx, 5)]);
              return {
                builtin: () => {
                  const a = answerQuestion(question, product, reviews, related);
                  return { text: a.text, final: a };
                },
                llm: { messages: answerPrompt(question, product, reviews, related), options: { maxTokens: 300, temperature: 0.1 }, finalize: (text: string) => parseAnswer(text, product, reviews) },
              };
            },
          },
          ctx,
        );
  for await (const p of pieces) yield p.final ? { engine: p.engine, answer: p.final } : { engine: p.engine, textDelta: p.textDelta ?? '' };
}

interface DraftRequest {
  productId: string | undefined;
  name: string | undefined;
  categoryId: string | undefined;
  features: string[];
  tone: DraftTone;
  maxWords: number;
}

function checkDraft(req: DraftDescriptionRequest__Output): DraftRequest {
  const productId = req.productId ? checkProductId(req.productId) : undefined;
  const name = check.optionalText(req.name?.trim(), 'name', { max: LIMITS.name });
  if (!productId && !name) throw invalidArgument('product_id', 'give product_id, or name (with category_id and features) for a new product');
  const categoryId = check.optionalText(req.categoryId, 'category_id', { max: 40, pattern: CATEGORY_ID, hint: 'must be a lowercase slug such as "home-office"' });
  const features = check.list<unknown>(req.features, 'features', { max: LIMITS.features }).map((f, i) => check.text(typeof f === 'string' ? f.trim() : f, `features[${i}]`, { max: LIMITS.feature }));
  const tone = TONES[String(req.tone)];
  if (!tone) throw invalidArgument('tone', `must be one of ${Object.keys(TONES).join(', ')}`);
  const maxWords = req.maxWords === 0 ? LIMITS.defaultWords : check.int(req.maxWords, 'max_words', { min: LIMITS.minWords, max: LIMITS.maxWords });
  return { productId, name, categoryId, features, tone, maxWords };
}

async function* draft(deps: AssistantDeps, req: DraftDescriptionRequest__Output, ctx: CallContext): AsyncIterable<DraftDescriptionResponse> {
  const input = checkDraft(req);
  const key = `draft|${input.productId ?? '-'}|${digest([input.name, input.categoryId, input.features, input.tone, input.maxWords])}`;
  let product: CatalogProduct | undefined;
  let pieces: Iterable<Piece<string>> | AsyncIterable<Piece<string>>;
  const found = input.productId ? await productOr(deps, input.productId, key, ctx) : undefined;
  if (found && 'stale' in found) pieces = replay<string>(found.stale);
  else {
    product = found?.product;
    // Fields given in the request take precedence over the product's.
    const fields = {
      name: input.name ?? product?.name ?? '',
      categoryId: input.categoryId ?? product?.categoryId ?? '',
      features: input.features.length ? input.features : product ? productFeatures(product.description) : [],
      tone: input.tone,
      maxWords: input.maxWords,
    };
    pieces = respond<string>(
      deps,
      {
        method: 'draft_description',
        key,
        version: product?.version ?? 'request',
        builtinModel: BUILTIN_MODELS.template,
        prepare: async () => ({
          builtin: () => {
            const text = draftDescription({ ...fields, ...(product ? { weightGrams: product.weightGrams, keywords: product.tags, averageRating: product.averageRating, reviewCount: product.reviewCount } : {}) });
            return { text, final: text };
          },
          llm: { messages: draftPrompt(fields, product), options: { maxTokens: Math.ceil(input.maxWords * 2), temperature: 0.7 }, finalize: (text: string) => text.trim() },
        }),
      },
      ctx,
    );
  }
  for await (const p of pieces) yield p.final !== undefined ? { engine: p.engine, description: p.final } : { engine: p.engine, textDelta: p.textDelta ?? '' };
}

export function assistantHandlers(deps: AssistantDeps): AsyncHandlers<AssistantServiceHandlers> {
  return {
    SummarizeReviews: (req, ctx) => summarize(deps, req, ctx),
    AnswerQuestion: (req, ctx) => answer(deps, req, ctx),
    DraftDescription: (req, ctx) => draft(deps, req, ctx),
  };
}

/**
 * Summaries are public: the same for everyone, shown on product pages (the gateway asks without
 * a user), and cached; in the cluster the mesh's AuthorizationPolicy (from service.yaml calls)
 * admits only the gateway to this service at all. Questions need a signed-in user: each new question can cost an LLM call,
 * so it is made by someone the gateway can rate-limit. Drafting descriptions is an admin tool.
 */
export const assistantAccess: ServeOptions<AssistantServiceHandlers> = {
  access: { SummarizeReviews: 'public', AnswerQuestion: 'user', DraftDescription: 'admin' },
};
