// es_append must not keep a plan made while the log was small: a generic plan cached by a pooled
// connection at start-up scanned all of es_events on every append, so appends slowed down as the
// log grew. Here one session calls es_append while es_events is nearly empty (past the five calls
// after which PostgreSQL may switch to a generic plan), the log then grows, and the next append
// must find its event ids by index: no sequential scan of es_events in its transaction.
import type { Queryable } from '@mercato/db';
import { BACKENDS, evs, openHarness, type Harness } from './harness';
import { rawAppend } from './raw-append';

async function seqScansOfEvents(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ n: string | number }>(`SELECT coalesce(sum(seq_scan), 0) AS n FROM pg_stat_xact_user_tables WHERE relname = 'es_events'`);
  return Number(rows[0]!.n);
}

describe.each(BACKENDS)('es_append plans on %s', (backend) => {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.close());

  it('looks events up by index however small the log was when the session first appended', async () => {
    if (!h) return;
    await h.db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++) expect((await rawAppend(tx, `small-${i}`, evs(1))).status).toBe(0);
      // Grow the log in bulk (as years of appends would), in the same session.
      await tx.query(
        `INSERT INTO es_events (tx_id, position, stream, revision, event_id, type, content_type, data, metadata)
         SELECT pg_current_xact_id(), nextval('es_position_seq'), 'bulk-' || (i / 100), i % 100, gen_random_uuid(), 'T', 'application/json', '\\x7b7d'::bytea, '{}'::jsonb
           FROM generate_series(0, 19999) i`,
      );
      const before = await seqScansOfEvents(tx);
      expect((await rawAppend(tx, 'after-growth', evs(1))).status).toBe(0);
      expect((await seqScansOfEvents(tx)) - before).toBe(0);
    });
  });
});
