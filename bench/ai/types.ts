// What each AI service's evaluation reports (bench/ai/<service>.ts exports `evaluate()`).
export interface AiEvaluation {
  service: 'recommendations' | 'risk' | 'assistant' | 'sentinel';
  /** Every acceptance target of the service met. */
  passed: boolean;
  /** Measured figures, e.g. { hitRateAt10: 0.31, baselineHitRateAt10: 0.12, p99RecommendMs: 2.1 }. */
  metrics: Record<string, number | string | boolean>;
  /** Rows for the printed table: [figure, measured, target] (target "" when there is none). */
  table: Array<[string, string, string]>;
}
