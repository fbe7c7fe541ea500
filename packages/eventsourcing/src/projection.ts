// Projections with exactly-once effects: each event's read-model change and the projection's
// checkpoint commit in ONE transaction of the read model's own database, so a crash anywhere
// either keeps both or neither, and a restart resumes right after the last committed event.
import type { Database, Queryable } from '@mercato/db';
import { consumerSpan } from './metadata';
import { comparePositions, START, type EventFilter, type EventSource, type Position, type StoredEvent } from './ports';

export interface Progress {
  name: string;
  /** The checkpoint just committed. */
  position: Position;
  /** Now minus the event's createdAt (0 for heartbeats and once caught up): the projection's lag. */
  lagMs: number;
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
  /** Aborting stops the projection; runProjection then resolves. */
  signal: AbortSignal;
  /** After each committed checkpoint, e.g. to set a lag gauge. */
  onProgress?(progress: Progress): void;
  /** Source errors the runner recovers from by re-subscribing (the event store restarting). */
  onError?(err: unknown): void;
}

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

/** Runs until the signal aborts (resolves) or `handle` throws (rejects; the event is not applied). */
export async function runProjection(o: ProjectionOptions): Promise<void> {
  const { db, name, signal } = o;
  await migrateProjections(db);
  await db.query(`INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, 0, 0) ON CONFLICT (name) DO NOTHING`, [name]);

  /** One transaction: lock the checkpoint, skip what is already applied, apply, move the checkpoint. */
  const commit = (position: Position, apply?: (tx: Queryable) => Promise<void>): Promise<boolean> =>
    db.transaction(async (tx) => {
      // The row lock also serializes two replicas running the same projection.
      const current = (await loadProjectionCheckpoint(tx, name, true)) ?? START;
      if (comparePositions(position, current) <= 0) return false;
      if (apply) await apply(tx);
      await saveCheckpoint(tx, name, position);
      return true;
    });

  for (let failures = 0; !signal.aborted; ) {
    const after = (await loadProjectionCheckpoint(db, name)) ?? START;
    try {
      for await (const m of o.source.subscribe({ after, ...(o.filter ? { filter: o.filter } : {}), signal })) {
        if (signal.aborted) break;
        if (m.kind === 'event') {
          const event = m.event;
          const applied = await commit(event.position, (tx) =>
            consumerSpan(event, `${name} process`, () => o.handle(tx, event)).catch((err: unknown) => {
              throw new HandlerFailure(err);
            }),
          );
          failures = 0;
          if (applied) o.onProgress?.({ name, position: event.position, lagMs: Math.max(0, Date.now() - event.createdAt.getTime()) });
        } else if (m.kind === 'checkpoint') {
          if (await commit(m.position)) o.onProgress?.({ name, position: m.position, lagMs: 0 });
        }
      }
    } catch (err) {
      if (err instanceof HandlerFailure) throw err.error;
      if (signal.aborted) return;
      o.onError?.(err);
      failures++;
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
