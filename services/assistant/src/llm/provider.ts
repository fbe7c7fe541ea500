// The LLM behind an opossum breaker. A completion counts as one breaker call from the request to
// its last token, so an endpoint that fails mid-answer trips it as surely as one that refuses.
// start() settles at the first token: with the text to stream, or with the reason the built-in
// engine must answer instead (timeout, error, breaker open, busy).
import CircuitBreaker from 'opossum';
import type { KitMetrics } from '@mercato/kit';
import type { AssistantMetrics, FallbackCode } from '../metrics';
import { Channel } from './channel';
import { LlmError, streamChat, type ChatMessage, type ChatOptions, type LlmSettings } from './openai';

export interface BreakerOptions {
  volumeThreshold: number;
  errorThresholdPercentage: number;
  resetTimeoutMs: number;
  rollingWindowMs: number;
  /** Completions in flight at once; more get the built-in engine at once. */
  capacity: number;
}

export interface LlmStream {
  model: string;
  first: string;
  /** The deltas after the first; throws LlmError when the endpoint fails mid-answer. */
  rest: AsyncIterable<string>;
}

/** Why the LLM did not answer: a person-readable reason for EngineInfo, and a metric label. */
export class LlmUnavailable extends Error {
  constructor(
    readonly reason: string,
    readonly code: FallbackCode,
    /** The endpoint's own words, for the log (not for callers). */
    readonly detail = reason,
  ) {
    super(reason);
    this.name = 'LlmUnavailable';
  }
}

const STATE = { closed: 0, halfOpen: 1, open: 2 } as const;

export class LlmProvider {
  private readonly breaker: CircuitBreaker<[() => Promise<void>], void>;

  constructor(
    readonly settings: LlmSettings,
    breaker: BreakerOptions,
    private readonly metrics: { kit: KitMetrics; assistant: AssistantMetrics },
  ) {
    this.breaker = new CircuitBreaker((run: () => Promise<void>) => run(), {
      // Our own timers bound the wait (first token, then between tokens) and abort the request.
      timeout: false,
      volumeThreshold: breaker.volumeThreshold,
      errorThresholdPercentage: breaker.errorThresholdPercentage,
      resetTimeout: breaker.resetTimeoutMs,
      rollingCountTimeout: breaker.rollingWindowMs,
      capacity: breaker.capacity,
      // A caller that went away says nothing about the endpoint's health.
      errorFilter: (err: unknown) => err instanceof LlmError && err.failure === 'cancelled',
      name: 'llm',
    });
    const state = metrics.kit.breakerState.labels({ target: 'llm' });
    const event = (name: string) => metrics.kit.breakerEvents.labels({ target: 'llm', event: name });
    state.set(STATE.closed);
    for (const name of ['success', 'failure', 'reject', 'open', 'half_open', 'close', 'bulkhead_reject', 'fallback']) event(name).inc(0);
    this.breaker.on('success', () => event('success').inc());
    this.breaker.on('failure', () => event('failure').inc());
    this.breaker.on('reject', () => event('reject').inc());
    this.breaker.on('semaphoreLocked', () => event('bulkhead_reject').inc());
    this.breaker.on('open', () => {
      state.set(STATE.open);
      event('open').inc();
    });
    this.breaker.on('halfOpen', () => {
      state.set(STATE.halfOpen);
      event('half_open').inc();
    });
    this.breaker.on('close', () => {
      state.set(STATE.closed);
      event('close').inc();
    });
  }

  get state(): 'closed' | 'open' | 'half_open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  start(messages: ChatMessage[], signal: AbortSignal, options: ChatOptions): Promise<LlmStream> {
    const { assistant: m, kit } = this.metrics;
    return new Promise<LlmStream>((resolve, reject) => {
      const rest = new Channel<string>();
      let started = false;
      const t0 = process.hrtime.bigint();
      this.breaker
        .fire(async () => {
          for await (const delta of streamChat(this.settings, messages, signal, options)) {
            if (started) {
              rest.push(delta);
              continue;
            }
            started = true;
            m.llmFirstToken.observe(Number(process.hrtime.bigint() - t0) / 1e9);
            resolve({ model: this.settings.model, first: delta, rest });
          }
          if (!started) throw new LlmError('protocol', 'the endpoint answered with no text');
        })
        .then(
          () => {
            m.llmRequests.inc({ result: 'success' });
            rest.close();
          },
          (err: unknown) => {
            const why = unavailable(err);
            m.llmRequests.inc({ result: why.code === 'breaker_open' || why.code === 'busy' ? 'rejected' : err instanceof LlmError && err.failure === 'cancelled' ? 'cancelled' : why.code === 'timeout' ? 'timeout' : 'error' });
            if (started) rest.fail(err);
            else {
              kit.breakerEvents.inc({ target: 'llm', event: 'fallback' });
              reject(why);
            }
          },
        );
    });
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}

function unavailable(err: unknown): LlmUnavailable {
  const code = (err as { code?: unknown })?.code;
  if (code === 'EOPENBREAKER') return new LlmUnavailable('breaker open', 'breaker_open');
  if (code === 'ESEMLOCKED') return new LlmUnavailable('busy: too many LLM requests in flight', 'busy');
  if (err instanceof LlmError) {
    switch (err.failure) {
      case 'timeout':
        return new LlmUnavailable(`timeout: ${err.message}`, 'timeout');
      case 'http':
        return new LlmUnavailable(err.httpStatus ? `error: HTTP ${err.httpStatus}` : 'error: the endpoint reported an error', 'error', err.message);
      case 'network':
        return new LlmUnavailable('error: endpoint unreachable', 'error', err.message);
      case 'protocol':
        return new LlmUnavailable('error: unreadable answer', 'error', err.message);
      case 'cancelled':
        return new LlmUnavailable('cancelled', 'error', err.message);
    }
  }
  return new LlmUnavailable('error: unexpected failure', 'error', (err as Error)?.message ?? String(err));
}
