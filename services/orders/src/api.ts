// gRPC handlers of mercato.orders.v1.OrdersService. PlaceOrder prices the signed-in user's cart
// while their call (and token) is live, records OrderPlaced + OrderPriced, and leaves the rest to
// the saga driver; it answers the order's state once the saga ends or the caller's deadline nears.
import { setTimeout as sleep } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { commandEventId } from '@mercato/eventsourcing';
import { addMoney, GrpcError, invalidArgument, multiplyMoney, sumMoney, type AsyncHandlers, type CallContext, type KitClient, type Money, type ServeOptions } from '@mercato/kit';
import type { OrdersServiceHandlers } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';
import type { Order } from '@mercato/protos/gen/mercato/orders/v1/Order';
import type { OrderStatus } from '@mercato/protos/gen/mercato/orders/v1/OrderStatus';
import type { PlaceOrderRequest__Output } from '@mercato/protos/gen/mercato/orders/v1/PlaceOrderRequest';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { ShippingSpeed__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShippingSpeed';
import { nextStep, STEP_OF, type OrderCommand, type OrderState } from './domain/order';
import type { CheckoutSaga, OrderView, SagaClients } from './saga';

export interface OrdersApiOptions {
  saga: CheckoutSaga;
  clients: SagaClients & { cart: KitClient<CartServiceDefinition> };
  /** Longest PlaceOrder waits for the saga when the caller set no (or a longer) deadline. */
  placeWaitMs: number;
  now?: () => Date;
}

/** Answer this long before the caller's deadline, so PENDING arrives in time. */
const DEADLINE_MARGIN_MS = 150;

/** One order per (customer, idempotency key): the id is derived from both. */
export function orderIdFor(customerId: string, idempotencyKey: string): string {
  return commandEventId(`order/${customerId}/${idempotencyKey}`, 0);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function text(value: string, field: string, max: number, required: boolean): void {
  if (required && !value.trim()) throw invalidArgument(field, 'is required');
  if (value.length > max) throw invalidArgument(field, `must be at most ${max} characters`);
}

export function checkAddress(a: Address__Output | null, field: string): Address__Output {
  if (!a) throw invalidArgument(field, 'is required');
  text(a.recipient, `${field}.recipient`, 200, true);
  if (a.addressLines.length === 0 || !a.addressLines.some((l) => l.trim())) throw invalidArgument(`${field}.address_lines`, 'needs at least one line');
  if (a.addressLines.length > 5) throw invalidArgument(`${field}.address_lines`, 'must have at most 5 lines');
  a.addressLines.forEach((l, i) => text(l, `${field}.address_lines[${i}]`, 200, false));
  text(a.locality, `${field}.locality`, 100, true);
  text(a.administrativeArea, `${field}.administrative_area`, 100, false);
  text(a.postalCode, `${field}.postal_code`, 20, false);
  text(a.phone, `${field}.phone`, 32, false);
  if (!/^[A-Z]{2}$/.test(a.regionCode)) throw invalidArgument(`${field}.region_code`, 'must be a two-letter ISO 3166-1 country code such as "US"');
  return a;
}

export function checkPlaceOrder(req: PlaceOrderRequest__Output): { shippingAddress: Address__Output; billingAddress: Address__Output; speed: ShippingSpeed__Output } {
  if (!ID.test(req.cartId)) throw invalidArgument('cart_id', 'must be 1-128 letters, digits or ._:- characters');
  if (!ID.test(req.idempotencyKey)) throw invalidArgument('idempotency_key', 'must be 1-128 letters, digits or ._:- characters');
  const shippingAddress = checkAddress(req.shippingAddress, 'shipping_address');
  const billingAddress = req.billingAddress ? checkAddress(req.billingAddress, 'billing_address') : shippingAddress;
  if (!req.card) throw invalidArgument('card', 'is required');
  if (req.email && !EMAIL.test(req.email)) throw invalidArgument('email', 'must be an e-mail address');
  return { shippingAddress, billingAddress, speed: req.shippingSpeed === 'SHIPPING_SPEED_UNSPECIFIED' ? 'SHIPPING_SPEED_STANDARD' : req.shippingSpeed };
}

const STATUS: Record<OrderState['phase'], OrderStatus> = { new: 'ORDER_STATUS_UNSPECIFIED', running: 'ORDER_STATUS_PENDING', confirmed: 'ORDER_STATUS_CONFIRMED', failed: 'ORDER_STATUS_FAILED' };

export function toOrderMessage(s: OrderState, riskEnabled: boolean): Order {
  const p = s.placed!;
  const priced = s.priced;
  const action = nextStep(s, { riskEnabled });
  return {
    orderId: p.orderId,
    customerId: p.customerId,
    status: STATUS[s.phase],
    lines: priced?.lines ?? [],
    subtotal: priced?.subtotal ?? null,
    shippingCost: priced?.shippingCost ?? null,
    total: priced?.total ?? null,
    shippingAddress: p.shippingAddress,
    shippingSpeed: p.shippingSpeed,
    card: p.card,
    paymentId: s.payment?.paymentId ?? '',
    shipmentId: s.shipment?.shipmentId ?? '',
    trackingNumber: s.shipment?.trackingNumber ?? '',
    step: s.failure?.step ?? (action ? STEP_OF[action] : s.phase === 'confirmed' ? 'SAGA_STEP_CONFIRM' : 'SAGA_STEP_UNSPECIFIED'),
    failureReason: s.failure?.reason ?? 'FAILURE_REASON_UNSPECIFIED',
    failureMessage: s.failure?.message ?? '',
    createTime: s.createdAt ?? null,
    updateTime: s.updatedAt ?? null,
  };
}

export function ordersHandlers(o: OrdersApiOptions): AsyncHandlers<OrdersServiceHandlers> {
  const now = o.now ?? (() => new Date());
  const { saga, clients } = o;

  /**
   * Drives the saga (or joins its driver) until it ends or the caller's time is nearly up.
   * `known`: the order as just written, so the driver starts without reading it.
   */
  async function settle(orderId: string, ctx: CallContext, known?: OrderView): Promise<OrderState> {
    const budget = Math.min(o.placeWaitMs, ctx.deadline ? ctx.deadline.getTime() - Date.now() - DEADLINE_MARGIN_MS : Infinity);
    const driver = saga.drive(orderId, ctx.traceContext, known);
    let finished: OrderState | undefined;
    if (budget > 0) {
      // The driver may also stop on an error: the stream has the truth either way.
      const waited = new AbortController();
      finished = await Promise.race([
        driver.catch(() => undefined),
        sleep(budget, undefined, { signal: waited.signal }).then(
          () => undefined,
          () => undefined,
        ),
      ]);
      waited.abort();
    }
    // A driver that ran to the end returns the order as it wrote it last: no need to read it again.
    if (finished && !nextStep(finished, { riskEnabled: saga.riskEnabled })) return finished;
    return (await saga.load(orderId)).state;
  }

  /** Prices the cart at the catalog's current prices and quotes the shipping. */
  async function price(req: PlaceOrderRequest__Output, destination: Address__Output, speed: ShippingSpeed__Output, ctx: CallContext) {
    const { cart } = await clients.cart.call('GetCart', { cartId: req.cartId }, { parent: ctx });
    const items = cart?.items ?? [];
    if (items.length === 0) throw new GrpcError(status.FAILED_PRECONDITION, `cart ${req.cartId} is empty`);
    const { products, missingProductIds } = await clients.catalog.call('BatchGetProducts', { productIds: items.map((i) => i.productId) }, { parent: ctx });
    if (missingProductIds.length) throw new GrpcError(status.FAILED_PRECONDITION, `no longer sold: ${missingProductIds.join(', ')}; remove them from the cart`);
    const byId = new Map(products.map((p) => [p.id, p]));
    const currencies = new Set(products.map((p) => p.price?.currencyCode));
    if (currencies.size !== 1) throw new GrpcError(status.FAILED_PRECONDITION, `the cart mixes currencies (${[...currencies].join(', ')})`);
    const currency = [...currencies][0]!;
    const lines = items.map((i) => {
      const p = byId.get(i.productId)!;
      const unitPrice = p.price as Money;
      return { productId: p.id, productName: p.name, quantity: i.quantity, unitPrice, lineTotal: multiplyMoney(unitPrice, i.quantity) };
    });
    const subtotal = sumMoney(lines.map((l) => l.lineTotal), currency);
    const { quotes } = await clients.shipping.call(
      'GetQuote',
      { destination, parcels: items.map((i) => ({ productId: i.productId, quantity: i.quantity, unitWeightGrams: byId.get(i.productId)!.weightGrams })), currencyCode: currency },
      { parent: ctx },
    );
    const quote = quotes.find((q) => q.speed === speed);
    if (!quote?.cost) throw new GrpcError(status.FAILED_PRECONDITION, `shipping_speed ${speed.replace('SHIPPING_SPEED_', '').toLowerCase()} is not available to ${destination.regionCode}`);
    const shippingCost = quote.cost as Money;
    return { lines, subtotal, shippingCost, total: addMoney(subtotal, shippingCost) };
  }

  return {
    PlaceOrder: async (req, ctx) => {
      const user = ctx.requireUser();
      const { shippingAddress, billingAddress, speed } = checkPlaceOrder(req);
      const orderId = orderIdFor(user.id, req.idempotencyKey);
      let { state } = await saga.load(orderId);
      let placed: OrderView | undefined;
      if (state.phase === 'new') {
        // The cart first: it checks the caller may use it before anything is written anywhere.
        const priced = await price(req, shippingAddress, speed, ctx);
        const card = await clients.payments.call('TokenizeCard', { card: req.card, idempotencyKey: `order-${orderId}` }, { parent: ctx });
        const place: OrderCommand = {
          type: 'Place',
          data: {
            now: now(),
            placed: {
              orderId,
              customerId: user.id,
              cartId: req.cartId,
              idempotencyKey: req.idempotencyKey,
              shippingAddress,
              billingAddress,
              shippingSpeed: speed,
              cardToken: card.cardToken,
              card: card.card,
              cardFingerprint: '',
              email: req.email,
              accountCreateTime: null,
            },
            priced,
          },
        };
        try {
          placed = await saga.place(orderId, place, user.id);
          state = placed.state;
        } catch (err) {
          // A concurrent identical request placed it first: continue with that order.
          if ((err as { code?: string }).code !== 'FAILED_PRECONDITION') throw err;
          state = (await saga.load(orderId)).state;
        }
      }
      if (state.placed!.cartId !== req.cartId) throw new GrpcError(status.FAILED_PRECONDITION, `idempotency_key was already used for an order of cart ${state.placed!.cartId}`);
      state = await settle(orderId, ctx, placed);
      if (state.phase === 'confirmed' && !ctx.signal.aborted) {
        // The user's token is live here: empty the cart now the order holds its lines. A failure
        // leaves the cart as it was, which costs the shopper nothing.
        await clients.cart.call('ClearCart', { cartId: req.cartId, orderId }, { parent: ctx }).catch((err: Error) => ctx.log.warn({ orderId, err: err.message }, 'could not clear the cart'));
      }
      return { order: toOrderMessage(state, saga.riskEnabled) };
    },

    GetOrder: async (req, ctx) => {
      if (!UUID.test(req.orderId)) throw invalidArgument('order_id', 'must be an order id (a UUID)');
      const { state } = await saga.load(req.orderId);
      if (state.phase === 'new') throw new GrpcError(status.NOT_FOUND, `order ${req.orderId} not found`);
      ctx.requireOwner(state.placed!.customerId);
      return { order: toOrderMessage(state, saga.riskEnabled) };
    },
  };
}

/** Both methods act for a signed-in user; GetOrder also lets an admin read any order. */
export const ordersAccess: ServeOptions<OrdersServiceHandlers> = {
  access: { PlaceOrder: 'user', GetOrder: 'user' },
};
