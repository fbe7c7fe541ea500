// Page sizes and opaque page tokens. A token records where the previous page ended and the
// request it belongs to, so a token replayed against a different request is rejected.
import { InvalidArgumentError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** 1..100; absent or 0 means the default (20), as proto3 sends 0 for "unset". */
  pageSize?: number | undefined;
  /** The nextPageToken of the previous page; absent or "" for the first page. */
  pageToken?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** "" when this is the last page. */
  nextPageToken: string;
}

export function validatePageSize(value: unknown, field = 'pageSize'): number {
  if (value === undefined || value === null || value === 0) return DEFAULT_PAGE_SIZE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError(field, `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return value;
}

/** Where a product listing in id order continues: after `afterId`, with the same filter. */
export interface ProductCursor {
  kind: 'products';
  /** Canonical text of the listing's filters and order. */
  filter: string;
  afterId: string;
}

/** Where a product listing in another order continues: from `offset`, with the same filter. */
export interface OrderedProductCursor {
  kind: 'ordered-products';
  filter: string;
  offset: number;
}

/** Where a search continues: the same query and category, from `offset`. */
export interface SearchCursor {
  kind: 'search';
  query: string;
  category: string | null;
  offset: number;
}

/** Where a product's review list continues: after (createdAt, id) in newest-first order. */
export interface ReviewCursor {
  kind: 'reviews';
  productId: string;
  createdAt: string;
  afterId: string;
}

export type Cursor = ProductCursor | OrderedProductCursor | SearchCursor | ReviewCursor;

const VERSION = 1;

export function encodePageToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: VERSION, ...cursor }), 'utf8').toString('base64url');
}

/**
 * Decodes a token and checks it continues the given request; absent or "" gives undefined.
 * Anything else that does not match is an InvalidArgumentError on `field`.
 */
export function decodePageToken<K extends Cursor['kind']>(
  token: unknown,
  expected: Omit<Extract<Cursor, { kind: K }>, 'afterId' | 'offset' | 'createdAt'>,
  field = 'pageToken',
): Extract<Cursor, { kind: K }> | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  const bad = (why: string) => new InvalidArgumentError(field, why);
  if (typeof token !== 'string' || token.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw bad('is not a page token issued by this service');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad('is not a page token issued by this service');
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad('is not a page token issued by this service');
  const c = parsed as Record<string, unknown>;
  if (c.v !== VERSION || !isCursor(c)) throw bad('is not a page token issued by this service');
  for (const [key, value] of Object.entries(expected)) {
    if (c[key] !== value) throw bad('belongs to a different request; repeat the same filters or start again without a token');
  }
  const { v: _v, ...cursor } = c;
  return cursor as unknown as Extract<Cursor, { kind: K }>;
}

function isCursor(c: Record<string, unknown>): boolean {
  const optString = (x: unknown) => x === null || typeof x === 'string';
  switch (c.kind) {
    case 'products':
      return typeof c.filter === 'string' && typeof c.afterId === 'string' && c.afterId !== '';
    case 'ordered-products':
      return typeof c.filter === 'string' && Number.isSafeInteger(c.offset) && (c.offset as number) > 0;
    case 'search':
      return typeof c.query === 'string' && optString(c.category) && Number.isSafeInteger(c.offset) && (c.offset as number) > 0;
    case 'reviews':
      return (
        typeof c.productId === 'string' &&
        typeof c.createdAt === 'string' &&
        !Number.isNaN(Date.parse(c.createdAt)) &&
        typeof c.afterId === 'string'
      );
    default:
      return false;
  }
}
