// Test setup: the in-process event store and a separate read-model database, on PGlite or PostgreSQL.
import { openDatabase, testDatabaseIfAvailable, type Database } from '@mercato/db';
import { EventStore } from '../../../services/eventstore/src/store';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface Stores {
  engine: EventStore;
  /** The read model's database (never the event store's). */
  readDb: Database;
  close(): Promise<void>;
}

/** Undefined when the backend is PostgreSQL and the server is absent (and not required). */
export async function openStores(backend: Backend): Promise<Stores | undefined> {
  const drops: (() => Promise<void>)[] = [];
  const open = async (prefix: string): Promise<Database | undefined> => {
    if (backend === 'pglite') return openDatabase();
    const t = await testDatabaseIfAvailable(prefix);
    if (!t) return undefined;
    drops.push(t.drop);
    return openDatabase({ url: t.url });
  };
  const esDb = await open('mercato_es_test');
  if (!esDb) return undefined;
  const readDb = (await open('mercato_rm_test'))!;
  const engine = new EventStore(esDb, { pollIntervalMs: 50 });
  await engine.migrate();
  return {
    engine,
    readDb,
    close: async () => {
      await engine.close();
      await esDb.close();
      await readDb.close();
      for (const drop of drops) await drop();
    },
  };
}

export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
