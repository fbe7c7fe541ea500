// Opaque page tokens for a customer's order list: where the previous page ended (newest-first
// keyset, so orders placed meanwhile never shift later pages) and the request it belongs to.
export interface OrdersCursor {
  customerId: string;
  /** The status filter, as a canonical key: a token only continues the same listing. */
  filter: string;
  placeNs: string;
  orderId: string;
}

const VERSION = 1;

export function statusFilterKey(statuses: readonly string[]): string {
  return [...new Set(statuses)].sort().join(',');
}

export function encodeOrdersToken(c: OrdersCursor): string {
  return Buffer.from(JSON.stringify({ v: VERSION, c: c.customerId, f: c.filter, t: c.placeNs, o: c.orderId }), 'utf8').toString('base64url');
}

export type TokenProblem = 'malformed' | 'other-request';

/** The cursor of a token, or why it is refused; "" means the first page (undefined). */
export function decodeOrdersToken(token: string, expected: { customerId: string; filter: string }): OrdersCursor | undefined | TokenProblem {
  if (token === '') return undefined;
  if (token.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(token)) return 'malformed';
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  const t = raw as Record<string, unknown> | null;
  if (typeof t !== 'object' || t === null || t.v !== VERSION) return 'malformed';
  const { c, f, t: placeNs, o } = t;
  if (typeof c !== 'string' || typeof f !== 'string' || typeof placeNs !== 'string' || !/^-?\d{1,19}$/.test(placeNs) || typeof o !== 'string' || o === '') return 'malformed';
  if (c !== expected.customerId || f !== expected.filter) return 'other-request';
  return { customerId: c, filter: f, placeNs, orderId: o };
}
