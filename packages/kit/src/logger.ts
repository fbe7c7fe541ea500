// JSON logs (pino) that carry the active span's trace_id and span_id, so a log line leads to its trace.
import pino from 'pino';
import { trace, isSpanContextValid } from '@opentelemetry/api';

export type Logger = pino.Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(service: string, level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Never let credentials reach a log line.
      redact: { paths: ['authorization', '*.authorization', 'password', '*.password', 'token', '*.token', 'card.number', '*.card.number', 'card.cvc', '*.card.cvc'], censor: '[redacted]' },
      mixin() {
        const span = trace.getActiveSpan();
        if (!span) return {};
        const ctx = span.spanContext();
        return isSpanContextValid(ctx) ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {};
      },
    },
    destination,
  );
}
