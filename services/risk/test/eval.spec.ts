// The acceptance figures of issue 6 for risk, from the same evaluation core `npm run eval:ai`
// runs (bench/ai/risk.ts): held-out generated orders, ROC AUC and the planted-reason share.
// Quality is deterministic (seeded). Latency is the bench's to measure (it is never asserted
// in tests); leaving it out here saves starting an embedded database.
import { evaluateQuality, TARGETS } from '../src/eval/evaluate';
import { FRAUD_PATTERNS } from '../src/eval/simulate';

describe('risk evaluation on held-out generated orders', () => {
  it('meets the acceptance targets', () => {
    const q = evaluateQuality();
    expect(q.fraudOrders).toBeGreaterThan(500);
    expect(q.orders - q.fraudOrders).toBeGreaterThan(10_000);
    expect(q.auc).toBeGreaterThanOrEqual(TARGETS.auc);
    expect(q.plantedChecked).toBeGreaterThan(400);
    expect(q.plantedShare).toBeGreaterThanOrEqual(TARGETS.plantedShare);
    // Every planted pattern is caught at least partly, while few legitimate orders are flagged.
    for (const p of FRAUD_PATTERNS) expect(q.patterns[p].flagged).toBeGreaterThan(0.3);
    expect(q.legitFlagRate).toBeLessThan(0.02);
  });
});
