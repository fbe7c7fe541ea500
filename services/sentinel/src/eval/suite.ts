// The simulated suite: services shaped like Mercato's (methods with their callers' deadlines,
// memory limits, downstream targets), fixed here rather than read from the live topology so the
// evaluation's numbers do not move when a service.yaml changes.
import { SLO, parseMemoryQuantity, type Limits } from '../signals/definitions';

export interface SimMethodSpec {
  name: string;
  /** Tightest caller deadline in ms (the latency line is half of it). */
  deadlineMs: number;
  /** Share of the service's calls. */
  share: number;
}

export interface SimServiceSpec {
  name: string;
  memoryLimit: string;
  /** Calls per second at the daily mean. */
  rps: number;
  methods: SimMethodSpec[];
  /** Downstream services called through a breaker and a bulkhead. */
  targets: string[];
}

export const SIM_SUITE: SimServiceSpec[] = [
  { name: 'catalog', memoryLimit: '384Mi', rps: 60, methods: [{ name: 'GetProduct', deadlineMs: 800, share: 0.6 }, { name: 'SearchProducts', deadlineMs: 800, share: 0.3 }], targets: [] },
  { name: 'cart', memoryLimit: '256Mi', rps: 25, methods: [{ name: 'GetCart', deadlineMs: 800, share: 0.5 }, { name: 'AddItem', deadlineMs: 1000, share: 0.4 }], targets: ['catalog', 'eventstore'] },
  { name: 'orders', memoryLimit: '384Mi', rps: 6, methods: [{ name: 'PlaceOrder', deadlineMs: 8000, share: 0.5 }, { name: 'GetOrder', deadlineMs: 2000, share: 0.5 }], targets: ['payments', 'inventory'] },
  { name: 'payments', memoryLimit: '256Mi', rps: 8, methods: [{ name: 'Authorize', deadlineMs: 3000, share: 0.5 }, { name: 'Capture', deadlineMs: 3000, share: 0.4 }], targets: ['eventstore'] },
  { name: 'inventory', memoryLimit: '256Mi', rps: 10, methods: [{ name: 'ReserveStock', deadlineMs: 1000, share: 0.5 }, { name: 'GetStock', deadlineMs: 1000, share: 0.4 }], targets: ['eventstore'] },
  { name: 'shipping', memoryLimit: '256Mi', rps: 8, methods: [{ name: 'GetQuote', deadlineMs: 1000, share: 0.7 }], targets: ['eventstore'] },
  { name: 'eventstore', memoryLimit: '1Gi', rps: 80, methods: [{ name: 'Append', deadlineMs: 2000, share: 0.4 }, { name: 'ReadStream', deadlineMs: 2000, share: 0.5 }], targets: [] },
  { name: 'recommendations', memoryLimit: '512Mi', rps: 20, methods: [{ name: 'Recommend', deadlineMs: 300, share: 0.8 }], targets: ['catalog'] },
  { name: 'risk', memoryLimit: '384Mi', rps: 6, methods: [{ name: 'Assess', deadlineMs: 500, share: 0.9 }], targets: [] },
  { name: 'order-history', memoryLimit: '384Mi', rps: 12, methods: [{ name: 'GetOrderView', deadlineMs: 1000, share: 0.6 }, { name: 'ListOrders', deadlineMs: 1000, share: 0.3 }], targets: [] },
  { name: 'gateway', memoryLimit: '512Mi', rps: 40, methods: [], targets: ['catalog', 'cart', 'orders'] },
  { name: 'assistant', memoryLimit: '512Mi', rps: 3, methods: [{ name: 'SummarizeReviews', deadlineMs: 5000, share: 0.8 }], targets: ['catalog'] },
];

export function simLimits(suite: readonly SimServiceSpec[]): Limits {
  const byName = new Map(suite.map((s) => [s.name, s]));
  return {
    latencySloSeconds: (service, method) => {
      const m = byName.get(service)?.methods.find((x) => x.name === method);
      return m ? (m.deadlineMs / 1000) * SLO.latencyShareOfDeadline : SLO.defaultLatencySeconds;
    },
    memoryLimitBytes: (service) => parseMemoryQuantity(byName.get(service)?.memoryLimit),
  };
}
