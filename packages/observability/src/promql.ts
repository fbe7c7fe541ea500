// PromQL building blocks shared by the alert rules and the dashboards, so both measure the same.
import type { Slo } from './slo';

/** Server-sick gRPC codes in go-grpc-prometheus spelling: what spends the availability budget. */
export const SICK_CODES = 'Unavailable|DeadlineExceeded|Internal|Unknown|DataLoss';

/**
 * A matcher for one histogram bucket bound. Prometheus 3 normalizes `le` values of classic
 * histograms ("1" becomes "1.0"), Prometheus 2 keeps prom-client's text: match both spellings.
 */
export function leMatcher(bound: number): string {
  const text = String(bound);
  return Number.isInteger(bound) ? `le=~"${text}(\\\\.0)?"` : `le="${text}"`;
}

/** Series selectors of a service's SLI: all calls, failed calls, and calls within the latency bound. */
export function sliSelectors(slo: Slo): { total: string; errors: string; fast: string; count: string } {
  const job = `job="${slo.service}"`;
  if (slo.sli === 'http') {
    const base = `${job}, route!="/healthz"`;
    return {
      total: `http_server_request_duration_seconds_count{${base}}`,
      errors: `http_server_request_duration_seconds_count{${base}, status=~"5.."}`,
      fast: `http_server_request_duration_seconds_bucket{${base}, ${leMatcher(slo.latencySeconds)}}`,
      count: `http_server_request_duration_seconds_count{${base}}`,
    };
  }
  // Unary calls only: a stream's duration is its lifetime, and streams end with UNAVAILABLE on a drain.
  const base = `${job}, grpc_type="unary"`;
  return {
    total: `grpc_server_handled_total{${base}}`,
    errors: `grpc_server_handled_total{${base}, grpc_code=~"${SICK_CODES}"}`,
    fast: `grpc_server_handling_seconds_bucket{${base}, ${leMatcher(slo.latencySeconds)}}`,
    count: `grpc_server_handling_seconds_count{${base}}`,
  };
}

const BY = 'sum by (namespace, job)';

/** Share of failed calls over a window; 0 (not empty) while calls come and none fails. */
export function availabilityErrorRatio(slo: Slo, window: string): string {
  const s = sliSelectors(slo);
  return `(${BY} (rate(${s.errors}[${window}])) or 0 * ${BY} (rate(${s.total}[${window}]))) / ${BY} (rate(${s.total}[${window}]))`;
}

/** Share of calls slower than the SLO's bound over a window. */
export function latencyErrorRatio(slo: Slo, window: string): string {
  const s = sliSelectors(slo);
  return `1 - ${BY} (rate(${s.fast}[${window}])) / ${BY} (rate(${s.count}[${window}]))`;
}
