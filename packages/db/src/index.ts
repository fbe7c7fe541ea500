// One small interface over PostgreSQL (node-postgres pool) and PGlite (embedded, in-process), so
// every stateful service runs the same SQL on both.
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { nodePostgres } from './node-postgres';
import { discardPgliteTemplate, pgliteTemplate } from './pglite-template';

// PGlite, like node-postgres, loads on first use: most processes never open it.
const pglite = (): typeof import('@electric-sql/pglite') => require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs several statements separated by semicolons (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel. onNotify gets wake-ups only; onReconnect runs after a lost listening
   * connection is back (notifications sent meanwhile are gone, so callers catch up again).
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite only: a folder to keep data in; absent means in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL only: pool size. */
  poolSize?: number;
  /** PostgreSQL only: application_name shown in pg_stat_activity. */
  applicationName?: string;
  /** PGlite only: statements before the first automatic ANALYZE (default 500). */
  pgliteAnalyzeAfter?: number;
  /** Called with errors of idle pool clients and listener connections (they are recovered). */
  onError?: (err: Error) => void;
}

const CHANNEL_RE = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir, options.pgliteAnalyzeAfter);
}

/**
 * PGlite runs no autovacuum, so nothing ANALYZEs its tables: as they grow, the planner keeps the
 * estimates of empty tables and picks scans that slow appends fourfold by 30k rows (measured).
 * We ANALYZE after 500 statements, then each time their count doubles (at most every 50,000) —
 * as autovacuum would after a share of the rows changed.
 */
class AutoAnalyze {
  private calls = 0;
  private nextAt: number;
  private running = false;

  constructor(
    private readonly run: () => Promise<void>,
    firstAfter: number,
  ) {
    this.nextAt = firstAfter;
  }

  touch(): void {
    if (++this.calls < this.nextAt || this.running) return;
    this.nextAt = this.calls + Math.min(this.calls, 50_000);
    this.running = true;
    this.run()
      .catch(() => undefined)
      .finally(() => (this.running = false));
  }
}

/** PGlite reports affectedRows 0 for a SELECT: the rows are the count then. */
function pgliteResult<T>(r: { rows: T[]; affectedRows?: number }): QueryResult<T> {
  return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
}

/**
 * PGlite runs PostgreSQL single-user on a file system in memory (or on one the OS caches): a page
 * evicted from shared buffers is a memory copy away, so PostgreSQL's default 128 MB of buffers
 * mostly holds a second copy of the data. 16 MB keeps the six embedded databases of the suite
 * small (about 150 MB less RSS each once they have data).
 */
export function pgliteStartParams(): string[] {
  return [...pglite().PGlite.defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'wal_buffers=1MB'];
}

/** An in-memory database starts from the template cluster; should that fail, from its own initdb. */
async function startPglite(dataDir: string | undefined): Promise<PGlite> {
  const { PGlite } = pglite();
  const startParams = pgliteStartParams();
  if (dataDir) return ready(new PGlite({ dataDir, startParams }));
  try {
    return await ready(new PGlite({ loadDataDir: await pgliteTemplate(), startParams }));
  } catch {
    await discardPgliteTemplate();
    return ready(new PGlite({ startParams }));
  }
}

async function ready(db: PGlite): Promise<PGlite> {
  await db.waitReady;
  return db;
}

async function openPglite(dataDir: string | undefined, analyzeAfter = 500): Promise<Database> {
  const db = await startPglite(dataDir);
  const analyze = new AutoAnalyze(() => db.exec('ANALYZE').then(() => undefined), analyzeAfter);
  const query = async <T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> => {
    analyze.touch();
    return pgliteResult(await db.query<T>(sql, params as unknown[] | undefined));
  };
  return {
    kind: 'pglite',
    query,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) => {
      analyze.touch();
      return db.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: unknown[]) => pgliteResult(await tx.query<T>(sql, params as unknown[] | undefined)),
        }),
      );
    },
    listen: async (channel, onNotify) => {
      assertChannel(channel);
      const unsubscribe = await db.listen(channel, onNotify);
      return unsubscribe;
    },
    notify: async (channel, payload) => {
      assertChannel(channel);
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    ping: async () => {
      await db.query('SELECT 1');
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new (nodePostgres().Pool)({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'mercato',
    connectionTimeoutMillis: 5_000,
  });
  const report = options.onError ?? (() => undefined);
  pool.on('error', report);
  const query = async <T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> => {
    const r = await pool.query(sql, params);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  };
  const listeners = new Set<PgListener>();
  let closed = false;
  const db: Database = {
    kind: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      // pg-pool drops its error listener from a client it hands out: without one, a server that
      // goes away mid-transaction emits an 'error' nobody handles and the process dies.
      client.on('error', report);
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params?: unknown[]) => {
            const r = await client.query(sql, params);
            return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
          },
        });
        await client.query('COMMIT');
        client.off('error', report);
        client.release();
        return result;
      } catch (err) {
        // A failed ROLLBACK means the connection is broken: destroy it instead of reusing it.
        const rollback = await client.query('ROLLBACK').then(
          () => undefined,
          (e: Error) => e,
        );
        client.off('error', report);
        client.release(rollback);
        throw err;
      }
    },
    listen: async (channel, onNotify, onReconnect) => {
      assertChannel(channel);
      const listener = new PgListener(url, channel, onNotify, onReconnect ?? (() => undefined), report);
      listeners.add(listener);
      await listener.start();
      return async () => {
        listeners.delete(listener);
        await listener.stop();
      };
    },
    notify: async (channel, payload) => {
      assertChannel(channel);
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((l) => l.stop()));
      await pool.end();
    },
  };
  await db.ping();
  return db;
}

/** A dedicated session connection for LISTEN that reconnects with backoff and re-LISTENs. */
class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onNotify: (payload: string) => void,
    private readonly onReconnect: () => void,
    private readonly report: (err: Error) => void,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new (nodePostgres().Client)({ connectionString: this.url, application_name: 'mercato-listen' });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel) this.onNotify(msg.payload ?? '');
    });
    client.on('error', (err) => {
      this.report(err);
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
  }

  private scheduleReconnect(failed: pg.Client): void {
    if (this.stopped || this.client !== failed || this.retryTimer) return;
    this.client = undefined;
    failed.removeAllListeners('end');
    failed.end().catch(() => undefined);
    this.reconnectIn(200);
  }

  /** Connects again after delayMs, doubling the wait (up to 5 s) while the server stays away. */
  private reconnectIn(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.stopped) return;
      this.connect().then(
        () => this.onReconnect(),
        (err: Error) => {
          this.report(err);
          this.reconnectIn(Math.min(delayMs * 2, 5_000));
        },
      );
    }, delayMs);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}

function assertChannel(channel: string): void {
  if (!CHANNEL_RE.test(channel)) throw new Error(`invalid LISTEN channel name "${channel}"`);
}

/** True for PostgreSQL errors a caller should retry in a fresh transaction. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

export { createTestDatabase, dropDatabases, postgresAvailable, postgresForTests, testDatabaseIfAvailable, testServerUrl, type TestDatabase } from './testing';
export { ensureDatabase } from './admin';
export { ensurePgliteTemplate, pgliteTemplate, pgliteTemplatePath } from './pglite-template';
