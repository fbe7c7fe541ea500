// Order and payment histories as the orders and payments services write them, for the feature
// tests (folded in memory) and the integration tests (appended to a real event store).
import { randomUUID } from 'node:crypto';
import { encodeEvent, type Position } from '@mercato/eventsourcing';
import type { EventStoreClient } from '@mercato/eventstore';
import type { Money } from '@mercato/kit';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { AssessRequest__Output } from '@mercato/protos/gen/mercato/risk/v1/AssessRequest';
import type { Decision__Output } from '@mercato/protos/gen/mercato/risk/v1/Decision';
import type { DeclineReason__Output } from '@mercato/protos/gen/mercato/payments/v1/DeclineReason';
import type { FailureReason__Output } from '@mercato/protos/gen/mercato/orders/v1/FailureReason';
import { toRiskOrder } from '../../src/api';
import type { RiskOrder } from '../../src/domain/order';
import type { RiskEvent } from '../../src/features/events';
import { evolve, initialState, type FeatureState } from '../../src/features/state';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** "Now" of the scenarios: a fixed instant, so nothing depends on the test machine's clock. */
export const T0 = Date.UTC(2025, 5, 2, 12, 0, 0);

export const ts = (ms: number) => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 });

export function money(amount: number, currencyCode = 'USD'): Money {
  const cents = Math.round(amount * 100);
  return { currencyCode, units: String(Math.trunc(cents / 100)), nanos: (cents % 100) * 10_000_000 };
}

export function address(regionCode: string, postalCode: string, street = '1 Main St'): Address__Output {
  return { recipient: 'Ada', addressLines: [street], locality: 'Town', administrativeArea: '', postalCode, regionCode, phone: '' };
}

export const HOME = address('US', '94105', '12 Market St');
const CARD = { brand: 'CARD_BRAND_VISA' as const, last4: '4242', expiryMonth: 12, expiryYear: 2030 };

export interface Drafted {
  stream: string;
  event: RiskEvent;
}

interface OrderOptions {
  orderId: string;
  customerId: string;
  at: number;
  fingerprint?: string;
  shipping?: Address__Output;
  billing?: Address__Output;
  accountCreatedAt?: number;
}

/** A builder of event sequences; each method appends the events one service step writes. */
export class History {
  readonly drafts: Drafted[] = [];

  private add(stream: string, event: RiskEvent): this {
    this.drafts.push({ stream, event });
    return this;
  }

  placed(o: OrderOptions): this {
    return this.add(`order-${o.orderId}`, {
      type: 'mercato.orders.v1.OrderPlaced',
      data: {
        orderId: o.orderId,
        customerId: o.customerId,
        cartId: `cart-${o.customerId}`,
        idempotencyKey: `key-${o.orderId}`,
        shippingAddress: o.shipping ?? HOME,
        billingAddress: o.billing ?? null,
        shippingSpeed: 'SHIPPING_SPEED_STANDARD',
        cardToken: `tok-${o.orderId}`,
        card: CARD,
        cardFingerprint: o.fingerprint ?? `fp-${o.customerId}`,
        email: `${o.customerId}@example.com`,
        accountCreateTime: o.accountCreatedAt !== undefined ? ts(o.accountCreatedAt) : null,
        eventTime: ts(o.at),
      },
    });
  }

  priced(orderId: string, customerId: string, at: number, total: number): this {
    const line = { productId: 'p-1', productName: 'Thing', quantity: 1, unitPrice: money(total), lineTotal: money(total) };
    return this.add(`order-${orderId}`, { type: 'mercato.orders.v1.OrderPriced', data: { orderId, customerId, lines: [line], subtotal: money(total), shippingCost: money(0), total: money(total), eventTime: ts(at) } });
  }

  authorized(orderId: string, customerId: string, at: number, total: number, fingerprint = `fp-${customerId}`): this {
    return this.add(`payment-pay-${orderId}`, {
      type: 'mercato.payments.v1.PaymentAuthorized',
      data: { paymentId: `pay-${orderId}`, orderId, customerId, idempotencyKey: `order-${orderId}`, amount: money(total), card: CARD, cardFingerprint: fingerprint, eventTime: ts(at) },
    });
  }

  declined(orderId: string, customerId: string, at: number, fingerprint = `fp-${customerId}`, reason: DeclineReason__Output = 'DECLINE_REASON_CARD_DECLINED'): this {
    return this.add(`payment-pay-${orderId}`, {
      type: 'mercato.payments.v1.PaymentDeclined',
      data: { paymentId: `pay-${orderId}`, orderId, customerId, idempotencyKey: `order-${orderId}`, amount: money(10), card: CARD, cardFingerprint: fingerprint, reason, message: 'declined', eventTime: ts(at) },
    });
  }

