// The catalog's tables live in their own PostgreSQL schema, so the catalog can share a database
// with other services without name clashes. Migrations are append-only: never edit a shipped step.

export const SCHEMA = 'catalog';

/** Advisory lock key that serializes migrate() and seedIfEmpty() across replicas. */
export const CATALOG_LOCK_KEY = 0x6361_7461; // "cata"

export interface Migration {
  version: number;
  description: string;
  /** One statement per entry: PGlite runs only single statements inside a transaction. */
  statements: string[];
}

export const BOOTSTRAP: string[] = [
  `CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`,
  `CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_version (
     version int PRIMARY KEY,
     description text NOT NULL,
     applied_at timestamptz NOT NULL DEFAULT now()
   )`,
];

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'categories, products with a weighted full-text document, reviews',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${SCHEMA}.categories (
         id text COLLATE "C" PRIMARY KEY,
         name text NOT NULL,
         description text NOT NULL
       )`,
      `CREATE TABLE IF NOT EXISTS ${SCHEMA}.products (
         id text COLLATE "C" PRIMARY KEY,
         name text NOT NULL,
         description text NOT NULL,
         category_id text COLLATE "C" NOT NULL REFERENCES ${SCHEMA}.categories (id),
         tags text[] NOT NULL DEFAULT '{}',
         price_units bigint NOT NULL CHECK (price_units >= 0),
         price_nanos int NOT NULL CHECK (price_nanos BETWEEN 0 AND 999999999),
         currency_code text NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
         image_svg text,
         weight_grams int CHECK (weight_grams >= 0),
         stock_hint int CHECK (stock_hint >= 0),
         search_document tsvector NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX IF NOT EXISTS products_category_id_idx ON ${SCHEMA}.products (category_id, id)`,
      `CREATE INDEX IF NOT EXISTS products_search_document_idx ON ${SCHEMA}.products USING gin (search_document)`,
      `CREATE INDEX IF NOT EXISTS products_tags_idx ON ${SCHEMA}.products USING gin (tags)`,
      `CREATE TABLE IF NOT EXISTS ${SCHEMA}.reviews (
         id text COLLATE "C" PRIMARY KEY,
         product_id text COLLATE "C" NOT NULL REFERENCES ${SCHEMA}.products (id) ON DELETE CASCADE,
         user_id text NOT NULL,
         author_name text NOT NULL,
         rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
         title text NOT NULL,
         body text NOT NULL,
         created_at timestamptz NOT NULL,
         CONSTRAINT reviews_one_per_user UNIQUE (product_id, user_id)
       )`,
      `CREATE INDEX IF NOT EXISTS reviews_product_recent_idx ON ${SCHEMA}.reviews (product_id, created_at DESC, id DESC)`,
    ],
  },
];

/**
 * The weighted search document of a product, as an SQL expression over the given SQL
 * expressions: name weighs A, tags and category B, description C.
 */
export function searchDocumentSql(name: string, tags: string, category: string, description: string): string {
  return (
    `setweight(to_tsvector('english', ${name}), 'A') || ` +
    `setweight(to_tsvector('english', array_to_string(${tags}, ' ') || ' ' || replace(${category}, '-', ' ')), 'B') || ` +
    `setweight(to_tsvector('english', ${description}), 'C')`
  );
}
