// The checkout saga's driver: load the order, ask the decider what comes next, do it against the
// dependency, record the outcome as a command, repeat until nothing is left. Every call it makes is
// idempotent by the order id, so a second driver (after a crash, or on another replica) can only
// repeat answers, never effects.
import { setTimeout as sleep } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { context, ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import { commandEventId, decodeEvent, DomainError, fold, handleCommand, inSequence, type EventStorePort, type HandleResult } from '@mercato/eventsourcing';
import { GrpcError, type KitClient, type Logger, type Money } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { InventoryServiceDefinition } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import type { PaymentsServiceDefinition } from '@mercato/protos/gen/mercato/payments/v1/PaymentsService';
import type { ShippingServiceDefinition } from '@mercato/protos/gen/mercato/shipping/v1/ShippingService';
import type { RiskServiceDefinition } from '@mercato/protos/gen/mercato/risk/v1/RiskService';
import { nextStep, orderDecider, STEP_OF, type OrderCommand, type OrderEvent, type OrderState, type SagaAction } from './domain/order';

export interface SagaClients {
  catalog: KitClient<CatalogServiceDefinition>;
  inventory: KitClient<InventoryServiceDefinition>;
  payments: KitClient<PaymentsServiceDefinition>;
  shipping: KitClient<ShippingServiceDefinition>;
  /** Present only when the topology declares the call: without it the step does not exist. */
  risk?: KitClient<RiskServiceDefinition>;
}

export interface SagaOptions {
  store: EventStorePort;
  clients: SagaClients;
  log: Logger;
  /** Attempts of a compensable step while its dependency is unavailable. */
  stepAttempts: number;
  /** First back-off between attempts; doubles, capped at 30 s. */
  backoffMs: number;
  /** Called once per action done, with its outcome and duration (metrics). */
  observe?: (action: SagaAction, outcome: string, seconds: number) => void;
  now?: () => Date;
}

export const orderStream = (orderId: string): string => `order-${orderId}`;

/** The idempotency key of the order's authorization. */
export const authorizationKey = (orderId: string): string => `order-${orderId}`;

/**
 * The id payments gives the authorization made with the order's key (payments' paymentIdFor: the
 * first event id of the Authorize command with that key); a test checks the two agree.
 */
export const authorizationPaymentId = (orderId: string): string => commandEventId(`payments.Authorize:${authorizationKey(orderId)}`, 0);

/** Several outcomes recorded in one append (steps done together, and the confirmation after them). */
const orderSteps = inSequence(orderDecider);

/** The order as last read or written: state and the stream's revision (-1n: no stream). */
export interface OrderView {
  state: OrderState;
  revision: bigint;
}

/** Codes that say "try again later" rather than "this request is wrong". */
const TRANSIENT = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED, status.ABORTED, status.INTERNAL, status.UNKNOWN, status.CANCELLED]);

export function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' ? TRANSIENT.has(code) : true;
}

export class CheckoutSaga {
  private readonly drivers = new Map<string, Promise<OrderState>>();
  private readonly stopping = new AbortController();
  readonly riskEnabled: boolean;

  readonly clients: SagaClients;

  constructor(private readonly o: SagaOptions) {
    this.clients = o.clients;
    this.riskEnabled = !!o.clients.risk;
  }

  async load(orderId: string): Promise<OrderView> {
    const stored = await this.o.store.readStream(orderStream(orderId));
    const state = fold(orderDecider, stored.map((e) => decodeEvent<OrderEvent>(e)));
    return { state, revision: stored.length ? stored[stored.length - 1]!.revision : -1n };
  }

  /**
   * Places a new order: decided on the empty stream the caller just read and appended with
   * no_stream, so the first request wins; a second one conflicts, reads the order and is refused
   * with FAILED_PRECONDITION ("already exists"). Returns the order as written, to drive from.
   */
  async place(orderId: string, command: Extract<OrderCommand, { type: 'Place' }>, customerId: string): Promise<OrderView> {
    const r = await handleCommand(this.o.store, orderDecider, orderStream(orderId), command, {
      known: { state: orderDecider.initialState(), revision: -1n },
      correlationId: orderId,
      userId: customerId,
    });
    return { state: r.state, revision: r.nextExpectedRevision };
  }

  isDriving(orderId: string): boolean {
    return this.drivers.has(orderId);
  }

  /**
   * Drives the order until it needs nothing more (or the service stops); one driver per order here.
   * `known`: the order as the caller just wrote it, so the driver does not read it again.
   */
  drive(orderId: string, trace: Context = ROOT_CONTEXT, known?: OrderView): Promise<OrderState> {
    let driver = this.drivers.get(orderId);
    if (!driver) {
      driver = context.with(trace, () => this.run(orderId, known)).finally(() => this.drivers.delete(orderId));
      this.drivers.set(orderId, driver);
    }
    return driver;
  }

