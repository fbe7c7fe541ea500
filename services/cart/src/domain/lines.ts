// Cart lines: plain values and the arithmetic the decider needs on them.
import { toNanos, type Money } from '@mercato/kit';
import type { Money__Output } from '@mercato/protos/gen/mercato/common/v1/Money';
import type { MergedItem__Output as MergedItem } from '@mercato/protos/gen/mercato/cart/v1/MergedItem';
import type { CartLimits } from './cart';

/** A product line, with the name and unit price the catalog had when the line last changed. */
export interface Line {
  productId: string;
  productName: string;
  quantity: number;
  unitPrice: Money;
}

/** A product as the catalog sells it now. */
export type Product = Omit<Line, 'quantity'>;

/** An event's price as a plain Money ("XXX", ISO 4217's "no currency", if an event lacks one). */
export const priceOf = (m: Money__Output | null): Money => (m ? { currencyCode: m.currencyCode, units: m.units, nanos: m.nanos } : { currencyCode: 'XXX', units: '0', nanos: 0 });

export const samePrice = (a: Money, b: Money): boolean => a.currencyCode === b.currencyCode && toNanos(a) === toNanos(b);

/** The lines with one line replaced (or appended when absent). */
export function withLine(lines: readonly Line[], productId: string, change: (line: Line | undefined) => Line): readonly Line[] {
  const i = lines.findIndex((l) => l.productId === productId);
  return i < 0 ? [...lines, change(undefined)] : lines.map((l, j) => (j === i ? change(l) : l));
}

/**
 * What of a guest cart's lines fits into a cart: quantities capped at the most of one product,
 * new products only while there is room for lines, and only in the cart's currency.
 */
export function mergeableItems(lines: readonly Line[], incoming: readonly Line[], limits: CartLimits): MergedItem[] {
  const out: MergedItem[] = [];
  let lineCount = lines.length;
  let currency = lines[0]?.unitPrice.currencyCode;
  for (const item of incoming) {
    const have = lines.find((l) => l.productId === item.productId)?.quantity ?? 0;
    const add = Math.min(item.quantity, limits.maxQuantity - have);
    if (add <= 0 || out.some((o) => o.productId === item.productId)) continue;
    if (have === 0 && lineCount >= limits.maxLines) continue;
    if (currency && item.unitPrice.currencyCode !== currency) continue;
    currency = item.unitPrice.currencyCode;
    if (have === 0) lineCount++;
    out.push({ productId: item.productId, productName: item.productName, quantity: add, unitPrice: item.unitPrice });
  }
  return out;
}
