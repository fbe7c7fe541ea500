// From raw samples to signals: windowed counters (reset-safe, summed over replicas), quantiles as
// histogram_quantile computes them, gauges from the worst replica.
import fc from 'fast-check';
import type { Sample } from '../src/prom/text';
import type { Limits, SignalSpec } from '../src/signals/definitions';
import { histogramQuantile, shareAbove, SignalExtractor, type SignalValue } from '../src/signals/extract';

const limits: Limits = { latencySloSeconds: (_s, m) => (m === 'Slow' ? 1 : 0.4), memoryLimitBytes: () => 384 * 2 ** 20 };
const LE = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '+Inf'];

/** Cumulative histogram samples for `counts` observations per bucket (not cumulative). */
function histogram(method: string, perBucket: number[], extra: Record<string, string> = {}, type = 'unary'): Sample[] {
  let sum = 0;
  return LE.map((le, i) => {
    sum += perBucket[i] ?? 0;
    return { name: 'grpc_server_handling_seconds_bucket', labels: { le, grpc_type: type, grpc_service: 'x.v1.X', grpc_method: method, ...extra }, value: sum };
  });
}

const handled = (code: string, value: number, extra: Record<string, string> = {}): Sample => ({ name: 'grpc_server_handled_total', labels: { grpc_type: 'unary', grpc_service: 'x.v1.X', grpc_method: 'Get', grpc_code: code, ...extra }, value });
const gauge = (name: string, value: number, labels: Record<string, string> = {}): Sample => ({ name, labels, value });
const find = (values: SignalValue[], name: string) => values.find((v) => v.spec.name === name)?.value;
const scale = (xs: number[], k: number) => xs.map((x) => x * k);

describe('histogram helpers', () => {
  it('interpolates the quantile inside its bucket, as histogram_quantile does', () => {
    const buckets = [{ le: 0.1, count: 50 }, { le: 0.2, count: 90 }, { le: 0.4, count: 100 }, { le: Infinity, count: 100 }];
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1, 9);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.15, 9);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.3, 9);
    expect(histogramQuantile(0.99, [{ le: 1, count: 0 }, { le: Infinity, count: 10 }])).toBe(1);
    expect(histogramQuantile(0.99, [{ le: Infinity, count: 0 }])).toBeUndefined();
  });

  it('says the share above a line is over 1 − q exactly when the q-quantile is over the line', () => {
    const bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }), fc.double({ min: 0.006, max: 2.4, noNaN: true }), (counts, line) => {
        let sum = 0;
        const buckets = [...bounds, Infinity].map((le, i) => ({ le, count: (sum += counts[i]!) }));
        fc.pre(sum > 0);
        const p99 = histogramQuantile(0.99, buckets)!;
        const share = shareAbove(line, buckets)!;
        if (Math.abs(p99 - line) > 1e-9) expect(share >= 0.01 - 1e-12).toBe(p99 >= line);
      }),
      { numRuns: 400 },
    );
  });
});

