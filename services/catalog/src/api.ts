// gRPC handlers of mercato.catalog.v1.CatalogService: validate → store → answer. Store errors
// become statuses here; field names are given as the proto spells them.
import { status } from '@grpc/grpc-js';
import { GrpcError, invalidArgument, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import type { CatalogServiceHandlers } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { Product as ProductMessage } from '@mercato/protos/gen/mercato/catalog/v1/Product';
import type { Review as ReviewMessage } from '@mercato/protos/gen/mercato/catalog/v1/Review';
import type { Timestamp } from '@mercato/protos/gen/google/protobuf/Timestamp';
import { ConflictError, InvalidArgumentError, NotFoundError, PRODUCT_ORDERS, type CatalogStore, type Product, type ProductOrder, type Review } from './store';

/** Store field names (camelCase inputs) as the proto names them. */
const FIELD_NAMES: Record<string, string> = {
  pageSize: 'page.page_size',
  pageToken: 'page.page_token',
  productId: 'product_id',
  category: 'category_id',
  imageSvg: 'product.image_url',
  weightGrams: 'product.weight_grams',
  authorName: 'author_name',
  'price.currencyCode': 'product.price.currency_code',
};

function protoField(field: string, prefix = ''): string {
  const known = FIELD_NAMES[field];
  if (known) return known;
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return prefix ? `${prefix}.${snake}` : snake;
}

/** Runs a store call and turns its typed errors into gRPC statuses. */
async function storeCall<T>(fn: () => Promise<T>, fieldPrefix = ''): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw invalidArgument(protoField(err.field, fieldPrefix), err.message.slice(err.field.length + 2));
    if (err instanceof NotFoundError) throw new GrpcError(status.NOT_FOUND, err.message);
    if (err instanceof ConflictError) throw new GrpcError(status.ALREADY_EXISTS, err.message);
    throw err;
  }
}

function timestamp(iso: string): Timestamp {
  const ms = Date.parse(iso);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

const ORDER_BY: Record<string, ProductOrder> = {
  PRODUCT_ORDER_UNSPECIFIED: 'id',
  PRODUCT_ORDER_NAME: 'name',
  PRODUCT_ORDER_PRICE_ASCENDING: 'price-ascending',
  PRODUCT_ORDER_PRICE_DESCENDING: 'price-descending',
  PRODUCT_ORDER_RATING: 'rating',
  PRODUCT_ORDER_NEWEST: 'newest',
};

export function toProductMessage(p: Product): ProductMessage {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    categoryId: p.category,
    tags: p.tags,
    price: { currencyCode: p.price.currencyCode, units: String(p.price.units), nanos: p.price.nanos },
    // Images are small SVG documents, carried inline so a page needs no second request.
    imageUrl: p.imageSvg ? `data:image/svg+xml;base64,${Buffer.from(p.imageSvg).toString('base64')}` : '',
    weightGrams: p.weightGrams ?? 0,
    averageRating: p.rating.average,
    reviewCount: p.rating.count,
    createTime: timestamp(p.createdAt),
    updateTime: timestamp(p.updatedAt),
  };
}

function toReviewMessage(r: Review): ReviewMessage {
  return { id: r.id, productId: r.productId, authorId: r.userId, authorName: r.authorName, rating: r.rating, title: r.title, body: r.body, createTime: timestamp(r.createdAt) };
}

function page(p: { pageSize?: number; pageToken?: string } | null | undefined): { pageSize: number; pageToken: string } {
  return { pageSize: p?.pageSize ?? 0, pageToken: p?.pageToken ?? '' };
}

/** Decodes an inline-SVG data URL written by an admin; other URLs are refused (we host images inline). */
function svgFromImageUrl(url: string): string | undefined {
  if (!url) return undefined;
  const m = /^data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)$/.exec(url);
  if (!m?.[1]) throw invalidArgument('product.image_url', 'must be empty or a data:image/svg+xml;base64 URL');
  return Buffer.from(m[1], 'base64').toString('utf8');
}

function parseUnits(value: unknown, field: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw invalidArgument(field, 'must be an integer');
  return n;
}

export function catalogHandlers(store: CatalogStore): AsyncHandlers<CatalogServiceHandlers> {
  return {
    GetProduct: async (req) => ({ product: toProductMessage(await storeCall(() => store.getProduct(req.productId), '')) }),

    BatchGetProducts: async (req) => {
      if (req.productIds.length > 100) throw invalidArgument('product_ids', 'must have at most 100 items');
      const products = await storeCall(() => store.getProducts(req.productIds));
      const found = new Set(products.map((p) => p.id));
      return { products: products.map(toProductMessage), missingProductIds: req.productIds.filter((id) => !found.has(id)) };
    },

    ListProducts: async (req) => {
      const orderBy = ORDER_BY[req.orderBy];
      if (!orderBy || !(PRODUCT_ORDERS as readonly string[]).includes(orderBy)) throw invalidArgument('order_by', 'is not a known order');
      const result = await storeCall(() => store.listProducts({ ...page(req.page), category: req.categoryId || undefined, tags: req.tags.length ? req.tags : undefined, orderBy }));
      return { products: result.items.map(toProductMessage), page: { nextPageToken: result.nextPageToken, totalSize: '0' } };
    },

    SearchProducts: async (req) => {
      const result = await storeCall(() => store.search({ query: req.query, ...page(req.page), category: req.categoryId || undefined }));
      return { results: result.items.map((h) => ({ product: toProductMessage(h.product), relevance: h.rank })), page: { nextPageToken: result.nextPageToken, totalSize: '0' } };
    },

    ListCategories: async () => {
      const categories = await store.listCategories();
      return { categories: categories.map((c) => ({ id: c.id, name: c.name, description: c.description, parentId: '', productCount: c.productCount })) };
    },

    ListReviews: async (req) => {
      const result = await storeCall(() => store.listReviews(req.productId, page(req.page)));
      return { reviews: result.items.map(toReviewMessage), page: { nextPageToken: result.nextPageToken, totalSize: String(result.rating.count) }, averageRating: result.rating.average };
    },

    AddReview: async (req, ctx: CallContext) => {
      const user = ctx.requireUser();
      const review = await storeCall(() => store.addReview({ productId: req.productId, userId: user.id, authorName: user.name, rating: req.rating, title: req.title, body: req.body }));
      return { review: toReviewMessage(review) };
    },

    UpsertProduct: async (req) => {
      const p = req.product;
      if (!p) throw invalidArgument('product', 'is required');
      const price = p.price ? { currencyCode: p.price.currencyCode, units: parseUnits(p.price.units, 'product.price.units'), nanos: p.price.nanos } : undefined;
      const result = await storeCall(
        () =>
          store.upsertProduct({
            id: p.id,
            name: p.name,
            description: p.description,
            category: p.categoryId,
            tags: p.tags,
            price: price as NonNullable<typeof price>,
            imageSvg: svgFromImageUrl(p.imageUrl),
            ...(p.weightGrams ? { weightGrams: p.weightGrams } : {}),
          }),
        'product',
      );
      return { product: toProductMessage(result.product), created: result.created };
    },

    DeleteProduct: async (req) => storeCall(() => store.deleteProduct(req.productId)),
  };
}

/** Reads are public; writing a review needs a signed-in user; product changes need an admin. */
export const catalogAccess: ServeOptions<CatalogServiceHandlers> = {
  access: { AddReview: 'user', UpsertProduct: 'admin', DeleteProduct: 'admin' },
};
