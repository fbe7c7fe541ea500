// The background runner on its own: a failing handler takes health down and the runner restarts
// from its checkpoint once the cause is gone; a stop ends it cleanly.
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@mercato/db';
import { encodeEvent, loadProjectionCheckpoint, type EventSource, type SourceMessage, type StoredEvent } from '@mercato/eventsourcing';
import { createLogger } from '@mercato/kit';
import { Registry } from 'prom-client';
import { ProjectionMetrics, ProjectionRunner } from '../src/projection';
import { loadRecord, migrate, PROJECTION_NAME } from '../src/store/read-model';
import { orderEvents } from './support/scenario';

/** A source over a fixed list: the events after the checkpoint, "caught up", then quiet until aborted. */
function listSource(events: StoredEvent[]): EventSource & { subscriptions: number } {
  const source = {
    subscriptions: 0,
    async *subscribe({ after, signal }: { after: { commit: bigint; prepare: bigint }; signal: AbortSignal }): AsyncIterable<SourceMessage> {
      source.subscriptions++;
      for (const event of events) if (event.position.commit > after.commit) yield { kind: 'event', event };
      yield { kind: 'caught_up' };
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    },
  };
  return source;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the projection runner', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(async () => db?.close());

  it('reports failure to health, restarts from its checkpoint, and stops on request', async () => {
    const drafts = orderEvents({ orderId: 'o-r', customerId: 'rita', placedAt: '2025-03-10T09:00:00.000Z', lines: [{ productId: 'MUG', name: 'Mug', quantity: 1, cents: 1000 }], shippingCents: 0, outcome: { kind: 'confirmed' } });
    const events: StoredEvent[] = drafts.map((d, i) => {
      const e = encodeEvent({ type: d.type, data: d.data }, randomUUID());
      return { ...e, stream: d.stream, revision: 0n, position: { commit: BigInt(i + 1), prepare: 0n }, data: e.data, contentType: e.contentType!, createdAt: new Date() };
    });
    const source = listSource(events);
    const registry = new Registry();
    const runner = new ProjectionRunner(db, source, createLogger('test', 'silent'), new ProjectionMetrics(registry), { first: 20, max: 50 });
    // No tables yet: every attempt to apply the first event fails.
    runner.start();
    await waitFor('the runner to fail', () => runner.state === 'failed');
    await expect(runner.check()).rejects.toThrow(/projection failed: .*order_history/);
    expect((await registry.getSingleMetric('mercato_projection_running')!.get()).values[0]!.value).toBe(0);

    await migrate(db);
    await waitFor('the runner to go live', () => runner.state === 'live');
    await expect(runner.check()).resolves.toBeUndefined();
    expect((await loadProjectionCheckpoint(db, PROJECTION_NAME))!.commit).toBe(BigInt(events.length));
    expect(await loadRecord(db, 'o-r')).toMatchObject({ customerId: 'rita', confirmed: { total: { units: '10' } } });
    const applied = (await registry.getSingleMetric('mercato_projection_events_total')!.get()).values.find((v) => v.labels.outcome === 'applied');
    expect(applied?.value).toBe(events.length);
    expect(source.subscriptions).toBeGreaterThan(1);

    await runner.stop();
    expect(runner.state).toBe('stopped');
    await expect(runner.check()).rejects.toThrow('projection stopped');
  });
});
