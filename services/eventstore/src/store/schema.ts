// Versioned, idempotent migrations. Each migration is a list of single statements (PGlite's
// parameterised query path takes one statement at a time) applied in one transaction.
import type { Database, Queryable } from '@mercato/db';

/**
 * es_append: one call appends a whole group of requests (group commit). Each request is checked on
 * its own — idempotency by event id, then the expected revision — and a failing request writes
 * nothing and does not fail the others. status: 0 written, 1 wrong expected revision, 2 idempotent
 * replay (already written), 3 tombstoned. The order guard raises 40001 so the caller retries the
 * group in a fresh transaction (with a newer xid).
 */
const APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION es_append(
  p_streams text[], p_kinds int[], p_revs text[], p_counts int[],
  p_ids uuid[], p_types text[], p_ctypes text[], p_metas text[], p_offs int[], p_lens int[], p_data bytea,
  p_ev_req int[], p_ev_ord int[])
RETURNS TABLE (req int, status int, out_revision bigint, out_current bigint, out_commit text, out_prepare bigint)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_tx xid8 := pg_current_xact_id();
  n_req int := coalesce(array_length(p_streams, 1), 0);
  h_stream text[]; h_rev bigint[]; h_deleted boolean[]; h_tomb boolean[]; h_tx xid8[];
  r_status int[] := array_fill(0, ARRAY[n_req]);
  r_base bigint[] := array_fill(0::bigint, ARRAY[n_req]);
  r_rev bigint[] := array_fill(NULL::bigint, ARRAY[n_req]);
  r_cur bigint[] := array_fill(NULL::bigint, ARRAY[n_req]);
  r_commit text[] := array_fill(NULL::text, ARRAY[n_req]);
  r_prepare bigint[] := array_fill(NULL::bigint, ARRAY[n_req]);
  v_any_seen boolean;
  k int; v_kind int; v_rev bigint; v_exists boolean; v_ok boolean; v_first int := 1; v_last int;
  v_commit text; v_prepare bigint;
  m_count bigint; m_min bigint; m_max bigint; m_same boolean; m_runs bigint;
BEGIN
  -- Lock every head of the group in one statement, in stream order (no deadlocks between groups);
  -- missing heads are created (revision -1 = no stream). WHERE false: lock without rewriting.
  INSERT INTO es_streams AS s (stream) SELECT DISTINCT x FROM unnest(p_streams) x ORDER BY 1
    ON CONFLICT (stream) DO UPDATE SET stream = EXCLUDED.stream WHERE false;
  SELECT array_agg(s.stream), array_agg(s.revision), array_agg(s.deleted), array_agg(s.tombstoned), array_agg(s.last_tx)
    INTO h_stream, h_rev, h_deleted, h_tomb, h_tx
    FROM es_streams s WHERE s.stream = ANY(p_streams);
  SELECT EXISTS (SELECT 1 FROM es_events e WHERE e.event_id = ANY(p_ids)) INTO v_any_seen;
  FOR i IN 1 .. n_req LOOP
    v_last := v_first + p_counts[i] - 1;
    k := array_position(h_stream, p_streams[i]);
    v_kind := p_kinds[i];
    v_rev := p_revs[i]::bigint;
    v_exists := h_rev[k] >= 0 AND NOT h_deleted[k];
    IF h_tomb[k] THEN
      r_status[i] := 3;
    ELSE
      m_count := 0;
      IF v_any_seen THEN
        -- Idempotency: were these ids already written (by an earlier call)?
        SELECT count(*), min(e.revision), max(e.revision), bool_and(e.stream = p_streams[i]), count(DISTINCT e.revision - u.ord)
          INTO m_count, m_min, m_max, m_same, m_runs
          FROM unnest(p_ids[v_first:v_last]) WITH ORDINALITY AS u(id, ord)
          JOIN es_events e ON e.event_id = u.id;
      END IF;
      IF m_count > 0 THEN
        IF m_count = p_counts[i] AND m_same AND m_runs = 1 AND (v_kind <> 3 OR m_min = v_rev + 1) THEN
          r_status[i] := 2;
          r_rev[i] := m_max;
          SELECT e.tx_id::text, e.position INTO v_commit, v_prepare
            FROM es_events e WHERE e.stream = p_streams[i] AND e.revision = m_max;
          r_commit[i] := v_commit;
          r_prepare[i] := v_prepare;
        ELSE
          r_status[i] := 1;
          r_cur[i] := CASE WHEN v_exists THEN h_rev[k] ELSE -1 END;
        END IF;
      ELSE
        v_ok := CASE v_kind
          WHEN 0 THEN true
          WHEN 1 THEN NOT v_exists
          WHEN 2 THEN v_exists
          ELSE h_rev[k] = v_rev  -- a soft-deleted stream still accepts its last revision
        END;
        IF NOT v_ok THEN
          r_status[i] := 1;
          r_cur[i] := CASE WHEN v_exists THEN h_rev[k] ELSE -1 END;
        ELSE
          -- Order guard: a younger transaction already wrote this stream; our events would sort
          -- before its events in $all. Retry in a fresh transaction.
          IF h_tx[k] > v_tx THEN
            RAISE EXCEPTION 'es_append order guard on stream %', p_streams[i] USING ERRCODE = 'serialization_failure';
          END IF;
          r_base[i] := h_rev[k];
          h_rev[k] := h_rev[k] + p_counts[i];
          h_deleted[k] := false;
          h_tx[k] := v_tx;
          r_rev[i] := h_rev[k];
          r_commit[i] := v_tx::text;
        END IF;
      END IF;
    END IF;
    v_first := v_last + 1;
  END LOOP;
  UPDATE es_streams s SET revision = u.rev, last_tx = v_tx, deleted = false
    FROM unnest(h_stream, h_rev, h_tx) AS u(stream, rev, tx)
   WHERE s.stream = u.stream AND u.tx = v_tx;
  RETURN QUERY
    WITH ins AS (
      INSERT INTO es_events (tx_id, position, stream, revision, event_id, type, content_type, data, metadata)
      SELECT v_tx, nextval('es_position_seq'), p_streams[u.rq], r_base[u.rq] + u.ord, u.id, u.t, u.c,
             substring(p_data FROM u.o + 1 FOR u.l), u.m::jsonb
        FROM unnest(p_ids, p_types, p_ctypes, p_metas, p_offs, p_lens, p_ev_req, p_ev_ord) AS u(id, t, c, m, o, l, rq, ord)
       WHERE r_status[u.rq] = 0
      RETURNING stream, revision, position
    )
    SELECT r.i::int, r.st, r.rv, r.cu, r.cm, coalesce(ins.position, r.pr)
      FROM unnest(p_streams, r_status, r_rev, r_cur, r_commit, r_prepare) WITH ORDINALITY AS r(stream, st, rv, cu, cm, pr, i)
      LEFT JOIN ins ON r.st = 0 AND ins.stream = r.stream AND ins.revision = r.rv;
