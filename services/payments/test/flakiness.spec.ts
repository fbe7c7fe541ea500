// The simulated slowness and flakiness, with a scripted random source.
import { status } from '@grpc/grpc-js';
import { Flakiness, type Injected } from '../src/flakiness';

const scripted = (...values: number[]) => () => {
  const v = values.shift();
  if (v === undefined) throw new Error('random source exhausted');
  return v;
};

describe('flakiness', () => {
  it('does nothing with the defaults', async () => {
    const seen: Injected[] = [];
    await new Flakiness({ latencyMs: 0, jitterMs: 0, failureRate: 0 }, scripted()).before(new AbortController().signal, (k) => seen.push(k));
    expect(seen).toEqual([]);
  });

  it('fails the configured share of calls with UNAVAILABLE', async () => {
    const f = new Flakiness({ latencyMs: 0, jitterMs: 0, failureRate: 0.25 }, scripted(0.24, 0.25, 0.9));
    const signal = new AbortController().signal;
    await expect(f.before(signal)).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(f.before(signal)).resolves.toBeUndefined();
    await expect(f.before(signal)).resolves.toBeUndefined();
    await expect(new Flakiness({ latencyMs: 0, jitterMs: 0, failureRate: 1 }, scripted(0.999999)).before(signal)).rejects.toMatchObject({ code: status.UNAVAILABLE });
  });

  it('waits the latency, then decides the failure', async () => {
    const seen: Injected[] = [];
    await expect(new Flakiness({ latencyMs: 1, jitterMs: 4, failureRate: 1 }, scripted(0.5, 0)).before(new AbortController().signal, (k) => seen.push(k))).rejects.toMatchObject({
      code: status.UNAVAILABLE,
    });
    expect(seen).toEqual(['delay', 'error']);
  });

  it('stops waiting when the call is cancelled, and never fails it as UNAVAILABLE then', async () => {
    const call = new AbortController();
    const waiting = new Flakiness({ latencyMs: 600_000, jitterMs: 0, failureRate: 1 }, scripted(0)).before(call.signal);
    call.abort();
    await expect(waiting).rejects.toMatchObject({ code: status.CANCELLED });
  });

  it('refuses settings out of range', () => {
    expect(() => new Flakiness({ latencyMs: 0, jitterMs: 0, failureRate: 1.5 })).toThrow(RangeError);
    expect(() => new Flakiness({ latencyMs: -1, jitterMs: 0, failureRate: 0 })).toThrow(RangeError);
  });
});
