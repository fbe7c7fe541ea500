// The assistant's own metrics (names are part of the API: dashboards and alerts use them). The
// LLM breaker also shows in the kit's mercato_breaker_state / mercato_breaker_events_total with
// target="llm", next to the breakers of the gRPC targets.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type AssistantMethod = 'summarize_reviews' | 'answer_question' | 'draft_description';
export type EngineLabel = 'llm' | 'builtin';
/** ok: a fresh answer; cached; fallback: the built-in engine answered for a failed or open LLM; no_answer: not grounded; error. */
export type Outcome = 'ok' | 'cached' | 'fallback' | 'no_answer' | 'error';
export type FallbackCode = 'no_endpoint' | 'breaker_open' | 'timeout' | 'error' | 'busy';

export class AssistantMetrics {
  readonly answers: Counter<'method' | 'engine' | 'outcome'>;
  readonly answerSeconds: Histogram<'method' | 'engine'>;
  readonly fallbacks: Counter<'reason'>;
  readonly llmRequests: Counter<'result'>;
  readonly llmFirstToken: Histogram<string>;
  readonly cacheLookups: Counter<'result'>;
  readonly cacheEntries: Gauge<string>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.answers = new Counter({ name: 'mercato_assistant_answers_total', help: 'Answers streamed, per method, engine (llm, builtin) and outcome (ok, cached, fallback, no_answer, error).', labelNames: ['method', 'engine', 'outcome'], registers });
    this.answerSeconds = new Histogram({ name: 'mercato_assistant_answer_seconds', help: 'Time from request to the last message of an answer, per method and engine.', labelNames: ['method', 'engine'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers });
    this.fallbacks = new Counter({ name: 'mercato_assistant_fallbacks_total', help: 'Answers given by the built-in engine instead of the LLM, per reason (no_endpoint, breaker_open, timeout, error, busy).', labelNames: ['reason'], registers });
    this.llmRequests = new Counter({ name: 'mercato_assistant_llm_requests_total', help: 'Requests to the LLM endpoint, per result (success, timeout, error, rejected, cancelled).', labelNames: ['result'], registers });
    this.llmFirstToken = new Histogram({ name: 'mercato_assistant_llm_first_token_seconds', help: 'Time to the first token from the LLM endpoint.', buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 30], registers });
    this.cacheLookups = new Counter({ name: 'mercato_assistant_cache_lookups_total', help: 'Answer cache lookups, per result (hit, miss, stale_served).', labelNames: ['result'], registers });
    this.cacheEntries = new Gauge({ name: 'mercato_assistant_cache_entries', help: 'Answers held in the in-memory cache.', registers });
    for (const method of ['summarize_reviews', 'answer_question', 'draft_description']) {
      for (const engine of ['llm', 'builtin']) for (const outcome of ['ok', 'cached', 'fallback', 'no_answer', 'error']) this.answers.inc({ method, engine, outcome }, 0);
    }
    for (const reason of ['no_endpoint', 'breaker_open', 'timeout', 'error', 'busy']) this.fallbacks.inc({ reason }, 0);
    for (const result of ['success', 'timeout', 'error', 'rejected', 'cancelled']) this.llmRequests.inc({ result }, 0);
    for (const result of ['hit', 'miss', 'stale_served']) this.cacheLookups.inc({ result }, 0);
  }
}
