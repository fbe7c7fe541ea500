// The gRPC services behind the edge, through the kit's clients (deadlines from service.yaml,
// breakers, bulkheads). Required ones turn failures into the contract's errors (503 when down);
// optional ones (recommendations, assistant) turn them into "nothing to show".
import { Metadata } from '@grpc/grpc-js';
import type { CallOptions, Kit, KitClient, Logger } from '@mercato/kit';
import type { AssistantServiceDefinition } from '@mercato/protos/gen/mercato/assistant/v1/AssistantService';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import type { OrdersServiceDefinition } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';
import type { RecommendationsServiceDefinition } from '@mercato/protos/gen/mercato/recommendations/v1/RecommendationsService';
import type { ShippingServiceDefinition } from '@mercato/protos/gen/mercato/shipping/v1/ShippingService';
import { fromGrpc } from '../http/errors';
import type { SessionUser } from '../http/router';

export interface Backends {
  catalog: KitClient<CatalogServiceDefinition>;
  cart: KitClient<CartServiceDefinition>;
  orders: KitClient<OrdersServiceDefinition>;
  orderHistory: KitClient<OrderHistoryServiceDefinition>;
  shipping: KitClient<ShippingServiceDefinition>;
  recommendations: KitClient<RecommendationsServiceDefinition>;
  assistant: KitClient<AssistantServiceDefinition>;
}

export function backendsOf(kit: Kit<unknown>): Backends {
  return {
    catalog: kit.client('catalog'),
    cart: kit.client('cart'),
    orders: kit.client('orders'),
    orderHistory: kit.client('order-history'),
    shipping: kit.client('shipping'),
    recommendations: kit.client('recommendations'),
    assistant: kit.client('assistant'),
  };
}

/** Call options acting for the user (their token as "authorization: Bearer"), or anonymous. */
export function as(user: SessionUser | undefined): CallOptions<never> {
  const metadata = new Metadata();
  if (user) metadata.set('authorization', `Bearer ${user.token}`);
  return { metadata };
}

/** A call the answer cannot do without: its failure becomes the contract's error. */
export async function need<T>(target: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw fromGrpc(err, target);
  }
}

/** A call the answer can do without: any failure is logged and gives undefined. */
export async function mayBe<T>(target: string, call: () => Promise<T>, log: Logger): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    log.debug({ target, err: (err as Error).message }, 'optional dependency failed; answering without it');
    return undefined;
  }
}
