// Test helpers: a uniquely named database on the local PostgreSQL server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { nodePostgres } from './node-postgres';
import { ensureDatabase } from './admin';

/** The server tests use; override with MERCATO_TEST_PG (a URL to the maintenance database). */
export function testServerUrl(): string {
  return process.env.MERCATO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new (nodePostgres().Client)({ connectionString: testServerUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Whether the PostgreSQL half of a test runs: true when the server answers, false when it does
 * not, and a failure instead of a skip under MERCATO_REQUIRE_ALL=1 (CI).
 */
export async function postgresForTests(): Promise<boolean> {
  if (await postgresAvailable()) return true;
  if (process.env.MERCATO_REQUIRE_ALL === '1') throw new Error(`PostgreSQL is required (MERCATO_REQUIRE_ALL=1) but ${testServerUrl()} is not reachable`);
  return false;
}

/** A fresh database for a test, or undefined when PostgreSQL is absent and not required. */
export async function testDatabaseIfAvailable(prefix?: string): Promise<TestDatabase | undefined> {
  return (await postgresForTests()) ? createTestDatabase(prefix) : undefined;
}

export async function createTestDatabase(prefix = 'mercato_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(testServerUrl(), name);
  return {
    url,
    name,
    drop: async () => {
      const c = new (nodePostgres().Client)({ connectionString: testServerUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Drops every database whose name starts with `prefix` (a test's or benchmark's stack, one per service). */
export async function dropDatabases(prefix: string): Promise<void> {
  const admin = new (nodePostgres().Client)({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
