// Mapping database rows (node-postgres and PGlite shapes) onto RecordedEvent.
import type { Position, RecordedEvent } from './types';

/** The column list every event read selects; bigints come back as text on both drivers. */
export const EVENT_COLUMNS = `e.tx_id::text AS commit, e.position::text AS prepare, e.stream, e.revision::text AS revision,
  e.event_id::text AS id, e.type, e.content_type, e.data, e.metadata, e.created_at`;

export interface EventRow {
  commit: string;
  prepare: string;
  stream: string;
  revision: string;
  id: string;
  type: string;
  content_type: string;
  data: Uint8Array;
  metadata: Record<string, string> | string;
  created_at: Date | string;
}

export function toEvent(r: EventRow): RecordedEvent {
  return {
    id: r.id,
    stream: r.stream,
    type: r.type,
    revision: BigInt(r.revision),
    position: { commit: BigInt(r.commit), prepare: BigInt(r.prepare) },
    data: r.data,
    metadata: typeof r.metadata === 'string' ? (JSON.parse(r.metadata) as Record<string, string>) : r.metadata,
    contentType: r.content_type,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}

export function positionParams(p: Position): [string, string] {
  return [p.commit.toString(), p.prepare.toString()];
}
