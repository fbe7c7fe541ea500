// Model snapshots in the service's own database: the whole model (compressed JSON) and the $all
// position it has applied up to, in one row written by one statement — so a restart loads a model
// and a position that belong together, and resumes the subscription right after it.
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Database } from '@mercato/db';
import type { Position } from '@mercato/eventsourcing';
import { BehaviourModel, MODEL_FORMAT, type ModelLimits, type ModelSnapshot } from '../model/behaviour';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

const NAME = 'behaviour';

const MIGRATION = `CREATE TABLE IF NOT EXISTS recommendation_snapshots (
  name text PRIMARY KEY,
  format integer NOT NULL,
  commit_position numeric(20, 0) NOT NULL,
  prepare_position bigint NOT NULL,
  model_version bigint NOT NULL,
  state bytea NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
)`;

export type Loaded =
  | { kind: 'none' }
  | { kind: 'loaded'; model: BehaviourModel; position: Position; bytes: number }
  /** There is a snapshot, but of another format or unreadable: the model is rebuilt from events. */
  | { kind: 'discarded'; reason: string };

export class SnapshotStore {
  constructor(private readonly db: Database) {}

  async migrate(): Promise<void> {
    await this.db.query(MIGRATION);
  }

  async load(limits?: ModelLimits): Promise<Loaded> {
    const { rows } = await this.db.query<{ format: number; c: string; p: string; state: Uint8Array }>(
      'SELECT format, commit_position::text AS c, prepare_position::text AS p, state FROM recommendation_snapshots WHERE name = $1',
      [NAME],
    );
    const row = rows[0];
    if (!row) return { kind: 'none' };
    if (row.format !== MODEL_FORMAT) return { kind: 'discarded', reason: `format ${row.format}, this build reads ${MODEL_FORMAT}` };
    try {
      const json = (await unzip(Buffer.from(row.state))).toString('utf8');
      const model = BehaviourModel.fromSnapshot(JSON.parse(json) as ModelSnapshot, limits);
      return { kind: 'loaded', model, position: { commit: BigInt(row.c), prepare: BigInt(row.p) }, bytes: row.state.byteLength };
    } catch (err) {
      return { kind: 'discarded', reason: (err as Error).message };
    }
  }

  /**
   * Saves the model at `position`. Replicas share the row: an older position never overwrites a
   * newer one (every replica folds the same log, so the newest snapshot serves them all).
   */
  async save(model: BehaviourModel, position: Position): Promise<{ saved: boolean; bytes: number }> {
    // Serialized synchronously: the model cannot change while its JSON is taken.
    const json = JSON.stringify(model.toSnapshot());
    const state = await zip(Buffer.from(json, 'utf8'));
    const { rowCount } = await this.db.query(
      `INSERT INTO recommendation_snapshots (name, format, commit_position, prepare_position, model_version, state)
       VALUES ($1, $2, $3::numeric, $4::bigint, $5::bigint, $6)
       ON CONFLICT (name) DO UPDATE SET format = EXCLUDED.format, commit_position = EXCLUDED.commit_position,
         prepare_position = EXCLUDED.prepare_position, model_version = EXCLUDED.model_version, state = EXCLUDED.state, saved_at = now()
       WHERE recommendation_snapshots.format <> EXCLUDED.format
          OR (recommendation_snapshots.commit_position, recommendation_snapshots.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
      [NAME, MODEL_FORMAT, position.commit.toString(), position.prepare.toString(), String(model.version), state],
    );
    return { saved: rowCount > 0, bytes: state.byteLength };
  }
}
