// OpenTelemetry preload: `node --require @mercato/kit/otel main.js`, so tracing and the HTTP and
// pg instrumentations are in place before those modules load. gRPC spans are made by the kit's own
// server and client (tracing.ts). Configured only by the standard OTEL_* variables, read as NodeSDK
// reads them for traces (otlp and console exporters, W3C propagators; anything else is named on
// stderr and skipped); no exporter unless one is configured. Built from the trace SDK's parts, not
// @opentelemetry/sdk-node: that one loads every exporter and the metrics and logs SDKs into every
// process (a quarter of a service's start-up CPU). Here the trace SDK is loaded only when there is
// an exporter, and an OTLP exporter only for the protocol chosen. Metrics go through prom-client on
// the metrics port; logs through pino.
import { context, diag, DiagConsoleLogger, propagation, type TextMapPropagator } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  diagLogLevelFromString,
  getBooleanFromEnv,
  getStringFromEnv,
  getStringListFromEnv,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import type { ResourceDetector } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

type Protocol = 'http/protobuf' | 'http/json' | 'grpc';
const PROTOCOLS: readonly string[] = ['http/protobuf', 'http/json', 'grpc'] satisfies Protocol[];

/** One line on stderr for a value we cannot honour; the service carries on without it. */
function unknownValues(variable: string, values: string[], accepted: string, outcome: string): void {
  process.stderr.write(`@mercato/kit/otel: ${variable} has unknown value ${values.map((v) => `"${v}"`).join(', ')} (accepted: ${accepted}); ${outcome}\n`);
}

/** OTEL_EXPORTER_OTLP_TRACES_PROTOCOL, else OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf; undefined if unknown. */
function otlpProtocol(): Protocol | undefined {
  const variable = getStringFromEnv('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = getStringFromEnv(variable)?.trim() ?? 'http/protobuf';
  if (PROTOCOLS.includes(protocol)) return protocol as Protocol;
  unknownValues(variable, [protocol], PROTOCOLS.join(', '), 'traces are not exported over OTLP');
  return undefined;
}

/** The exporters OTEL_TRACES_EXPORTER lists (otlp when only an OTLP endpoint is set), those we can make. */
function exportersFromEnv(): Array<'console' | Protocol> {
  const listed = getStringListFromEnv('OTEL_TRACES_EXPORTER') ?? [];
  const endpoint = getStringFromEnv('OTEL_EXPORTER_OTLP_ENDPOINT') ?? getStringFromEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const names = new Set(listed.length > 0 ? listed : endpoint !== undefined ? ['otlp'] : ['none']);
  if (names.has('none')) return [];
  const unknown = [...names].filter((n) => n !== 'otlp' && n !== 'console');
  if (unknown.length > 0) unknownValues('OTEL_TRACES_EXPORTER', unknown, 'otlp, console, none, comma-separated', 'no exporter for it');
  return [...names].flatMap((n) => (n === 'console' ? ['console' as const] : n === 'otlp' ? (otlpProtocol() ?? []) : []));
}

/** W3C trace context and baggage, as OTEL_PROPAGATORS lists them (both by default); null for none. */
function propagatorFromEnv(): TextMapPropagator | null {
  const known = new Map<string, () => TextMapPropagator>([
    ['tracecontext', () => new W3CTraceContextPropagator()],
    ['baggage', () => new W3CBaggagePropagator()],
  ]);
  const listed = getStringListFromEnv('OTEL_PROPAGATORS') ?? [];
  const names = [...new Set(listed.length > 0 ? listed : known.keys())];
  if (names.includes('none')) return null;
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) unknownValues('OTEL_PROPAGATORS', unknown, 'tracecontext, baggage, none', 'ignored');
  const propagators = names.flatMap((n) => known.get(n)?.() ?? []);
  return propagators.length === 0 ? null : new CompositePropagator({ propagators });
}

/** Env (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES), process and host by default, as NodeSDK; OTEL_NODE_RESOURCE_DETECTORS picks. */
function resourceDetectors(resources: typeof import('@opentelemetry/resources')): ResourceDetector[] {
  const known = new Map<string, ResourceDetector>([
    ['env', resources.envDetector],
    ['host', resources.hostDetector],
    ['os', resources.osDetector],
    ['process', resources.processDetector],
    ['serviceinstance', resources.serviceInstanceIdDetector],
  ]);
  const names = getStringListFromEnv('OTEL_NODE_RESOURCE_DETECTORS') ?? [];
  if (names.length === 0) return [resources.envDetector, resources.processDetector, resources.hostDetector];
  if (names.includes('all')) return [...known.values()];
  if (names.includes('none')) return [];
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) unknownValues('OTEL_NODE_RESOURCE_DETECTORS', unknown, 'env, host, os, process, serviceinstance, all, none', 'ignored');
  return names.flatMap((n) => known.get(n) ?? []);
}

/** The OTLP exporter for a protocol; each reads its endpoint, headers and timeout from env itself. */
function otlpExporter(protocol: Protocol): SpanExporter {
  switch (protocol) {
    case 'http/protobuf':
      return new (require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
    case 'http/json':
      return new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
    case 'grpc':
      return new (require('@opentelemetry/exporter-trace-otlp-grpc') as typeof import('@opentelemetry/exporter-trace-otlp-grpc')).OTLPTraceExporter();
  }
}

/** The tracer provider, registered with its exporters. The sampler (OTEL_TRACES_SAMPLER[_ARG]), span
 * limits and OTEL_BSP_* are read from env by the SDK itself. */
function startTracerProvider(exporters: Array<'console' | Protocol>, propagator: TextMapPropagator | null): NodeTracerProvider {
  const { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const resources = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const spanProcessors = exporters.map((e): SpanProcessor => (e === 'console' ? new SimpleSpanProcessor(new ConsoleSpanExporter()) : new BatchSpanProcessor(otlpExporter(e))));
  const provider = new NodeTracerProvider({ resource: resources.defaultResource().merge(resources.detectResources({ detectors: resourceDetectors(resources) })), spanProcessors });
  provider.register({ propagator }); // also the AsyncLocalStorage context manager
  return provider;
}

const logLevel = getStringFromEnv('OTEL_LOG_LEVEL');
if (logLevel !== undefined) diag.setLogger(new DiagConsoleLogger(), { logLevel: diagLogLevelFromString(logLevel) });

let provider: NodeTracerProvider | undefined;
if (!getBooleanFromEnv('OTEL_SDK_DISABLED')) {
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/metrics' }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  const propagator = propagatorFromEnv();
  const exporters = exportersFromEnv();
  if (exporters.length > 0) provider = startTracerProvider(exporters, propagator);
  else {
    // No exporter, no provider (as NodeSDK): spans stay no-ops, but a caller's trace context still
    // flows through to downstream calls, events and log lines.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    if (propagator) propagation.setGlobalPropagator(propagator);
  }
}

/** Flushes spans; the kit calls it during shutdown. */
export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown().catch(() => undefined);
}

(globalThis as { __mercatoOtelShutdown?: () => Promise<void> }).__mercatoOtelShutdown = shutdownTracing;
