// RPC spans made by the kit itself, in its server and client wrappers, with the current RPC
// semantic conventions. Cheaper than wrapping grpc-js from outside: no patched emitters, one
// span per call, and the trace context rides on our CallContext to downstream calls.
// Without the OpenTelemetry SDK (no preload) every call here is a no-op of the API.
import * as grpc from '@grpc/grpc-js';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { SERVER_SICK_CODES } from './codes';

const tracer = trace.getTracer('@mercato/kit');

const getter: TextMapGetter<grpc.Metadata> = {
  keys: (md) => Object.keys(md.getMap()),
  get: (md, key) => {
    const values = md.get(key);
    return values.length === 0 ? undefined : values.length === 1 ? String(values[0]) : values.map(String);
  },
};

const setter: TextMapSetter<grpc.Metadata> = {
  set: (md, key, value) => md.set(key, value),
};

const STATUS_NAMES = Object.fromEntries(Object.entries(grpc.status).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k])) as Record<number, string>;

export interface RpcSpan {
  span: Span;
  /** The context to run the handler in and to parent downstream calls on. */
  context: Context;
}

/** A SERVER span continuing the caller's trace from the call's metadata. */
export function startServerSpan(service: string, method: string, metadata: grpc.Metadata): RpcSpan {
  const parent = propagation.extract(ROOT_CONTEXT, metadata, getter);
  const span = tracer.startSpan(
    `${service}/${method}`,
    { kind: SpanKind.SERVER, attributes: { 'rpc.system.name': 'grpc', 'rpc.method': `${service}/${method}` } },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/** A CLIENT span under `parent` (the incoming call's context, else the active one), injected into `metadata`. */
export function startClientSpan(service: string, method: string, target: string, metadata: grpc.Metadata, parent: Context | undefined): RpcSpan {
  const base = parent ?? context.active();
  const span = tracer.startSpan(
    `${service}/${method}`,
    { kind: SpanKind.CLIENT, attributes: { 'rpc.system.name': 'grpc', 'rpc.method': `${service}/${method}`, 'server.address': target } },
    base,
  );
  const ctx = trace.setSpan(base, span);
  propagation.inject(ctx, metadata, setter);
  return { span, context: ctx };
}

/** Ends a span with its gRPC status; only server-sick codes mark a server span as an error. */
export function endRpcSpan(rpc: RpcSpan, code: grpc.status, message: string | undefined, kind: 'server' | 'client'): void {
  const { span } = rpc;
  if (span.isRecording()) {
    span.setAttribute('rpc.response.status_code', STATUS_NAMES[code] ?? String(code));
    if (code !== grpc.status.OK && (kind === 'client' || SERVER_SICK_CODES.has(code))) {
      span.setStatus(message === undefined ? { code: SpanStatusCode.ERROR } : { code: SpanStatusCode.ERROR, message });
    }
  }
  span.end();
}

export { context as otelContext };
