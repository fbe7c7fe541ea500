// Read queries. Every `$all` read is ONE statement that takes its own snapshot's xmin, so it only
// returns transactions that can no longer commit behind it (see EVENTSTORE.md, "the ordering trap").
import type { Queryable } from '@mercato/db';
import { InvalidArgumentError, StreamDeletedError, StreamNotFoundError } from './errors';
import { checkMaxCount } from './limits';
import { START, comparePositions } from './position';
import { EVENT_COLUMNS, positionParams, toEvent, type EventRow } from './rows';
import type { EventFilter, Position, ReadAllOptions, ReadAllPage, ReadStreamOptions, RecordedEvent } from './types';

const XMIN = `(SELECT pg_snapshot_xmin(pg_current_snapshot()))`;
const MAX_BIGINT = '9223372036854775807';
const END: Position = { commit: (1n << 64n) - 1n, prepare: BigInt(MAX_BIGINT) };
/** How many `$all` rows a prefix-filtered read examines per statement (bounds work per heartbeat). */
export const FILTER_SCAN_WINDOW = 2000;

export async function readStream(q: Queryable, stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  return (await readStreamPage(q, stream, options)).events;
}

/**
 * readStream, plus the revision of the stream's last event when no lifecycle limit can hide it
 * (max count 0, max age): then a caller answering "end of stream" needs no second query.
 */
export async function readStreamPage(q: Queryable, stream: string, options: ReadStreamOptions = {}): Promise<{ events: RecordedEvent[]; lastRevision: bigint | undefined }> {
  const direction = options.direction ?? 'forwards';
  const forwards = direction === 'forwards';
  const maxCount = checkMaxCount(options.maxCount);
  const from = options.fromRevision ?? (forwards ? 'start' : 'end');
  let fromRev: string;
  if (from === 'start') fromRev = '0';
  else if (from === 'end') fromRev = MAX_BIGINT;
  else if (typeof from === 'bigint' && from >= 0n) fromRev = from.toString();
  else throw new InvalidArgumentError('fromRevision', "must be a revision >= 0, 'start' or 'end'");
  // Forwards from 'end' starts after the head: nothing yet.
  const revisionCondition = forwards ? (from === 'end' ? `e.revision > h.revision AND $2::bigint IS NOT NULL` : `e.revision >= $2::bigint`) : `e.revision <= $2::bigint`;
  const { rows } = await q.query<EventRow & { head: string; deleted: boolean; tombstoned: boolean; limited: boolean }>(
    `WITH h AS (SELECT * FROM es_streams WHERE stream = $1)
     SELECT h.revision::text AS head, h.deleted, h.tombstoned, (coalesce(h.max_count = 0, false) OR h.max_age_seconds IS NOT NULL) AS limited, ev.*
       FROM h LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS} FROM es_events e
          WHERE e.stream = $1
            AND e.revision >= greatest(h.truncate_before, CASE WHEN h.max_count IS NULL THEN 0 ELSE h.revision - h.max_count + 1 END)
            AND (h.max_age_seconds IS NULL OR e.created_at >= now() - h.max_age_seconds * interval '1 second')
            AND ${revisionCondition}
          ORDER BY e.revision ${forwards ? 'ASC' : 'DESC'}
          LIMIT $3) ev ON true`,
    [stream, fromRev, maxCount],
  );
  const head = rows[0];
  if (!head) throw new StreamNotFoundError(stream);
  if (head.tombstoned) throw new StreamDeletedError(stream);
  if (head.deleted || BigInt(head.head) < 0n) throw new StreamNotFoundError(stream);
  return { events: rows.filter((r) => r.id !== null).map(toEvent), lastRevision: head.limited ? undefined : BigInt(head.head) };
}

/** Reads `$all` (committed events below the snapshot xmin), optionally filtered. */
export async function readAllPage(q: Queryable, options: ReadAllOptions = {}): Promise<ReadAllPage> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  const maxCount = checkMaxCount(options.maxCount ?? 1000);
  const fromOpt = options.fromPosition ?? (forwards ? 'start' : 'end');
  const from: Position = fromOpt === 'start' ? START : fromOpt === 'end' ? END : fromOpt;
  if (fromOpt === 'start' && !forwards) return { events: [], checkpoint: START, reachedEnd: true };
  if (fromOpt === 'end' && forwards) {
    const head = await visibleHead(q);
    return { events: [], checkpoint: head, reachedEnd: true };
  }
  const filter = normalizeFilter(options.filter);
  if (!filter) return unfiltered(q, from, forwards, maxCount);
  if (forwards && filter.eventTypes && filter.eventTypes.length <= 32) return byType(q, from, maxCount, filter);
  return windowed(q, from, forwards, maxCount, filter);
}

