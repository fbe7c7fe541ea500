// Projections with exactly-once effects: each event's read-model change and the projection's
// checkpoint commit in ONE transaction of the read model's own database, so a crash anywhere
// either keeps both or neither, and a restart resumes right after the last committed event.
import type { Database, Queryable } from '@mercato/db';
import { consumerSpan } from './metadata';
import { comparePositions, START, type EventFilter, type EventSource, type Position, type SourceMessage, type StoredEvent } from './ports';

export interface Progress {
  name: string;
  /** The checkpoint just committed. */
  position: Position;
  /** Now minus the event's createdAt (0 for heartbeats and once caught up): the projection's lag. */
  lagMs: number;
  /** The event this checkpoint applied; absent for a heartbeat. */
  event?: StoredEvent;
}

export interface ProjectionOptions {
  /** The read model's database; the checkpoint lives here too (never in the event store's). */
  db: Database;
  source: EventSource;
  /** Names the checkpoint: one per projection. */
  name: string;
  /** Pushed down to the store: only these streams / event types are delivered. */
  filter?: EventFilter;
  /** Applies one event to the read model, inside the transaction that also stores the checkpoint. */
  handle(tx: Queryable, event: StoredEvent): Promise<void>;
  /**
   * Most events applied in one transaction (default 100). Events the source has already delivered
   * when one arrives share its transaction and one checkpoint write; an idle projection still
   * commits each event as it comes. 1 gives a transaction per event.
   */
  maxBatch?: number;
  /** Aborting stops the projection; runProjection then resolves. */
  signal: AbortSignal;
  /** After each committed checkpoint (once per applied event, in order), e.g. to set a lag gauge. */
  onProgress?(progress: Progress): void;
  /** Each time the subscription reaches the live end, once every event before it is committed. */
  onCaughtUp?(): void;
  /** Source errors the runner recovers from by re-subscribing (the event store restarting). */
  onError?(err: unknown): void;
}

const DEFAULT_MAX_BATCH = 100;

const MIGRATION = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name text PRIMARY KEY,
  commit_position numeric(20, 0) NOT NULL,
  prepare_position bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

/** Creates the checkpoint table in the read model's database; idempotent. */
export async function migrateProjections(db: Queryable): Promise<void> {
  await db.query(MIGRATION);
}

export async function loadProjectionCheckpoint(q: Queryable, name: string, lock = false): Promise<Position | undefined> {
  const { rows } = await q.query<{ c: string; p: string }>(
    `SELECT commit_position::text AS c, prepare_position::text AS p FROM projection_checkpoints WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
    [name],
  );
  const r = rows[0];
  return r ? { commit: BigInt(r.c), prepare: BigInt(r.p) } : undefined;
}

async function saveCheckpoint(q: Queryable, name: string, p: Position): Promise<void> {
  await q.query(
    `INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, $2::numeric, $3::bigint)
     ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
    [name, p.commit.toString(), p.prepare.toString()],
  );
}

/** Marks an error thrown by `handle`: fatal (the caller decides), unlike a source error. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/** What the source has delivered and the runner has not yet committed. */
interface Batch {
  events: StoredEvent[];
  /** The last position delivered: the event's, or a heartbeat's after it. */
  position: Position;
}

const LATER = Symbol('later');

/**
 * Pulls from a subscription: `next` waits for a message; `ready` takes one only if the source has
 * it already (it resolves within the current turn of the event loop), else answers LATER and keeps
 * the pull for the next call.
 */
