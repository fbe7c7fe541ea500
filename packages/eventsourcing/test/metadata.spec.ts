import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { consumerSpan, eventMetadata } from '../src';

describe('event metadata and consumer spans', () => {
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

  it('carries traceparent of the active span, correlation, causation and user', () => {
    const tracer = trace.getTracer('test');
    const { meta, span } = tracer.startActiveSpan('AddItem', (span) => {
      const meta = eventMetadata({ commandId: 'cmd-1', userId: 'u1' });
      span.end();
      return { meta, span: span.spanContext() };
    });
    expect(meta).toEqual({
      traceparent: `00-${span.traceId}-${span.spanId}-01`,
      'correlation-id': 'cmd-1',
      'causation-id': 'cmd-1',
      'user-id': 'u1',
    });
  });

  it('inherits correlation and user from the causing event; no trace keys without a span', () => {
    const cause = { id: 'event-9', metadata: { 'correlation-id': 'corr-1', 'user-id': 'u2', 'causation-id': 'cmd-0' } };
    expect(eventMetadata({ causedBy: cause })).toEqual({ 'correlation-id': 'corr-1', 'causation-id': 'event-9', 'user-id': 'u2' });
    const fresh = eventMetadata();
    expect(fresh['correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh['causation-id']).toBeUndefined();
  });

  it('starts a CONSUMER span linked to the producer span, not parented by it', async () => {
    const tracer = trace.getTracer('test');
    const { metadata, producer } = tracer.startActiveSpan('place order', (span) => {
      span.end();
      return { metadata: eventMetadata({ commandId: 'cmd-7' }), producer: span.spanContext() };
    });
    const event = { id: 'e1', stream: 'order-7', type: 'mercato.orders.v1.OrderPlaced', metadata };
    const result = await consumerSpan(event, 'order-history process', async () => trace.getActiveSpan()?.spanContext().spanId);

    const consumer = exporter.getFinishedSpans().find((s) => s.name === 'order-history process')!;
    expect(result).toBe(consumer.spanContext().spanId);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.links).toHaveLength(1);
    expect(consumer.links[0]!.context).toMatchObject({ traceId: producer.traceId, spanId: producer.spanId });
    expect(consumer.parentSpanContext).toBeUndefined();
    expect(consumer.spanContext().traceId).not.toBe(producer.traceId);
    expect(consumer.attributes).toMatchObject({
      'messaging.system': 'mercato.eventstore',
      'messaging.operation.type': 'process',
      'messaging.destination.name': 'order-7',
      'messaging.message.id': 'e1',
      'messaging.message.conversation_id': 'cmd-7',
    });
  });

  it('marks the consumer span failed when the handler throws', async () => {
    await expect(consumerSpan({ id: 'e2', stream: 's-1', type: 't', metadata: {} }, 'fails', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    const span = exporter.getFinishedSpans().find((s) => s.name === 'fails')!;
    expect(span.status).toMatchObject({ code: 2, message: 'no' });
    expect(span.links).toHaveLength(0);
  });
});
