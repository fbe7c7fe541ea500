// Shoppers for the chaos suite: loadgen's own run (its scenarios, pacing and outcome counting),
// given a fetch that records what the shoppers saw — every request's answer, and the order id of
// every checkout the gateway answered with an order.
import { checkRunOptions, runLoad, type RunReport } from '@mercato/loadgen';

export interface Answer {
  /** Wall-clock ms when the request was sent and when its answer (or failure) came. */
  sent: number;
  done: number;
  method: string;
  /** The API path without /api/v1 and the query, e.g. "/products/APP-0001". */
  path: string;
  /** HTTP status; 0 when there was no answer (refused, reset, timed out). */
  status: number;
  /** A checkout's error code, e.g. "order_declined", "unavailable". */
  code?: string;
}

export interface PlacedOrder {
  orderId: string;
  /** The checkout's HTTP status: 201 confirmed, 202 pending, 402/409/422 failed with the order. */
  status: number;
  sent: number;
}

/** A checkout answered with the order's outcome rather than a failure of the suite. */
export const servedCheckout = (a: Answer): boolean => [201, 202, 402, 409].includes(a.status) || (a.status === 422 && a.code === 'order_declined');

export class Traffic {
  readonly answers: Answer[] = [];
  readonly orders = new Map<string, PlacedOrder>();

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const answer: Answer = { sent: Date.now(), done: 0, method, path: url.pathname.replace(/^\/api\/v1/, ''), status: 0 };
    this.answers.push(answer);
    let res: Response;
    try {
      res = await fetch(input, init);
    } catch (err) {
      answer.done = Date.now();
      throw err;
    }
    answer.status = res.status;
    answer.done = Date.now();
    if (method === 'POST' && answer.path === '/checkout') {
      const body = (await res.clone().json().catch(() => undefined)) as { order?: { order_id?: unknown }; error?: { code?: unknown } } | undefined;
      if (typeof body?.error?.code === 'string') answer.code = body.error.code;
      const orderId = body?.order?.order_id;
      if (typeof orderId === 'string' && orderId !== '') this.orders.set(orderId, { orderId, status: res.status, sent: answer.sent });
    }
    return res;
  };

  /** Orders the shop acknowledged: 201 (confirmed) or 202 (pending, the saga carries on). */
  acknowledged(): string[] {
    return [...this.orders.values()].filter((o) => o.status === 201 || o.status === 202).map((o) => o.orderId);
  }

  /** Answers a shopper would call an error: a 5xx or no answer at all. */
  errors(from = 0, to = Infinity): Answer[] {
    return this.answers.filter((a) => a.done !== 0 && a.sent >= from && a.sent < to && (a.status === 0 || a.status >= 500));
  }

  /**
   * When the first checkout sent at or after `from` was answered with the order's outcome:
   * confirmed, pending, or a business "no" (card declined, out of stock, declined by the risk
   * check), not a failure of the suite. Undefined if none yet.
   */
  firstServedCheckout(from: number): number | undefined {
    let first: number | undefined;
    for (const a of this.answers) if (a.path === '/checkout' && a.sent >= from && a.done !== 0 && servedCheckout(a) && (first === undefined || a.done < first)) first = a.done;
    return first;
  }

  /** "POST /checkout 201×12, 503×2; GET /products/{id} 200×30" — what the shoppers saw, for messages. */
  summary(from = 0, to = Infinity): string {
    const by = new Map<string, Map<number, number>>();
    for (const a of this.answers) {
      if (a.done === 0 || a.sent < from || a.sent >= to) continue;
      const route = `${a.method} ${a.path.replace(/^\/(products|orders|cart\/items)\/[^/]+/, '/$1/{id}')}`;
      const statuses = by.get(route) ?? new Map<number, number>();
      statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      by.set(route, statuses);
    }
    return [...by].map(([route, statuses]) => `${route} ${[...statuses].map(([st, n]) => `${st || 'no answer'}×${n}`).join(', ')}`).join('; ');
  }

  count(from = 0, to = Infinity, match: (a: Answer) => boolean = () => true): number {
    return this.answers.filter((a) => a.done !== 0 && a.sent >= from && a.sent < to && match(a)).length;
  }
}

export interface LoadOptions {
  gatewayUrl: string;
  /** Scenarios started per second. */
  rate: number;
  users: number;
  seed: string;
  weights: Record<string, number>;
}

export interface Load {
  traffic: Traffic;
  /** Stops starting scenarios, lets those in flight finish, and answers loadgen's report. */
  stop(): Promise<RunReport>;
}

/** Starts loadgen against the gateway until stopped (its shoppers are signed up first). */
export function startLoad(o: LoadOptions): Load {
  const traffic = new Traffic();
  const options = checkRunOptions(
    { targetUrl: o.gatewayUrl, rate: o.rate, rampSeconds: 1, durationSeconds: 0, users: o.users, seed: o.seed, weights: Object.entries(o.weights) },
    { targetUrl: 'url', rate: 'rate', rampSeconds: 'ramp', durationSeconds: 'duration', weights: 'weights', users: 'users', seed: 'seed', maxInflight: 'max-inflight', requestTimeoutMs: 'timeout' },
  );
  const stopping = new AbortController();
  const report = runLoad(options, { fetch: traffic.fetch, prepareAttempts: 10 }, stopping.signal);
  return {
    traffic,
    stop: async () => {
      stopping.abort();
      return report;
    },
  };
}
