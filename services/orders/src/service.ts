// The orders service's set-up, shared by main.ts and the integration tests.
import { Counter, Gauge, Histogram } from 'prom-client';
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { env, type Config, type Kit } from '@mercato/kit';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { InventoryServiceDefinition } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import type { PaymentsServiceDefinition } from '@mercato/protos/gen/mercato/payments/v1/PaymentsService';
import type { ShippingServiceDefinition } from '@mercato/protos/gen/mercato/shipping/v1/ShippingService';
import type { RiskServiceDefinition } from '@mercato/protos/gen/mercato/risk/v1/RiskService';
import { ordersAccess, ordersHandlers } from './api';
import { SagaRecovery } from './recovery';
import { CheckoutSaga } from './saga';

export const ordersConfig = {
  ORDERS_STEP_ATTEMPTS: env.int({ default: 5, min: 1, max: 100 }),
  ORDERS_STEP_BACKOFF_MS: env.int({ default: 200, min: 1, max: 60_000 }),
  ORDERS_PLACE_WAIT_MS: env.int({ default: 10_000, min: 0, max: 120_000 }),
  ORDERS_RESUME_AFTER_MS: env.int({ default: 10_000, min: 10, max: 3_600_000 }),
};

export type OrdersConfig = Config<typeof ordersConfig>;

export async function setupOrders(kit: Kit<OrdersConfig>): Promise<void> {
  const es = new EventStoreClient(kit.client('eventstore'));
  const store = clientStore(es);
  const registry = kit.metrics.registry;
  const steps = new Histogram({
    name: 'mercato_saga_step_duration_seconds',
    help: 'Time of one checkout saga action (the dependency call and recording its outcome), by action and outcome.',
    labelNames: ['action', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const checkouts = new Counter({ name: 'mercato_checkouts_total', help: 'Checkouts that reached a final state, by outcome (confirmed or the failure reason).', labelNames: ['outcome'], registers: [registry] });
  const compensations = new Counter({ name: 'mercato_saga_compensations_total', help: 'Compensating actions done (release stock, void payment).', labelNames: ['action'], registers: [registry] });
  const unfinished = new Gauge({ name: 'mercato_saga_unfinished_orders', help: 'Orders whose saga still needs a step or a compensation, as the recovery subscription sees them.', registers: [registry] });
  const resumed = new Counter({ name: 'mercato_saga_resumed_total', help: 'Unfinished sagas taken over after making no progress for ORDERS_RESUME_AFTER_MS.', registers: [registry] });

  const calls = (name: string) => kit.spec.calls.some((c) => c.service === name);
  const saga = new CheckoutSaga({
    store,
    clients: {
      catalog: kit.client<CatalogServiceDefinition>('catalog'),
      inventory: kit.client<InventoryServiceDefinition>('inventory'),
      payments: kit.client<PaymentsServiceDefinition>('payments'),
      shipping: kit.client<ShippingServiceDefinition>('shipping'),
      // The risk step exists exactly when the topology declares the call.
      ...(calls('risk') ? { risk: kit.client<RiskServiceDefinition>('risk') } : {}),
    },
    log: kit.log,
    stepAttempts: kit.config.ORDERS_STEP_ATTEMPTS,
    backoffMs: kit.config.ORDERS_STEP_BACKOFF_MS,
    observe: (action, outcome, seconds) => {
      steps.observe({ action, outcome }, seconds);
      if (action === 'release-stock' || action === 'void-payment') compensations.inc({ action });
      if (action === 'confirm') checkouts.inc({ outcome: 'confirmed' });
      else if (outcome !== 'ok') checkouts.inc({ outcome });
    },
  });
  const recovery = new SagaRecovery({
    source: store,
    saga,
    log: kit.log,
    staleAfterMs: kit.config.ORDERS_RESUME_AFTER_MS,
    onSweep: (pending, n) => {
      unfinished.set(pending);
      resumed.inc(n);
    },
  });
  kit.serve('mercato.orders.v1.OrdersService', ordersHandlers({ saga, clients: { ...saga.clients, cart: kit.client<CartServiceDefinition>('cart') }, placeWaitMs: kit.config.ORDERS_PLACE_WAIT_MS }), ordersAccess);
  recovery.start();
  kit.onShutdown(async () => {
    await recovery.close();
    await saga.stop();
  });
}
