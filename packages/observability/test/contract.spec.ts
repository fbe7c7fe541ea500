// The telemetry contract against running code: the commerce services started in-process (real
// gRPC between them, the embedded database), one checkout through them, then every /metrics page
// scraped and every span captured by an in-memory exporter checked against telemetry.yaml — both
// ways: nothing exported that the contract lacks, nothing in the contract these services lack.
// (Services run as processes — gateway, loadgen, the AI helpers — are checked the same way from
// Prometheus' scrape in tests/observability/dashboards.spec.ts.)
import { eventually } from '../../../tests/support/suite';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { asUser, connect, generateSigningKeys, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import { checkScrape, checkSpan, emitters, loadTelemetry, parsePrometheusText, spanContractFor, type SpanKindName } from '@mercato/observability';
import { eventStoreConfig, setupEventStore } from '@mercato/eventstore';
import { catalogConfig, setupCatalog } from '@mercato/catalog';
import { cartConfig, setupCart } from '@mercato/cart';
import { inventoryConfig, setupInventory } from '@mercato/inventory';
import { paymentsConfig, setupPayments } from '@mercato/payments';
import { setupShipping, shippingConfig } from '@mercato/shipping';
import { ordersConfig, setupOrders } from '@mercato/orders';
import { orderHistoryConfig, setupOrderHistory } from '@mercato/order-history';
import { riskConfig, setupRisk } from '@mercato/risk';
import { recommendationsConfig, setupRecommendations } from '@mercato/recommendations';
import { assistantConfig, setupAssistant } from '@mercato/assistant';
import { sentinelConfig, setupSentinel } from '@mercato/sentinel';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import type { OrdersServiceDefinition } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';

const topology = loadTopology();
const contract = loadTelemetry();
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

type Setup = (kit: any) => Promise<void> | void;
// Start order: each one's dependencies first.
const SERVICES: Array<[string, Setup, object, Record<string, string>]> = [
  ['eventstore', setupEventStore, eventStoreConfig, {}],
  ['catalog', setupCatalog, catalogConfig, {}],
  ['cart', setupCart, cartConfig, {}],
  ['inventory', setupInventory, inventoryConfig, { INVENTORY_INITIAL_STOCK: '50' }],
  ['payments', setupPayments, paymentsConfig, {}],
  ['shipping', setupShipping, shippingConfig, { SHIPPING_TRACKING_STEP_SECONDS: '0.2' }],
  ['risk', setupRisk, riskConfig, {}],
  ['orders', setupOrders, ordersConfig, {}],
  ['order-history', setupOrderHistory, orderHistoryConfig, {}],
  ['recommendations', setupRecommendations, recommendationsConfig, {}],
  ['assistant', setupAssistant, assistantConfig, {}],
  // Sentinel reads the others' metrics (SENTINEL_TARGETS is filled in below).
  ['sentinel', setupSentinel, sentinelConfig, { SENTINEL_SCRAPE_INTERVAL_SECONDS: '1' }],
];

const running = new Map<string, RunningService<unknown>>();
const clients: Array<KitClient<unknown>> = [];
let checkoutTrace = '';
let orderId = '';

const KINDS: Record<number, SpanKindName> = { [SpanKind.SERVER]: 'server', [SpanKind.CLIENT]: 'client', [SpanKind.CONSUMER]: 'consumer', [SpanKind.PRODUCER]: 'producer', [SpanKind.INTERNAL]: 'internal' };
const kindOf = (s: ReadableSpan): SpanKindName => KINDS[s.kind]!;

/** Which service made a span: the server of its gRPC service, a declared caller, or the consumer. */
function emitterOf(s: ReadableSpan): string {
  const grpcService = s.name.split('/')[0]!;
  if (s.kind === SpanKind.SERVER) return topology.services.find((x) => x.serves.includes(grpcService))?.name ?? '?';
  if (s.kind === SpanKind.CLIENT) return topology.services.find((x) => x.calls.some((c) => c.grpcService === grpcService && c.methods.some((m) => `${grpcService}/${m.name}` === s.name)))?.name ?? '?';
  const c = spanContractFor({ name: s.name, kind: kindOf(s) }, contract);
  return c ? emitters(c.services, topology)[0]! : '?';
}

const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs?: number): Promise<T> => eventually(what, async () => probe(), timeoutMs);

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

  const keys = generateSigningKeys();
  const issuer = new TokenIssuer(keys.privateKey);
  const addresses: Record<string, string> = {};
  for (const [name, setup, config, extra] of SERVICES) {
    const targets = name === 'sentinel' ? { SENTINEL_TARGETS: [...running].map(([n, r]) => `${n}=127.0.0.1:${r.metricsPort}`).join(',') } : {};
    const env = testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, ...addresses, ...targets, ...extra });
    const svc = await startService(name, setup, { config: config as never, env });
    running.set(name, svc as RunningService<unknown>);
    addresses[`${name.toUpperCase().replace(/-/g, '_')}_ADDR`] = `127.0.0.1:${svc.grpcPort}`;
  }
  const at = (name: string) => `127.0.0.1:${running.get(name)!.grpcPort}`;
  const catalog = connect<CatalogServiceDefinition>('mercato.catalog.v1.CatalogService', at('catalog'), { deadlineMs: 10_000 });
  const cart = connect<CartServiceDefinition>('mercato.cart.v1.CartService', at('cart'), { deadlineMs: 10_000 });
  const orders = connect<OrdersServiceDefinition>('mercato.orders.v1.OrdersService', at('orders'), { deadlineMs: 20_000 });
  const history = connect<OrderHistoryServiceDefinition>('mercato.orderhistory.v1.OrderHistoryService', at('order-history'), { deadlineMs: 10_000 });
  clients.push(catalog as KitClient<unknown>, cart as KitClient<unknown>, orders as KitClient<unknown>, history as KitClient<unknown>);

  // Inventory seeds its stock in the background when the event store answers: wait for health.
  const user = 'contract-shopper';
  const as = asUser(issuer, user);
  const { products } = await catalog.call('ListProducts', { page: { pageSize: 5, pageToken: '' }, orderBy: 'PRODUCT_ORDER_UNSPECIFIED', categoryId: '', tags: [] });
  await cart.call('AddItem', { cartId: user, productId: products[0]!.id, quantity: 1 }, as);
  const root = trace.getTracer('contract-test').startSpan('checkout');
  const placed = await context.with(trace.setSpan(context.active(), root), () =>
    until('PlaceOrder to answer a final state', async () => {
      const r = await orders.call('PlaceOrder', {
        cartId: user,
        idempotencyKey: 'contract-checkout-1',
        shippingAddress: { recipient: 'Ada Lovelace', addressLines: ['12 Analytical Row'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US', phone: '' },
        shippingSpeed: 'SHIPPING_SPEED_STANDARD',
        card: { number: '4242424242424242', expiryMonth: 12, expiryYear: new Date().getFullYear() + 3, cvc: '123', holderName: 'Ada Lovelace' },
        email: 'ada@example.com',
      }, as);
      if (r.order?.status !== 'ORDER_STATUS_CONFIRMED') throw new Error(`order ${r.order?.status} (${r.order?.failureReason ?? ''} ${r.order?.failureMessage ?? ''})`);
      return r;
    }, 60_000),
  );
  root.end();
  checkoutTrace = root.spanContext().traceId;
  orderId = placed.order!.orderId;
  await until('the order in order-history', async () => ((await history.call('GetOrderView', { orderId }, as)).order ? true : undefined));
  // Shipping advances tracking from its events every 0.2 s: wait for one consumer span of it.
  await until('a shipping tracking span', () => (exporter.getFinishedSpans().some((s) => s.name === 'shipping advance tracking') ? true : undefined));
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const name of [...running.keys()].reverse()) await running.get(name)!.shutdown();
  await provider.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}, 60_000);

