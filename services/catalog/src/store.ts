// The catalog's persistence: products, categories, full-text search and reviews over @mercato/db,
// the same SQL on PostgreSQL and the embedded PGlite. Inputs are validated here; authorization is
// the API layer's job.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@mercato/db';
import { ConflictError, InvalidArgumentError, NotFoundError } from './domain/errors';
import {
  LIMITS,
  requireText,
  validateCategory,
  validateCategoryId,
  validateProductId,
  validateProductInput,
  validateRating,
  validateReviewInput,
  validateTag,
  type CatalogSeed,
  type Category,
  type CategorySummary,
  type Product,
  type ProductInput,
  type RatingSummary,
  type Review,
  type ReviewInput,
} from './domain/product';
import { decodePageToken, encodePageToken, validatePageSize, type Page, type PageRequest } from './domain/paging';
import { BOOTSTRAP, CATALOG_LOCK_KEY, MIGRATIONS, SCHEMA, searchDocumentSql } from './store/schema';

export * from './domain/errors';
export * from './domain/money';
export * from './domain/product';
export * from './domain/paging';
export { loadSeed, DEFAULT_SEED_DIR } from './store/seed-file';

export interface CatalogStoreOptions {
  /** Clock for review timestamps; tests pass a fixed one. */
  now?: () => Date;
  /** Id generator for new reviews. */
  newId?: () => string;
}

export interface MigrateResult {
  /** Schema version before and after. */
  from: number;
  to: number;
  applied: number[];
}

export interface SeedResult {
  /** False when the catalog already held products and nothing was written. */
  seeded: boolean;
  categories: number;
  products: number;
  reviews: number;
}

/** Listing orders; "id" (the default) pages by key, the others by offset. */
export const PRODUCT_ORDERS = ['id', 'name', 'price-ascending', 'price-descending', 'rating', 'newest'] as const;
export type ProductOrder = (typeof PRODUCT_ORDERS)[number];

export interface ListProductsRequest extends PageRequest {
  /** A category id; absent or "" lists every category. */
  category?: string | undefined;
  /** Only products carrying every one of these tags. */
  tags?: string[] | undefined;
  orderBy?: ProductOrder | undefined;
}

export interface SearchRequest extends PageRequest {
  /** Web-search syntax: words, "quoted phrases", -excluded, or. 1..200 characters. */
  query: string;
  category?: string | undefined;
}

export interface SearchHit {
  product: Product;
  /** ts_rank_cd score; higher is more relevant. */
  rank: number;
}

export interface ReviewPage extends Page<Review> {
  /** Over all of the product's reviews, not just this page. */
  rating: RatingSummary;
}

export interface UpsertResult {
  product: Product;
  created: boolean;
}

export interface DeleteResult {
  /** False when there was no such product (deleting is idempotent). */
  existed: boolean;
}

interface ProductRow {
  id: string;
  name: string;
  description: string;
  category_id: string;
  tags: string[];
  price_units: string | number;
  price_nanos: number;
  currency_code: string;
  image_svg: string | null;
  weight_grams: number | null;
  stock_hint: number | null;
  created_at: Date | string;
  updated_at: Date | string;
  review_count: number;
  rating_average: number | string | null;
}

interface ReviewRow {
  id: string;
  product_id: string;
  user_id: string;
  author_name: string;
  rating: number;
  title: string;
  body: string;
  created_at: Date | string;
  cursor_time: string;
}

const T = {
  categories: `${SCHEMA}.categories`,
  products: `${SCHEMA}.products`,
  reviews: `${SCHEMA}.reviews`,
  version: `${SCHEMA}.schema_version`,
};

const PRODUCT_COLUMNS = `p.id, p.name, p.description, p.category_id, p.tags, p.price_units, p.price_nanos,
  p.currency_code, p.image_svg, p.weight_grams, p.stock_hint, p.created_at, p.updated_at,
  r.review_count, r.rating_average`;

