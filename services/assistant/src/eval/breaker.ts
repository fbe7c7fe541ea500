// The LLM path against a fake OpenAI-compatible endpoint: (a) a proper streamed answer says
// engine llm; (b) an endpoint that never sends a token gets the built-in answer within the
// timeout; (c) 500s open the breaker, after which calls skip the endpoint entirely; (d) after
// the reset time the breaker lets a call through again and closes.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SummarizeReviewsResponse__Output } from '@mercato/protos/gen/mercato/assistant/v1/SummarizeReviewsResponse';
import { startFakeLlm, type FakeLlm } from './fake-llm';
import { collect, type AssistantClient, type Harness } from './harness';

export const FAKE_SUMMARY = 'Pros:\n- The pit zips make a real difference when walking uphill.\nCons:\n- none\nOverall: Reviewers like it.';

export const BREAKER_ENV = {
  LLM_MODEL: 'fake-model',
  LLM_API_KEY: 'eval-key',
  LLM_TIMEOUT_MS: '1000',
  BREAKER_VOLUME_THRESHOLD: '3',
  BREAKER_ERROR_PERCENT: '50',
  BREAKER_RESET_MS: '3000',
  ASSISTANT_CACHE_ENTRIES: '0',
} as const;

export interface BreakerResult {
  streamedLlm: boolean;
  llmModel: string;
  promptGrounded: boolean;
  timeoutFallback: boolean;
  timeoutFallbackMs: number;
  /** Failed calls (each answered by the built-in engine) until the breaker opened. */
  callsToOpen: number;
  opened: boolean;
  /** Calls made while open, and the requests the endpoint saw meanwhile. */
  callsWhileOpen: number;
  requestsWhileOpen: number;
  closedAfterReset: boolean;
  msToClose: number;
  failures: string[];
}

async function summarise(client: AssistantClient, productId: string): Promise<{ messages: SummarizeReviewsResponse__Output[]; ms: number }> {
  const t0 = performance.now();
  const messages = await collect<SummarizeReviewsResponse__Output>(client.stream('SummarizeReviews', { productId }));
  return { messages, ms: performance.now() - t0 };
}

export async function checkBreaker(harness: Harness, productId: string, productName: string, reviewBody: string): Promise<BreakerResult> {
  const fake: FakeLlm = await startFakeLlm({ kind: 'answer', text: () => FAKE_SUMMARY });
  const r: BreakerResult = { streamedLlm: false, llmModel: '', promptGrounded: false, timeoutFallback: false, timeoutFallbackMs: 0, callsToOpen: 0, opened: false, callsWhileOpen: 0, requestsWhileOpen: 0, closedAfterReset: false, msToClose: 0, failures: [] };
  const { client, running } = await harness.startAssistant({ ...BREAKER_ENV, LLM_BASE_URL: fake.baseUrl });
  const breakerState = async (): Promise<number | undefined> =>
    (await running.kit.metrics.registry.getSingleMetric('mercato_breaker_state')?.get())?.values.find((v) => v.labels.target === 'llm')?.value;
  try {
    // (a) a proper answer, streamed
    const a = await summarise(client, productId);
    const info = a.messages[0]?.engine;
    const text = a.messages.map((m) => m.textDelta ?? '').join('');
    r.llmModel = info?.model ?? '';
    r.streamedLlm = a.messages.every((m) => m.engine?.engine === 'ENGINE_LLM') && text === FAKE_SUMMARY && a.messages.length > 2 && a.messages.at(-1)?.summary?.pros[0] === 'The pit zips make a real difference when walking uphill.';
    if (!r.streamedLlm) r.failures.push(`(a) expected an LLM answer, got ${JSON.stringify(a.messages.at(-1))}`);
    const prompt = fake.requests[0];
    const content = prompt?.messages.map((m) => m.content).join('\n') ?? '';
    r.promptGrounded = !!prompt && prompt.stream && prompt.authorization === 'Bearer eval-key' && content.includes(productName) && content.includes(reviewBody) && /use only/i.test(content);
    if (!r.promptGrounded) r.failures.push('(a) the prompt lacks the catalog content, the grounding instruction or the API key');

    // (b) no first token: the built-in engine answers within the timeout
    fake.mode = { kind: 'hang' };
    const b = await summarise(client, productId);
    r.timeoutFallbackMs = b.ms;
    r.timeoutFallback = b.messages.every((m) => m.engine?.engine === 'ENGINE_BUILTIN' && m.engine.fallbackReason.startsWith('timeout')) && !!b.messages.at(-1)?.summary;
    if (!r.timeoutFallback) r.failures.push(`(b) expected a built-in answer for a timeout, got ${JSON.stringify(b.messages[0]?.engine)}`);

    // (c) 500s until the breaker opens; then calls skip the endpoint
    fake.mode = { kind: 'status', status: 500 };
    for (let i = 0; i < 10 && !r.opened; i++) {
      const c = await summarise(client, productId);
      const reason = c.messages[0]?.engine?.fallbackReason ?? '';
      if (reason === 'error: HTTP 500') r.callsToOpen++;
      else if (reason === 'breaker open') r.opened = true;
      else r.failures.push(`(c) unexpected engine info ${JSON.stringify(c.messages[0]?.engine)}`);
    }
    if (!r.opened) r.failures.push('(c) the breaker did not open');
    const openedAt = performance.now();
    if ((await breakerState()) !== 2) r.failures.push('(c) mercato_breaker_state{target="llm"} is not 2 (open)');
    const before = fake.requests.length;
    for (let i = 0; i < 5; i++) {
      const c = await summarise(client, productId);
      r.callsWhileOpen++;
      if (c.messages[0]?.engine?.fallbackReason !== 'breaker open' || !c.messages.at(-1)?.summary) r.failures.push(`(c) while open: ${JSON.stringify(c.messages[0]?.engine)}`);
    }
    r.requestsWhileOpen = fake.requests.length - before;

    // (d) the endpoint recovers; after the reset time a call goes through and the breaker closes
    fake.mode = { kind: 'answer', text: () => FAKE_SUMMARY };
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      const d = await summarise(client, productId);
      if (d.messages[0]?.engine?.engine === 'ENGINE_LLM') {
        r.msToClose = performance.now() - openedAt;
        r.closedAfterReset = (await breakerState()) === 0;
        break;
      }
      await sleep(50);
    }
    if (!r.closedAfterReset) r.failures.push('(d) the breaker did not close after the endpoint recovered');
  } finally {
    await fake.close();
  }
  return r;
}