  confirmed(orderId: string, customerId: string, at: number, total: number): this {
    return this.add(`order-${orderId}`, { type: 'mercato.orders.v1.OrderConfirmed', data: { orderId, customerId, total: money(total), eventTime: ts(at) } });
  }

  failed(orderId: string, customerId: string, at: number, reason: FailureReason__Output): this {
    return this.add(`order-${orderId}`, { type: 'mercato.orders.v1.OrderFailed', data: { orderId, customerId, step: 'SAGA_STEP_ASSESS_RISK', reason, message: 'failed', eventTime: ts(at) } });
  }

  refunded(orderId: string, customerId: string, at: number, amount: number): this {
    return this.add(`payment-pay-${orderId}`, {
      type: 'mercato.payments.v1.PaymentRefunded',
      data: { paymentId: `pay-${orderId}`, orderId, customerId, idempotencyKey: `refund-${orderId}`, amount: money(amount), reason: 'returned', eventTime: ts(at) },
    });
  }

  riskAssessed(orderId: string, customerId: string, at: number, decision: Decision__Output, score: number): this {
    return this.add(`order-${orderId}`, {
      type: 'mercato.orders.v1.OrderRiskAssessed',
      data: { orderId, customerId, decision, score, reasons: [{ code: 'order_velocity', description: 'Order velocity: recorded', weight: 1 }], modelVersion: 'risk-lr-recorded', eventTime: ts(at) },
    });
  }

  /** A whole successful checkout: placed, priced, paid and confirmed within a minute. */
  order(o: OrderOptions & { total: number }): this {
    const fp = o.fingerprint ?? `fp-${o.customerId}`;
    return this.placed(o).priced(o.orderId, o.customerId, o.at + 1000, o.total).authorized(o.orderId, o.customerId, o.at + 3000, o.total, fp).confirmed(o.orderId, o.customerId, o.at + 9000, o.total);
  }
}

/** The feature store after the history, as the service would hold it. */
export function fold(h: History, state: FeatureState = initialState()): FeatureState {
  for (const d of h.drafts) evolve(state, d.event, T0);
  return state;
}

/** Appends the drafts in order, one event per append (each its own commit); returns the last position. */
export async function append(client: EventStoreClient, h: History): Promise<Position> {
  let last: Position = { commit: 0n, prepare: 0n };
  for (const d of h.drafts) {
    const e = encodeEvent({ type: d.event.type, data: d.event.data }, randomUUID());
    const r = await client.append({ stream: d.stream, expectedRevision: { any: {} }, events: [{ id: e.id, type: e.type, data: Buffer.from(e.data), metadata: e.metadata, contentType: e.contentType ?? '' }] });
    last = { commit: BigInt(r.position!.commit), prepare: BigInt(r.position!.prepare) };
  }
  return last;
}

export interface RequestOptions {
  orderId: string;
  customerId: string;
  total?: number;
  lines?: { productId?: string; quantity: number; unitPrice: number; categoryId?: string }[];
  fingerprint?: string;
  shipping?: Address__Output;
  billing?: Address__Output | null;
  accountCreatedAt?: number | null;
  at?: number;
}

/** An AssessRequest as the orders saga sends it (the decoded shape: every field present). */
export function request(o: RequestOptions): AssessRequest__Output {
  const lines = o.lines ?? [{ quantity: 1, unitPrice: o.total ?? 40 }];
  const total = o.total ?? lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  return {
    orderId: o.orderId,
    customerId: o.customerId,
    total: money(total),
    lines: lines.map((l, i) => ({ productId: l.productId ?? `p-${i}`, quantity: l.quantity, unitPrice: money(l.unitPrice), categoryId: l.categoryId ?? '' })),
    shippingAddress: o.shipping ?? HOME,
    billingAddress: o.billing ?? null,
    card: CARD,
    cardFingerprint: o.fingerprint ?? `fp-${o.customerId}`,
    accountCreateTime: o.accountCreatedAt === null ? null : ts(o.accountCreatedAt ?? T0 - 400 * DAY),
    clientIp: '203.0.113.7',
    orderTime: ts(o.at ?? T0),
  };
}

export const riskOrder = (o: RequestOptions): RiskOrder => toRiskOrder(request(o), T0);

/** A customer with `n` confirmed orders of about `typical` over the last weeks. */
export function regular(h: History, customerId: string, n: number, typical: number, fingerprint = `fp-${customerId}`): History {
  for (let i = 0; i < n; i++) h.order({ orderId: `${customerId}-old-${i}`, customerId, at: T0 - (n - i) * 5 * DAY, total: typical * (0.8 + (i % 3) * 0.2), fingerprint, accountCreatedAt: T0 - 400 * DAY });
  return h;
}
