// Initial stock for the catalog's shipped products: one fixed replenishment id, so every start
// after the first (and every replica) adds nothing.
import { pause } from '@mercato/eventsourcing';
import type { Inventory } from './inventory';

export const INITIAL_STOCK_ID = 'initial-stock';

export async function seedInitialStock(inventory: Inventory, productIds: readonly string[], quantity: number): Promise<{ products: number; added: number }> {
  const { added } = await inventory.replenish(INITIAL_STOCK_ID, productIds.map((productId) => ({ productId, quantity })));
  return { products: productIds.length, added };
}

/** Runs `attempt` until it succeeds or the signal aborts, backing off from 200 ms to 2 s. */
export async function retryUntilDone(attempt: () => Promise<void>, signal: AbortSignal, onError: (err: unknown, retryInMs: number) => void): Promise<void> {
  for (let delay = 200; !signal.aborted; delay = Math.min(delay * 2, 2_000)) {
    try {
      await attempt();
      return;
    } catch (err) {
      if (signal.aborted) return;
      onError(err, delay);
      await pause(delay, signal);
    }
  }
}