/** The position of the last event visible under the snapshot-xmin rule (START when empty). */
export async function visibleHead(q: Queryable): Promise<Position> {
  const { rows } = await q.query<{ commit: string; prepare: string }>(
    `SELECT e.tx_id::text AS commit, e.position::text AS prepare FROM es_events e
      WHERE e.tx_id < ${XMIN} ORDER BY e.tx_id DESC, e.position DESC LIMIT 1`,
  );
  const r = rows[0];
  return r ? { commit: BigInt(r.commit), prepare: BigInt(r.prepare) } : START;
}

/**
 * The newest committed event, visible to the snapshot-xmin rule or not yet: a subscription is
 * caught up only once it has passed this, even while an older transaction elsewhere in the
 * cluster holds delivery back.
 */
export async function committedHead(q: Queryable): Promise<Position> {
  const { rows } = await q.query<{ commit: string; prepare: string }>(
    `SELECT e.tx_id::text AS commit, e.position::text AS prepare FROM es_events e ORDER BY e.tx_id DESC, e.position DESC LIMIT 1`,
  );
  const r = rows[0];
  return r ? { commit: BigInt(r.commit), prepare: BigInt(r.prepare) } : START;
}

async function unfiltered(q: Queryable, from: Position, forwards: boolean, maxCount: number): Promise<ReadAllPage> {
  const { rows } = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM es_events e
      WHERE e.tx_id < ${XMIN} AND (e.tx_id, e.position) ${forwards ? '>' : '<'} ($1::text::xid8, $2::bigint)
      ORDER BY e.tx_id ${forwards ? 'ASC' : 'DESC'}, e.position ${forwards ? 'ASC' : 'DESC'}
      LIMIT $3`,
    [...positionParams(from), maxCount],
  );
  const events = rows.map(toEvent);
  const last = events[events.length - 1];
  return { events, checkpoint: last ? last.position : forwards ? from : START, reachedEnd: events.length < maxCount };
}

type Filter = { streamPrefixes?: string[]; eventTypes?: string[] };

function normalizeFilter(filter: EventFilter | undefined): Filter | undefined {
  if (!filter) return undefined;
  const out: Filter = {};
  if (filter.streamPrefixes !== undefined) {
    if (!Array.isArray(filter.streamPrefixes) || filter.streamPrefixes.some((p) => typeof p !== 'string'))
      throw new InvalidArgumentError('filter.streamPrefixes', 'must be a list of strings');
    if (filter.streamPrefixes.length > 0) out.streamPrefixes = filter.streamPrefixes;
  }
  if (filter.eventTypes !== undefined) {
    if (!Array.isArray(filter.eventTypes) || filter.eventTypes.some((t) => typeof t !== 'string'))
      throw new InvalidArgumentError('filter.eventTypes', 'must be a list of strings');
    if (filter.eventTypes.length > 0) out.eventTypes = [...new Set(filter.eventTypes)];
  }
  return out.streamPrefixes || out.eventTypes ? out : undefined;
}

function filterCondition(alias: string, filter: Filter, prefixParam: string, typeParam: string): string {
  // Both parameters are always bound; an absent filter part is an empty list.
  return `(cardinality(${prefixParam}::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest(${prefixParam}::text[]) p WHERE starts_with(${alias}.stream, p)))
    AND (cardinality(${typeParam}::text[]) = 0 OR ${alias}.type = ANY(${typeParam}::text[]))`;
}

/** Type filter: one index range scan per type on (type, tx_id, position), merged. */
async function byType(q: Queryable, from: Position, maxCount: number, filter: Filter): Promise<ReadAllPage> {
  const prefix = filter.streamPrefixes ? `AND EXISTS (SELECT 1 FROM unnest($5::text[]) p WHERE starts_with(e.stream, p))` : '';
  const { rows } = await q.query<EventRow & { h_commit: string; h_prepare: string }>(
    `WITH x AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
     hd AS (SELECT e.tx_id::text AS h_commit, e.position::text AS h_prepare FROM es_events e
             WHERE e.tx_id < (SELECT xmin FROM x) ORDER BY e.tx_id DESC, e.position DESC LIMIT 1),
     m AS (SELECT k.* FROM unnest($4::text[]) t(type) CROSS JOIN LATERAL (
             SELECT e.tx_id AS o_tx, e.position AS o_pos, ${EVENT_COLUMNS} FROM es_events e
              WHERE e.type = t.type AND e.tx_id < (SELECT xmin FROM x)
                AND (e.tx_id, e.position) > ($1::text::xid8, $2::bigint) ${prefix}
              ORDER BY e.tx_id, e.position LIMIT $3) k
           ORDER BY k.o_tx, k.o_pos LIMIT $3)
     SELECT hd.h_commit, hd.h_prepare, m.* FROM hd LEFT JOIN m ON true ORDER BY m.o_tx, m.o_pos`,
    [...positionParams(from), maxCount, filter.eventTypes, ...(filter.streamPrefixes ? [filter.streamPrefixes] : [])],
  );
  const first = rows[0];
  if (!first) return { events: [], checkpoint: from, reachedEnd: true };
  const events = rows.filter((r) => r.id !== null).map(toEvent);
  if (events.length >= maxCount && maxCount > 0) return { events, checkpoint: events[events.length - 1]!.position, reachedEnd: false };
  return { events, checkpoint: maxPosition(from, { commit: BigInt(first.h_commit), prepare: BigInt(first.h_prepare) }), reachedEnd: true };
}

/** Other filters: examine a bounded window of `$all` and keep the matches. */
async function windowed(q: Queryable, from: Position, forwards: boolean, maxCount: number, filter: Filter): Promise<ReadAllPage> {
  const dir = forwards ? 'ASC' : 'DESC';
  const rev = forwards ? 'DESC' : 'ASC';
  const { rows } = await q.query<EventRow & { w_commit: string; w_prepare: string; w_count: string }>(
    `WITH w AS MATERIALIZED (
       SELECT e.tx_id, e.position, e.stream, e.type FROM es_events e
        WHERE e.tx_id < ${XMIN} AND (e.tx_id, e.position) ${forwards ? '>' : '<'} ($1::text::xid8, $2::bigint)
        ORDER BY e.tx_id ${dir}, e.position ${dir} LIMIT $4),
     wend AS (SELECT w.tx_id::text AS w_commit, w.position::text AS w_prepare, (SELECT count(*) FROM w)::text AS w_count
               FROM w ORDER BY w.tx_id ${rev}, w.position ${rev} LIMIT 1),
     m AS (SELECT w.tx_id, w.position FROM w WHERE ${filterCondition('w', filter, '$5', '$6')}
            ORDER BY w.tx_id ${dir}, w.position ${dir} LIMIT $3)
     SELECT wend.*, ev.* FROM wend LEFT JOIN LATERAL (
       SELECT ${EVENT_COLUMNS} FROM m JOIN es_events e ON e.tx_id = m.tx_id AND e.position = m.position
        ORDER BY e.tx_id ${dir}, e.position ${dir}) ev ON true`,
    [...positionParams(from), maxCount, FILTER_SCAN_WINDOW, filter.streamPrefixes ?? [], filter.eventTypes ?? []],
  );
  const first = rows[0];
  if (!first) return { events: [], checkpoint: forwards ? from : START, reachedEnd: true };
  const events = rows.filter((r) => r.id !== null).map(toEvent);
  if (events.length >= maxCount && maxCount > 0) return { events, checkpoint: events[events.length - 1]!.position, reachedEnd: false };
  const windowEnd = { commit: BigInt(first.w_commit), prepare: BigInt(first.w_prepare) };
  return { events, checkpoint: windowEnd, reachedEnd: Number(first.w_count) < FILTER_SCAN_WINDOW };
}

function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** A stream subscription's read: revisions after `afterRevision`, honouring truncation. */
export async function readStreamAfter(q: Queryable, stream: string, afterRevision: bigint, maxCount: number): Promise<RecordedEvent[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM es_events e JOIN es_streams s ON s.stream = e.stream
      WHERE e.stream = $1 AND e.revision > $2::bigint AND e.revision >= s.truncate_before
      ORDER BY e.revision LIMIT $3`,
    [stream, afterRevision.toString(), maxCount],
  );
  return rows.map(toEvent);
}
