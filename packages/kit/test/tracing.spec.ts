// The kit's own RPC spans: one trace across caller → relay → echo, with the current RPC
// semantic-convention attributes, parents in the right order, and errors only where they belong.
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { status } from '@grpc/grpc-js';
import { ECHO, echoClient, startEcho, startRelay } from './echo';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const parentOf = (s: ReadableSpan): string | undefined => s.parentSpanContext?.spanId;

describe('kit RPC tracing', () => {
  it('continues one trace from the caller through a relay to echo', async () => {
    const echo = await startEcho();
    const relay = await startRelay(echo.grpcPort);
    const client = echoClient(relay.grpcPort);
    const root = trace.getTracer('test').startSpan('checkout');
    await context.with(trace.setSpan(context.active(), root), () => client.call('Relay', { message: 'traced' }));
    root.end();
    const spans = exporter.getFinishedSpans();
    const relayPath = `${ECHO}/Relay`;
    const echoPath = `${ECHO}/Echo`;
    const find = (name: string, kind: SpanKind, service?: string) => spans.filter((s) => s.name === name && s.kind === kind && (!service || s.attributes['server.address'] === service));
    const [callerClient] = find(relayPath, SpanKind.CLIENT);
    const [relayServer] = find(relayPath, SpanKind.SERVER);
    const [relayClient] = find(echoPath, SpanKind.CLIENT);
    const [echoServer] = find(echoPath, SpanKind.SERVER);
    for (const s of [callerClient, relayServer, relayClient, echoServer]) expect(s?.spanContext().traceId).toBe(root.spanContext().traceId);
    expect(parentOf(callerClient!)).toBe(root.spanContext().spanId);
    expect(parentOf(relayServer!)).toBe(callerClient!.spanContext().spanId);
    expect(parentOf(relayClient!)).toBe(relayServer!.spanContext().spanId);
    expect(parentOf(echoServer!)).toBe(relayClient!.spanContext().spanId);
    expect(echoServer!.attributes).toMatchObject({ 'rpc.system.name': 'grpc', 'rpc.method': echoPath, 'rpc.response.status_code': 'OK' });
    client.close();
    await relay.shutdown();
    await echo.shutdown();
  });

  it('marks server spans as errors only for server-sick codes', async () => {
    const echo = await startEcho();
    const client = echoClient(echo.grpcPort);
    await expect(client.call('Echo', { failCode: status.NOT_FOUND })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(client.call('Echo', { failCode: status.INTERNAL })).rejects.toMatchObject({ code: status.INTERNAL });
    const servers = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
    const byCode = (code: string) => servers.find((s) => s.attributes['rpc.response.status_code'] === code)!;
    expect(byCode('NOT_FOUND').status.code).toBe(SpanStatusCode.UNSET);
    expect(byCode('INTERNAL').status.code).toBe(SpanStatusCode.ERROR);
    const clients = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients.every((s) => s.status.code === SpanStatusCode.ERROR)).toBe(true);
    client.close();
    await echo.shutdown();
  });

  it('keeps an unsampled caller unsampled downstream', async () => {
    const echo = await startEcho();
    const client = echoClient(echo.grpcPort);
    const unsampled = trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 0, isRemote: true });
    await context.with(trace.setSpan(context.active(), unsampled), () => client.call('Echo', { message: 'quiet' }));
    expect(exporter.getFinishedSpans()).toEqual([]);
    client.close();
    await echo.shutdown();
  });
});
