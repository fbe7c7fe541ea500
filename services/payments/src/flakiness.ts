// What makes payments the suite's slow, flaky dependency: a latency (plus jitter) before every
// provider call, cut short when the caller cancels or its deadline passes, then a share of calls
// failing with UNAVAILABLE before anything is read or written.
import { status } from '@grpc/grpc-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { GrpcError, unavailable } from '@mercato/kit';

export interface FlakinessSettings {
  latencyMs: number;
  jitterMs: number;
  /** 0 to 1. */
  failureRate: number;
}

export type Injected = 'delay' | 'error';

export class Flakiness {
  constructor(
    private readonly settings: FlakinessSettings,
    private readonly random: () => number = Math.random,
  ) {
    const { latencyMs, jitterMs, failureRate } = settings;
    if (!(latencyMs >= 0 && jitterMs >= 0)) throw new RangeError('latency and jitter must be >= 0 ms');
    if (!(failureRate >= 0 && failureRate <= 1)) throw new RangeError('the failure rate must be from 0 to 1');
  }

  /** Runs before a provider call; `injected` hears of each delay or failure (for metrics). */
  async before(signal: AbortSignal, injected: (kind: Injected) => void = () => undefined): Promise<void> {
    const { latencyMs, jitterMs, failureRate } = this.settings;
    const delayMs = latencyMs + (jitterMs > 0 ? Math.floor(this.random() * (jitterMs + 1)) : 0);
    if (delayMs > 0) {
      injected('delay');
      try {
        await sleep(delayMs, undefined, { signal });
      } catch {
        throw new GrpcError(status.CANCELLED, 'call cancelled while waiting for the payment provider');
      }
    }
    if (signal.aborted) throw new GrpcError(status.CANCELLED, 'call cancelled');
    if (failureRate > 0 && this.random() < failureRate) {
      injected('error');
      throw unavailable('the payment provider is temporarily unavailable (simulated by PAYMENTS_FAILURE_RATE); retry later');
    }
  }
}
