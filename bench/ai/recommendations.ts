// Recommendations: hit-rate@10 on a generated shopping history with planted structure (held-out
// last purchase) against a popularity baseline, and in-process Recommend latency. The evaluation
// lives in services/recommendations/src/eval; this is its entry for `npm run eval:ai`.
import { loadSeed } from '@mercato/catalog';
import { evaluateRecommendations } from '@mercato/recommendations';
import type { AiEvaluation } from './types';

export async function evaluate(): Promise<AiEvaluation> {
  const seed = await loadSeed();
  return evaluateRecommendations(seed.products);
}
