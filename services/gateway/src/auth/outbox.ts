// User events (mercato.gateway.v1) reach the event store through an outbox: written in the same
// transaction as the user row, then appended to "user-<id>" by a background publisher. Event ids
// are fixed when the row is written, so a re-sent append is an idempotent replay, never a
// duplicate. The event store being down delays the events; it never fails a sign-up.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@mercato/db';
import { encodeEvent, type DomainEvent, type EventToAppend } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';

const MIGRATION = `
CREATE TABLE IF NOT EXISTS user_event_outbox (
  seq bigserial PRIMARY KEY,
  stream text NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  data bytea NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
`;

interface Row {
  seq: string;
  stream: string;
  event_id: string;
  type: string;
  data: Uint8Array;
  metadata: Record<string, string> | string;
}

/** Appends one stream's events (the event store client in production). */
export type Publish = (stream: string, events: EventToAppend[]) => Promise<void>;

export const userStream = (userId: string): string => `user-${userId}`;

export class UserEventOutbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly db: Database,
    private readonly publish: Publish,
    private readonly log: Logger,
    private readonly options: { batch?: number; idleMs?: number; maxBackoffMs?: number } = {},
  ) {}

  async migrate(): Promise<void> {
    await this.db.exec(MIGRATION);
  }

  /** Records an event inside the caller's transaction. */
  async enqueue(tx: Queryable, userId: string, event: DomainEvent, metadata: Record<string, string> = {}): Promise<void> {
    const e = encodeEvent(event, randomUUID(), metadata);
    await tx.query('INSERT INTO user_event_outbox (stream, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5)', [userStream(userId), e.id, e.type, Buffer.from(e.data), JSON.stringify(e.metadata)]);
  }

  /** Starts publishing in the background: now, after each wake(), and every idle interval. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** A new event is waiting: publish soon rather than at the next idle tick. */
  wake(): void {
    if (!this.stopped && this.failures === 0) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes what is waiting, oldest first, stream by stream; resolves with how many were sent. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const { rows } = await this.db.query<Row>(`SELECT seq, stream, event_id, type, data, metadata FROM user_event_outbox ORDER BY seq LIMIT ${this.options.batch ?? 100}`);
      if (rows.length === 0) return sent;
      // Consecutive rows of one stream go as one append (atomic, in order).
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j < rows.length && rows[j]!.stream === rows[i]!.stream) j++;
        const group = rows.slice(i, j);
        await this.publish(
          group[0]!.stream,
          group.map((r) => ({ id: r.event_id, type: r.type, data: new Uint8Array(r.data), metadata: typeof r.metadata === 'string' ? (JSON.parse(r.metadata) as Record<string, string>) : r.metadata, contentType: 'application/x-protobuf' })),
        );
        await this.db.query('DELETE FROM user_event_outbox WHERE seq = ANY($1::bigint[])', [group.map((r) => r.seq)]);
        sent += group.length;
        i = j;
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running) return this.schedule(50);
      this.running = this.drain()
        .then(
          () => {
            this.failures = 0;
          },
          (err: Error) => {
            this.failures++;
            if (this.failures === 1 || this.failures % 20 === 0) this.log.warn({ err: err.message, failures: this.failures }, 'user events not published yet (event store unavailable?); retrying');
          },
        )
        .finally(() => {
          this.running = undefined;
          const backoff = Math.min(this.options.maxBackoffMs ?? 30_000, 250 * 2 ** Math.min(this.failures, 10));
          this.schedule(this.failures ? backoff : this.options.idleMs ?? 5_000);
        });
    }, delayMs);
    this.timer.unref();
  }
}
