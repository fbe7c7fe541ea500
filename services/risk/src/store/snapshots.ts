// Snapshots of the feature store with the $all position they reflect, so a restart loads the
// snapshot and catches up only on what came after it instead of replaying the whole history.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '@mercato/db';
import type { Position } from '@mercato/eventsourcing';
import { fromSnapshot, toSnapshot, type FeatureState } from '../features/state';

/** Bump when the state's shape changes: an old snapshot is then ignored and the store replays from the start. */
export const SNAPSHOT_NAME = 'features-v1';

const MIGRATION = `CREATE TABLE IF NOT EXISTS risk_feature_snapshots (
  name text PRIMARY KEY,
  commit_position numeric(20, 0) NOT NULL,
  prepare_position bigint NOT NULL,
  events bigint NOT NULL,
  state bytea NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
)`;

export interface Snapshot {
  state: FeatureState;
  position: Position;
  /** Events folded into the state since the start. */
  events: number;
}

export interface EncodedSnapshot {
  position: Position;
  events: number;
  bytes: Buffer;
}

/** Serialises now (synchronously, so state and position agree); the write can happen later. */
export function encodeSnapshot(state: FeatureState, position: Position, events: number): EncodedSnapshot {
  return { position, events, bytes: gzipSync(JSON.stringify(toSnapshot(state))) };
}

export class SnapshotStore {
  constructor(private readonly db: Database) {}

  async migrate(): Promise<void> {
    await this.db.exec(MIGRATION);
  }

  async load(): Promise<Snapshot | undefined> {
    const { rows } = await this.db.query<{ c: string; p: string; events: string; state: Uint8Array }>(
      'SELECT commit_position::text AS c, prepare_position::text AS p, events::text AS events, state FROM risk_feature_snapshots WHERE name = $1',
      [SNAPSHOT_NAME],
    );
    const r = rows[0];
    if (!r) return undefined;
    const json = JSON.parse(gunzipSync(Buffer.from(r.state)).toString('utf8')) as Record<string, unknown>;
    return { state: fromSnapshot(json), position: { commit: BigInt(r.c), prepare: BigInt(r.p) }, events: Number(r.events) };
  }

  /** Saves unless a snapshot at the same or a later position is there (another replica's). */
  async save(s: EncodedSnapshot): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO risk_feature_snapshots AS s (name, commit_position, prepare_position, events, state) VALUES ($1, $2::numeric, $3::bigint, $4, $5)
       ON CONFLICT (name) DO UPDATE SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position,
         events = EXCLUDED.events, state = EXCLUDED.state, taken_at = now()
       WHERE (s.commit_position, s.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
      [SNAPSHOT_NAME, s.position.commit.toString(), s.position.prepare.toString(), s.events, s.bytes],
    );
    return rowCount === 1;
  }
}
