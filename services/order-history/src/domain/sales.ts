// What one order adds to the sales figures, as a pure function of its record. The projection
// applies contribution(after) − contribution(before) for every event, so an order counts once
// however many events touch it, and a confirmed order counts in the hour it was PLACED.
import { multiplyMoney, toNanos, type Money } from '@mercato/kit';
import type { OrderRecord } from './order-record';
import { hourOf, HOUR_S } from './time';

export interface ProductSale {
  productId: string;
  productName: string;
  currency: string;
  units: number;
  revenueNanos: bigint;
}

export interface SalesContribution {
  /** Start of the hour the order was placed in, seconds since the epoch. */
  hour: number;
  /** The order's currency; "" for a failed order that was never priced. */
  currency: string;
  orders: number;
  failedOrders: number;
  revenueNanos: bigint;
  products: ProductSale[];
}

/** Confirmed orders count with their revenue and lines; failed ones as a count; pending ones not at all. */
export function salesContribution(r: OrderRecord): SalesContribution | undefined {
  if (!r.placeTime) return undefined;
  const hour = hourOf(r.placeTime);
  if (r.failure) return { hour, currency: r.total?.currencyCode ?? '', orders: 0, failedOrders: 1, revenueNanos: 0n, products: [] };
  if (!r.confirmed) return undefined;
  const revenue = r.confirmed.total ?? r.total;
  const products = new Map<string, ProductSale>();
  for (const line of r.lines) {
    const amount: Money | null = line.lineTotal ?? (line.unitPrice ? multiplyMoney({ ...line.unitPrice, units: String(line.unitPrice.units) }, line.quantity) : null);
    const currency = amount?.currencyCode ?? revenue?.currencyCode ?? '';
    const key = `${currency}\u0000${line.productId}`;
    const sale = products.get(key) ?? { productId: line.productId, productName: line.productName, currency, units: 0, revenueNanos: 0n };
    sale.units += line.quantity;
    sale.revenueNanos += amount ? toNanos(amount) : 0n;
    products.set(key, sale);
  }
  return { hour, currency: revenue?.currencyCode ?? '', orders: 1, failedOrders: 0, revenueNanos: revenue ? toNanos(revenue) : 0n, products: [...products.values()] };
}

export function sameContribution(a: SalesContribution | undefined, b: SalesContribution | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.hour === b.hour &&
    a.currency === b.currency &&
    a.orders === b.orders &&
    a.failedOrders === b.failedOrders &&
    a.revenueNanos === b.revenueNanos &&
    a.products.length === b.products.length &&
    a.products.every((p, i) => {
      const q = b.products[i]!;
      return p.productId === q.productId && p.productName === q.productName && p.currency === q.currency && p.units === q.units && p.revenueNanos === q.revenueNanos;
    })
  );
}

/** The hour starts covering [start, end): from start's hour up to the last hour beginning before end. */
export function hoursCovering(startS: number, endS: number): number[] {
  const hours: number[] = [];
  for (let h = Math.floor(startS / HOUR_S) * HOUR_S; h < endS; h += HOUR_S) hours.push(h);
  return hours;
}
