// Latency of built-in answers, measured with performance.now(): through the real handler over
// gRPC (catalog reads included, cache off), and the engine alone on in-memory reviews.
import { performance } from 'node:perf_hooks';
import type { SeedProduct } from '@mercato/catalog';
import { answerQuestion } from '../builtin/answer';
import { summarizeReviews } from '../builtin/summarize';
import type { ProductDoc } from '../builtin/types';
import { collect, type AssistantClient } from './harness';
import { percentile, pick, type Random } from './random';
import type { PlantedQuestion } from './questions';

export interface Latency {
  calls: number;
  p50Ms: number;
  p99Ms: number;
}

function summary(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { calls: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

async function timeCalls(calls: number, warmup: number, call: (i: number) => Promise<unknown>): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < calls + warmup; i++) {
    const t0 = performance.now();
    await call(i);
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return summary(samples);
}

export async function grpcLatency(client: AssistantClient, shopper: { metadata: import('@grpc/grpc-js').Metadata }, products: readonly SeedProduct[], questions: readonly PlantedQuestion[], random: Random, calls: number) {
  const withReviews = products.filter((p) => p.reviews.length);
  const summarize = await timeCalls(calls, 20, () => collect(client.stream('SummarizeReviews', { productId: pick(random, withReviews).id })));
  const answer = await timeCalls(calls, 20, () => {
    const q = pick(random, questions);
    return collect(client.stream('AnswerQuestion', { productId: q.productId, question: q.question }, shopper));
  });
  return { summarize, answer };
}

function doc(p: SeedProduct): ProductDoc {
  const avg = p.reviews.length ? p.reviews.reduce((n, r) => n + r.rating, 0) / p.reviews.length : 0;
  return { id: p.id, name: p.name, description: p.description, categoryId: p.category, tags: p.tags, price: { currencyCode: p.price.currencyCode, units: String(p.price.units), nanos: p.price.nanos }, weightGrams: p.weightGrams ?? 0, averageRating: avg, reviewCount: p.reviews.length };
}

export async function engineLatency(products: readonly SeedProduct[], questions: readonly PlantedQuestion[], random: Random, calls: number) {
  const byId = new Map(products.map((p) => [p.id, p]));
  const withReviews = products.filter((p) => p.reviews.length);
  const summarize = await timeCalls(calls, 50, async () => {
    const p = pick(random, withReviews);
    summarizeReviews(p, p.reviews);
  });
  const answer = await timeCalls(calls, 50, async () => {
    const q = pick(random, questions);
    const p = byId.get(q.productId)!;
    answerQuestion(q.question, doc(p), p.reviews);
  });
  return { summarize, answer };
}
