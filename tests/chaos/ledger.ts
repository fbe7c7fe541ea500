// What the event log says happened, folded with the services' own deciders: every order (is its
// saga finished?), its payment (captured more than once? left authorized?), every product's stock
// (did it ever go negative? is anything still reserved?). Streams are found through $all, but
// judged from their own reads: $all shows a commit only once every older transaction in the
// PostgreSQL cluster has ended, so it may lag behind a stream by as long as the longest one runs.
import { clientStore, decodeEvent, START, type EventStorePort, type StoredEvent } from '@mercato/eventsourcing';
import type { EventStoreClient } from '@mercato/eventstore';
import { holdOf, stockDecider, stockStream, type StockEvent, type StockState } from '@mercato/inventory';
import { nextStep, orderDecider, orderStream, type OrderEvent, type OrderState } from '@mercato/orders';
import { paymentIdFor, paymentStream } from '@mercato/payments';

const PAYMENTS = 'mercato.payments.v1.';
const CONCURRENCY = 16;

export interface PaymentRecord {
  paymentId: string;
  orderId: string;
  authorized: boolean;
  declined: boolean;
  captures: number;
  voided: boolean;
  authorizedAt?: Date;
}

export interface Ledger {
  /** By order id; undefined when the order's stream does not exist. */
  orders: Map<string, OrderState | undefined>;
  /** By payment id. */
  payments: Map<string, PaymentRecord>;
  /** By product id. */
  stock: Map<string, StockState>;
  /** Each moment a product's stock went negative while folding, e.g. "APP-0001 at revision 12: reserved -1". */
  negative: string[];
  events: number;
}

/** Streams found through $all: the ids after each prefix ("order-", "payment-", "stock-"). */
export interface Discovered {
  orders: Set<string>;
  payments: Set<string>;
  products: Set<string>;
}

/** Every stream so far under the three prefixes (a catch-up subscription to $all, stopped when caught up). */
export async function discover(client: EventStoreClient): Promise<Discovered> {
  const found: Discovered = { orders: new Set(), payments: new Set(), products: new Set() };
  const stop = new AbortController();
  try {
    for await (const m of clientStore(client).subscribe({ after: START, filter: { streamPrefixes: ['order-', 'payment-', 'stock-'] }, signal: stop.signal })) {
      if (m.kind === 'caught_up') break;
      if (m.kind !== 'event') continue;
      const s = m.event.stream;
      if (s.startsWith('order-')) found.orders.add(s.slice('order-'.length));
      else if (s.startsWith('payment-')) found.payments.add(s.slice('payment-'.length));
      else found.products.add(s.slice('stock-'.length));
    }
  } finally {
    stop.abort();
  }
  return found;
}

async function mapLimit<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}

/** One order's state from its own stream; undefined when there is no such stream. */
export async function readOrder(store: EventStorePort, orderId: string): Promise<{ state: OrderState | undefined; events: number }> {
  const events = await store.readStream(orderStream(orderId));
  if (events.length === 0) return { state: undefined, events: 0 };
  return { state: events.reduce((s, e) => orderDecider.evolve(s, decodeEvent<OrderEvent>(e)), orderDecider.initialState()), events: events.length };
}

function foldPayment(paymentId: string, events: readonly StoredEvent[]): PaymentRecord {
  const p: PaymentRecord = { paymentId, orderId: '', authorized: false, declined: false, captures: 0, voided: false };
  for (const e of events) {
    const data = decodeEvent(e).data as { orderId?: string };
    if (!p.orderId && data.orderId) p.orderId = data.orderId;
    if (e.type === `${PAYMENTS}PaymentAuthorized`) {
      p.authorized = true;
      p.authorizedAt = e.createdAt;
    } else if (e.type === `${PAYMENTS}PaymentDeclined`) p.declined = true;
    else if (e.type === `${PAYMENTS}PaymentCaptured`) p.captures++;
    else if (e.type === `${PAYMENTS}PaymentVoided`) p.voided = true;
  }
  return p;
}

/**
 * Reads, stream by stream, the orders asked for, their payments (the one the saga asks for, by
 * its idempotency key, and any other payment stream named), and the stock of the products named.
 */
export async function readLedger(client: EventStoreClient, what: { orders: Iterable<string>; products: Iterable<string>; payments?: Iterable<string> }): Promise<Ledger> {
  const store = clientStore(client);
  const ledger: Ledger = { orders: new Map(), payments: new Map(), stock: new Map(), negative: [], events: 0 };
  const ids = [...new Set(what.orders)];
  for (const [i, r] of (await mapLimit(ids, (id) => readOrder(store, id))).entries()) {
    ledger.orders.set(ids[i]!, r.state);
    ledger.events += r.events;
  }
  const paymentIds = [...new Set([...ids.map((id) => paymentIdFor(`order-${id}`)), ...(what.payments ?? [])])];
  for (const [i, events] of (await mapLimit(paymentIds, (id) => store.readStream(paymentStream(id)))).entries()) {
    if (events.length === 0) continue;
    ledger.payments.set(paymentIds[i]!, foldPayment(paymentIds[i]!, events));
    ledger.events += events.length;
  }
  const products = [...new Set(what.products)];
  for (const [i, events] of (await mapLimit(products, (id) => store.readStream(stockStream(id)))).entries()) {
    let s = stockDecider.initialState();
    for (const e of events) {
      s = stockDecider.evolve(s, decodeEvent<StockEvent>(e));
      const bad = ([['on hand', s.onHand], ['reserved', s.reserved], ['available', s.onHand - s.reserved]] as const).filter(([, v]) => v < 0);
      for (const [what, v] of bad) ledger.negative.push(`${products[i]} at revision ${e.revision}: ${what} ${v}`);
    }
    ledger.stock.set(products[i]!, s);
    ledger.events += events.length;
  }
  return ledger;
}

