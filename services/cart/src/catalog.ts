// Prices and names from the catalog, at the moment a line changes. A product the catalog does not
// have is NOT_FOUND naming it; a catalog that cannot answer fails the call UNAVAILABLE before
// anything is written.
import { status } from '@grpc/grpc-js';
import { checkMoney, GrpcError, invalidArgument, type CallContext, type KitClient } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { Product__Output } from '@mercato/protos/gen/mercato/catalog/v1/Product';
import type { Product } from './domain/lines';

export interface Catalog {
  product(productId: string, ctx: CallContext): Promise<Product>;
  /** Several at once (at most 100): the ones found, and the ids the catalog no longer has. */
  products(productIds: readonly string[], ctx: CallContext): Promise<{ found: Map<string, Product>; missing: Set<string> }>;
}

function unavailable(err: unknown): GrpcError {
  const e = err as { code?: unknown; details?: unknown; message?: unknown };
  if (e?.code === status.CANCELLED) return new GrpcError(status.CANCELLED, 'call cancelled');
  const why = typeof e?.details === 'string' && e.details ? e.details : String(e?.message ?? err);
  return new GrpcError(status.UNAVAILABLE, `the catalog could not be reached to price the cart (${why}); nothing was changed, try again`);
}

function toProduct(p: Product__Output | null | undefined, productId: string): Product {
  try {
    return { productId: p!.id, productName: p!.name, unitPrice: checkMoney(p!.price, 'price', { positive: true }) };
  } catch {
    throw new GrpcError(status.FAILED_PRECONDITION, `product ${productId} has no valid price in the catalog`);
  }
}

export function catalogPrices(client: KitClient<CatalogServiceDefinition>): Catalog {
  return {
    async product(productId, ctx) {
      let product: Product__Output | null;
      try {
        ({ product } = await client.call('GetProduct', { productId }, { parent: ctx }));
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code === status.NOT_FOUND) throw new GrpcError(status.NOT_FOUND, `product ${productId} is not in the catalog`);
        if (code === status.INVALID_ARGUMENT) throw invalidArgument('product_id', `the catalog refused it: ${(err as GrpcError).message}`);
        throw unavailable(err);
      }
      return toProduct(product, productId);
    },

    async products(productIds, ctx) {
      const found = new Map<string, Product>();
      if (productIds.length === 0) return { found, missing: new Set() };
      let answer;
      try {
        answer = await client.call('BatchGetProducts', { productIds: [...productIds] }, { parent: ctx });
      } catch (err) {
        throw unavailable(err);
      }
      for (const p of answer.products) found.set(p.id, toProduct(p, p.id));
      return { found, missing: new Set(answer.missingProductIds) };
    },
  };
}
