// The risk service's evaluation for `npm run eval:ai`: a thin wrapper over the service's own
// evaluation core (services/risk/src/eval), which the service's Jest suite runs too.
import { evaluateRisk, TARGETS } from '../../services/risk/src/eval/evaluate';
import type { AiEvaluation } from './types';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ms = (x: number): string => `${x.toFixed(2)} ms`;

export async function evaluate(): Promise<AiEvaluation> {
  const r = await evaluateRisk();
  const q = r.quality;
  const l = r.latency;
  const metrics: AiEvaluation['metrics'] = {
    modelVersion: r.model,
    heldOutOrders: q.orders,
    heldOutFraudOrders: q.fraudOrders,
    rocAuc: q.auc,
    plantedReasonShare: q.plantedShare,
    plantedReasonChecked: q.plantedChecked,
    fraudRecallAtReview: q.fraudRecall,
    legitFlagRate: q.legitFlagRate,
    flaggedPrecision: q.precision,
    declinePrecision: q.declinePrecision,
    assessCalls: l.calls,
    p50AssessMs: l.p50AssessMs,
    p99AssessMs: l.p99AssessMs,
    p50ModelMs: l.p50ModelMs,
    p99ModelMs: l.p99ModelMs,
    p50DecisionFlushMs: l.p50FlushMs,
    p99DecisionFlushMs: l.p99FlushMs,
  };
  for (const [pattern, p] of Object.entries(q.patterns)) metrics[`flagged_${pattern}`] = p.flagged;
  const table: AiEvaluation['table'] = [
    ['ROC AUC, held-out generated orders', `${q.auc.toFixed(3)} (${q.orders} orders, ${q.fraudOrders} fraud)`, `≥ ${TARGETS.auc.toFixed(2)}`],
    ['flagged fraud whose top 3 reasons name the planted feature', `${pct(q.plantedShare)} (${q.plantedNamed}/${q.plantedChecked})`, `≥ ${pct(TARGETS.plantedShare)}`],
    ['fraud flagged (review or decline) / legit flagged', `${pct(q.fraudRecall)} / ${pct(q.legitFlagRate)}`, ''],
    ['precision of flagged / of declined', `${pct(q.precision)} / ${pct(q.declinePrecision)}`, ''],
    [`Assess handler p50 / p99 (in-process, ${l.calls} calls)`, `${ms(l.p50AssessMs)} / ${ms(l.p99AssessMs)}`, `p99 < ${TARGETS.p99AssessMs} ms`],
    ['model alone p50 / p99 (features + score)', `${ms(l.p50ModelMs)} / ${ms(l.p99ModelMs)}`, ''],
    [`decision write-behind, batch of ${l.flushBatch} (PGlite) p50 / p99`, `${ms(l.p50FlushMs)} / ${ms(l.p99FlushMs)}`, ''],
  ];
  return { service: 'risk', passed: r.qualityPassed && r.latencyPassed, metrics, table };
}