describe('metrics against telemetry.yaml', () => {
  test.each(SERVICES.map(([name]) => name))('%s exports exactly what the contract lists for it', async (name) => {
    const res = await fetch(`http://127.0.0.1:${running.get(name)!.metricsPort}/metrics`);
    expect(res.status).toBe(200);
    const families = parsePrometheusText(await res.text());
    expect(families.size).toBeGreaterThan(40);
    expect(checkScrape(name, families, contract, topology)).toEqual([]);
  });

  test('the check does catch an undeclared metric, a wrong type, a stray label and a missing metric', async () => {
    const res = await fetch(`http://127.0.0.1:${running.get('orders')!.metricsPort}/metrics`);
    const text = await res.text();
    const tampered = text
      .replace('# TYPE mercato_checkouts_total counter', '# TYPE mercato_checkouts_total gauge')
      .replace(/^# TYPE mercato_saga_resumed_total counter$/m, '# TYPE mercato_saga_resumed_total counter\n# TYPE mercato_orders_shadow_total counter')
      .replace(/grpc_server_handled_total\{/, 'grpc_server_handled_total{shard="1",')
      .replace(/^# TYPE mercato_saga_unfinished_orders gauge\n(mercato_saga_unfinished_orders.*\n)?/m, '');
    const problems = checkScrape('orders', parsePrometheusText(tampered), contract, topology);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('mercato_checkouts_total is a gauge'),
      expect.stringContaining('exports mercato_orders_shadow_total'),
      expect.stringContaining('labels shard not declared'),
      expect.stringContaining('lists mercato_saga_unfinished_orders for it, but it does not export it'),
    ]));
  });

  test('the checkout shows up in the business metrics with the declared labels', async () => {
    const families = parsePrometheusText(await (await fetch(`http://127.0.0.1:${running.get('orders')!.metricsPort}/metrics`)).text());
    expect(families.get('mercato_checkouts_total')!.samples).toEqual(expect.arrayContaining([expect.objectContaining({ labels: { outcome: 'confirmed', service: 'orders' } })]));
    const steps = families.get('mercato_saga_step_duration_seconds')!.samples.map((s) => s.labels.action);
    expect(new Set(steps)).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(steps).toEqual(expect.arrayContaining(['confirm']));
  });
});

