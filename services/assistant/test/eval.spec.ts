// The evaluation's acceptance thresholds. Quality figures are deterministic with the seed; the
// quick mode reads the seed catalog from memory (the bench runs the catalog service); latency is
// measured by the bench and never asserted.
import { evaluateAssistant, TARGETS } from '../src/eval/evaluate';
import { CATEGORIES } from '../../catalog/scripts/seed-vocab';

describe('assistant evaluation', () => {
  it('meets every acceptance target on the seed catalog', async () => {
    const report = await evaluateAssistant({ labels: { categories: CATEGORIES }, latencyCalls: 10, questions: 100, catalog: 'memory' });
    const m = report.metrics;
    if (!report.passed) console.log(report.table, report.failures);
    // Every summary statement and citation is a sentence of the product's reviews, on all 130 products.
    expect(m).toMatchObject({ summaryProducts: 130, summaryGroundedRate: 1, summaryCitationRate: 1, summaryStreamsConsistent: 130, qaCitationRate: 1 });
    expect(m.summaryStatements).toBeGreaterThan(300);
    expect(m.heldOutSummaryPolarityPrecision).toBeGreaterThanOrEqual(TARGETS.summaryPolarity);
    expect(m.heldOutSentencePolarityAccuracy).toBeGreaterThanOrEqual(TARGETS.sentencePolarity);
    expect(m.qaAnsweredRate).toBeGreaterThanOrEqual(TARGETS.answered);
    expect(m.qaAbstainedRate).toBeGreaterThanOrEqual(TARGETS.abstained);
    // The breaker and fallback path against the fake endpoint.
    expect(m).toMatchObject({ llmStreamed: true, llmPromptGrounded: true, breakerRequestsWhileOpen: 0 });
    expect(report.passed).toBe(true);
  });
});
