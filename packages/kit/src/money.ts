// Money as the protos carry it (mercato.common.v1.Money: integer units + nanos + currency), and
// exact arithmetic on it as bigint nanos. Never a float.
import { invalidArgument } from './errors';

/** A Money message as grpc-js hands it over or accepts it (int64 units as a decimal string). */
export interface Money {
  currencyCode: string;
  units: string;
  nanos: number;
}

const NANOS = 1_000_000_000n;
/** Amounts above this many units are refused: far beyond any price, far inside int64. */
export const MAX_MONEY_UNITS = 1_000_000_000_000n;

/** The amount in billionths of a unit. */
export function toNanos(m: { units: string | number; nanos: number }): bigint {
  return BigInt(m.units) * NANOS + BigInt(m.nanos);
}

/** Money from billionths of a unit (units and nanos get the same sign, as the proto requires). */
export function fromNanos(total: bigint, currencyCode: string): Money {
  const units = total / NANOS; // truncates toward zero, so nanos keeps the sign of units
  return { currencyCode, units: units.toString(), nanos: Number(total - units * NANOS) };
}

export function zeroMoney(currencyCode: string): Money {
  return { currencyCode, units: '0', nanos: 0 };
}

/** Money from whole cents (e.g. 1999 → 19.99). */
export function moneyFromCents(cents: number | bigint, currencyCode: string): Money {
  return fromNanos(BigInt(cents) * 10_000_000n, currencyCode);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currencyCode !== b.currencyCode) throw new RangeError(`cannot combine ${a.currencyCode} and ${b.currencyCode}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return fromNanos(toNanos(a) + toNanos(b), a.currencyCode);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return fromNanos(toNanos(a) - toNanos(b), a.currencyCode);
}

export function multiplyMoney(m: Money, factor: number | bigint): Money {
  return fromNanos(toNanos(m) * BigInt(factor), m.currencyCode);
}

/** The sum of amounts in one currency (zero for an empty list). */
export function sumMoney(amounts: readonly Money[], currencyCode: string): Money {
  return amounts.reduce((total, m) => addMoney(total, m), zeroMoney(currencyCode));
}

/** -1, 0 or 1; both in one currency. */
export function compareMoney(a: Money, b: Money): number {
  sameCurrency(a, b);
  const d = toNanos(a) - toNanos(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** "USD 12.34" (cents, rounded toward zero) for logs and messages. */
export function formatMoney(m: Money): string {
  const total = toNanos(m);
  const sign = total < 0n ? '-' : '';
  const cents = (total < 0n ? -total : total) / 10_000_000n;
  return `${m.currencyCode} ${sign}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/**
 * Validates a Money field from a request: a three-letter currency, integer units within bounds,
 * nanos in range with the sign of units, and (unless `allowNegative`) not negative. Throws
 * INVALID_ARGUMENT naming `field` (e.g. "amount.units").
 */
export function checkMoney(value: unknown, field: string, options: { allowNegative?: boolean; positive?: boolean } = {}): Money {
  if (typeof value !== 'object' || value === null) throw invalidArgument(field, 'is required');
  const { currencyCode, units, nanos } = value as { currencyCode?: unknown; units?: unknown; nanos?: unknown };
  if (typeof currencyCode !== 'string' || !/^[A-Z]{3}$/.test(currencyCode)) throw invalidArgument(`${field}.currency_code`, 'must be a three-letter ISO 4217 code such as "USD"');
  let u: bigint;
  try {
    u = BigInt(typeof units === 'number' || typeof units === 'string' ? units : 'x');
  } catch {
    throw invalidArgument(`${field}.units`, 'must be an integer');
  }
  if (u > MAX_MONEY_UNITS || u < -MAX_MONEY_UNITS) throw invalidArgument(`${field}.units`, `must be within ±${MAX_MONEY_UNITS}`);
  if (typeof nanos !== 'number' || !Number.isInteger(nanos) || nanos <= -1_000_000_000 || nanos >= 1_000_000_000) throw invalidArgument(`${field}.nanos`, 'must be an integer from -999999999 to 999999999');
  if ((u > 0n && nanos < 0) || (u < 0n && nanos > 0)) throw invalidArgument(`${field}.nanos`, 'must have the same sign as units');
  const money: Money = { currencyCode, units: u.toString(), nanos };
  const total = toNanos(money);
  if (!options.allowNegative && total < 0n) throw invalidArgument(field, 'must not be negative');
  if (options.positive && total <= 0n) throw invalidArgument(field, 'must be greater than zero');
  return money;
}