describe('spans against telemetry.yaml', () => {
  test('every span conforms to its contract entry', () => {
    const spans = exporter.getFinishedSpans().filter((s) => s.name !== 'checkout');
    expect(spans.length).toBeGreaterThan(20);
    const problems = spans.flatMap((s) => checkSpan(emitterOf(s), { name: s.name, kind: kindOf(s), attributes: s.attributes, links: s.links.length }, contract, topology));
    expect([...new Set(problems)]).toEqual([]);
  });

  test('every non-library span of the contract was emitted', () => {
    const seen = new Set(exporter.getFinishedSpans().map((s) => spanContractFor({ name: s.name, kind: kindOf(s) }, contract)?.id));
    for (const c of contract.spans.filter((x) => !x.library)) expect({ span: c.id, seen: seen.has(c.id) }).toEqual({ span: c.id, seen: true });
  });

  test('the checkout is one trace through the saga, and the projection span links into it', () => {
    const spans = exporter.getFinishedSpans();
    const inTrace = spans.filter((s) => s.spanContext().traceId === checkoutTrace);
    const servers = new Set(inTrace.filter((s) => s.kind === SpanKind.SERVER).map((s) => emitterOf(s)));
    for (const name of ['orders', 'cart', 'catalog', 'risk', 'inventory', 'payments', 'shipping', 'eventstore']) expect({ name, inTrace: servers.has(name) }).toEqual({ name, inTrace: true });
    const projection = spans.filter((s) => s.name === 'order_history process' && s.links.some((l) => l.context.traceId === checkoutTrace));
    expect(projection.length).toBeGreaterThan(0);
    // The consumer's work is its own trace, reached through the link.
    for (const p of projection) expect(p.spanContext().traceId).not.toBe(checkoutTrace);
    expect(orderId).not.toBe('');
  });

  test('the span check does catch an unknown span, a missing attribute and a missing producer link', () => {
    expect(checkSpan('orders', { name: 'orders do things', kind: 'internal', attributes: {}, links: 0 }, contract, topology)).toHaveLength(1);
    expect(checkSpan('catalog', { name: 'mercato.catalog.v1.CatalogService/GetProduct', kind: 'server', attributes: { 'rpc.system.name': 'grpc', 'rpc.method': 'mercato.catalog.v1.CatalogService/GetProduct' }, links: 0 }, contract, topology)).toEqual(expect.arrayContaining([expect.stringContaining('lacks the attribute rpc.response.status_code')]));
    expect(checkSpan('order-history', { name: 'order_history process', kind: 'consumer', attributes: { 'messaging.system': 'x', 'messaging.operation.type': 'process', 'messaging.destination.name': 's', 'messaging.message.id': 'i', 'mercato.event.type': 't' }, links: 0 }, contract, topology)).toEqual([expect.stringContaining('no link to its producer')]);
  });
});