function puller(iterable: AsyncIterable<SourceMessage>) {
  const it = iterable[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<SourceMessage>> | undefined;
  const take = (): Promise<IteratorResult<SourceMessage>> => {
    const p = pending ?? it.next();
    pending = p;
    return p;
  };
  return {
    async next(): Promise<IteratorResult<SourceMessage>> {
      const r = await take();
      pending = undefined;
      return r;
    },
    async ready(): Promise<IteratorResult<SourceMessage> | typeof LATER> {
      const r = await Promise.race([take(), new Promise<typeof LATER>((resolve) => setImmediate(resolve, LATER))]);
      if (r !== LATER) pending = undefined;
      return r;
    },
    /** Closes the iterator, after a pull still waiting (its source was told to stop by its signal). */
    close(): void {
      const closing = pending ? pending.then(() => it.return?.()) : it.return?.();
      void closing?.catch(() => undefined);
    },
  };
}

/** Runs until the signal aborts (resolves) or `handle` throws (rejects; the events of its transaction are not applied). */
export async function runProjection(o: ProjectionOptions): Promise<void> {
  const { db, name, signal } = o;
  const maxBatch = o.maxBatch ?? DEFAULT_MAX_BATCH;
  if (!Number.isSafeInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  await migrateProjections(db);
  await db.query(`INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, 0, 0) ON CONFLICT (name) DO NOTHING`, [name]);

  /**
   * One transaction: lock the checkpoint, skip what is already applied (another replica may have
   * got there first), apply the rest, move the checkpoint. Resolves to the events it applied.
   */
  const commit = (batch: Batch): Promise<StoredEvent[] | undefined> =>
    db.transaction(async (tx) => {
      // The row lock also serializes two replicas running the same projection.
      const current = (await loadProjectionCheckpoint(tx, name, true)) ?? START;
      if (comparePositions(batch.position, current) <= 0) return undefined;
      const fresh = batch.events.filter((e) => comparePositions(e.position, current) > 0);
      for (const event of fresh) {
        await consumerSpan(event, `${name} process`, () => o.handle(tx, event)).catch((err: unknown) => {
          throw new HandlerFailure(err);
        });
      }
      await saveCheckpoint(tx, name, batch.position);
      return fresh;
    });

  const flush = async (batch: Batch): Promise<void> => {
    const applied = await commit(batch);
    if (!applied || !o.onProgress) return;
    const now = Date.now();
    for (const event of applied) o.onProgress({ name, position: event.position, lagMs: Math.max(0, now - event.createdAt.getTime()), event });
    const last = applied.at(-1);
    if (!last || comparePositions(last.position, batch.position) !== 0) o.onProgress({ name, position: batch.position, lagMs: 0 });
  };

  for (let failures = 0; !signal.aborted; ) {
    const after = (await loadProjectionCheckpoint(db, name)) ?? START;
    // The subscription's own signal: leaving the loop for any reason (a failed handler included)
    // ends it at once, even while a pull is still waiting for the next message.
    const subscription = new AbortController();
    const stop = (): void => subscription.abort();
    signal.addEventListener('abort', stop, { once: true });
    const source = puller(o.source.subscribe({ after, ...(o.filter ? { filter: o.filter } : {}), signal: subscription.signal }));
    try {
      for (let ended = false; !ended && !signal.aborted; ) {
        const first = await source.next();
        if (first.done || signal.aborted) break;
        let message: SourceMessage = first.value;
        if (message.kind === 'caught_up') {
          o.onCaughtUp?.();
          continue;
        }
        // Gather what the source already holds, up to maxBatch events; a caught-up signal ends the batch.
        const batch: Batch = { events: [], position: START };
        let caughtUp = false;
        for (;;) {
          if (message.kind === 'event') {
            batch.events.push(message.event);
            batch.position = message.event.position;
          } else if (message.kind === 'checkpoint') batch.position = message.position;
          else {
            caughtUp = true;
            break;
          }
          if (batch.events.length >= maxBatch) break;
          const more = await source.ready();
          if (more === LATER) break;
          if (more.done) {
            ended = true;
            break;
          }
          message = more.value;
        }
        if (signal.aborted) break;
        await flush(batch);
        failures = 0;
        if (caughtUp) o.onCaughtUp?.();
      }
    } catch (err) {
      if (err instanceof HandlerFailure) throw err.error;
      if (signal.aborted) return;
      o.onError?.(err);
      failures++;
    } finally {
      signal.removeEventListener('abort', stop);
      subscription.abort();
      source.close();
    }
    // The subscription ended or failed without an abort (the store went away): resume from the checkpoint.
    if (!signal.aborted) await pause(Math.min(100 * 2 ** failures, 5_000), signal);
  }
}

/** Empties the read model with `reset` and the checkpoint in one transaction, then runs from the start. */
export async function rebuildProjection(o: ProjectionOptions & { reset(tx: Queryable): Promise<void> }): Promise<void> {
  await migrateProjections(o.db);
  await o.db.transaction(async (tx) => {
    await o.reset(tx);
    await saveCheckpoint(tx, o.name, START);
  });
  return runProjection(o);
}

/** Waits `ms`, or less if the signal aborts first; never rejects (for back-off in loops that stop on abort). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