describe('SignalExtractor', () => {
  it('turns counter increases over the window into a p99, a slow share and an error ratio', () => {
    const x = new SignalExtractor(limits);
    const base = [100, 300, 300, 200, 80, 15, 4, 1, 0];
    expect(x.extract({ service: 'a', time: 0, samples: [...histogram('Get', base), handled('OK', 1000), handled('Unavailable', 0)] })).toEqual(expect.not.arrayContaining([expect.objectContaining({ spec: expect.objectContaining({ name: expect.stringContaining('p99') }) })]));
    const values = x.extract({ service: 'a', time: 15_000, samples: [...histogram('Get', scale(base, 2)), handled('OK', 1970), handled('Unavailable', 30)] });
    const delta = [{ le: 0.005, count: 100 }, { le: 0.01, count: 400 }, { le: 0.025, count: 700 }, { le: 0.05, count: 900 }, { le: 0.1, count: 980 }, { le: 0.25, count: 995 }, { le: 0.5, count: 999 }, { le: 1, count: 1000 }, { le: Infinity, count: 1000 }];
    expect(find(values, 'grpc_server_handling_seconds:p99{grpc_method="Get"}')).toBeCloseTo(histogramQuantile(0.99, delta)!, 9);
    expect(find(values, 'grpc_server_handling_seconds:slow_ratio{grpc_method="Get"}')).toBeCloseTo(shareAbove(0.4, delta)!, 9);
    expect(find(values, 'grpc_server_handled_total:error_ratio')).toBeCloseTo(30 / 1000, 9);
  });

  it('treats a drop of a counter as a restart, and a second reading of a series as a duplicate', () => {
    const x = new SignalExtractor(limits);
    x.extract({ service: 'a', time: 0, samples: [handled('OK', 5000), handled('Internal', 100)] });
    const values = x.extract({ service: 'a', time: 15_000, samples: [handled('OK', 190), handled('Internal', 10), handled('Internal', 10)] });
    expect(find(values, 'grpc_server_handled_total:error_ratio')).toBeCloseTo(10 / 200, 9);
  });

  it('counts a series born since the last read from zero, but not the ones found on the first read', () => {
    const x = new SignalExtractor(limits);
    x.extract({ service: 'a', time: 0, samples: [handled('OK', 10_000)] });
    const values = x.extract({ service: 'a', time: 15_000, samples: [handled('OK', 10_150), handled('Internal', 50)] });
    expect(find(values, 'grpc_server_handled_total:error_ratio')).toBeCloseTo(50 / 200, 9);
  });

  it('sums replicas and takes the worst replica of a gauge', () => {
    const x = new SignalExtractor(limits);
    const round = (t: number, k: number) =>
      x.extract({
        service: 'a',
        time: t,
        samples: [
          handled('OK', 100 * k, { pod: 'p1' }),
          handled('OK', 60 * k, { pod: 'p2' }),
          handled('Unavailable', 10 * k, { pod: 'p2' }),
          gauge('process_resident_memory_bytes', 1e8, { pod: 'p1' }),
          gauge('process_resident_memory_bytes', 3e8, { pod: 'p2' }),
          gauge('mercato_bulkhead_in_flight', 20, { target: 'b', pod: 'p1' }),
          gauge('mercato_bulkhead_capacity', 200, { target: 'b', pod: 'p1' }),
          gauge('mercato_bulkhead_in_flight', 150, { target: 'b', pod: 'p2' }),
          gauge('mercato_bulkhead_capacity', 200, { target: 'b', pod: 'p2' }),
        ],
      });
    round(0, 1);
    const values = round(15_000, 2);
    expect(find(values, 'grpc_server_handled_total:error_ratio')).toBeCloseTo(10 / 170, 9);
    expect(find(values, 'process_resident_memory_bytes')).toBe(3e8);
    expect(find(values, 'mercato_bulkhead_in_flight:saturation{target="b"}')).toBeCloseTo(0.75, 9);
  });

  it('gives no latency or ratio for too few calls, widening the window before giving up', () => {
    const x = new SignalExtractor(limits, { rateWindowMs: 120_000, longWindowMs: 600_000, minCalls: 100 });
    let ok = 0;
    let last: SignalValue[] = [];
    for (let t = 0; t <= 540_000; t += 60_000) {
      last = x.extract({ service: 'a', time: t, samples: [handled('OK', (ok += 20))] });
      // 2 minutes hold 40 calls: too few; from 5 readings on, the 10-minute window holds 100.
      if (t < 300_000) expect(find(last, 'grpc_server_handled_total:error_ratio')).toBeUndefined();
    }
    expect(find(last, 'grpc_server_handled_total:error_ratio')).toBe(0);
  });

  it('ignores streaming methods, whose duration is their callers\' patience', () => {
    const x = new SignalExtractor(limits);
    x.extract({ service: 'a', time: 0, samples: histogram('Subscribe', [0], {}, 'server_stream') });
    const values = x.extract({ service: 'a', time: 15_000, samples: histogram('Subscribe', [0, 0, 0, 0, 0, 0, 0, 0, 500], {}, 'server_stream') });
    expect(values.some((v) => v.spec.name.includes('Subscribe'))).toBe(false);
  });

  it('reads breakers: the share of failed calls and the opens of the last ten minutes', () => {
    const x = new SignalExtractor(limits);
    const events = (t: number, success: number, failure: number, open: number) =>
      x.extract({ service: 'orders', time: t, samples: (['success', 'failure', 'open'] as const).map((event, i) => ({ name: 'mercato_breaker_events_total', labels: { target: 'payments', event }, value: [success, failure, open][i]! })) });
    events(0, 0, 0, 0);
    events(60_000, 150, 50, 1);
    const values = events(120_000, 300, 100, 2);
    expect(find(values, 'mercato_breaker_events_total:failure_ratio{target="payments"}')).toBeCloseTo(0.25, 9);
    expect(find(values, 'mercato_breaker_events_total:opens_10m{target="payments"}')).toBe(2);
    const later = events(720_000, 300, 100, 2);
    expect(find(later, 'mercato_breaker_events_total:opens_10m{target="payments"}')).toBe(0);
  });

  it('names the lines from the limits', () => {
    const x = new SignalExtractor(limits);
    const values = x.extract({ service: 'a', time: 0, samples: [gauge('process_resident_memory_bytes', 1), gauge('nodejs_heap_size_used_bytes', 1), gauge('nodejs_eventloop_lag_p99_seconds', 0.01)] });
    const spec = (name: string): SignalSpec => values.find((v) => v.spec.name === name)!.spec;
    expect(spec('process_resident_memory_bytes').threshold).toBeCloseTo(0.9 * 384 * 2 ** 20, 0);
    expect(spec('nodejs_heap_size_used_bytes').threshold).toBeCloseTo(0.75 * 384 * 2 ** 20, 0);
    expect(spec('nodejs_eventloop_lag_p99_seconds')).toMatchObject({ threshold: 0.2, kind: 'EVENT_LOOP_LAG', unit: 'seconds' });
  });
});
