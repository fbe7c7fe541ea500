// The inventory service's set-up, shared by main.ts and the integration tests.
import { Counter } from 'prom-client';
import { loadSeed } from '@mercato/catalog';
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { env, type Config, type Kit } from '@mercato/kit';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import { INVENTORY_SERVICE, inventoryAccess, inventoryHandlers } from './api';
import { MAX_QUANTITY } from './domain/lines';
import { Inventory } from './inventory';
import { retryUntilDone, seedInitialStock } from './seed';

export const inventoryConfig = {
  INVENTORY_INITIAL_STOCK: env.int({ default: 100, min: 0, max: MAX_QUANTITY }),
};

export type InventoryConfig = Config<typeof inventoryConfig>;

export async function setupInventory(kit: Kit<InventoryConfig>): Promise<void> {
  const store = kit.client<EventStoreServiceDefinition>('eventstore');
  const es = new EventStoreClient(store);
  const inventory = new Inventory(clientStore(es), { onError: (err) => kit.log.warn({ err: (err as Error)?.message }, 'stock snapshot not read or written; folding from the stream instead') });
  const reservations = new Counter({
    name: 'mercato_stock_reservations_total',
    help: 'Answered reservation calls, by method and the reservation status answered (reserved, rejected, released, committed).',
    labelNames: ['method', 'status'],
    registers: [kit.metrics.registry],
  });
  kit.serve(INVENTORY_SERVICE, inventoryHandlers(inventory, { onReservation: (method, status) => reservations.inc({ method, status }) }), inventoryAccess);
  if (kit.config.INVENTORY_INITIAL_STOCK > 0) await seed(kit, inventory, kit.config.INVENTORY_INITIAL_STOCK, (ms) => store.ready(ms));
}

/**
 * Seeds at start-up when the event store answers; otherwise (it may start after us) keeps trying
 * in the background, and health says NOT_SERVING until the stock is there.
 */
async function seed(kit: Kit<InventoryConfig>, inventory: Inventory, quantity: number, storeReady: (timeoutMs: number) => Promise<void>): Promise<void> {
  const productIds = (await loadSeed()).products.map((p) => p.id);
  let done = false;
  kit.addHealthCheck('initial-stock', async () => {
    if (!done) throw new Error('the initial stock is not written yet');
  });
  // The first try, during set-up, waits a moment; those in the background wait longer each.
  let waitMs = 1_000;
  const attempt = async (): Promise<void> => {
    // No call until the store's channel is up: calls to a store still starting would fail at once
    // and open the breaker, which would then refuse the write for its reset time after the store is up.
    const wait = waitMs;
    waitMs = 5_000;
    await storeReady(wait);
    // One read first: should the store fail, a single failing call per try keeps the breaker calm.
    await inventory.levels(productIds.slice(0, 1));
    const r = await seedInitialStock(inventory, productIds, quantity);
    done = true;
    kit.log.info({ ...r, quantity }, r.added ? 'initial stock written' : 'initial stock already there');
    await kit.recheckHealth();
  };
  try {
    await attempt();
  } catch (err) {
    kit.log.warn({ err: (err as Error).message }, 'initial stock not written yet; retrying in the background');
    const stop = new AbortController();
    const retrying = retryUntilDone(attempt, stop.signal, (e, retryInMs) => kit.log.warn({ err: (e as Error).message, retry_in_ms: retryInMs }, 'initial stock not written yet'));
    kit.onShutdown(async () => {
      stop.abort();
      await retrying;
    });
  }
}
