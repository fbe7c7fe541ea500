// Test set-up: a real event store (PGlite in memory, or a fresh PostgreSQL database) and the
// inventory service started in-process against it.
import { testDatabaseIfAvailable } from '@mercato/db';
import { clientStore, decodeEvent, fold, type EventStorePort } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { startService, testServiceEnv, type RunningService } from '@mercato/kit';
import { inventoryConfig, setupInventory, stockDecider, stockStream, type InventoryConfig, type StockEvent } from '../src';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface EventStoreFixture {
  es: TestEventStore;
  store: EventStorePort;
  close(): Promise<void>;
}

/** Undefined when the backend is PostgreSQL and no server is there (and none is required). */
export async function openEventStore(backend: Backend, env: Record<string, string> = {}): Promise<EventStoreFixture | undefined> {
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (backend === 'postgres') {
    const db = await testDatabaseIfAvailable('mercato_inventory');
    if (!db) return undefined;
    drop = db.drop;
    databaseUrl = db.url;
  }
  const es = await startTestEventStore({ env, ...(databaseUrl ? { databaseUrl } : {}) });
  return {
    es,
    store: clientStore(es.client),
    close: async () => {
      await es.stop();
      await drop?.();
    },
  };
}

export function startInventory(eventStoreAddress: string, env: Record<string, string>): Promise<RunningService<InventoryConfig>> {
  return startService('inventory', setupInventory, { config: inventoryConfig, env: testServiceEnv({ EVENTSTORE_ADDR: eventStoreAddress, ...env }) });
}

/** The stock as its stream's events fold, straight from the event store. */
export async function foldedStock(store: EventStorePort, productId: string): Promise<{ onHand: number; reserved: number; events: number }> {
  const recorded = await store.readStream(stockStream(productId));
  const s = fold(stockDecider, recorded.map((e) => decodeEvent<StockEvent>(e)));
  return { onHand: s.onHand, reserved: s.reserved, events: recorded.length };
}

/** Events in these streams: unchanged counts show a call wrote nothing. */
export async function eventCounts(store: EventStorePort, streams: string[]): Promise<number[]> {
  return Promise.all(streams.map(async (s) => (await store.readStream(s)).length));
}

export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
