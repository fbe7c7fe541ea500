// Catalog entities and the pure validation of everything a caller may write.
import { InvalidArgumentError } from './errors';
import { validatePrice, type Money } from './money';

export interface Category {
  /** Slug, e.g. "home-office". */
  id: string;
  name: string;
  description: string;
}

export interface CategorySummary extends Category {
  productCount: number;
}

/** What an admin writes (upsertProduct) and what the seed holds. */
export interface ProductInput {
  /** Stable SKU, e.g. "KIT-0001". */
  id: string;
  name: string;
  description: string;
  /** A Category id. */
  category: string;
  tags: string[];
  price: Money;
  /** A small inline SVG document, or absent. */
  imageSvg?: string | undefined;
  /** Shipping weight in grams. */
  weightGrams?: number | undefined;
  /** Advisory stock level for seeding inventory; the inventory service owns real stock. */
  stockHint?: number | undefined;
}

export interface RatingSummary {
  /** Mean rating rounded to two decimals; 0 when there are no reviews. */
  average: number;
  count: number;
}

export interface Product extends ProductInput {
  rating: RatingSummary;
  /** ISO 8601 timestamps of the first write and the last upsert. */
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  id: string;
  productId: string;
  userId: string;
  authorName: string;
  /** 1..5 */
  rating: number;
  title: string;
  body: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

export interface ReviewInput {
  productId: string;
  userId: string;
  authorName: string;
  rating: number;
  title: string;
  body: string;
}

/** A review as the seed holds it (the product id comes from the enclosing product). */
export type SeedReview = Omit<Review, 'productId'>;

export interface SeedProduct extends ProductInput {
  reviews: SeedReview[];
}

export interface CatalogSeed {
  categories: Category[];
  products: SeedProduct[];
}

export const LIMITS = {
  productId: 64,
  name: 120,
  description: 2000,
  tags: 20,
  tag: 32,
  imageSvg: 16_384,
  stockHint: 1_000_000,
  weightGrams: 1_000_000,
  categoryName: 60,
  categoryDescription: 300,
  userId: 128,
  authorName: 80,
  reviewTitle: 120,
  reviewBody: 4000,
  query: 200,
} as const;

const PRODUCT_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const CATEGORY_ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const TAG_RE = /^[a-z0-9][a-z0-9 -]*$/;

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A trimmed, non-blank string of at most `max` characters, without control characters. */
export function requireText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(field, 'must be a string');
  const text = value.trim();
  if (text.length === 0) throw new InvalidArgumentError(field, 'must not be empty');
  if (text.length > max) throw new InvalidArgumentError(field, `must be at most ${max} characters`);
  // PostgreSQL refuses a NUL in text; the other control characters are no one's typing either (tabs and line breaks are).
  if (CONTROL_CHARACTERS.test(text)) throw new InvalidArgumentError(field, 'must not contain control characters');
  return text;
}

export function validateProductId(value: unknown, field = 'id'): string {
  const id = requireText(value, field, LIMITS.productId);
  if (!PRODUCT_ID_RE.test(id)) throw new InvalidArgumentError(field, 'may hold only letters, digits, "-" and "_"');
  return id;
}

export function validateCategoryId(value: unknown, field = 'category'): string {
  const id = requireText(value, field, 40);
  if (!CATEGORY_ID_RE.test(id)) throw new InvalidArgumentError(field, 'must be a lowercase slug such as "home-office"');
  return id;
}

/** A tag, lowercased: a product's own or one to filter by (a NUL or other control character never reaches the database). */
export function validateTag(value: unknown, field: string): string {
  const tag = requireText(value, field, LIMITS.tag).toLowerCase();
  if (!TAG_RE.test(tag)) throw new InvalidArgumentError(field, 'may hold only letters, digits, spaces and "-"');
  return tag;
}

export function validateCategory(input: Category): Category {
  return {
    id: validateCategoryId(input.id, 'id'),
    name: requireText(input.name, 'name', LIMITS.categoryName),
    description: requireText(input.description, 'description', LIMITS.categoryDescription),
  };
}

export function validateProductInput(input: ProductInput): ProductInput {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('product', 'is required');
  if (!Array.isArray(input.tags)) throw new InvalidArgumentError('tags', 'must be a list of strings');
  if (input.tags.length > LIMITS.tags) throw new InvalidArgumentError('tags', `must hold at most ${LIMITS.tags} tags`);
  const tags = [...new Set(input.tags.map((t, i) => validateTag(t, `tags[${i}]`)))];
  const product: ProductInput = {
    id: validateProductId(input.id),
    name: requireText(input.name, 'name', LIMITS.name),
    description: requireText(input.description, 'description', LIMITS.description),
    category: validateCategoryId(input.category),
    tags,
    price: validatePrice(input.price),
  };
  if (input.imageSvg !== undefined && input.imageSvg !== null && input.imageSvg !== '') {
    const svg = requireText(input.imageSvg, 'imageSvg', LIMITS.imageSvg);
    // Rendered inline by the storefront, so only a bare SVG document without scripts is accepted.
    if (!svg.startsWith('<svg') || !svg.endsWith('</svg>')) throw new InvalidArgumentError('imageSvg', 'must be one <svg>…</svg> element');
    if (/<script|\son[a-z]+\s*=|javascript:|<foreignObject/i.test(svg)) {
      throw new InvalidArgumentError('imageSvg', 'must not contain scripts, event handlers or foreignObject');
    }
    product.imageSvg = svg;
  }
  const weightGrams = optionalCount(input.weightGrams, 'weightGrams', LIMITS.weightGrams);
  if (weightGrams !== undefined) product.weightGrams = weightGrams;
  const stockHint = optionalCount(input.stockHint, 'stockHint', LIMITS.stockHint);
  if (stockHint !== undefined) product.stockHint = stockHint;
  return product;
}

function optionalCount(value: unknown, field: string, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new InvalidArgumentError(field, `must be an integer from 0 to ${max}`);
  }
  return value;
}

export function validateRating(value: unknown, field = 'rating'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidArgumentError(field, 'must be an integer from 1 to 5');
  }
  return value;
}

export function validateReviewInput(input: ReviewInput): ReviewInput {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('review', 'is required');
  return {
    productId: validateProductId(input.productId, 'productId'),
    userId: requireText(input.userId, 'userId', LIMITS.userId),
    authorName: requireText(input.authorName, 'authorName', LIMITS.authorName),
    rating: validateRating(input.rating),
    title: requireText(input.title, 'title', LIMITS.reviewTitle),
    body: requireText(input.body, 'body', LIMITS.reviewBody),
  };
}

/** Mean of ratings to two decimals, 0 for none. */
export function summarizeRatings(ratings: readonly number[]): RatingSummary {
  if (ratings.length === 0) return { average: 0, count: 0 };
  const sum = ratings.reduce((a, b) => a + b, 0);
  return { average: Math.round((sum / ratings.length) * 100) / 100, count: ratings.length };
}
