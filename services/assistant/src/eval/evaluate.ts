// The assistant's evaluation (bench/ai/assistant.ts and test/eval.spec.ts run it): a real
// catalog with the seed products and real assistants over gRPC, measured for grounding, polarity,
// grounded Q&A, the LLM breaker and fallback path, and latency.
import { performance } from 'node:perf_hooks';
import { loadSeed } from '@mercato/catalog';
import { askPlanted, plantQuestions } from './questions';
import { BREAKER_ENV, checkBreaker } from './breaker';
import { startHarness } from './harness';
import { engineLatency, grpcLatency } from './latency';
import { mulberry32 } from './random';
import { checkGrounding, checkPolarity, type LabelledVocabulary } from './summaries';

export type { LabelledVocabulary } from './summaries';

export interface EvaluateOptions {
  seed?: number;
  /** Measured calls per method for latency (after a warm-up). */
  latencyCalls?: number;
  /** Planted questions (half answerable, half not). */
  questions?: number;
  /** The seed generator's labelled pros and cons; without them polarity is not measured. */
  labels?: LabelledVocabulary;
  /** Categories the lexicon was not tuned on: polarity is reported on these. */
  heldOutCategories?: readonly string[];
  /** "service" (default): the real catalog service over gRPC; "memory": the seed from memory (quick). */
  catalog?: 'service' | 'memory';
  /** PostgreSQL for the catalog service; unset, PGlite in memory. */
  databaseUrl?: string;
}

export interface EvaluationReport {
  passed: boolean;
  metrics: Record<string, number | string | boolean>;
  table: Array<[string, string, string]>;
  /** What went wrong, one line each (empty when all is well). */
  failures: string[];
}

/** The lexicon and rating weights were tuned on apparel, audio, books, coffee and fitness only. */
export const HELD_OUT_CATEGORIES = ['garden', 'home-office', 'kitchen', 'outdoor', 'toys'] as const;

export const TARGETS = {
  grounded: 1,
  citations: 1,
  summaryPolarity: 0.9,
  sentencePolarity: 0.8,
  answered: 0.85,
  abstained: 0.9,
  timeoutMarginMs: 1000,
} as const;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