/** The saga has nothing left to do (confirmed, or failed and compensated). */
export function isFinished(s: OrderState | undefined): boolean {
  return !!s && s.phase !== 'new' && nextStep(s, { riskEnabled: true }) === undefined;
}

function failedAt(s: OrderState): string {
  const t = s.updatedAt;
  return t ? new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)).toISOString() : 'at an unknown time';
}

/** Broken promises, each naming the order or product it concerns. */
export interface Findings {
  /** Acknowledged to a shopper (201/202), absent from the log. */
  lost: string[];
  /** The saga still has a step or a compensation to do. */
  unfinished: string[];
  /** More than one capture for one order. */
  duplicateCharges: string[];
  /** A capture for an order that did not go through. */
  chargedNotConfirmed: string[];
  /** Confirmed, yet no capture. */
  confirmedNotCharged: string[];
  /** A failed order whose authorization is still open on the card (neither captured nor voided). */
  openAuthorizations: string[];
  /** Stock that went negative at some point of its history. */
  negativeStock: string[];
  /** Units still reserved once every order is finished. */
  reservedLeft: string[];
  /** A confirmed order's lines not committed, or a failed order still holding stock. */
  holdMismatch: string[];
}

export const FINDING_NAMES: Record<keyof Findings, string> = {
  lost: 'acknowledged orders missing from the log',
  unfinished: 'orders whose saga never finished',
  duplicateCharges: 'orders captured more than once',
  chargedNotConfirmed: 'failed orders that were charged',
  confirmedNotCharged: 'confirmed orders never charged',
  openAuthorizations: 'failed orders whose authorization was never voided',
  negativeStock: 'stock that went negative',
  reservedLeft: 'stock still reserved after every order finished',
  holdMismatch: 'stock holds that disagree with the order outcome',
};

/** Judges the orders read into the ledger and all the stock; `acknowledged` are the ids shoppers got with a 201/202. */
export function judge(ledger: Ledger, acknowledged: Iterable<string>): Findings {
  const f: Findings = { lost: [], unfinished: [], duplicateCharges: [], chargedNotConfirmed: [], confirmedNotCharged: [], openAuthorizations: [], negativeStock: [...ledger.negative], reservedLeft: [], holdMismatch: [] };
  for (const id of acknowledged) if (!ledger.orders.get(id)?.placed) f.lost.push(id);

  const paymentsOf = new Map<string, PaymentRecord[]>();
  for (const p of ledger.payments.values()) paymentsOf.set(p.orderId, [...(paymentsOf.get(p.orderId) ?? []), p]);

  for (const [id, s] of ledger.orders) {
    if (!s) continue;
    if (!isFinished(s)) f.unfinished.push(`${id} (${s.phase}, next: ${nextStep(s, { riskEnabled: true }) ?? 'none'})`);
    const payments = paymentsOf.get(id) ?? [];
    const captures = payments.reduce((n, p) => n + p.captures, 0);
    if (captures > 1) f.duplicateCharges.push(`${id} (${captures} captures)`);
    if (captures > 0 && s.phase === 'failed') f.chargedNotConfirmed.push(id);
    if (captures === 0 && s.phase === 'confirmed') f.confirmedNotCharged.push(id);
    if (s.phase === 'failed') {
      for (const p of payments) {
        if (p.authorized && p.captures === 0 && !p.voided) f.openAuthorizations.push(`${id} (payment ${p.paymentId} authorized ${p.authorizedAt?.toISOString()}; order failed (last event ${failedAt(s)}) at ${s.failure?.step}: ${s.failure?.message})`);
      }
    }

    const wanted = new Map<string, number>();
    for (const l of s.priced?.lines ?? []) wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + Number(l.quantity));
    for (const [productId, quantity] of wanted) {
      const stock = ledger.stock.get(productId);
      const hold = stock ? holdOf(stock, id) : undefined;
      if (s.phase === 'confirmed' && (hold?.status !== 'committed' || hold.quantity !== quantity)) f.holdMismatch.push(`${id} confirmed, ${productId} ${hold ? `${hold.status}` : 'never reserved'}`);
      if (s.phase === 'failed' && (hold?.status === 'reserved' || hold?.status === 'committed')) f.holdMismatch.push(`${id} failed, ${productId} still ${hold.status}`);
    }
  }
  for (const [productId, s] of ledger.stock) if (s.reserved !== 0) f.reservedLeft.push(`${productId} (${s.reserved} reserved)`);
  return f;
}

export function countFindings(f: Findings): number {
  return Object.values(f).reduce((n, list: string[]) => n + list.length, 0);
}

/** "name: 2 (a; b)" lines for the findings that are not empty. */
export function describeFindings(f: Findings, max = 5): string[] {
  return (Object.keys(f) as Array<keyof Findings>)
    .filter((k) => f[k].length > 0)
    .map((k) => `${FINDING_NAMES[k]}: ${f[k].length} (${f[k].slice(0, max).join('; ')}${f[k].length > max ? '; …' : ''})`);
}
