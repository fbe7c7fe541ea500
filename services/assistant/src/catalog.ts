// What the assistant reads from the catalog: a product, its reviews, and search results. A
// product the catalog does not have is NOT_FOUND; a catalog that cannot answer is UNAVAILABLE
// (the caller may then get a cached answer); search is optional and answers [] when it fails.
import { status } from '@grpc/grpc-js';
import { GrpcError, type CallContext, type KitClient } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { Product__Output } from '@mercato/protos/gen/mercato/catalog/v1/Product';
import type { ProductDoc, RelatedProduct, ReviewDoc } from './builtin/types';

export interface CatalogProduct extends ProductDoc {
  /** Changes whenever the product or its reviews change: cached answers older than it are stale. */
  version: string;
}

export interface CatalogPort {
  product(productId: string, ctx: CallContext): Promise<CatalogProduct>;
  /** The newest reviews, at most `max`. */
  reviews(productId: string, ctx: CallContext, max: number): Promise<ReviewDoc[]>;
  search(query: string, categoryId: string, ctx: CallContext, limit: number): Promise<RelatedProduct[]>;
}

/** Reviews read per page, and at most this many pages per answer (newest first). */
const REVIEW_PAGE = 100;

function toDoc(p: Product__Output): CatalogProduct {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    categoryId: p.categoryId,
    tags: p.tags,
    price: p.price ? { currencyCode: p.price.currencyCode, units: p.price.units, nanos: p.price.nanos } : undefined,
    weightGrams: p.weightGrams,
    averageRating: Number(p.averageRating),
    reviewCount: p.reviewCount,
    version: `${p.updateTime?.seconds ?? '0'}.${p.updateTime?.nanos ?? 0}/${p.reviewCount}`,
  };
}

function failure(err: unknown, what: string): GrpcError {
  const e = err as { code?: unknown; details?: unknown; message?: unknown };
  if (e?.code === status.NOT_FOUND) return new GrpcError(status.NOT_FOUND, what);
  if (e?.code === status.CANCELLED) return new GrpcError(status.CANCELLED, 'call cancelled');
  // The caller's own token, passed on, refused by the catalog: the caller's problem to fix.
  if (e?.code === status.UNAUTHENTICATED || e?.code === status.PERMISSION_DENIED) return new GrpcError(e.code, `the catalog refused the call: ${String(e.details ?? e.message)}`);
  if (e?.code === status.INVALID_ARGUMENT) return new GrpcError(status.INVALID_ARGUMENT, `product_id: the catalog refused it (${String(e.details ?? e.message)})`);
  if (e?.code === status.DEADLINE_EXCEEDED) return new GrpcError(status.DEADLINE_EXCEEDED, 'the catalog did not answer in time');
  const why = typeof e?.details === 'string' && e.details ? e.details : String(e?.message ?? err);
  return new GrpcError(status.UNAVAILABLE, `the catalog could not be reached (${why}); try again`);
}

export function catalogReader(client: KitClient<CatalogServiceDefinition>): CatalogPort {
  return {
    async product(productId, ctx) {
      try {
        const { product } = await client.call('GetProduct', { productId }, { parent: ctx });
        if (!product) throw new GrpcError(status.UNAVAILABLE, 'the catalog answered without a product');
        return toDoc(product);
      } catch (err) {
        throw failure(err, `product ${productId} is not in the catalog`);
      }
    },

    async reviews(productId, ctx, max) {
      const out: ReviewDoc[] = [];
      let pageToken = '';
      try {
        do {
          const res = await client.call('ListReviews', { productId, page: { pageSize: Math.min(REVIEW_PAGE, max - out.length), pageToken } }, { parent: ctx });
          for (const r of res.reviews) out.push({ id: r.id, rating: r.rating, title: r.title, body: r.body, authorName: r.authorName });
          pageToken = res.page?.nextPageToken ?? '';
        } while (pageToken && out.length < max);
      } catch (err) {
        throw failure(err, `product ${productId} is not in the catalog`);
      }
      return out;
    },

    async search(query, categoryId, ctx, limit) {
      if (!query) return [];
      try {
        const res = await client.call('SearchProducts', { query: query.slice(0, 200), categoryId, page: { pageSize: limit } }, { parent: ctx });
        return res.results.flatMap((r) =>
          r.product ? [{ id: r.product.id, name: r.product.name, price: r.product.price ?? undefined, averageRating: Number(r.product.averageRating), reviewCount: r.product.reviewCount }] : [],
        );
      } catch {
        // Related products only add to an answer: without them it is still an answer.
        return [];
      }
    },
  };
}
