// How every answer is made and streamed, whatever the method: a fresh cached answer replays;
// else the LLM answers when configured and its breaker lets it; else — or when it fails before
// its first token — the built-in engine does, and the reason is in every message.
import { performance } from 'node:perf_hooks';
import { status } from '@grpc/grpc-js';
import { GrpcError, type CallContext, type Logger } from '@mercato/kit';
import type { EngineInfo } from '@mercato/protos/gen/mercato/assistant/v1/EngineInfo';
import type { LruCache } from './cache';
import type { AssistantMetrics, AssistantMethod, FallbackCode } from './metrics';
import type { ChatMessage, ChatOptions } from './llm/openai';
import { LlmUnavailable, type LlmProvider } from './llm/provider';

export const BUILTIN_MODELS = { extractive: 'builtin-extractive-1', template: 'builtin-template-1' } as const;
export const NO_ENDPOINT = 'no endpoint configured';

export interface CachedAnswer {
  engine: 'llm' | 'builtin';
  model: string;
  text: string;
  final: unknown;
  fallbackReason: string;
}

export interface RespondDeps {
  llm: LlmProvider | undefined;
  cache: LruCache<CachedAnswer>;
  metrics: AssistantMetrics;
  log: Logger;
}

export interface Built<F> {
  text: string;
  final: F;
}

export interface Prepared<F> {
  builtin(): Built<F>;
  llm?: { messages: ChatMessage[]; options: ChatOptions; finalize(text: string): F };
  /** Without an llm part: why the built-in engine answers even with an endpoint (e.g. nothing to summarise). */
  builtinReason?: string;
}

export interface Task<F> {
  method: AssistantMethod;
  /** method + product + question (or inputs); the engine is appended. */
  key: string;
  /** Version of the catalog data the answer is made from. */
  version: string;
  builtinModel: string;
  /** Reads what the answer needs (reviews, search): only on a cache miss. */
  prepare(): Promise<Prepared<F>>;
  /** False when the answer says it does not know (counted as no_answer). */
  grounded?(final: F): boolean;
}

/** One message of an answer stream: a text delta, or the final structured result. */
export interface Piece<F> {
  engine: EngineInfo;
  textDelta?: string;
  final?: F;
}

/** Text in pieces of about `size` characters, cut after spaces; joined they give the text back. */
export function chunks(text: string, size = 48): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf(' ', size);
    const at = cut > 0 ? cut + 1 : size;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

function engineInfo(answer: Pick<CachedAnswer, 'engine' | 'model' | 'fallbackReason'>, cached: boolean): EngineInfo {
  return { engine: answer.engine === 'llm' ? 'ENGINE_LLM' : 'ENGINE_BUILTIN', model: answer.model, fallbackReason: answer.engine === 'llm' ? '' : answer.fallbackReason, cached };
}

/** Streams a stored answer again, marked cached (with the current fallback reason, when there is one). */
export function* replay<F>(answer: CachedAnswer, fallbackReason = answer.fallbackReason): Generator<Piece<F>> {
  const engine = engineInfo({ ...answer, fallbackReason }, true);
  for (const piece of chunks(answer.text)) yield { engine, textDelta: piece };
  yield { engine, final: answer.final as F };
}

export async function* respond<F>(deps: RespondDeps, task: Task<F>, ctx: CallContext): AsyncGenerator<Piece<F>> {
  const { cache, metrics, llm } = deps;
  const t0 = performance.now();
  const done = (engine: 'llm' | 'builtin', outcome: 'ok' | 'cached' | 'fallback' | 'no_answer', final?: F): void => {
    const grounded = final === undefined || !task.grounded || task.grounded(final);
    metrics.answers.inc({ method: task.method, engine, outcome: outcome === 'ok' && !grounded ? 'no_answer' : outcome });
    metrics.answerSeconds.observe({ method: task.method, engine }, (performance.now() - t0) / 1000);
  };
  const lookup = (engine: 'llm' | 'builtin'): CachedAnswer | undefined => {
    const hit = cache.get(`${task.key}|${engine}`, task.version);
    metrics.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
    return hit;
  };

  let fallbackReason = NO_ENDPOINT;
  let fallbackCode: FallbackCode = 'no_endpoint';
  const cachedLlm = llm ? lookup('llm') : undefined;
  if (cachedLlm) {
    yield* replay<F>(cachedLlm);
    done('llm', 'cached');
    return;
  }
  if (!llm) {
    const cachedBuiltin = lookup('builtin');
    if (cachedBuiltin) {
      yield* replay<F>(cachedBuiltin, NO_ENDPOINT);
      done('builtin', 'cached');
      return;
    }
  }

  const prepared = await task.prepare();
  if (llm && prepared.llm) {
    try {
      const stream = await llm.start(prepared.llm.messages, ctx.signal, prepared.llm.options);
      const engine = engineInfo({ engine: 'llm', model: stream.model, fallbackReason: '' }, false);
      let text = stream.first;
      yield { engine, textDelta: stream.first };
      try {
        for await (const delta of stream.rest) {
          text += delta;
          yield { engine, textDelta: delta };
        }
      } catch (err) {
        if (ctx.signal.aborted) throw new GrpcError(status.CANCELLED, 'call cancelled');
        metrics.answers.inc({ method: task.method, engine: 'llm', outcome: 'error' });
        deps.log.warn({ err: (err as Error).message, method: task.method }, 'the LLM failed mid-answer');
        throw new GrpcError(status.UNAVAILABLE, 'the language model stopped mid-answer; try again');
      }
      const final = prepared.llm.finalize(text);
      cache.set(`${task.key}|llm`, task.version, { engine: 'llm', model: stream.model, text, final, fallbackReason: '' });
      metrics.cacheEntries.set(cache.size);
      yield { engine, final };
      done('llm', 'ok', final);
      return;
    } catch (err) {
      if (!(err instanceof LlmUnavailable)) throw err;
      if (ctx.signal.aborted) throw new GrpcError(status.CANCELLED, 'call cancelled');
      fallbackReason = err.reason;
      fallbackCode = err.code;
      deps.log.warn({ reason: err.detail, method: task.method }, 'the built-in engine answers instead of the LLM');
    }
    const cachedBuiltin = lookup('builtin');
    metrics.fallbacks.inc({ reason: fallbackCode });
    if (cachedBuiltin) {
      yield* replay<F>(cachedBuiltin, fallbackReason);
      done('builtin', 'cached');
      return;
    }
  } else if (llm) {
    // The endpoint is fine; this answer needs no model.
    fallbackReason = prepared.builtinReason ?? 'the built-in engine suffices';
  } else metrics.fallbacks.inc({ reason: fallbackCode });

  const built = prepared.builtin();
  const answer: CachedAnswer = { engine: 'builtin', model: task.builtinModel, text: built.text, final: built.final, fallbackReason };
  cache.set(`${task.key}|builtin`, task.version, answer);
  metrics.cacheEntries.set(cache.size);
  const engine = engineInfo(answer, false);
  for (const piece of chunks(built.text)) yield { engine, textDelta: piece };
  yield { engine, final: built.final };
  done('builtin', fallbackCode === 'no_endpoint' || !prepared.llm ? 'ok' : 'fallback', built.final);
}
