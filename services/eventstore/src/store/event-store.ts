// The event store engine: one class over the shared Database (PostgreSQL pool or PGlite).
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@mercato/db';
import { InvalidArgumentError, StoreUnavailableError, StreamDeletedError, StreamNotFoundError, WrongExpectedRevisionError } from './errors';
import { GroupCommitter } from './group-commit';
import { DEFAULT_LIMITS, checkBatch, checkExpected, checkStreamName, type Limits } from './limits';
import { readAllPage, readStream, readStreamPage } from './reads';
import { backoffMs, sleep } from './retry';
import { migrate } from './schema';
import { Waker, subscribe, type LocalCommit } from './subscription';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  Health,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeOptions,
  SubscriptionMessage,
} from './types';

export interface EventStoreOptions {
  limits?: Partial<Limits>;
  /** NOTIFY/LISTEN channel that wakes other replicas' subscriptions. */
  channel?: string;
  /** Append groups committing at once (default 1: the next group forms while one commits). */
  maxInFlightGroups?: number;
  /** Upper bounds of one group-commit transaction. */
  maxGroupEvents?: number;
  maxGroupBytes?: number;
  /** Live subscriptions re-read at least this often without a wake-up. */
  pollIntervalMs?: number;
  /** Events per subscription read. */
  subscriptionBatchSize?: number;
  /** Minimum gap between two NOTIFYs (they only wake other replicas). */
  notifyDebounceMs?: number;
  /** Called with errors the store recovers from (lost connections during subscriptions). */
  onError?: (err: unknown) => void;
}

export class EventStore {
  readonly limits: Limits;
  private readonly committer: GroupCommitter;
  private readonly wakers = new Set<Waker>();
  private readonly closing = new AbortController();
  private readonly channel: string;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly notifyDebounceMs: number;
  private readonly report: (err: unknown) => void;
  /** Sent as the NOTIFY payload, so this replica ignores its own (it woke its subscriptions directly). */
  private readonly instanceId = randomUUID();
  private listening: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private notifyState: 'idle' | 'sending' | 'again' = 'idle';
  private notifyDone: Promise<void> = Promise.resolve();

  constructor(
    readonly db: Database,
    options: EventStoreOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.channel = options.channel ?? 'mercato_eventstore';
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.batchSize = options.subscriptionBatchSize ?? 500;
    // Other replicas also poll: a wake-up at most every 25 ms is plenty, and under load it keeps
    // NOTIFY (a statement, and a cluster-wide lock at its commit) off the hot path.
    this.notifyDebounceMs = options.notifyDebounceMs ?? 25;
    this.report = options.onError ?? (() => undefined);
    this.committer = new GroupCommitter(
      db,
      {
        // One group at a time measured best: two groups on the same streams trip the order guard.
        maxInFlight: options.maxInFlightGroups ?? 1,
        maxGroupEvents: options.maxGroupEvents ?? 5_000,
        maxGroupBytes: options.maxGroupBytes ?? 16 * 1024 * 1024,
        connectionRetryMs: 15_000,
        maxConflictRetries: 100,
      },
      (commit) => this.committed(commit),
    );
  }

  /** Creates or upgrades the schema; idempotent. Returns how many migrations ran. */
  migrate(): Promise<number> {
    return migrate(this.db);
  }

