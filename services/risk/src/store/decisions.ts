// Decisions by order id, so Assess is idempotent: the first decision for an order is the one every
// later call answers with. The book answers from memory (no database statement on the hot path)
// and writes behind in batches; the table keeps decisions across restarts and settles races
// between replicas: the first row stored wins, and a replica that decided differently adopts it.
import type { Database } from '@mercato/db';
import type { Logger } from '@mercato/kit';
import type { Verdict } from '../rules';
import type { RiskMetrics } from '../metrics';

export interface StoredDecision {
  orderId: string;
  customerId: string;
  verdict: Verdict;
  score: number;
  reasons: { code: string; description: string; weight: number }[];
  modelVersion: string;
}

const MIGRATION = `CREATE TABLE IF NOT EXISTS risk_decisions (
  order_id text PRIMARY KEY,
  customer_id text NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('approve', 'review', 'decline')),
  score double precision NOT NULL,
  reasons jsonb NOT NULL,
  model_version text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS risk_decisions_created_at ON risk_decisions (created_at)`;

interface Row {
  order_id: string;
  customer_id: string;
  verdict: Verdict;
  score: number;
  reasons: StoredDecision['reasons'] | string;
  model_version: string;
}

const COLUMNS = 'order_id, customer_id, verdict, score, reasons, model_version';

const fromRow = (r: Row): StoredDecision => ({
  orderId: r.order_id,
  customerId: r.customer_id,
  verdict: r.verdict,
  score: Number(r.score),
  reasons: typeof r.reasons === 'string' ? (JSON.parse(r.reasons) as StoredDecision['reasons']) : r.reasons,
  modelVersion: r.model_version,
});

/** The table. */
export class DecisionStore {
  constructor(private readonly db: Database) {}

  async migrate(): Promise<void> {
    await this.db.exec(MIGRATION);
  }

  async get(orderId: string): Promise<StoredDecision | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM risk_decisions WHERE order_id = $1`, [orderId]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The most recent decisions (newest first), to answer retries from memory after a restart. */
  async recent(withinHours: number, limit: number): Promise<StoredDecision[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM risk_decisions WHERE created_at > now() - make_interval(hours => $1::int) ORDER BY created_at DESC LIMIT $2`, [withinHours, limit]);
    return rows.map(fromRow);
  }

  /**
   * Stores each decision unless its order already has one, in one statement; returns the
   * decision that stands for each (the earlier row where there was one).
   */
  async putFirst(ds: readonly StoredDecision[]): Promise<StoredDecision[]> {
    if (ds.length === 0) return [];
    const params: unknown[] = [];
    const values = ds.map((d) => {
      params.push(d.orderId, d.customerId, d.verdict, d.score, JSON.stringify(d.reasons), d.modelVersion);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n})`;
    });
    const { rows } = await this.db.query<{ order_id: string }>(`INSERT INTO risk_decisions (${COLUMNS}) VALUES ${values.join(', ')} ON CONFLICT (order_id) DO NOTHING RETURNING order_id`, params);
    const inserted = new Set(rows.map((r) => r.order_id));
    const taken = ds.filter((d) => !inserted.has(d.orderId)).map((d) => d.orderId);
    const earlier = new Map<string, StoredDecision>();
    if (taken.length) {
      const found = await this.db.query<Row>(`SELECT ${COLUMNS} FROM risk_decisions WHERE order_id = ANY($1::text[])`, [taken]);
      for (const r of found.rows) earlier.set(r.order_id, fromRow(r));
    }
    return ds.map((d) => earlier.get(d.orderId) ?? d);
  }

  /** Forgets decisions older than the retention: a saga retries within minutes, not months. */
  async prune(olderThanDays: number): Promise<number> {
    const { rowCount } = await this.db.query(`DELETE FROM risk_decisions WHERE created_at < now() - make_interval(days => $1::int)`, [olderThanDays]);
    return rowCount;
  }
}

export interface BookOptions {
  store: DecisionStore;
  log: Logger;
  metrics?: RiskMetrics;
  /** Decisions kept in memory (default 100,000). */
  capacity?: number;
  /** How often pending decisions are written (default 50 ms). */
  flushEveryMs?: number;
}

const BATCH = 500;

/** Decisions in memory, written behind to the table. */
export class DecisionBook {
  private readonly known = new Map<string, StoredDecision>();
  private pending: StoredDecision[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private readonly capacity: number;

  constructor(private readonly o: BookOptions) {
    this.capacity = o.capacity ?? 100_000;
  }

  /** Loads the last day's decisions: a retry after a restart is answered as before, from memory. */
  async load(): Promise<number> {
    const recent = await this.o.store.recent(24, this.capacity);
    for (const d of recent.reverse()) this.keep(d);
    return recent.length;
  }

  get(orderId: string): StoredDecision | undefined {
    return this.known.get(orderId);
  }

  /** Records a decision unless the order has one; returns the one that stands (synchronously). */
  decide(d: StoredDecision): StoredDecision {
    const earlier = this.known.get(d.orderId);
    if (earlier) return earlier;
    this.keep(d);
    this.pending.push(d);
    if (this.pending.length > this.capacity) {
      // The database has been away for long: the oldest unwritten decisions are kept in memory only.
      this.pending.shift();
      this.o.metrics?.decisionWrites.inc({ outcome: 'dropped' });
    }
    this.o.metrics?.pendingDecisions.set(this.pending.length);
    return d;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.o.flushEveryMs ?? 50);
    this.timer.unref();
  }

  /** Writes what is pending; resolves when the table has it (or the write failed, kept for later). */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flushing;
    await this.flush();
  }

  private keep(d: StoredDecision): void {
    this.known.delete(d.orderId);
    this.known.set(d.orderId, d);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value!);
  }

  private async write(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.slice(0, BATCH);
      let standing: StoredDecision[];
      try {
        standing = await this.o.store.putFirst(batch);
      } catch (err) {
        this.failures++;
        this.o.metrics?.decisionWrites.inc({ outcome: 'failed' }, batch.length);
        if (this.failures === 1 || this.failures % 100 === 0) this.o.log.warn({ err: (err as Error).message, pending: this.pending.length }, 'risk decisions not written yet; retrying');
        return;
      }
      this.failures = 0;
      this.pending = this.pending.slice(batch.length);
      standing.forEach((d, i) => {
        if (d === batch[i]) this.o.metrics?.decisionWrites.inc({ outcome: 'stored' });
        else {
          // Another replica (or an earlier run) decided first: that decision stands from now on.
          this.o.metrics?.decisionWrites.inc({ outcome: 'kept_earlier' });
          this.keep(d);
        }
      });
    }
    this.o.metrics?.pendingDecisions.set(this.pending.length);
  }
}
