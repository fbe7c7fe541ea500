// Service level objectives, one row per serving service, over a 30-day window. The alert rules,
// the error-budget panels and docs/observability.md are derived from this table; a test fails when
// a service of the topology has no row (loadgen, the synthetic load, is the one exception).
//
// SLIs: availability = unary calls NOT answered with a server-sick code (Unavailable,
// DeadlineExceeded, Internal, Unknown, DataLoss: the codes that trip breakers; a caller's mistake
// such as InvalidArgument or NotFound spends no budget); latency = unary calls answered within
// `latencySeconds` (a bucket bound of the service's histogram). The gateway is measured on HTTP:
// 5xx answers, and its request duration histogram.

export interface Slo {
  service: string;
  /** Which server metrics measure it. */
  sli: 'grpc' | 'http';
  /** Share of calls that must not fail with a server-sick code / 5xx. */
  availability: number;
  /** Share of calls that must be answered within latencySeconds. */
  latencyTarget: number;
  latencySeconds: number;
  /** Why these numbers (shown in docs/observability.md). */
  why: string;
}

export const SLO_WINDOW_DAYS = 30;

export const SLOS: readonly Slo[] = [
  { service: 'gateway', sli: 'http', availability: 0.995, latencyTarget: 0.99, latencySeconds: 2.5, why: 'the edge: a page or API call, checkout included (the saga answers within its deadline)' },
  { service: 'catalog', sli: 'grpc', availability: 0.999, latencyTarget: 0.99, latencySeconds: 0.1, why: 'reads from an indexed store, on every page' },
  { service: 'cart', sli: 'grpc', availability: 0.999, latencyTarget: 0.99, latencySeconds: 0.25, why: 'event-sourced writes plus a catalog lookup' },
  { service: 'inventory', sli: 'grpc', availability: 0.999, latencyTarget: 0.99, latencySeconds: 0.25, why: 'reservations append to several stock streams' },
  { service: 'payments', sli: 'grpc', availability: 0.995, latencyTarget: 0.99, latencySeconds: 2.5, why: 'the simulated provider is deliberately slow and flaky' },
  { service: 'shipping', sli: 'grpc', availability: 0.999, latencyTarget: 0.99, latencySeconds: 0.25, why: 'quotes are computed; shipments are one append' },
  { service: 'orders', sli: 'grpc', availability: 0.995, latencyTarget: 0.99, latencySeconds: 5, why: 'PlaceOrder drives the whole saga, payments included' },
  { service: 'order-history', sli: 'grpc', availability: 0.999, latencyTarget: 0.99, latencySeconds: 0.1, why: 'reads of a projected read model' },
  { service: 'eventstore', sli: 'grpc', availability: 0.9995, latencyTarget: 0.99, latencySeconds: 0.1, why: 'everything event-sourced depends on it' },
  { service: 'recommendations', sli: 'grpc', availability: 0.99, latencyTarget: 0.99, latencySeconds: 0.25, why: 'an optional panel: the gateway falls back without it' },
  { service: 'risk', sli: 'grpc', availability: 0.999, latencyTarget: 0.99, latencySeconds: 0.1, why: 'on the checkout path, in-memory model' },
  { service: 'assistant', sli: 'grpc', availability: 0.99, latencyTarget: 0.95, latencySeconds: 10, why: 'generative answers; the built-in engine covers LLM outages' },
  { service: 'sentinel', sli: 'grpc', availability: 0.99, latencyTarget: 0.99, latencySeconds: 0.5, why: 'an operator tool, off the shopping path' },
];

/** Services that have no SLO, and why. */
export const NO_SLO: Readonly<Record<string, string>> = {
  loadgen: 'synthetic load: its own health is not a user-facing objective',
};

/**
 * Multi-window, multi-burn-rate alerting over a 30-day SLO (Google SRE workbook, ch. 5): a fast
 * burn pages when both the long and the short window burn faster than the factor; the short
 * window makes the alert stop soon after the burn stops.
 */
export interface BurnWindow {
  long: string;
  short: string;
  factor: number;
}

export const FAST_BURN: readonly BurnWindow[] = [
  { long: '1h', short: '5m', factor: 14.4 }, // 2% of the 30-day budget in 1 hour
  { long: '6h', short: '30m', factor: 6 }, // 5% in 6 hours
];
export const SLOW_BURN: readonly BurnWindow[] = [
  { long: '3d', short: '6h', factor: 1 }, // 10% in 3 days: on track to spend it all
];

/** Every window a recording rule is kept for. */
export const WINDOWS = ['5m', '30m', '1h', '6h', '3d'] as const;

export function sloOf(service: string): Slo | undefined {
  return SLOS.find((s) => s.service === service);
}
