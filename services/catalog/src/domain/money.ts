// Money as integer units + nanos (google.type.Money), never a float.
import { InvalidArgumentError } from './errors';

export interface Money {
  /** ISO 4217 code, e.g. "USD". */
  currencyCode: string;
  /** Whole units; a safe integer. */
  units: number;
  /** Billionths of a unit, 0..999_999_999 for the non-negative prices the catalog holds. */
  nanos: number;
}

const NANOS_PER_UNIT = 1_000_000_000;
/** Upper bound for a catalog price; keeps every price far inside the safe-integer range. */
export const MAX_PRICE_UNITS = 1_000_000_000;

/** Validates a non-negative price; throws InvalidArgumentError naming `field`. */
export function validatePrice(price: unknown, field = 'price'): Money {
  if (typeof price !== 'object' || price === null) throw new InvalidArgumentError(field, 'is required');
  const { currencyCode, units, nanos } = price as Partial<Record<keyof Money, unknown>>;
  if (typeof currencyCode !== 'string' || !/^[A-Z]{3}$/.test(currencyCode)) {
    throw new InvalidArgumentError(`${field}.currencyCode`, 'must be a three-letter ISO 4217 code such as "USD"');
  }
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 0 || units > MAX_PRICE_UNITS) {
    throw new InvalidArgumentError(`${field}.units`, `must be an integer from 0 to ${MAX_PRICE_UNITS}`);
  }
  if (typeof nanos !== 'number' || !Number.isInteger(nanos) || nanos < 0 || nanos >= NANOS_PER_UNIT) {
    throw new InvalidArgumentError(`${field}.nanos`, 'must be an integer from 0 to 999999999');
  }
  return { currencyCode, units, nanos };
}

/** Money from a whole number of cents. */
export function moneyFromCents(cents: number, currencyCode = 'USD'): Money {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`cents must be a non-negative safe integer, got ${cents}`);
  return { currencyCode, units: Math.floor(cents / 100), nanos: (cents % 100) * 10_000_000 };
}

/** "USD 12.50"-style text for logs and descriptions; rounds nanos down to cents. */
export function formatMoney(m: Money): string {
  const cents = Math.floor(m.nanos / 10_000_000);
  return `${m.currencyCode} ${m.units}.${String(cents).padStart(2, '0')}`;
}
