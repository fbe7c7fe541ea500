// The commerce services as `npm start` runs them (one process each, embedded PGlite or a
// PostgreSQL server), with typed gRPC clients and user tokens, for end-to-end tests and benchmarks.
import { Metadata } from '@grpc/grpc-js';
import { clientStore, decodeEvent, START, type DomainEvent, type StoredEvent } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { connect, generateSigningKeys, TokenIssuer, type KitClient } from '@mercato/kit';
import { startStack, type Stack, type StackOptions } from '@mercato/runner';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { InventoryServiceDefinition } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import type { OrdersServiceDefinition } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';
import type { PaymentsServiceDefinition } from '@mercato/protos/gen/mercato/payments/v1/PaymentsService';
import type { ShippingServiceDefinition } from '@mercato/protos/gen/mercato/shipping/v1/ShippingService';
import type { PlaceOrderRequest } from '@mercato/protos/gen/mercato/orders/v1/PlaceOrderRequest';

export const COMMERCE = ['eventstore', 'catalog', 'cart', 'inventory', 'payments', 'shipping', 'risk', 'orders', 'order-history'];

export interface Commerce {
  stack: Stack;
  eventstore: EventStoreClient;
  catalog: KitClient<CatalogServiceDefinition>;
  cart: KitClient<CartServiceDefinition>;
  inventory: KitClient<InventoryServiceDefinition>;
  payments: KitClient<PaymentsServiceDefinition>;
  shipping: KitClient<ShippingServiceDefinition>;
  orders: KitClient<OrdersServiceDefinition>;
  orderHistory: KitClient<OrderHistoryServiceDefinition>;
  /** Call options for a user (a fresh short-lived token each time). */
  as(userId: string, roles?: string[]): { metadata: Metadata };
  address(service: string): string;
  /** A fresh orders client (after a restart the old channel may still be backing off). */
  reconnectOrders(): void;
  stop(): Promise<void>;
}

export async function startCommerce(options: Omit<StackOptions, 'randomPorts' | 'only' | 'signingKeys'> = {}): Promise<Commerce> {
  const keys = generateSigningKeys();
  const issuer = new TokenIssuer(keys.privateKey);
  const stack = await startStack({ ...options, only: COMMERCE, randomPorts: true, signingKeys: keys, startTimeoutMs: options.startTimeoutMs ?? 180_000 });
  const address = (name: string): string => {
    const p = stack.processes.find((x) => x.name === name);
    if (!p?.grpcPort) throw new Error(`${name} is not running`);
    return `127.0.0.1:${p.grpcPort}`;
  };
  const client = <D>(name: string, service: string) => connect<D>(service, address(name), { deadlineMs: 30_000 });
  const c: Commerce = {
    stack,
    eventstore: EventStoreClient.connect(address('eventstore')),
    catalog: client('catalog', 'mercato.catalog.v1.CatalogService'),
    cart: client('cart', 'mercato.cart.v1.CartService'),
    inventory: client('inventory', 'mercato.inventory.v1.InventoryService'),
    payments: client('payments', 'mercato.payments.v1.PaymentsService'),
    shipping: client('shipping', 'mercato.shipping.v1.ShippingService'),
    orders: client('orders', 'mercato.orders.v1.OrdersService'),
    orderHistory: client('order-history', 'mercato.orderhistory.v1.OrderHistoryService'),
    as: (userId, roles = []) => {
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${issuer.issue(userId, { roles, name: `User ${userId}` })}`);
      return { metadata };
    },
    address,
    reconnectOrders: () => {
      c.orders.close();
      c.orders = client('orders', 'mercato.orders.v1.OrdersService');
    },
    stop: async () => {
      for (const k of ['eventstore', 'catalog', 'cart', 'inventory', 'payments', 'shipping', 'orders', 'orderHistory'] as const) c[k].close();
      await stack.stop();
    },
  };
  return c;
}

export { eventually, uniqueId } from '../support/suite';

export const ADDRESS = { recipient: 'Ada Lovelace', addressLines: ['12 Analytical Row'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US', phone: '' };

/** Test cards (see the README): approves / declines. */
export const CARD_OK = { number: '4242424242424242', expiryMonth: 12, expiryYear: new Date().getFullYear() + 3, cvc: '123', holderName: 'Ada Lovelace' };
export const CARD_DECLINED = { ...CARD_OK, number: '4000000000000002' };

export function placeOrderRequest(cartId: string, idempotencyKey: string, card = CARD_OK): PlaceOrderRequest {
  return { cartId, idempotencyKey, shippingAddress: ADDRESS, shippingSpeed: 'SHIPPING_SPEED_STANDARD', card, email: 'ada@example.com' };
}

/** Every event of one stream, decoded. */
export async function streamEvents(c: Commerce, stream: string): Promise<Array<StoredEvent & { decoded: DomainEvent }>> {
  const events = await clientStore(c.eventstore).readStream(stream);
  return events.map((e) => ({ ...e, decoded: decodeEvent(e) }));
}

/** Every event so far in streams starting with `prefix`, decoded (catch-up, then stop). */
export async function eventsWithPrefix(c: Commerce, prefix: string): Promise<Array<StoredEvent & { decoded: DomainEvent }>> {
  const stop = new AbortController();
  const out: Array<StoredEvent & { decoded: DomainEvent }> = [];
  for await (const m of clientStore(c.eventstore).subscribe({ after: START, filter: { streamPrefixes: [prefix] }, signal: stop.signal })) {
    if (m.kind === 'event') out.push({ ...m.event, decoded: decodeEvent(m.event) });
    if (m.kind === 'caught_up') break;
  }
  stop.abort();
  return out;
}
