// Request checks: each bad field answers INVALID_ARGUMENT naming it as the proto does.
import { check, invalidArgument } from '@mercato/kit';
import type { RecommendRequest__Output } from '@mercato/protos/gen/mercato/recommendations/v1/RecommendRequest';
import type { BoughtTogetherRequest__Output } from '@mercato/protos/gen/mercato/recommendations/v1/BoughtTogetherRequest';
import type { RecommendQuery } from './model/recommender';

export const RECOMMEND_LIMIT = { default: 10, max: 50 };
export const BOUGHT_TOGETHER_LIMIT = { default: 5, max: 50 };
/** Exclusions a caller may send: a full cart and then some. */
export const MAX_EXCLUDED = 200;

// The catalog's product id rule (services/catalog): letters, digits, "-" and "_", at most 64.
const PRODUCT_ID = { max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, hint: 'must be a product id (letters, digits, "-" and "_")' };

function limit(value: unknown, field: string, bounds: { default: number; max: number }): number {
  if (value === undefined || value === null || value === 0) return bounds.default;
  return check.int(value, field, { min: 1, max: bounds.max });
}

export function parseRecommendRequest(req: RecommendRequest__Output): RecommendQuery {
  const userId = check.optionalText(req.userId, 'user_id', { max: 128 }) ?? '';
  const contextProductId = check.optionalText(req.contextProductId, 'context_product_id', PRODUCT_ID) ?? '';
  const exclude = check.list<unknown>(req.excludeProductIds ?? [], 'exclude_product_ids', { max: MAX_EXCLUDED });
  for (const [i, id] of exclude.entries()) {
    if (id === '') throw invalidArgument(`exclude_product_ids[${i}]`, 'must not be empty');
    check.text(id, `exclude_product_ids[${i}]`, PRODUCT_ID);
  }
  return { userId, contextProductId, limit: limit(req.limit, 'limit', RECOMMEND_LIMIT), exclude: exclude as string[] };
}

export function parseBoughtTogetherRequest(req: BoughtTogetherRequest__Output): { productId: string; limit: number } {
  return { productId: check.text(req.productId, 'product_id', PRODUCT_ID), limit: limit(req.limit, 'limit', BOUGHT_TOGETHER_LIMIT) };
}
