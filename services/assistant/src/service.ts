// The assistant's set-up, shared by main.ts, the tests and the evaluation.
import { env, type Config, type Kit } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import { ASSISTANT_SERVICE, assistantAccess, assistantHandlers } from './api';
import { LruCache } from './cache';
import { catalogReader, type CatalogPort } from './catalog';
import { LlmProvider } from './llm/provider';
import { AssistantMetrics } from './metrics';
import type { CachedAnswer } from './respond';

export const assistantConfig = {
  LLM_BASE_URL: env.optional(env.url(['http:', 'https:'])),
  LLM_API_KEY: env.optional(env.string({ describe: 'a bearer token' })),
  LLM_MODEL: env.string({ default: 'llama3.1' }),
  LLM_TIMEOUT_MS: env.int({ default: 8000, min: 50, max: 600_000 }),
  ASSISTANT_CACHE_ENTRIES: env.int({ default: 500, min: 0, max: 1_000_000 }),
};

export type AssistantConfig = Config<typeof assistantConfig>;

/** Newest reviews read for one summary or answer: enough for every theme, bounded in time. */
export const MAX_REVIEWS = 200;

export interface AssistantOverrides {
  /** Where products and reviews come from; by default the catalog service over gRPC. */
  catalog?: CatalogPort;
}

/** The set-up with some parts given (the evaluation reads the seed from memory, for speed). */
export function assistantSetup(overrides: AssistantOverrides = {}): (kit: Kit<AssistantConfig>) => void {
  return (kit) => setup(kit, overrides);
}

export function setupAssistant(kit: Kit<AssistantConfig>): void {
  setup(kit, {});
}

function setup(kit: Kit<AssistantConfig>, overrides: AssistantOverrides): void {
  const c = kit.config;
  const metrics = new AssistantMetrics(kit.metrics.registry);
  // The LLM breaker uses the kit's breaker settings, like the breakers of the gRPC targets.
  const llm = c.LLM_BASE_URL
    ? new LlmProvider(
        { baseUrl: c.LLM_BASE_URL, apiKey: c.LLM_API_KEY, model: c.LLM_MODEL, timeoutMs: c.LLM_TIMEOUT_MS },
        {
          volumeThreshold: c.BREAKER_VOLUME_THRESHOLD,
          errorThresholdPercentage: c.BREAKER_ERROR_PERCENT,
          resetTimeoutMs: c.BREAKER_RESET_MS,
          rollingWindowMs: c.BREAKER_WINDOW_MS,
          capacity: c.BULKHEAD_CAPACITY,
        },
        { kit: kit.metrics, assistant: metrics },
      )
    : undefined;
  if (llm) kit.onShutdown(() => llm.shutdown());
  kit.log.info({ llm: c.LLM_BASE_URL ? { base_url: c.LLM_BASE_URL, model: c.LLM_MODEL, timeout_ms: c.LLM_TIMEOUT_MS } : 'none: the built-in engine answers', cache_entries: c.ASSISTANT_CACHE_ENTRIES }, 'assistant engines');
  const cache = new LruCache<CachedAnswer>(c.ASSISTANT_CACHE_ENTRIES);
  kit.serve(
    ASSISTANT_SERVICE,
    assistantHandlers({ catalog: overrides.catalog ?? catalogReader(kit.client<CatalogServiceDefinition>('catalog')), llm, cache, metrics, log: kit.log, maxReviews: MAX_REVIEWS }),
    assistantAccess,
  );
}
