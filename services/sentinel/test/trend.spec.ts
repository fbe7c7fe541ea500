// The robust trend: exact on clean lines, unmoved by spikes, honest about its uncertainty.
import { median, normalCdf } from '../src/model/stats';
import fc from 'fast-check';
import { breachProbability, fitTrend, mayReach, project, timeToThreshold, type TimedValue } from '../src/model/trend';
import { emptyBaseline, learn, anomalyScore } from '../src/model/baseline';
import { createRng } from '../src/random';

const MIN = 60_000;
const line = (n: number, level: number, perMin: number, noise = 0, seed = 1): TimedValue[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({ t: i * MIN, v: level + perMin * i + noise * rng.normal() }));
};

describe('statistics', () => {
  it('takes medians of odd and even counts without sorting the input', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('computes the normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2815515)).toBeCloseTo(0.9, 5);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 5);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe('fitTrend', () => {
  it('recovers a clean line exactly, at the time asked', () => {
    const fit = fitTrend(line(20, 10, 0.5), 19 * MIN, 0.01)!;
    expect(fit.slope * MIN).toBeCloseTo(0.5, 9);
    expect(fit.level).toBeCloseTo(10 + 0.5 * 19, 9);
    expect(fit.scale).toBe(0.01);
    expect(timeToThreshold(fit, 29.5)! / MIN).toBeCloseTo(20, 6);
    expect(project(fit, 10 * MIN).value).toBeCloseTo(24.5, 6);
  });

  it('is not moved by a few spikes', () => {
    const points = line(20, 100, 1, 0.5);
    for (const i of [3, 9, 15]) points[i]!.v += 80;
    const fit = fitTrend(points, 19 * MIN, 0.1)!;
    expect(fit.slope * MIN).toBeGreaterThan(0.9);
    expect(fit.slope * MIN).toBeLessThan(1.1);
    expect(Math.abs(fit.level - 119)).toBeLessThan(1.5);
  });

  it('gives a breach probability that grows as the line nears the threshold', () => {
    const fit = fitTrend(line(20, 50, 1, 1), 19 * MIN, 0.1)!;
    const far = breachProbability(fit, 200, 30 * MIN);
    const near = breachProbability(fit, 90, 30 * MIN);
    const passed = breachProbability(fit, 70, 30 * MIN);
    expect(far).toBeLessThan(0.01);
    expect(near).toBeGreaterThan(far);
    expect(passed).toBeGreaterThan(0.99);
  });

  it('never forecasts a breach on a falling or flat line', () => {
    expect(timeToThreshold(fitTrend(line(20, 50, -1), 19 * MIN, 0.1)!, 100)).toBeUndefined();
    expect(timeToThreshold(fitTrend(line(20, 50, 0), 19 * MIN, 0.1)!, 100)).toBeUndefined();
    expect(timeToThreshold(fitTrend(line(20, 150, 0), 19 * MIN, 0.1)!, 100)).toBe(0);
  });

  it('skips a fit only when its line could not reach the threshold within the horizon', () => {
    let skipped = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 20 }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        (n, perMin, noise, threshold) => {
          const points = Array.from({ length: n }, (_, i) => ({ t: i * MIN, v: 0.5 + perMin * i + 0.2 * noise[i]! }));
          const at = (n - 1) * MIN;
          if (mayReach(points, at, threshold, 30 * MIN)) return;
          skipped++;
          expect(project(fitTrend(points, at, 0.01)!, 30 * MIN).value).toBeLessThan(threshold);
        },
      ),
      { numRuns: 2000 },
    );
    expect(skipped).toBeGreaterThan(100);
  });

  it('needs at least three points', () => {
    expect(fitTrend(line(2, 1, 1), MIN, 0.1)).toBeUndefined();
  });
});

describe('the baseline', () => {
  it('learns a level and spread, and clips spikes instead of following them', () => {
    let b = emptyBaseline();
    const rng = createRng(7);
    for (let i = 0; i < 600; i++) b = learn(b, 100 + 2 * rng.normal(), i * MIN, 3 * 3_600_000, 0.1);
    expect(b.mean).toBeCloseTo(100, 0);
    expect(Math.sqrt(b.variance)).toBeGreaterThan(1.2);
    expect(Math.sqrt(b.variance)).toBeLessThan(3);
    const before = b.mean;
    b = learn(b, 10_000, 600 * MIN, 3 * 3_600_000, 0.1);
    expect(b.mean - before).toBeLessThan(1);
    expect(anomalyScore(b, 120, 0.1)).toBeGreaterThan(5);
  });
});