  /** Stops between steps; resolves when every driver has returned. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.drivers.values()]);
  }

  private async run(orderId: string, known?: OrderView): Promise<OrderState> {
    // The order is read once (or not at all when the caller just wrote it); each recorded step
    // returns the new state and revision, so later steps decide on it without reading the stream
    // again (a stale view only costs a conflict).
    let { state, revision } = known ?? (await this.load(orderId));
    const products = this.productsOnce();
    for (;;) {
      const action = nextStep(state, { riskEnabled: this.riskEnabled });
      if (!action || this.stopping.signal.aborted) return state;
      const t0 = process.hrtime.bigint();
      // Stock commit and capture both come after the shipment and depend on nothing but it: they
      // run together and are recorded in one append, with the confirmation that follows them.
      const actions: SagaAction[] = action === 'commit-stock' && !state.paymentCaptured ? ['commit-stock', 'capture-payment'] : [action];
      const done = await Promise.all(actions.map((a) => this.perform(a, state, products)));
      const commands = done.filter((c): c is OrderCommand => c !== undefined);
      if (commands.length === 0) return state; // stopped while waiting to retry
      let confirm = false;
      try {
        if (commands.length === done.length) {
          const after = fold(orderDecider, orderSteps.decide(commands, state), state);
          confirm = nextStep(after, { riskEnabled: this.riskEnabled }) === 'confirm';
          if (confirm) commands.push({ type: 'Confirm', data: { now: (this.o.now ?? (() => new Date()))() } });
        }
        const r: HandleResult<OrderEvent, OrderState> = await handleCommand(this.o.store, orderSteps, orderStream(orderId), commands, {
          known: { state, revision },
          correlationId: orderId,
          userId: state.placed?.customerId,
        });
        ({ state, nextExpectedRevision: revision } = r);
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        actions.forEach((a, i) => done[i] && this.o.observe?.(a, outcomeOf(done[i]), seconds));
        if (confirm) this.o.observe?.('confirm', 'ok', seconds);
      } catch (err) {
        // Another driver recorded a different outcome first: reload and go on from there.
        if (!(err instanceof DomainError)) throw err;
        this.o.log.info({ orderId, action, err: err.message }, 'saga step already moved on');
        ({ state, revision } = await this.load(orderId));
      }
    }
  }

  /** Does one action against its dependency and says what to record. */
  private async perform(action: SagaAction, s: OrderState, products: ProductLookup): Promise<OrderCommand | undefined> {
    const orderId = s.placed!.orderId;
    const now = () => (this.o.now ?? (() => new Date()))();
    const fail = (reason: Parameters<typeof failCommand>[1], message: string) => failCommand(action, reason, message, now());
    // Compensable steps give up after stepAttempts; steps past the shipment (and compensations)
    // cannot give up, so they keep trying, backing off up to 30 s.
    const bounded = action === 'assess-risk' || action === 'reserve-stock' || action === 'authorize-payment' || action === 'create-shipment';
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        return await this.step(action, s, now, products);
      } catch (err) {
        if (!isTransient(err)) {
          if (bounded) return fail(action === 'create-shipment' ? 'FAILURE_REASON_SHIPPING_UNAVAILABLE' : 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', `${action} was refused: ${(err as Error).message}`);
          this.o.log.error({ orderId, action, err: (err as Error).message }, 'a saga step past the point of no return was refused; retrying');
        }
        if (bounded && attempt >= this.o.stepAttempts) {
          const reason = action === 'create-shipment' ? 'FAILURE_REASON_SHIPPING_UNAVAILABLE' : 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE';
          return fail(reason, `${action} failed ${attempt} times: ${(err as Error).message}`);
        }
        this.o.log.warn({ orderId, action, attempt, err: (err as Error).message }, 'saga step failed; retrying');
        const delay = Math.min(this.o.backoffMs * 2 ** (attempt - 1), 30_000) * (0.75 + Math.random() / 2);
        try {
          await sleep(delay, undefined, { signal: this.stopping.signal });
        } catch {
          return undefined;
        }
      }
    }
  }

  private async step(action: SagaAction, s: OrderState, now: () => Date, products: ProductLookup): Promise<OrderCommand> {
    const placed = s.placed!;
    const priced = s.priced!;
    const orderId = placed.orderId;
    const c = this.o.clients;
    switch (action) {
      case 'assess-risk': {
        const catalog = await products(priced.lines.map((l) => l.productId));
        const r = await c.risk!.call('Assess', {
          orderId,
          customerId: placed.customerId,
          total: priced.total,
          lines: priced.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, categoryId: catalog.get(l.productId)?.categoryId ?? '' })),
          shippingAddress: placed.shippingAddress,
          billingAddress: placed.billingAddress,
          card: placed.card,
          cardFingerprint: placed.cardFingerprint,
          accountCreateTime: placed.accountCreateTime,
          orderTime: placed.eventTime,
        });
        return { type: 'RecordRisk', data: { decision: r.decision, score: r.score, reasons: r.reasons, modelVersion: r.modelVersion, now: now() } };
      }
      case 'reserve-stock': {
        const r = await c.inventory.call('ReserveStock', { orderId, lines: priced.lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity) })) });
        const res = r.reservation;
        if (res?.status === 'RESERVATION_STATUS_RESERVED' || res?.status === 'RESERVATION_STATUS_COMMITTED') return { type: 'RecordStockReserved', data: { now: now() } };
        const short = (res?.shortages ?? []).map((x) => `${x.productId} (wanted ${x.requested}, ${x.available} left)`).join(', ');
        return failCommand(action, 'FAILURE_REASON_OUT_OF_STOCK', short ? `out of stock: ${short}` : `stock could not be reserved (${res?.status ?? 'no answer'})`, now());
      }
      case 'authorize-payment': {
        const r = await c.payments.call('Authorize', {
          idempotencyKey: authorizationKey(orderId),
          orderId,
          customerId: placed.customerId,
          amount: priced.total,
          cardToken: placed.cardToken,
        });
        const p = r.payment!;
        if (p.status === 'PAYMENT_STATUS_AUTHORIZED' || p.status === 'PAYMENT_STATUS_CAPTURED') {
          return { type: 'RecordPaymentAuthorized', data: { paymentId: p.paymentId, amount: p.authorizedAmount as Money, now: now() } };
        }
        if (p.status === 'PAYMENT_STATUS_DECLINED') return failCommand(action, 'FAILURE_REASON_PAYMENT_DECLINED', p.declineMessage || 'the card was declined', now());
        throw new GrpcError(status.FAILED_PRECONDITION, `payment ${p.paymentId} is ${p.status}, not authorized`);
      }
      case 'create-shipment': {
        const catalog = await products(priced.lines.map((l) => l.productId));
        const r = await c.shipping.call('CreateShipment', {
          orderId,
          destination: placed.shippingAddress,
          parcels: priced.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitWeightGrams: catalog.get(l.productId)?.weightGrams ?? 0 })),
          speed: placed.shippingSpeed,
          currencyCode: priced.total?.currencyCode ?? '',
        });
        const sh = r.shipment!;
        return { type: 'RecordShipmentCreated', data: { shipmentId: sh.shipmentId, trackingNumber: sh.trackingNumber, carrier: sh.carrier, now: now() } };
      }
      case 'commit-stock':
        await c.inventory.call('CommitStock', { orderId });
        return { type: 'RecordStockCommitted', data: { now: now() } };
      case 'capture-payment': {
        const r = await c.payments.call('Capture', { paymentId: s.payment!.paymentId, amount: s.payment!.amount });
        return { type: 'RecordPaymentCaptured', data: { amount: (r.payment?.capturedAmount ?? s.payment!.amount) as Money, now: now() } };
      }
      case 'confirm':
        return { type: 'Confirm', data: { now: now() } };
      case 'release-stock':
        await c.inventory.call('ReleaseStock', { orderId });
        return { type: 'RecordStockReleased', data: { now: now() } };
      case 'void-payment': {
        // Without a recorded authorization (its answer was lost) the payment id is the one payments
        // derives from the authorization's idempotency key; NOT_FOUND or FAILED_PRECONDITION
        // (declined, nothing held) then mean there is nothing to void.
        const paymentId = s.payment?.paymentId ?? authorizationPaymentId(orderId);
        try {
          await c.payments.call('Void', { paymentId });
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          if (s.payment || (code !== status.NOT_FOUND && code !== status.FAILED_PRECONDITION)) throw err;
        }
        return { type: 'RecordPaymentVoided', data: { paymentId, now: now() } };
      }
    }
  }

  /** The catalog's view of the order's products (category for risk, weight for shipping). */
  private async products(productIds: string[]): Promise<ProductFacts> {
    const r = await this.o.clients.catalog.call('BatchGetProducts', { productIds });
    return new Map(r.products.map((p) => [p.id, { categoryId: p.categoryId, weightGrams: p.weightGrams }]));
  }

  /** One catalog lookup per driver run, shared by the steps that need it (a failed one is asked again). */
  private productsOnce(): ProductLookup {
    let found: Promise<ProductFacts> | undefined;
    return (productIds) => {
      found ??= this.products(productIds).catch((err: unknown) => {
        found = undefined;
        throw err;
      });
      return found;
    };
  }
}

type ProductFacts = Map<string, { categoryId: string; weightGrams: number }>;
/** The order's products; the lines never change within a run, so one answer serves every step. */
type ProductLookup = (productIds: string[]) => Promise<ProductFacts>;

function failCommand(action: SagaAction, reason: Extract<OrderCommand, { type: 'Fail' }>['data']['reason'], message: string, now: Date): OrderCommand {
  return { type: 'Fail', data: { step: STEP_OF[action], reason, message, now } };
}

function outcomeOf(command: OrderCommand): string {
  if (command.type !== 'Fail') return 'ok';
  return command.data.reason.replace('FAILURE_REASON_', '').toLowerCase();
}
