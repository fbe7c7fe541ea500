// Event metadata (trace context, correlation, causation, user) on the producer side, and consumer
// spans linked to the producer's span on the consumer side.
import { randomUUID } from 'node:crypto';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  isSpanContextValid,
  propagation,
  trace,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';

export const TRACEPARENT = 'traceparent';
export const TRACESTATE = 'tracestate';
export const CORRELATION_ID = 'correlation-id';
export const CAUSATION_ID = 'causation-id';
export const USER_ID = 'user-id';

export interface MetadataInput {
  /** The command being handled: becomes the causation id (and the correlation id of a new chain). */
  commandId?: string;
  /** The event that caused this one (a saga or policy reacting): causation id, and inherited ids. */
  causedBy?: { id: string; metadata?: Record<string, string> };
  /** An explicit correlation id (e.g. from the incoming request); wins over inherited ones. */
  correlationId?: string;
  userId?: string;
  /** Any further lower-case keys. */
  extra?: Record<string, string>;
}

/** Metadata for events produced now, in the active (or given) OpenTelemetry context. */
export function eventMetadata(input: MetadataInput = {}, ctx: Context = context.active()): Record<string, string> {
  const inherited = input.causedBy?.metadata ?? {};
  const meta: Record<string, string> = { ...input.extra };
  // The global propagator (W3C trace context when the kit's OpenTelemetry SDK runs) writes the keys.
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  if (carrier[TRACEPARENT]) meta[TRACEPARENT] = carrier[TRACEPARENT];
  if (carrier[TRACESTATE]) meta[TRACESTATE] = carrier[TRACESTATE];
  meta[CORRELATION_ID] = input.correlationId ?? inherited[CORRELATION_ID] ?? input.commandId ?? input.causedBy?.id ?? randomUUID();
  const causation = input.commandId ?? input.causedBy?.id;
  if (causation) meta[CAUSATION_ID] = causation;
  const user = input.userId ?? inherited[USER_ID];
  if (user) meta[USER_ID] = user;
  return meta;
}

/** What consumerSpan reads from an event (a StoredEvent fits). */
export interface ConsumedEvent {
  id: string;
  stream: string;
  type: string;
  metadata: Record<string, string>;
}

const tracer = () => trace.getTracer('@mercato/eventsourcing');

/** The producer's span context from an event's traceparent, if it carries a valid one. */
export function producerLink(event: ConsumedEvent): Link | undefined {
  const carrier: Record<string, string> = {};
  if (event.metadata[TRACEPARENT]) carrier[TRACEPARENT] = event.metadata[TRACEPARENT];
  if (event.metadata[TRACESTATE]) carrier[TRACESTATE] = event.metadata[TRACESTATE];
  const span = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
  return span && isSpanContextValid(span) ? { context: span } : undefined;
}

/**
 * Runs fn in a CONSUMER span linked to (not parented by) the span that produced the event: the
 * consumer's work is its own trace, reached from the producer's through the link.
 */
export function consumerSpan<T>(event: ConsumedEvent, name: string, fn: (span: Span) => Promise<T> | T): Promise<T> {
  const link = producerLink(event);
  const attributes: Record<string, string> = {
    'messaging.system': 'mercato.eventstore',
    'messaging.operation.type': 'process',
    'messaging.destination.name': event.stream,
    'messaging.message.id': event.id,
    'mercato.event.type': event.type,
  };
  const correlation = event.metadata[CORRELATION_ID];
  if (correlation) attributes['messaging.message.conversation_id'] = correlation;
  return tracer().startActiveSpan(name, { kind: SpanKind.CONSUMER, links: link ? [link] : [], attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}
