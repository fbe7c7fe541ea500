import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, pgliteTemplatePath, testDatabaseIfAvailable, type Database } from '@mercato/db';

describe.each(['pglite', 'postgres'] as const)('database on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const t = await testDatabaseIfAvailable();
      if (!t) return;
      drop = t.drop;
      db = await openDatabase({ url: t.url });
    } else {
      db = await openDatabase();
    }
    await db.exec('CREATE TABLE kv (k text PRIMARY KEY, v int NOT NULL)');
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('commits a transaction and rolls back a failed one', async () => {
    if (!db) return;
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO kv VALUES ($1, $2)', ['a', 1]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO kv VALUES ($1, $2)', ['b', 2]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ k: string }>('SELECT k FROM kv ORDER BY k');
    expect(rows.map((r) => r.k)).toEqual(['a']);
  });

  it('delivers a notification to a listener', async () => {
    if (!db) return;
    let resolveGot: (payload: string) => void = () => undefined;
    const got = new Promise<string>((resolve) => (resolveGot = resolve));
    const unlisten = await db.listen('mercato_test', (payload) => resolveGot(payload));
    await db.notify('mercato_test', 'hello');
    await expect(got).resolves.toBe('hello');
    await unlisten();
  });

  it('rejects an unsafe channel name', async () => {
    if (!db) return;
    await expect(db.notify('x; DROP TABLE kv', '')).rejects.toThrow(/channel/);
  });
});

describe('database on postgres, the server dropping a connection mid-transaction', () => {
  it('fails that transaction, reports the error and keeps serving (the process does not die)', async () => {
    const t = await testDatabaseIfAvailable();
    if (!t) return;
    const errors: Error[] = [];
    const db = await openDatabase({ url: t.url, onError: (e) => errors.push(e) });
    try {
      await expect(
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          // Another connection of the pool ends this one, as a server restart would.
          await db.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
          await tx.query('SELECT 1');
        }),
      ).rejects.toThrow();
      expect(errors.length).toBeGreaterThan(0); // the lost connection (ECONNRESET or "terminated")
      expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
      await t.drop();
    }
  });
});

describe('PGlite upkeep', () => {
  it('ANALYZEs tables as they grow, since PGlite has no autovacuum', async () => {
    const db = await openDatabase({ pgliteAnalyzeAfter: 20 });
    await db.exec('CREATE TABLE grows (n int PRIMARY KEY)');
    const estimate = async () => Number((await db.query<{ reltuples: number }>("SELECT reltuples FROM pg_class WHERE relname = 'grows'")).rows[0]!.reltuples);
    // Never analyzed: PostgreSQL 14+ shows -1.
    expect(await estimate()).toBe(-1);
    for (let n = 0; n < 30; n++) await db.query('INSERT INTO grows VALUES ($1)', [n]);
    // PGlite runs statements one at a time, so this one runs after the ANALYZE the inserts started.
    expect(await estimate()).toBeGreaterThan(10);
    await db.close();
  });

  it('counts the rows of a SELECT', async () => {
    const db = await openDatabase();
    await expect(db.query('SELECT * FROM generate_series(1, 3)')).resolves.toMatchObject({ rowCount: 3 });
    await expect(db.query('CREATE TABLE t (n int)')).resolves.toMatchObject({ rowCount: 0 });
    await db.close();
  });
});

describe('PGlite template', () => {
  it('starts in-memory databases from one template made once, each its own cluster', async () => {
    const a = await openDatabase();
    const b = await openDatabase();
    try {
      // The template was written (atomically) and is a whole PGlite data directory tarball.
      const { size } = await stat(pgliteTemplatePath());
      expect(size).toBeGreaterThan(1_000_000);
      await a.exec('CREATE TABLE only_in_a (n int); INSERT INTO only_in_a VALUES (1)');
      expect((await a.query<{ n: number }>('SELECT n FROM only_in_a')).rows).toEqual([{ n: 1 }]);
      // b came from the same template but shares nothing with a.
      expect((await b.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'")).rows).toEqual([{ n: 0 }]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('runs every embedded database with small shared buffers, in memory and on disk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mercato-pglite-'));
    const inMemory = await openDatabase();
    const onDisk = await openDatabase({ dataDir: dir });
    try {
      for (const db of [inMemory, onDisk]) {
        expect((await db.query<{ shared_buffers: string; wal_buffers: string }>('SELECT current_setting($1) AS shared_buffers, current_setting($2) AS wal_buffers', ['shared_buffers', 'wal_buffers'])).rows).toEqual([{ shared_buffers: '16MB', wal_buffers: '1MB' }]);
      }
    } finally {
      await inMemory.close();
      await onDisk.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
