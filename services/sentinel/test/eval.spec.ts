// The acceptance figures of issue 6 for sentinel, on the same evaluation `npm run eval:ai` runs:
// simulated days (seeded, so the figures are the same every run) through the service's engine.
import { DEFAULT_EVAL, runEvaluation, TARGETS } from '../src/eval/evaluate';
import { DEGRADATION_TYPES } from '../src/eval/simulate';

describe('sentinel evaluation', () => {
  it('predicts ≥ 90% of breaches, ≥ 5 minutes ahead at the median, with ≤ 1 false alarm a day', () => {
    const result = runEvaluation(DEFAULT_EVAL);
    const m = result.metrics;
    expect(m.episodes).toBeGreaterThanOrEqual(DEFAULT_EVAL.degradedDays * DEFAULT_EVAL.episodesPerDay - 2);
    for (const type of DEGRADATION_TYPES) expect(result.details.scores.some((s) => s.episode.type === type)).toBe(true);
    expect(m.predictedShare).toBeGreaterThanOrEqual(TARGETS.predictedShare);
    expect(m.medianLeadMinutes).toBeGreaterThanOrEqual(TARGETS.medianLeadMinutes);
    expect(m.falseAlarmsPerDay).toBeLessThanOrEqual(TARGETS.falseAlarmsPerDay);
    expect(m.falseAlarmsPerNormalDay).toBeLessThanOrEqual(TARGETS.falseAlarmsPerDay);
    expect(result.passed).toBe(true);
    // Every prediction counted as a hit came before its breach.
    for (const s of result.details.scores) if (s.predicted) expect(s.leadMs!).toBeGreaterThan(0);
  }, 180_000);
});
