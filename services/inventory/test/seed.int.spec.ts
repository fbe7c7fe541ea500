// Start-up when the event store is not there yet (every process of `npm start` starts at once):
// the service serves, reports NOT_SERVING, and writes the initial stock once the store answers.
import { createServer } from 'node:net';
import { checkHealth, connect } from '@mercato/kit';
import type { InventoryServiceDefinition } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import { INVENTORY_SERVICE } from '../src';
import { openEventStore, startInventory, waitUntil, type EventStoreFixture } from './support';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// The event store's own backend plays no part here: PGlite only.
describe('initial stock with a late event store', () => {
  let fx: EventStoreFixture | undefined;
  afterAll(async () => {
    await fx?.close();
  });

  it('is NOT_SERVING until the stock is written, then serves it', async () => {
    const port = await freePort();
    // The default breaker settings: waiting for the store's channel must keep the breaker shut,
    // or it would refuse the write for its reset time after the store is up.
    const svc = await startInventory(`127.0.0.1:${port}`, { INVENTORY_INITIAL_STOCK: '3' });
    const address = `127.0.0.1:${svc.grpcPort}`;
    const client = connect<InventoryServiceDefinition>(INVENTORY_SERVICE, address);
    try {
      await expect(checkHealth(address)).resolves.toBe('NOT_SERVING');
      fx = await openEventStore('pglite', { GRPC_PORT: String(port) });
      await waitUntil('the inventory to be SERVING', async () => (await checkHealth(address).catch(() => 'DOWN')) === 'SERVING', 30_000);
      const { levels } = await client.call('GetStock', { productIds: ['APP-0001'] });
      expect(levels[0]).toMatchObject({ onHand: '3', available: '3' });
      const metrics = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
      expect(metrics).toMatch(/mercato_breaker_events_total\{target="eventstore",event="open"[^}]*\} 0\n/);
      expect(metrics).toMatch(/mercato_breaker_events_total\{target="eventstore",event="success"[^}]*\} [1-9]/);
    } finally {
      client.close();
      await svc.shutdown();
    }
  });

  it('stops retrying when it shuts down', async () => {
    const svc = await startInventory(`127.0.0.1:${await freePort()}`, { INVENTORY_INITIAL_STOCK: '3' });
    await expect(svc.shutdown()).resolves.toBe('clean');
  });
});
