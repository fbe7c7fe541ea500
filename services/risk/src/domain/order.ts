// The order as the risk core sees it: validated, with amounts as plain numbers (they feed
// statistics, never money arithmetic) and addresses reduced to what the features compare.
import { createHash } from 'node:crypto';

export interface PlaceFacts {
  /** CLDR region code, e.g. "US". */
  region: string;
  /** Upper-cased, without spaces: "n1 9gu" and "N19GU" are one postal code. */
  postalCode: string;
  /** A hash of the normalised address: compares addresses without keeping them. */
  key: string;
}

export interface RiskLine {
  productId: string;
  quantity: number;
  /** In major units of the order's currency. */
  unitPrice: number;
  /** Empty when the caller did not say. */
  categoryId: string;
}

export interface RiskOrder {
  orderId: string;
  customerId: string;
  /** In major units of `currency`. */
  total: number;
  currency: string;
  lines: RiskLine[];
  shipping: PlaceFacts;
  /** Absent when billing is the shipping address. */
  billing?: PlaceFacts;
  cardFingerprint?: string;
  accountCreatedMs?: number;
  orderTimeMs: number;
}

/** A Money message's amount as a number of major units, for features only. */
export function moneyAmount(m: { units: string | number; nanos: number } | null | undefined): number {
  if (!m) return 0;
  return Number(m.units) + m.nanos / 1e9;
}

export function timestampMs(t: { seconds: string | number; nanos: number } | null | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

interface AddressLike {
  addressLines?: readonly string[];
  locality?: string;
  postalCode?: string;
  regionCode?: string;
}

const squash = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The facts of an address, or undefined when it names no region (an unset message). */
export function placeFacts(a: AddressLike | null | undefined): PlaceFacts | undefined {
  if (!a?.regionCode) return undefined;
  const region = a.regionCode.toUpperCase();
  const postalCode = (a.postalCode ?? '').toUpperCase().replace(/\s+/g, '');
  const normal = [region, postalCode, squash(a.locality), ...(a.addressLines ?? []).map(squash)].join('|');
  return { region, postalCode, key: createHash('sha256').update(normal).digest('base64url').slice(0, 16) };
}

/** "USD 1,234.50" for reasons people read. */
export function formatAmount(amount: number, currency: string): string {
  // By hand: toLocaleString goes through Intl, which costs more than a whole assessment.
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  return `${currency} ${amount < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