  /** Appends events atomically to one stream; concurrent calls share one transaction. */
  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision = { kind: 'any' }): Promise<AppendResult> {
    try {
      this.assertOpen();
      checkStreamName(stream, this.limits);
      checkExpected(expected);
      const checked = checkBatch(events, this.limits);
      return this.committer.submit({ stream, events, expected, checked });
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    checkStreamName(stream, this.limits);
    return readStream(this.db, stream, options);
  }

  /** readStream, plus the stream's last revision when no lifecycle limit can hide its last event. */
  async readStreamPage(stream: string, options: ReadStreamOptions = {}): Promise<{ events: RecordedEvent[]; lastRevision: bigint | undefined }> {
    this.assertOpen();
    checkStreamName(stream, this.limits);
    return readStreamPage(this.db, stream, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return (await this.readAllPage(options)).events;
  }

  /** Like readAll, plus the position to continue from (past filtered-out events too). */
  async readAllPage(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    return readAllPage(this.db, options);
  }

  subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionMessage> {
    this.assertOpen();
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    return subscribe(
      {
        db: this.db,
        limits: this.limits,
        pollIntervalMs: this.pollIntervalMs,
        batchSize: this.batchSize,
        ensureListening: (s) => this.ensureListening(s),
        register: (w) => {
          this.wakers.add(w);
          return () => this.wakers.delete(w);
        },
        report: this.report,
      },
      { ...options, signal },
    );
  }

  async getStreamMetadata(stream: string): Promise<StreamMetadata> {
    this.assertOpen();
    checkStreamName(stream, this.limits);
    const { rows } = await this.db.query<{ max_count: string | null; max_age_seconds: string | null; tombstoned: boolean }>(
      `SELECT max_count::text, max_age_seconds::text, tombstoned FROM es_streams WHERE stream = $1`,
      [stream],
    );
    const r = rows[0];
    if (r?.tombstoned) throw new StreamDeletedError(stream);
    return {
      ...(r?.max_count != null ? { maxCount: Number(r.max_count) } : {}),
      ...(r?.max_age_seconds != null ? { maxAgeSeconds: Number(r.max_age_seconds) } : {}),
    };
  }

  /** Replaces the stream's metadata; maxCount / maxAgeSeconds are applied when reading. */
  async setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void> {
    this.assertOpen();
    checkStreamName(stream, this.limits);
    for (const field of ['maxCount', 'maxAgeSeconds'] as const) {
      const v = metadata[field];
      if (v !== undefined && (!Number.isSafeInteger(v) || v < 0)) throw new InvalidArgumentError(`metadata.${field}`, 'must be a non-negative integer');
    }
    const { rows } = await this.db.query<{ tombstoned: boolean }>(
      `INSERT INTO es_streams AS s (stream, max_count, max_age_seconds) VALUES ($1, $2, $3)
       ON CONFLICT (stream) DO UPDATE SET max_count = EXCLUDED.max_count, max_age_seconds = EXCLUDED.max_age_seconds
         WHERE NOT s.tombstoned
       RETURNING s.tombstoned`,
      [stream, metadata.maxCount ?? null, metadata.maxAgeSeconds ?? null],
    );
    if (rows.length === 0) throw new StreamDeletedError(stream);
  }

  /** Soft delete: reads answer not-found; a later append continues after the last revision. */
  async deleteStream(stream: string, expected: ExpectedRevision = { kind: 'any' }): Promise<void> {
    await this.changeLifecycle(stream, expected, async (tx, exists) => {
      if (!exists) throw new StreamNotFoundError(stream);
      await tx.query(`UPDATE es_streams SET deleted = true, truncate_before = revision + 1 WHERE stream = $1`, [stream]);
    });
  }

  /** Permanent delete: reads and appends answer StreamDeletedError from now on. */
  async tombstoneStream(stream: string, expected: ExpectedRevision = { kind: 'any' }): Promise<void> {
    await this.changeLifecycle(stream, expected, async (tx) => {
      await tx.query(
        `INSERT INTO es_streams (stream, tombstoned, deleted) VALUES ($1, true, true)
         ON CONFLICT (stream) DO UPDATE SET tombstoned = true, deleted = true, truncate_before = es_streams.revision + 1`,
        [stream],
      );
    });
  }

  async health(timeoutMs = 2_000): Promise<Health> {
    if (this.closing.signal.aborted) return { ok: false, backend: this.db.kind, error: 'closed' };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.db.query(`SELECT 1 FROM es_migrations LIMIT 1`),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
      ]);
      return { ok: true, backend: this.db.kind };
    } catch (err) {
      return { ok: false, backend: this.db.kind, error: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends subscriptions and waits for appends in flight; the Database stays open (the caller owns it). */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.committer.close();
    await this.notifyDone;
    await this.unlisten?.().catch(() => undefined);
  }

  private async changeLifecycle(stream: string, expected: ExpectedRevision, change: (tx: Queryable, exists: boolean) => Promise<void>): Promise<void> {
    this.assertOpen();
    checkStreamName(stream, this.limits);
    checkExpected(expected);
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ revision: string; deleted: boolean; tombstoned: boolean }>(
        `SELECT revision::text, deleted, tombstoned FROM es_streams WHERE stream = $1 FOR UPDATE`,
        [stream],
      );
      const head = rows[0];
      if (head?.tombstoned) throw new StreamDeletedError(stream);
      const exists = !!head && BigInt(head.revision) >= 0n && !head.deleted;
      const current = exists ? BigInt(head.revision) : ('no_stream' as const);
      const ok =
        expected.kind === 'any' ||
        (expected.kind === 'no_stream' && !exists) ||
        (expected.kind === 'stream_exists' && exists) ||
        (expected.kind === 'exact' && current === expected.revision);
      if (!ok) throw new WrongExpectedRevisionError(stream, expected, current);
      await change(tx, exists);
    });
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new StoreUnavailableError('the event store is closed');
  }

  /** After a group commits: wake the local subscriptions it concerns now, other replicas by a debounced NOTIFY. */
  private committed(commit: LocalCommit): void {
    for (const w of this.wakers) w.committed(commit);
    if (this.db.kind === 'postgres') this.scheduleNotify();
  }

  private scheduleNotify(): void {
    if (this.notifyState !== 'idle') {
      this.notifyState = 'again';
      return;
    }
    this.notifyState = 'sending';
    this.notifyDone = (async () => {
      while (this.notifyState !== 'idle') {
        this.notifyState = 'sending';
        await this.db.notify(this.channel, this.instanceId).catch((err: unknown) => this.report(err));
        await sleep(this.notifyDebounceMs);
        if (this.notifyState === 'sending') this.notifyState = 'idle';
      }
    })();
  }

  private ensureListening(signal: AbortSignal): Promise<void> {
    if (this.db.kind !== 'postgres') return Promise.resolve();
    this.listening ??= (async () => {
      for (let attempt = 0; !this.closing.signal.aborted; attempt++) {
        try {
          const wakeAll = (): void => {
            for (const w of this.wakers) w.wake();
          };
          // Our own NOTIFY only echoes commits whose subscriptions were woken already.
          const onNotify = (sender: string): void => {
            if (sender !== this.instanceId) wakeAll();
          };
          // onReconnect: notifications sent while disconnected are lost, so everyone re-reads.
          this.unlisten = await this.db.listen(this.channel, onNotify, wakeAll);
          return;
        } catch (err) {
          this.report(err);
          await sleep(100 + backoffMs(attempt, 100, 2_000), this.closing.signal);
        }
      }
    })();
    // A subscription aborted while the store is still trying to LISTEN stops waiting.
    return Promise.race([this.listening, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
  }
}
