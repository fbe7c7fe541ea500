// Shared test helpers: a store on each backend, event builders, and bounded subscription reads.
import { randomUUID } from 'node:crypto';
import { openDatabase, testDatabaseIfAvailable, type Database } from '@mercato/db';
import { EventStore, type EventStoreOptions, type EventToAppend, type SubscriptionMessage } from '../../src/store';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

export interface Harness {
  db: Database;
  store: EventStore;
  url?: string;
  close(): Promise<void>;
}

/** A migrated store on the backend, or undefined when PostgreSQL is unreachable (and not required). */
export async function openHarness(backend: Backend, options: EventStoreOptions = {}): Promise<Harness | undefined> {
  if (backend === 'pglite') {
    const db = await openDatabase();
    const store = new EventStore(db, options);
    await store.migrate();
    return { db, store, close: async () => (await store.close(), await db.close()) };
  }
  const t = await testDatabaseIfAvailable('mercato_es');
  if (!t) return undefined;
  const db = await openDatabase({ url: t.url, poolSize: 12, onError: () => undefined });
  const store = new EventStore(db, options);
  await store.migrate();
  return {
    db,
    store,
    url: t.url,
    close: async () => {
      await store.close();
      await db.close();
      await t.drop();
    },
  };
}

let counter = 0;
export function uniqueStream(prefix = 's'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomUUID().slice(0, 8)}`;
}

export function ev(type = 'Happened', body: unknown = {}, metadata: Record<string, string> = {}): EventToAppend {
  return { id: randomUUID(), type, data: Buffer.from(JSON.stringify(body)), metadata };
}

export function evs(n: number, type = 'Happened'): EventToAppend[] {
  return Array.from({ length: n }, (_, i) => ev(type, { i }));
}

/** Pulls messages until `until` says stop, failing after timeoutMs. */
export async function pull(
  it: AsyncIterator<SubscriptionMessage>,
  until: (got: SubscriptionMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<SubscriptionMessage[]> {
  const got: SubscriptionMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!until(got)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${got.length} messages: ${JSON.stringify(got.map(label))}`);
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([
      it.next(),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left))),
    ]).finally(() => clearTimeout(timer));
    if (r === 'timeout') continue;
    if (r.done) throw new Error('subscription ended');
    got.push(r.value);
  }
  return got;
}

export function label(m: SubscriptionMessage): string {
  return m.kind === 'event' ? `${m.event.stream}@${m.event.revision}` : m.kind;
}

export const eventsOf = (ms: SubscriptionMessage[]) => ms.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