END
$fn$`;

export const MIGRATIONS: ReadonlyArray<{ version: number; statements: string[] }> = [
  {
    version: 1,
    statements: [
      `CREATE SEQUENCE es_position_seq AS bigint`,
      `CREATE TABLE es_streams (
        stream text PRIMARY KEY,
        revision bigint NOT NULL DEFAULT -1,
        last_tx xid8 NOT NULL DEFAULT '0',
        truncate_before bigint NOT NULL DEFAULT 0,
        deleted boolean NOT NULL DEFAULT false,
        tombstoned boolean NOT NULL DEFAULT false,
        max_count bigint,
        max_age_seconds bigint
      )`,
      `CREATE TABLE es_events (
        tx_id xid8 NOT NULL,
        position bigint NOT NULL,
        stream text NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        content_type text NOT NULL,
        data bytea NOT NULL,
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream, revision)
      )`,
      `CREATE UNIQUE INDEX es_events_event_id ON es_events (event_id)`,
      // $all order; the snapshot-xmin read is a range scan on this index, no sort.
      `CREATE UNIQUE INDEX es_events_all ON es_events (tx_id, position)`,
      // Type-filtered $all reads: one range scan per requested type.
      `CREATE INDEX es_events_type ON es_events (type, tx_id, position)`,
      `CREATE TABLE es_checkpoints (
        consumer text PRIMARY KEY,
        commit_position numeric(20, 0) NOT NULL,
        prepare_position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      APPEND_FUNCTION,
    ],
  },
  {
    version: 2,
    statements: [
      // A plpgsql function caches its statements' plans per connection, and after five calls keeps a
      // generic one. Planned while es_events was still small (a pooled connection opened at start-up)
      // that plan scanned the whole table for the event-id check, so every append slowed down as the
      // log grew (measured: 3,600 → 1,100 appends/s at 16 writers over 40,000 events). Every lookup
      // here has its index; with sequential scans off the cached plans use them at any table size.
      // (A custom plan per call, plan_cache_mode = force_custom_plan, also fixed it, but planning
      // every statement of every call cost 20–30 % of the in-process append rate.)
      `ALTER FUNCTION es_append(text[], int[], text[], int[], uuid[], text[], text[], text[], int[], int[], bytea, int[], int[]) SET enable_seqscan = off`,
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies the missing migrations; safe to call from several processes at once. */
export async function migrate(db: Database): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS es_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`).catch(
    async (err: unknown) => {
      // Two processes racing on CREATE TABLE IF NOT EXISTS can collide on the catalog; the loser retries once.
      if ((err as { code?: string }).code !== '23505') throw err;
    },
  );
  let applied = 0;
  for (const m of MIGRATIONS) {
    await db.transaction(async (tx: Queryable) => {
      await tx.query(`SELECT pg_advisory_xact_lock(7150001)`);
      const done = await tx.query(`SELECT 1 FROM es_migrations WHERE version = $1`, [m.version]);
      if (done.rows.length > 0) return; // rows, not rowCount: PGlite reports rowCount 0 for SELECTs
      for (const sql of m.statements) await tx.query(sql);
      await tx.query(`INSERT INTO es_migrations (version) VALUES ($1)`, [m.version]);
      applied += 1;
    });
  }
  return applied;
}
