// The text-format parser: what services send parses; anything else is skipped and reported.
import fc from 'fast-check';
import { KitMetrics } from '@mercato/kit';
import { parseExposition, parseSampleLine } from '../src/prom/text';

describe('parseExposition', () => {
  it('reads what a Mercato service exposes: histograms, counters, gauges, with their labels', async () => {
    const metrics = new KitMetrics('catalog');
    const labels = { grpc_type: 'unary', grpc_service: 'mercato.catalog.v1.CatalogService', grpc_method: 'GetProduct' } as const;
    metrics.serverHandling.observe(labels, 0.003);
    metrics.serverHandling.observe(labels, 0.2);
    metrics.serverHandled.inc({ ...labels, grpc_code: 'OK' }, 2);
    metrics.breakerEvents.inc({ target: 'payments', event: 'open' });
    const { samples, types, errors } = parseExposition(await metrics.registry.metrics());
    expect(errors).toEqual([]);
    expect(types.get('grpc_server_handling_seconds')).toBe('histogram');
    const bucket = (le: string) => samples.find((s) => s.name === 'grpc_server_handling_seconds_bucket' && s.labels.le === le && s.labels.grpc_method === 'GetProduct');
    expect(bucket('0.005')?.value).toBe(1);
    expect(bucket('0.25')?.value).toBe(2);
    expect(bucket('+Inf')).toMatchObject({ value: 2, labels: { service: 'catalog', grpc_type: 'unary' } });
    expect(samples.find((s) => s.name === 'mercato_breaker_events_total' && s.labels.event === 'open')?.value).toBe(1);
    expect(samples.find((s) => s.name === 'process_resident_memory_bytes')?.value).toBeGreaterThan(0);
  });

  it('unescapes label values and reads special values, exponents and timestamps', () => {
    const text = ['# HELP x A metric.', '# TYPE x gauge', 'x{path="C:\\\\dir\\"q\\"\\n",a="",} 1.5e-3 1700000000000', 'y NaN', 'z{k="v"} +Inf', 'w -Inf', 'v 12 1700000000.5', 'u Nan', 'q -inf'].join('\r\n');
    const { samples, errors } = parseExposition(text);
    expect(errors).toEqual([]);
    expect(samples[0]).toEqual({ name: 'x', labels: { path: 'C:\\dir"q"\n', a: '' }, value: 0.0015, timestamp: 1_700_000_000_000 });
    expect(samples[1]!.value).toBeNaN();
    expect(samples[2]!.value).toBe(Infinity);
    expect(samples[3]!.value).toBe(-Infinity);
    expect(samples[4]!.timestamp).toBe(1_700_000_000_500);
    // prom-client writes "Nan" for an empty summary; Go's ParseFloat (Prometheus) takes any case.
    expect(samples[5]!.value).toBeNaN();
    expect(samples[6]!.value).toBe(-Infinity);
  });

  it('skips malformed lines, saying which and why, and keeps the good ones', () => {
    const text = ['good 1', '9bad 1', 'x{a="unterminated} 1', 'x{a="1",a="2"} 1', 'x{a=1} 1', 'x', 'x abc', 'x 1 2 3', 'x{a="\\q"} 1', 'also_good{a="b"} 2'].join('\n');
    const { samples, errors } = parseExposition(text);
    expect(samples.map((s) => s.name)).toEqual(['good', 'also_good']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(errors[2]!.message).toMatch(/label a repeated/);
    expect(errors[6]!.message).toMatch(/unexpected text/);
  });

  it('bounds what it takes: line length, sample count, error count', () => {
    const many = Array.from({ length: 50 }, (_, i) => `m${i} ${i}`).join('\n');
    const limited = parseExposition(many, { maxSamples: 10 });
    expect(limited.samples).toHaveLength(10);
    expect(limited.errors[0]!.message).toMatch(/more than 10 samples/);
    expect(parseExposition(`x{a="${'y'.repeat(100)}"} 1`, { maxLineLength: 50 }).errors[0]!.message).toMatch(/longer than 50/);
    expect(parseExposition(Array.from({ length: 100 }, () => '!').join('\n')).errors).toHaveLength(20);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseExposition(text);
        for (const s of result.samples) expect(typeof s.value).toBe('number');
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (line) => void parseSampleLine(`m{a="${line}`)), { numRuns: 300 });
  });
});
