// The cart service's set-up, shared by main.ts and the integration tests (this one's and others').
import { env, type Config, type Kit } from '@mercato/kit';
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import { cartAccess, cartHandlers } from './api';
import { catalogPrices } from './catalog';

export const cartConfig = {
  // At most 100: a merge prices all of a guest cart's lines in one BatchGetProducts call.
  CART_MAX_LINES: env.int({ default: 50, min: 1, max: 100 }),
  CART_MAX_QUANTITY: env.int({ default: 99, min: 1, max: 100_000 }),
};

export type CartConfig = Config<typeof cartConfig>;

export function setupCart(kit: Kit<CartConfig>): void {
  const store = clientStore(new EventStoreClient(kit.client<EventStoreServiceDefinition>('eventstore')));
  const catalog = catalogPrices(kit.client<CatalogServiceDefinition>('catalog'));
  const limits = { maxLines: kit.config.CART_MAX_LINES, maxQuantity: kit.config.CART_MAX_QUANTITY };
  kit.serve('mercato.cart.v1.CartService', cartHandlers({ store, catalog, limits }), cartAccess);
}
