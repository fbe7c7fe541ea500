// Calls es_append directly inside a caller's transaction, to build slow or rolled-back writers.
import type { Queryable } from '@mercato/db';
import type { EventToAppend } from '../../src/store';

export async function rawAppend(tx: Queryable, stream: string, events: EventToAppend[]): Promise<{ status: number }> {
  const { rows } = await tx.query<{ status: number }>(
    `SELECT status FROM es_append($1::text[], $2::int[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::bytea, $12::int[], $13::int[])`,
    [
      [stream],
      [0],
      ['-1'],
      [events.length],
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map(() => 'application/json'),
      events.map((e) => JSON.stringify(e.metadata)),
      events.map((_, i) => events.slice(0, i).reduce((n, x) => n + x.data.byteLength, 0)),
      events.map((e) => e.data.byteLength),
      Buffer.concat(events.map((e) => e.data)),
      events.map(() => 1),
      events.map((_, i) => i + 1),
    ],
  );
  return { status: Number(rows[0]!.status) };
}