export async function evaluateAssistant(options: EvaluateOptions = {}): Promise<EvaluationReport> {
  const seed = options.seed ?? 20240611;
  const random = mulberry32(seed);
  const { products } = await loadSeed();
  const phases: Record<string, number> = {};
  let t = performance.now();
  const phase = (name: string): void => {
    phases[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  const harness = await startHarness({ catalog: options.catalog ?? 'service', databaseUrl: options.databaseUrl });
  phase('startMs');
  try {
    // Cache off: every call is answered afresh (the grounding check and latency mean that).
    const { client } = await harness.startAssistant({ ASSISTANT_CACHE_ENTRIES: '0' });
    const grounding = await checkGrounding(client, products);
    phase('summariesMs');
    const heldOut = options.heldOutCategories ?? HELD_OUT_CATEGORIES;
    const polarity = options.labels ? checkPolarity(products, grounding.summaries, options.labels, heldOut) : undefined;
    const questions = plantQuestions(products, random, options.questions ?? 200);
    const qa = await askPlanted(client, harness.shopper, products, questions);
    phase('questionsMs');
    const breakerProduct = products.find((p) => p.reviews.length >= 3)!;
    const breaker = await checkBreaker(harness, breakerProduct.id, breakerProduct.name, breakerProduct.reviews[0]!.body);
    phase('breakerMs');
    const calls = options.latencyCalls ?? 300;
    const viaGrpc = await grpcLatency(client, harness.shopper, products, questions, random, calls);
    phase('grpcLatencyMs');
    const engine = await engineLatency(products, questions, random, calls * 5);
    phase('engineLatencyMs');

    const groundedRate = ratio(grounding.statementsInReviews, grounding.statements);
    const citationRate = ratio(grounding.citationsInCitedReview, grounding.citations);
    const answeredRate = ratio(qa.answered, qa.answerable);
    const abstainedRate = ratio(qa.abstained, qa.unanswerable);
    const qaCitationRate = ratio(qa.citationsFound, qa.citations);
    const summaryPolarity = polarity ? ratio(polarity.summaryCorrect, polarity.summaryLabelled) : undefined;
    const sentencePolarity = polarity ? ratio(polarity.sentencesCorrect, polarity.sentences) : undefined;
    const timeoutMs = Number(BREAKER_ENV.LLM_TIMEOUT_MS);
    const checks: boolean[] = [
      groundedRate >= TARGETS.grounded && grounding.statements > 0,
      citationRate >= TARGETS.citations,
      grounding.summarised === grounding.withReviews,
      answeredRate >= TARGETS.answered,
      abstainedRate >= TARGETS.abstained,
      qaCitationRate >= TARGETS.citations,
      breaker.streamedLlm && breaker.promptGrounded,
      breaker.timeoutFallback && breaker.timeoutFallbackMs <= timeoutMs + TARGETS.timeoutMarginMs,
      breaker.opened && breaker.requestsWhileOpen === 0 && breaker.callsWhileOpen > 0,
      breaker.closedAfterReset,
      ...(summaryPolarity !== undefined ? [summaryPolarity >= TARGETS.summaryPolarity] : []),
      ...(sentencePolarity !== undefined ? [sentencePolarity >= TARGETS.sentencePolarity] : []),
    ];
    const metrics: EvaluationReport['metrics'] = {
      seed,
      catalog: harness.catalog,
      summaryProducts: grounding.products,
      summaryStatements: grounding.statements,
      summaryStatementsInReviews: grounding.statementsInReviews,
      summaryGroundedRate: groundedRate,
      summaryCitationRate: citationRate,
      summaryStreamsConsistent: grounding.streamsConsistent,
      ...(polarity ? { heldOutSummaryPolarityPrecision: summaryPolarity!, heldOutSentencePolarityAccuracy: sentencePolarity!, heldOutLabelledSentences: polarity.sentences } : {}),
      qaAnswerable: qa.answerable,
      qaAnsweredRate: answeredRate,
      qaUnanswerable: qa.unanswerable,
      qaAbstainedRate: abstainedRate,
      qaCitationRate,
      llmStreamed: breaker.streamedLlm,
      llmPromptGrounded: breaker.promptGrounded,
      timeoutFallbackMs: Math.round(breaker.timeoutFallbackMs),
      breakerCallsToOpen: breaker.callsToOpen,
      breakerRequestsWhileOpen: breaker.requestsWhileOpen,
      breakerClosedAfterMs: Math.round(breaker.msToClose),
      p50SummarizeGrpcMs: viaGrpc.summarize.p50Ms,
      p99SummarizeGrpcMs: viaGrpc.summarize.p99Ms,
      p50AnswerGrpcMs: viaGrpc.answer.p50Ms,
      p99AnswerGrpcMs: viaGrpc.answer.p99Ms,
      p50SummarizeEngineMs: engine.summarize.p50Ms,
      p99SummarizeEngineMs: engine.summarize.p99Ms,
      p50AnswerEngineMs: engine.answer.p50Ms,
      p99AnswerEngineMs: engine.answer.p99Ms,
      ...phases,
    };
    const table: EvaluationReport['table'] = [
      ['summary statements found verbatim in the product\'s reviews', `${grounding.statementsInReviews}/${grounding.statements} (${pct(groundedRate)}) over ${grounding.products} products`, '100%'],
      ['summary citations found in the cited review', `${grounding.citationsInCitedReview}/${grounding.citations} (${pct(citationRate)})`, '100%'],
      ...(polarity
        ? ([
            ['summary pros/cons on the labelled side (held-out categories)', `${polarity.summaryCorrect}/${polarity.summaryLabelled} (${pct(summaryPolarity!)})`, `≥ ${pct(TARGETS.summaryPolarity)}`],
            ['review sentences given the labelled polarity (held-out categories)', `${polarity.sentencesCorrect}/${polarity.sentences} (${pct(sentencePolarity!)})`, `≥ ${pct(TARGETS.sentencePolarity)}`],
          ] as Array<[string, string, string]>)
        : []),
      ['Q&A: planted answer cited', `${qa.answered}/${qa.answerable} (${pct(answeredRate)})`, `≥ ${pct(TARGETS.answered)}`],
      ['Q&A: unanswerable question answered "not found"', `${qa.abstained}/${qa.unanswerable} (${pct(abstainedRate)})`, `≥ ${pct(TARGETS.abstained)}`],
      ['Q&A citations found in the product\'s text', `${qa.citationsFound}/${qa.citations} (${pct(qaCitationRate)})`, '100%'],
      ['fake LLM streams an answer (engine llm, grounded prompt)', breaker.streamedLlm && breaker.promptGrounded ? 'yes' : 'no', 'yes'],
      ['fake LLM never answers: built-in answer after', `${Math.round(breaker.timeoutFallbackMs)} ms (timeout ${timeoutMs} ms)`, `≤ ${timeoutMs + TARGETS.timeoutMarginMs} ms`],
      ['fake LLM answers 500: breaker opens, then endpoint requests while open', breaker.opened ? `open after ${breaker.callsToOpen} call(s) answered 500; ${breaker.requestsWhileOpen} requests in ${breaker.callsWhileOpen} calls` : 'never opened', 'open; 0 requests'],
      ['breaker closes once the endpoint recovers', breaker.closedAfterReset ? `closed; first LLM answer ${Math.round(breaker.msToClose)} ms after the first refused call (reset ${BREAKER_ENV.BREAKER_RESET_MS} ms)` : 'no', 'closes after the reset time'],
      ['p50 / p99 built-in SummarizeReviews over gRPC (catalog reads, no cache)', `${viaGrpc.summarize.p50Ms} / ${viaGrpc.summarize.p99Ms} ms`, ''],
      ['p50 / p99 built-in AnswerQuestion over gRPC (catalog reads, no cache)', `${viaGrpc.answer.p50Ms} / ${viaGrpc.answer.p99Ms} ms`, ''],
      ['p50 / p99 built-in engine alone: summary / answer', `${engine.summarize.p50Ms} / ${engine.summarize.p99Ms} ms; ${engine.answer.p50Ms} / ${engine.answer.p99Ms} ms`, ''],
    ];
    return { passed: checks.every(Boolean), metrics, table, failures: [...grounding.failures, ...qa.failures, ...breaker.failures] };
  } finally {
    await harness.stop();
  }
}
