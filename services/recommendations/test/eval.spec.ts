// The evaluation behind `npm run eval:ai` (bench/ai/recommendations.ts), with its acceptance
// threshold: quality figures are deterministic for the seed; latency is measured, never asserted.
import { loadSeed } from '@mercato/catalog';
import { catalogFromSeed, evaluateRecommendations, TARGET_LIFT } from '../src/eval/evaluate';
import { DEFAULT_HISTORY, generateHistory, sessionEvents } from '../src/eval/history';

describe('the recommendations evaluation', () => {
  it('generates the same history from the same seed, over the seed catalog’s real ids', async () => {
    const { items } = catalogFromSeed((await loadSeed()).products);
    const a = generateHistory(items, { ...DEFAULT_HISTORY, users: 40, guestCarts: 10 });
    const b = generateHistory(items, { ...DEFAULT_HISTORY, users: 40, guestCarts: 10 });
    expect(a.sessions.map((s) => sessionEvents(a, s))).toEqual(b.sessions.map((s) => sessionEvents(b, s)));
    const ids = new Set(items.map((p) => p.id));
    expect(a.sessions.flatMap((s) => s.items).every((p) => ids.has(p))).toBe(true);
    const other = generateHistory(items, { ...DEFAULT_HISTORY, users: 40, guestCarts: 10, seed: 7 });
    expect(other.sessions.map((s) => s.items)).not.toEqual(a.sessions.map((s) => s.items));
  });

  it(`beats the popularity baseline at hit-rate@10 by at least ${TARGET_LIFT}× with each user's last purchase held out`, async () => {
    const result = await evaluateRecommendations((await loadSeed()).products, { latencyCalls: 400 });
    const m = result.metrics;
    expect(m.skippedEvents).toBe(0);
    expect(m.usersEvaluated).toBeGreaterThan(400);
    expect(m.hitRateAt10).toBeGreaterThan(m.baselineHitRateAt10 as number);
    expect(m.liftOverPopularity).toBeGreaterThanOrEqual(TARGET_LIFT);
    // The secondary figures beat popularity too (reported, without a target).
    expect(m.lastOrderHitRateAt10).toBeGreaterThan(m.lastOrderBaselineHitRateAt10 as number);
    expect(m.boughtTogetherHitRateAt10).toBeGreaterThan(m.boughtTogetherBaselineHitRateAt10 as number);
    expect(m.latencyCalls).toBe(400);
    expect(result.passed).toBe(true);
    expect(result.table.find(([figure]) => figure === 'lift over popularity')?.[2]).toBe(`≥ ${TARGET_LIFT}×`);
  });
});
