// The OpenTelemetry preload as services run it: child processes started with `--require` of the
// built preload (dist/otel.js) and only OTEL_* variables for configuration, exporting to an OTLP
// receiver in this test. Each child flushes through the kit's shutdown hook before it exits, so
// once it has exited, whatever it exported has been received.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PRELOAD = path.resolve(__dirname, '../dist/otel.js');
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

interface Received {
  url: string;
  contentType: string;
  body: Buffer;
}
interface Child {
  code: number | null;
  stdout: string;
  stderr: string;
  result: Record<string, unknown>;
}

const received: Received[] = [];
let receiver: http.Server;
let endpoint = '';

beforeAll(async () => {
  if (!existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: build first (npx tsc -b)`);
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', contentType: String(req.headers['content-type']), body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': String(req.headers['content-type']) }).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
});

/** Runs `script` in a child with the preload and `env` (no OTEL_* of ours); its `report(x)` is `result`. */
function run(script: string, env: Record<string, string>): Promise<Child> {
  const own = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
  const prelude = `const api = require('@opentelemetry/api');
    const report = (x) => process.stdout.write('RESULT ' + JSON.stringify(x) + '\\n');
    const loaded = (part) => Object.keys(require.cache).filter((k) => k.includes(part));\n`;
  const child = spawn(process.execPath, ['--require', PRELOAD, '-e', prelude + script], { cwd: __dirname, env: { ...own, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      resolve({ code, stdout, stderr, result: line ? (JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>) : {} });
    });
  });
}

/** One span, ended and flushed through the kit's shutdown hook. */
const ONE_SPAN = `const span = api.trace.getTracer('otel-spec').startSpan('probe');
  span.end();
  globalThis.__mercatoOtelShutdown().then(() => report({ traceId: span.spanContext().traceId, recording: span.isRecording(), exporters: loaded('exporter-trace-otlp') }));`;

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string };
}
interface OtlpJson {
  resourceSpans: Array<{ resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ spans: Array<{ name: string; traceId: string }> }> }>;
}
/** OTLP/JSON ids are hex, or base64 from some exporters. */
const hex = (id: string): string => (/^[0-9a-f]{32}$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex'));

describe('the OpenTelemetry preload', () => {
  it('exports OTLP/HTTP JSON to the configured endpoint, with the service name and resource attributes', async () => {
    const child = await run(ONE_SPAN, {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'otel-spec-json',
      OTEL_RESOURCE_ATTRIBUTES: 'service.namespace=mercato,deployment.environment.name=otel-spec,service.name=loses-to-otel-service-name',
    });
    expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr: '' });
    expect(received.map((r) => [r.url, r.contentType])).toEqual([['/v1/traces', expect.stringContaining('application/json')]]);
    const doc = JSON.parse(received[0]!.body.toString()) as OtlpJson;
    const attributes = Object.fromEntries(doc.resourceSpans[0]!.resource.attributes.map((a) => [a.key, a.value.stringValue]));
    expect(attributes).toMatchObject({ 'service.name': 'otel-spec-json', 'service.namespace': 'mercato', 'deployment.environment.name': 'otel-spec' });
    const spans = doc.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    expect(spans.map((s) => [s.name, hex(s.traceId)])).toEqual([['probe', child.result.traceId]]);
    expect(child.result.exporters).toEqual(expect.arrayContaining([expect.stringContaining('exporter-trace-otlp-http')]));
    expect((child.result.exporters as string[]).every((k) => k.includes('exporter-trace-otlp-http'))).toBe(true);
  });

  it('exports OTLP/HTTP protobuf when no protocol is set', async () => {
    const child = await run(ONE_SPAN, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'otel-spec-proto' });
    expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr: '' });
    expect(received.map((r) => [r.url, r.contentType])).toEqual([['/v1/traces', 'application/x-protobuf']]);
    expect(received[0]!.body.length).toBeGreaterThan(0);
    // Protobuf strings are plain UTF-8 in the message: the service name and the span's name are there.
    expect(received[0]!.body.includes('otel-spec-proto')).toBe(true);
    expect(received[0]!.body.includes('probe')).toBe(true);
    expect(child.result.exporters).toEqual(expect.arrayContaining([expect.stringContaining('exporter-trace-otlp-proto')]));
    expect((child.result.exporters as string[]).every((k) => k.includes('exporter-trace-otlp-proto'))).toBe(true);
  });

  it('exports to every exporter of a comma list', async () => {
    const child = await run(ONE_SPAN, { OTEL_TRACES_EXPORTER: 'console, otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' });
    expect(child.code).toBe(0);
    expect(received.map((r) => r.url)).toEqual(['/v1/traces']);
    expect(child.stdout).toContain(`traceId: '${child.result.traceId as string}'`);
  });

  it('with nothing configured loads no exporter, yet carries context across an await and a caller’s trace on', async () => {
    const child = await run(
      `const key = api.createContextKey('probe');
      api.context.with(api.context.active().setValue(key, 'kept'), async () => {
        await new Promise((resolve) => setImmediate(resolve));
        const afterAwait = api.context.active().getValue(key);
        const caller = api.propagation.extract(api.ROOT_CONTEXT, { traceparent: '00-${CALLER_TRACE}-${CALLER_SPAN}-01' });
        const span = api.trace.getTracer('otel-spec').startSpan('handler', {}, caller);
        const carrier = {};
        api.propagation.inject(api.trace.setSpan(caller, span), carrier);
        const root = api.trace.getTracer('otel-spec').startSpan('root');
        report({ afterAwait, traceId: span.spanContext().traceId, valid: api.isSpanContextValid(span.spanContext()), carrier, rootRecording: root.isRecording(),
          exporters: loaded('exporter-trace-otlp'), sdks: loaded('/@opentelemetry/sdk-') });
      });`,
      {},
    );
    expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr: '' });
    expect(child.result).toMatchObject({ exporters: [], afterAwait: 'kept', traceId: CALLER_TRACE, valid: true });
    expect((child.result.carrier as Record<string, string>).traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`));
    // No exporter, no SDK (as NodeSDK did): a span of our own is a no-op, and the trace SDK is not loaded.
    expect(child.result).toMatchObject({ rootRecording: false, sdks: [] });
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, /^@mercato\/kit\/otel: OTEL_TRACES_EXPORTER has unknown value "zipkin" \(accepted: otlp, console, none, comma-separated\)/],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/xml' }, /^@mercato\/kit\/otel: OTEL_EXPORTER_OTLP_PROTOCOL has unknown value "http\/xml" \(accepted: http\/protobuf, http\/json, grpc\)/],
  ])('on %j prints one line naming the variable and carries on without an exporter', async (env, line) => {
    const child = await run(ONE_SPAN, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, ...env });
    expect(child.code).toBe(0);
    expect(child.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(child.result).toMatchObject({ recording: false, exporters: [] });
    expect(received).toEqual([]);
  });

  it('does nothing with OTEL_SDK_DISABLED=true', async () => {
    const child = await run(
      `const key = api.createContextKey('probe');
      const span = api.trace.getTracer('otel-spec').startSpan('probe');
      span.end();
      report({ recording: span.isRecording(), traceId: span.spanContext().traceId, exporters: loaded('exporter-trace-otlp'),
        scoped: api.context.with(api.context.active().setValue(key, 'set'), () => api.context.active().getValue(key)) ?? null });`,
      { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_EXPORTER: 'otlp,console' },
    );
    expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr: '' });
    // No-op spans, no exporter, and not even a context manager.
    expect(child.result).toEqual({ recording: false, traceId: '0'.repeat(32), exporters: [], scoped: null });
    expect(received).toEqual([]);
  });

  it.each([
    [{}, ['traceparent', 'baggage'], ''],
    [{ OTEL_PROPAGATORS: 'tracecontext' }, ['traceparent'], ''],
    [{ OTEL_PROPAGATORS: 'tracecontext,b3' }, ['traceparent'], '@mercato/kit/otel: OTEL_PROPAGATORS has unknown value "b3" (accepted: tracecontext, baggage, none); ignored\n'],
    [{ OTEL_PROPAGATORS: 'none' }, [], ''],
  ])('propagates W3C trace context and baggage as %j says', async (env, headers, stderr) => {
    const child = await run(
      `const span = api.trace.getTracer('otel-spec').startSpan('probe');
      const ctx = api.propagation.setBaggage(api.trace.setSpan(api.context.active(), span), api.propagation.createBaggage({ cart: { value: 'c-1' } }));
      const carrier = {};
      api.propagation.inject(ctx, carrier);
      report({ carrier, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });`,
      { OTEL_TRACES_EXPORTER: 'console', ...env },
    );
    expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr });
    const carrier = child.result.carrier as Record<string, string>;
    expect(Object.keys(carrier).sort()).toEqual([...headers].sort());
    if (headers.includes('traceparent')) expect(carrier.traceparent).toBe(`00-${child.result.traceId as string}-${child.result.spanId as string}-01`);
    if (headers.includes('baggage')) expect(carrier.baggage).toBe('cart=c-1');
  });
});
