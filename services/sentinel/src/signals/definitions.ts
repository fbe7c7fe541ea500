// What sentinel watches in every service and where each signal's line is: the thresholds come
// from the topology (callers' deadlines, memory limits) or from fixed SLOs written down here.
import type { Topology } from '@mercato/topology';

export type PredictionKindName = 'LATENCY_CREEP' | 'ERROR_RAMP' | 'SATURATION' | 'MEMORY_LEAK' | 'EVENT_LOOP_LAG' | 'BREAKER_FLAPPING';

export interface SignalSpec {
  service: string;
  /** e.g. `grpc_server_handling_seconds:p99{grpc_method="Authorize"}`. */
  name: string;
  kind: PredictionKindName;
  unit: 'seconds' | 'ratio' | 'bytes' | 'count';
  /** The level that counts as a breach; undefined when none applies. */
  threshold: number | undefined;
  /** Whether sentinel predicts breaches of it (else it is shown, with its line, and watched only). */
  alarms: boolean;
  /** The smallest spread the signal honestly has: its noise floor. */
  minScale: number;
  /** For people: "p99 latency of Authorize". */
  label: string;
}

/** The fixed service-level objectives; latency and memory lines come from the topology. */
export const SLO = {
  /** The latency objective is on this quantile. */
  latencyQuantile: 0.99,
  /** p99 latency of a method nobody declares a deadline for. */
  defaultLatencySeconds: 0.5,
  /** A method's p99 may use this share of its tightest caller's deadline. */
  latencyShareOfDeadline: 0.5,
  /** Server-side failures (the codes that trip breakers) per call, as the alert rules count them. */
  errorRatio: 0.05,
  eventLoopLagSeconds: 0.2,
  /** Resident memory, as a share of the container's limit (OOM kill above it). */
  rssShareOfLimit: 0.9,
  /** The V8 heap, as a share of the container's limit. */
  heapShareOfLimit: 0.75,
  /**
   * Failed calls to a target: breakers trip at 50% over 10 s, so at a quarter of calls failing
   * short windows start to cross it and the breaker opens and closes.
   */
  breakerFailureRatio: 0.25,
  /** Breaker opens in 10 minutes that count as flapping. */
  breakerOpensPer10m: 3,
  /** Calls in flight as a share of the bulkhead's capacity. */
  bulkheadSaturation: 0.8,
} as const;

/** The codes that mean the server is sick (the grpc_code label's CamelCase names). */
export const SICK_CODES: ReadonlySet<string> = new Set(['Unavailable', 'DeadlineExceeded', 'Internal', 'Unknown', 'DataLoss']);

export interface Limits {
  latencySloSeconds(service: string, method: string): number;
  memoryLimitBytes(service: string): number | undefined;
}

/** "384Mi" → 402653184; undefined for anything that is not a Kubernetes memory quantity. */
export function parseMemoryQuantity(quantity: string | undefined): number | undefined {
  if (!quantity) return undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity.trim());
  if (!m) return undefined;
  const factor: Record<string, number> = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Math.round(Number(m[1]) * factor[m[2] ?? '']!);
}

export function limitsFromTopology(topology: Topology): Limits {
  const deadlines = new Map<string, number>();
  for (const caller of topology.services) {
    for (const call of caller.calls) {
      for (const method of call.methods) {
        if (method.deadlineMs <= 0 || method.serverStreaming) continue;
        const key = `${call.service}/${method.name}`;
        deadlines.set(key, Math.min(deadlines.get(key) ?? Infinity, method.deadlineMs));
      }
    }
  }
  const memory = new Map(topology.services.map((s) => [s.name, parseMemoryQuantity(s.resources.limits.memory)]));
  return {
    latencySloSeconds: (service, method) => {
      const deadline = deadlines.get(`${service}/${method}`);
      return deadline === undefined ? SLO.defaultLatencySeconds : (deadline / 1000) * SLO.latencyShareOfDeadline;
    },
    memoryLimitBytes: (service) => memory.get(service),
  };
}

const quote = (value: string): string => JSON.stringify(value);

export const signalSpecs = {
  latency(service: string, method: string, limits: Limits): SignalSpec {
    const threshold = limits.latencySloSeconds(service, method);
    return { service, name: `grpc_server_handling_seconds:p99{grpc_method=${quote(method)}}`, kind: 'LATENCY_CREEP', unit: 'seconds', threshold, alarms: true, minScale: Math.max(0.002, threshold * 0.01), label: `p99 latency of ${method}` };
  },
  /** The share of calls slower than the line: p99 over the line ⟺ this over 1%, but it moves smoothly where the p99 sticks to a bucket bound. */
  slowRatio(service: string, method: string, limits: Limits): SignalSpec {
    const line = limits.latencySloSeconds(service, method);
    return { service, name: `grpc_server_handling_seconds:slow_ratio{grpc_method=${quote(method)}}`, kind: 'LATENCY_CREEP', unit: 'ratio', threshold: 1 - SLO.latencyQuantile, alarms: true, minScale: 0.001, label: `share of ${method} calls slower than ${Math.round(line * 1000)} ms` };
  },
  errorRatio(service: string): SignalSpec {
    return { service, name: 'grpc_server_handled_total:error_ratio', kind: 'ERROR_RAMP', unit: 'ratio', threshold: SLO.errorRatio, alarms: true, minScale: 0.002, label: 'server error ratio' };
  },
  rss(service: string, limits: Limits): SignalSpec {
    const limit = limits.memoryLimitBytes(service);
    return { service, name: 'process_resident_memory_bytes', kind: 'MEMORY_LEAK', unit: 'bytes', threshold: limit === undefined ? undefined : limit * SLO.rssShareOfLimit, alarms: true, minScale: 2 ** 20, label: 'resident memory' };
  },
  heap(service: string, limits: Limits): SignalSpec {
    const limit = limits.memoryLimitBytes(service);
    return { service, name: 'nodejs_heap_size_used_bytes', kind: 'MEMORY_LEAK', unit: 'bytes', threshold: limit === undefined ? undefined : limit * SLO.heapShareOfLimit, alarms: true, minScale: 2 ** 20, label: 'heap' };
  },
  eventLoopLag(service: string): SignalSpec {
    return { service, name: 'nodejs_eventloop_lag_p99_seconds', kind: 'EVENT_LOOP_LAG', unit: 'seconds', threshold: SLO.eventLoopLagSeconds, alarms: true, minScale: 0.002, label: 'event-loop lag p99' };
  },
  breakerFailureRatio(service: string, target: string): SignalSpec {
    return { service, name: `mercato_breaker_events_total:failure_ratio{target=${quote(target)}}`, kind: 'BREAKER_FLAPPING', unit: 'ratio', threshold: SLO.breakerFailureRatio, alarms: true, minScale: 0.005, label: `failed calls to ${target}` };
  },
  breakerOpens(service: string, target: string): SignalSpec {
    return { service, name: `mercato_breaker_events_total:opens_10m{target=${quote(target)}}`, kind: 'BREAKER_FLAPPING', unit: 'count', threshold: SLO.breakerOpensPer10m, alarms: true, minScale: 0.5, label: `breaker opens toward ${target} in 10 min` };
  },
  saturation(service: string, target: string): SignalSpec {
    return { service, name: `mercato_bulkhead_in_flight:saturation{target=${quote(target)}}`, kind: 'SATURATION', unit: 'ratio', threshold: SLO.bulkheadSaturation, alarms: true, minScale: 0.01, label: `bulkhead toward ${target}` };
  },
};
