// Durable consumer checkpoints, written with the caller's own Queryable so a projection can store
// its position in the same transaction as its read-model change (exactly-once effects).
import type { Queryable } from '@mercato/db';
import { InvalidArgumentError } from './errors';
import type { Position } from './types';

function checkConsumer(consumer: string): void {
  if (typeof consumer !== 'string' || consumer.length === 0 || consumer.length > 200)
    throw new InvalidArgumentError('consumer', 'a consumer name must be 1..200 characters');
}

export async function saveCheckpoint(tx: Queryable, consumer: string, position: Position): Promise<void> {
  checkConsumer(consumer);
  await tx.query(
    `INSERT INTO es_checkpoints (consumer, commit_position, prepare_position) VALUES ($1, $2::numeric, $3::bigint)
     ON CONFLICT (consumer) DO UPDATE SET commit_position = EXCLUDED.commit_position,
       prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
    [consumer, position.commit.toString(), position.prepare.toString()],
  );
}

export async function loadCheckpoint(q: Queryable, consumer: string): Promise<Position | undefined> {
  checkConsumer(consumer);
  const { rows } = await q.query<{ c: string; p: string }>(
    `SELECT commit_position::text AS c, prepare_position::text AS p FROM es_checkpoints WHERE consumer = $1`,
    [consumer],
  );
  const r = rows[0];
  return r ? { commit: BigInt(r.c), prepare: BigInt(r.p) } : undefined;
}

export async function deleteCheckpoint(tx: Queryable, consumer: string): Promise<void> {
  checkConsumer(consumer);
  await tx.query(`DELETE FROM es_checkpoints WHERE consumer = $1`, [consumer]);
}
