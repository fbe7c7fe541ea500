// OpenTelemetry preload: `node --require @mercato/kit/otel main.js`, so the SDK and the HTTP and
// pg instrumentations are in place before those modules load. gRPC spans are made by the kit's own
// server and client (tracing.ts). Configured only by the standard OTEL_* variables; no exporter
// unless one is configured.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

const env = process.env;
const exporterConfigured = Boolean(env.OTEL_TRACES_EXPORTER || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
if (!exporterConfigured) env.OTEL_TRACES_EXPORTER = 'none';
// Metrics go through prom-client on the metrics port; logs through pino.
env.OTEL_METRICS_EXPORTER ??= 'none';
env.OTEL_LOGS_EXPORTER ??= 'none';

let sdk: NodeSDK | undefined;
if (env.OTEL_SDK_DISABLED !== 'true') {
  sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/metrics' }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}

/** Flushes spans; the kit calls it during shutdown. */
export async function shutdownTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
}

(globalThis as { __mercatoOtelShutdown?: () => Promise<void> }).__mercatoOtelShutdown = shutdownTracing;