const ORDER_SQL: Record<ProductOrder, string> = {
  id: 'p.id',
  name: 'lower(p.name), p.id',
  'price-ascending': 'p.price_units, p.price_nanos, p.id',
  'price-descending': 'p.price_units DESC, p.price_nanos DESC, p.id',
  rating: 'coalesce(r.rating_average, 0) DESC, r.review_count DESC, p.id',
  newest: 'p.created_at DESC, p.id',
};

const RATING_JOIN = `LEFT JOIN LATERAL (
    SELECT count(*)::int AS review_count, round(avg(rating), 2)::float8 AS rating_average
    FROM ${T.reviews} WHERE product_id = p.id
  ) r ON true`;

const REVIEW_COLUMNS = `id, product_id, user_id, author_name, rating, title, body, created_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time`;

export class CatalogStore {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly db: Database,
    options: CatalogStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  /** Creates or upgrades the schema; safe to run on every start and from several replicas at once. */
  async migrate(): Promise<MigrateResult> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_LOCK_KEY]);
      for (const sql of BOOTSTRAP) await tx.query(sql);
      const { rows } = await tx.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${T.version}`);
      const from = rows[0]?.version ?? 0;
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        if (m.version <= from) continue;
        for (const sql of m.statements) await tx.query(sql);
        await tx.query(`INSERT INTO ${T.version} (version, description) VALUES ($1, $2)`, [m.version, m.description]);
        applied.push(m.version);
      }
      return { from, to: applied.at(-1) ?? from, applied };
    });
  }

  /** Loads the seed into an empty catalog (no products); does nothing otherwise. */
  async seedIfEmpty(seed: CatalogSeed): Promise<SeedResult> {
    const categories = seed.categories.map(validateCategory);
    const categoryIds = new Set(categories.map((c) => c.id));
    const productIds = new Set<string>();
    const products = seed.products.map((raw) => {
      const p = validateProductInput(raw);
      if (!categoryIds.has(p.category)) throw new InvalidArgumentError('category', `"${p.category}" of product ${p.id} is not a seed category`);
      if (productIds.has(p.id)) throw new InvalidArgumentError('id', `product ${p.id} appears twice in the seed`);
      productIds.add(p.id);
      return p;
    });
    const reviews = seed.products.flatMap((p) =>
      p.reviews.map((r) => {
        const v = validateReviewInput({ ...r, productId: p.id });
        const createdAt = new Date(r.createdAt);
        if (Number.isNaN(createdAt.getTime())) throw new InvalidArgumentError('createdAt', `review ${r.id} has no valid timestamp`);
        return { ...v, id: requireText(r.id, 'id', LIMITS.productId + 16), createdAt: createdAt.toISOString() };
      }),
    );

    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_LOCK_KEY]);
      const { rows } = await tx.query(`SELECT 1 FROM ${T.products} LIMIT 1`);
      if (rows.length > 0) return { seeded: false, categories: 0, products: 0, reviews: 0 };
      await tx.query(
        `INSERT INTO ${T.categories} (id, name, description)
         SELECT id, name, description FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, description text)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(categories)],
      );
      await tx.query(
        `INSERT INTO ${T.products} (id, name, description, category_id, tags, price_units, price_nanos,
           currency_code, image_svg, weight_grams, stock_hint, search_document)
         SELECT x.id, x.name, x.description, x.category, x.tags, x.units, x.nanos, x.currency, x.image_svg,
           x.weight_grams, x.stock_hint,
           ${searchDocumentSql('x.name', 'x.tags', 'x.category', 'x.description')}
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, description text, category text, tags text[],
           units bigint, nanos int, currency text, image_svg text, weight_grams int, stock_hint int)`,
        [
          JSON.stringify(
            products.map((p) => ({
              id: p.id,
              name: p.name,
              description: p.description,
              category: p.category,
              tags: p.tags,
              units: p.price.units,
              nanos: p.price.nanos,
              currency: p.price.currencyCode,
              image_svg: p.imageSvg ?? null,
              weight_grams: p.weightGrams ?? null,
              stock_hint: p.stockHint ?? null,
            })),
          ),
        ],
      );
      await tx.query(
        `INSERT INTO ${T.reviews} (id, product_id, user_id, author_name, rating, title, body, created_at)
         SELECT id, product_id, user_id, author_name, rating, title, body, created_at
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, product_id text, user_id text, author_name text,
           rating smallint, title text, body text, created_at timestamptz)`,
        [
          JSON.stringify(
            reviews.map((r) => ({
              id: r.id,
              product_id: r.productId,
              user_id: r.userId,
              author_name: r.authorName,
              rating: r.rating,
              title: r.title,
              body: r.body,
              created_at: r.createdAt,
            })),
          ),
        ],
      );
      return { seeded: true, categories: categories.length, products: products.length, reviews: reviews.length };
    });
  }

  async getProduct(id: string): Promise<Product> {
    const productId = validateProductId(id);
    const product = await this.findProduct(this.db, productId);
    if (!product) throw new NotFoundError('product', productId);
    return product;
  }

  /** The products among `ids` that exist, in the order asked; unknown ids are left out. At most 100. */
  async getProducts(ids: readonly string[]): Promise<Product[]> {
    if (!Array.isArray(ids)) throw new InvalidArgumentError('ids', 'must be a list of product ids');
    if (ids.length > 100) throw new InvalidArgumentError('ids', 'must hold at most 100 ids');
    const wanted = ids.map((id, i) => validateProductId(id, `ids[${i}]`));
    if (wanted.length === 0) return [];
    const { rows } = await this.db.query<ProductRow>(
      `SELECT ${PRODUCT_COLUMNS} FROM ${T.products} p ${RATING_JOIN} WHERE p.id = ANY($1::text[])`,
      [wanted],
    );
    const byId = new Map(rows.map((row) => [row.id, toProduct(row)]));
    return wanted.flatMap((id) => byId.get(id) ?? []);
  }

  /** Products, filtered and ordered; an unknown category is a NotFoundError. */
  async listProducts(request: ListProductsRequest = {}): Promise<Page<Product>> {
    const pageSize = validatePageSize(request.pageSize);
    const category = request.category ? validateCategoryId(request.category) : null;
    const tags = validateTagFilter(request.tags);
    const orderBy = request.orderBy ?? 'id';
    if (!PRODUCT_ORDERS.includes(orderBy)) throw new InvalidArgumentError('orderBy', `must be one of ${PRODUCT_ORDERS.join(', ')}`);
    const filter = JSON.stringify([category, tags, orderBy]);
    // Id order pages by key (stable under writes); other orders page by offset.
    const keyCursor = orderBy === 'id' ? decodePageToken<'products'>(request.pageToken, { kind: 'products', filter }) : undefined;
    const offsetCursor = orderBy === 'id' ? undefined : decodePageToken<'ordered-products'>(request.pageToken, { kind: 'ordered-products', filter });
    const offset = offsetCursor?.offset ?? 0;
    if (category !== null) await this.requireCategory(this.db, category);
    const { rows } = await this.db.query<ProductRow>(
      `SELECT ${PRODUCT_COLUMNS} FROM ${T.products} p ${RATING_JOIN}
       WHERE ($1::text IS NULL OR p.category_id = $1) AND ($2::text IS NULL OR p.id > $2)
         AND (cardinality($3::text[]) = 0 OR p.tags @> $3::text[])
       ORDER BY ${ORDER_SQL[orderBy]} LIMIT $4 OFFSET $5`,
      [category, keyCursor?.afterId ?? null, tags, pageSize + 1, offset],
    );
    const items = rows.slice(0, pageSize).map(toProduct);
    const last = items.at(-1);
    let nextPageToken = '';
    if (rows.length > pageSize && last) {
      nextPageToken =
        orderBy === 'id'
          ? encodePageToken({ kind: 'products', filter, afterId: last.id })
          : encodePageToken({ kind: 'ordered-products', filter, offset: offset + pageSize });
    }
    return { items, nextPageToken };
  }

  /** Every category with the number of products in it, ordered by id. */
  async listCategories(): Promise<CategorySummary[]> {
    const { rows } = await this.db.query<Category & { product_count: number }>(
      `SELECT c.id, c.name, c.description, count(p.id)::int AS product_count
       FROM ${T.categories} c LEFT JOIN ${T.products} p ON p.category_id = c.id
       GROUP BY c.id, c.name, c.description ORDER BY c.id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, productCount: Number(r.product_count) }));
  }

  /** Creates or replaces a category (admin). */
  async upsertCategory(category: Category): Promise<Category> {
    const c = validateCategory(category);
    await this.db.query(
      `INSERT INTO ${T.categories} (id, name, description) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description`,
      [c.id, c.name, c.description],
    );
    return c;
  }

  /**
   * Full-text search: name weighs most, then tags and category, then description; ordered by
   * ts_rank_cd, ties by id. A query of only stop words matches nothing.
   */
  async search(request: SearchRequest): Promise<Page<SearchHit>> {
    if (typeof request !== 'object' || request === null) throw new InvalidArgumentError('query', 'is required');
    const query = requireText(request.query, 'query', LIMITS.query).replace(/\s+/g, ' ');
    const pageSize = validatePageSize(request.pageSize);
    const category = request.category ? validateCategoryId(request.category) : null;
    const cursor = decodePageToken<'search'>(request.pageToken, { kind: 'search', query, category });
    const offset = cursor?.offset ?? 0;
    const { rows } = await this.db.query<ProductRow & { rank: number }>(
      `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS tsq)
       SELECT ${PRODUCT_COLUMNS}, ts_rank_cd(p.search_document, q.tsq)::float8 AS rank
       FROM q, ${T.products} p ${RATING_JOIN}
       WHERE p.search_document @@ q.tsq AND ($2::text IS NULL OR p.category_id = $2)
       ORDER BY rank DESC, p.id LIMIT $3 OFFSET $4`,
      [query, category, pageSize + 1, offset],
    );
    const items = rows.slice(0, pageSize).map((row) => ({ product: toProduct(row), rank: Number(row.rank) }));
    const nextPageToken =
      rows.length > pageSize ? encodePageToken({ kind: 'search', query, category, offset: offset + pageSize }) : '';
    return { items, nextPageToken };
  }

  /** A product's reviews, newest first, with the rating over all of them. */
  async listReviews(productId: string, page: PageRequest = {}): Promise<ReviewPage> {
    const id = validateProductId(productId, 'productId');
    const pageSize = validatePageSize(page.pageSize);
    const cursor = decodePageToken<'reviews'>(page.pageToken, { kind: 'reviews', productId: id });
    return this.db.transaction(async (tx) => {
      const { rows: summary } = await tx.query<{ exists: boolean; review_count: number; rating_average: number | null }>(
        `SELECT EXISTS (SELECT 1 FROM ${T.products} WHERE id = $1) AS exists,
           (SELECT count(*)::int FROM ${T.reviews} WHERE product_id = $1) AS review_count,
           (SELECT round(avg(rating), 2)::float8 FROM ${T.reviews} WHERE product_id = $1) AS rating_average`,
        [id],
      );
      const s = summary[0];
      if (!s?.exists) throw new NotFoundError('product', id);
      const { rows } = await tx.query<ReviewRow>(
        `SELECT ${REVIEW_COLUMNS} FROM ${T.reviews}
         WHERE product_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::text))
         ORDER BY created_at DESC, id DESC LIMIT $4`,
        [id, cursor?.createdAt ?? null, cursor?.afterId ?? '', pageSize + 1],
      );
      const pageRows = rows.slice(0, pageSize);
      const last = pageRows.at(-1);
      return {
        items: pageRows.map(toReview),
        nextPageToken:
          rows.length > pageSize && last
            ? encodePageToken({ kind: 'reviews', productId: id, createdAt: last.cursor_time, afterId: last.id })
            : '',
        rating: { average: Number(s.rating_average ?? 0), count: Number(s.review_count) },
      };
    });
  }

  /** Adds a review; a second review by the same user of the same product is a ConflictError. */
  async addReview(input: ReviewInput): Promise<Review> {
    const r = validateReviewInput(input);
    const id = this.newId();
    // Millisecond precision, so the stored time equals the one returned.
    const createdAt = new Date(Math.floor(this.now().getTime()));
    return this.db.transaction(async (tx) => {
      const { rows: product } = await tx.query(`SELECT 1 FROM ${T.products} WHERE id = $1 FOR SHARE`, [r.productId]);
      if (product.length === 0) throw new NotFoundError('product', r.productId);
      const { rows } = await tx.query<ReviewRow>(
        `INSERT INTO ${T.reviews} (id, product_id, user_id, author_name, rating, title, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (product_id, user_id) DO NOTHING
         RETURNING ${REVIEW_COLUMNS}`,
        [id, r.productId, r.userId, r.authorName, r.rating, r.title, r.body, createdAt.toISOString()],
      );
      const row = rows[0];
      if (!row) throw new ConflictError(`user "${r.userId}" has already reviewed product ${r.productId}`);
      return toReview(row);
    });
  }

  /** Creates or replaces a product (admin); its reviews are kept. The category must exist. */
  async upsertProduct(input: ProductInput): Promise<UpsertResult> {
    const p = validateProductInput(input);
    return this.db.transaction(async (tx) => {
      await this.requireCategory(tx, p.category);
      const { rows } = await tx.query<{ inserted: boolean }>(
        `INSERT INTO ${T.products} AS p (id, name, description, category_id, tags, price_units, price_nanos,
           currency_code, image_svg, weight_grams, stock_hint, search_document)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11,
           ${searchDocumentSql('$2::text', '$5::text[]', '$4::text', '$3::text')})
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
           category_id = EXCLUDED.category_id, tags = EXCLUDED.tags, price_units = EXCLUDED.price_units,
           price_nanos = EXCLUDED.price_nanos, currency_code = EXCLUDED.currency_code,
           image_svg = EXCLUDED.image_svg, weight_grams = EXCLUDED.weight_grams, stock_hint = EXCLUDED.stock_hint,
           search_document = EXCLUDED.search_document, updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          p.id,
          p.name,
          p.description,
          p.category,
          p.tags,
          p.price.units,
          p.price.nanos,
          p.price.currencyCode,
          p.imageSvg ?? null,
          p.weightGrams ?? null,
          p.stockHint ?? null,
        ],
      );
      const product = await this.findProduct(tx, p.id);
      if (!product) throw new Error(`product ${p.id} vanished inside its own transaction`);
      return { product, created: rows[0]?.inserted === true };
    });
  }

  /** Deletes a product and its reviews (admin); deleting a missing product is not an error. */
  async deleteProduct(id: string): Promise<DeleteResult> {
    const productId = validateProductId(id);
    const { rows } = await this.db.query(`DELETE FROM ${T.products} WHERE id = $1 RETURNING id`, [productId]);
    return { existed: rows.length > 0 };
  }

  private async findProduct(q: Queryable, id: string): Promise<Product | undefined> {
    const { rows } = await q.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM ${T.products} p ${RATING_JOIN} WHERE p.id = $1`, [id]);
    return rows[0] ? toProduct(rows[0]) : undefined;
  }

  private async requireCategory(q: Queryable, id: string): Promise<void> {
    const { rows } = await q.query(`SELECT 1 FROM ${T.categories} WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundError('category', id);
  }
}

function toProduct(row: ProductRow): Product {
  const product: Product = {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category_id,
    tags: row.tags,
    // node-postgres returns bigint as a string, PGlite as a number.
    price: { currencyCode: row.currency_code, units: Number(row.price_units), nanos: Number(row.price_nanos) },
    rating: { average: Number(row.rating_average ?? 0), count: Number(row.review_count ?? 0) },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (row.image_svg !== null) product.imageSvg = row.image_svg;
  if (row.weight_grams !== null) product.weightGrams = Number(row.weight_grams);
  if (row.stock_hint !== null) product.stockHint = Number(row.stock_hint);
  return product;
}

function validateTagFilter(tags: unknown): string[] {
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags) || tags.length > LIMITS.tags) throw new InvalidArgumentError('tags', `must be a list of at most ${LIMITS.tags} tags`);
  return [...new Set(tags.map((t, i) => validateTag(t, `tags[${i}]`)))].sort();
}

function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    productId: row.product_id,
    userId: row.user_id,
    authorName: row.author_name,
    rating: validateRating(Number(row.rating)),
    title: row.title,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
