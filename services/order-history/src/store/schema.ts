// The read model's tables, in their own schema so the service can share a database. A read model
// is disposable: when a change here is not additive, bump nothing — run the rebuild instead.
export const SCHEMA = 'order_history';

/** Serializes the migration across replicas sharing one PostgreSQL database. */
export const MIGRATION_LOCK_KEY = 0x6f68_6973; // "ohis"

export const TABLES = {
  orders: `${SCHEMA}.orders`,
  customerOrders: `${SCHEMA}.customer_orders`,
  salesHourly: `${SCHEMA}.sales_hourly`,
  productSalesHourly: `${SCHEMA}.product_sales_hourly`,
} as const;

/** One statement per entry: PGlite runs only single statements inside a transaction. */
export const STATEMENTS: string[] = [
  `CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`,
  // The order view: the record of every fact about the order (see domain/order-record.ts), with
  // its status and times as columns for people querying the table.
  `CREATE TABLE IF NOT EXISTS ${TABLES.orders} (
     order_id text COLLATE "C" PRIMARY KEY,
     customer_id text COLLATE "C" NOT NULL,
     status text NOT NULL,
     place_time timestamptz,
     update_time timestamptz,
     record jsonb NOT NULL
   )`,
  // A customer's orders, newest first: the summary rows ListCustomerOrders pages through.
  `CREATE TABLE IF NOT EXISTS ${TABLES.customerOrders} (
     order_id text COLLATE "C" PRIMARY KEY,
     customer_id text COLLATE "C" NOT NULL,
     place_ns bigint NOT NULL,
     status text NOT NULL,
     summary jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS customer_orders_newest_idx ON ${TABLES.customerOrders} (customer_id, place_ns DESC, order_id DESC)`,
  // Orders and revenue per hour the orders were placed in, per currency (revenue in nanos: exact).
  `CREATE TABLE IF NOT EXISTS ${TABLES.salesHourly} (
     hour_start bigint NOT NULL,
     currency_code text COLLATE "C" NOT NULL,
     order_count bigint NOT NULL,
     failed_order_count bigint NOT NULL,
     revenue_nanos numeric(38, 0) NOT NULL,
     PRIMARY KEY (hour_start, currency_code)
   )`,
  // Units and revenue of each product per hour, for the top products of any range.
  `CREATE TABLE IF NOT EXISTS ${TABLES.productSalesHourly} (
     hour_start bigint NOT NULL,
     currency_code text COLLATE "C" NOT NULL,
     product_id text COLLATE "C" NOT NULL,
     product_name text NOT NULL,
     units_sold bigint NOT NULL,
     revenue_nanos numeric(38, 0) NOT NULL,
     PRIMARY KEY (hour_start, currency_code, product_id)
   )`,
];
