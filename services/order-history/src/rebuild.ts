// Rebuilds the order-history read model from zero: empties it and its checkpoint in one
// transaction, replays $all from the event store until caught up, and prints what it did.
//   EVENTSTORE_ADDR=host:port DATABASE_URL=postgres://... node services/order-history/dist/rebuild.js
// Stop the service first (or scale it to 0): a running replica would move the checkpoint past
// the events being replayed. If the rebuild is interrupted, starting the service finishes it: the
// checkpoint is committed with every event.
import { openDatabase } from '@mercato/db';
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { ConfigError, createLogger, env, loadConfig, LOG_LEVELS, type Config } from '@mercato/kit';
import { rebuildReadModel, type RebuildReport } from './projection';
import { checkpoint, counts, migrate } from './store/read-model';
import { TABLES } from './store/schema';

export const rebuildConfig = {
  EVENTSTORE_ADDR: env.string({ pattern: /^(dns:\/\/\/)?[\w.-]+:\d{1,5}$/, describe: 'the event store as host:port' }),
  DATABASE_URL: env.optional(env.url(['postgres:', 'postgresql:'])),
  // The embedded database's folder, when the service runs on PGlite with DATA_DIR.
  DATA_DIR: env.optional(env.string({ describe: 'a folder holding the embedded database' })),
  LOG_LEVEL: env.oneOf(LOG_LEVELS, { default: 'warn' }),
};

export interface RebuildSummary extends RebuildReport {
  orders: number;
  placedOrders: number;
  customers: number;
  checkpointCommit: string;
}

/** Runs the rebuild with settings from `source`; writes a few lines for people to `out`. */
export async function rebuildCommand(source: NodeJS.ProcessEnv = process.env, out: { write(text: string): unknown } = process.stdout): Promise<RebuildSummary> {
  const config: Config<typeof rebuildConfig> = loadConfig(rebuildConfig, source);
  // An in-memory database would vanish with this process: rebuilding it would do nothing.
  if (!config.DATABASE_URL && !config.DATA_DIR) throw new ConfigError('DATABASE_URL', 'a postgres:// URL (or DATA_DIR: the embedded database folder of the service)', undefined);
  const log = createLogger('order-history-rebuild', config.LOG_LEVEL, process.stderr);
  const where = config.DATABASE_URL ? `PostgreSQL ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}` : `the embedded database in ${config.DATA_DIR}`;
  const started = Date.now();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, applicationName: 'mercato-order-history-rebuild' });
  const eventStore = EventStoreClient.connect(config.EVENTSTORE_ADDR);
  try {
    out.write(`order-history rebuild: events from ${config.EVENTSTORE_ADDR}, read model in ${where}\n`);
    await migrate(db);
    const report = await rebuildReadModel(db, clientStore(eventStore), log);
    out.write(`emptied ${Object.values(TABLES).join(', ')} and the checkpoint, in one transaction\n`);
    const at = await checkpoint(db);
    const c = await counts(db);
    const summary: RebuildSummary = { ...report, ...c, checkpointCommit: (at?.commit ?? 0n).toString() };
    out.write(`replayed $all from the start: ${report.applied} events applied, ${report.skipped} skipped (unreadable; see the log); checkpoint at commit ${summary.checkpointCommit}\n`);
    out.write(`read model now: ${c.placedOrders} orders of ${c.customers} customers (${c.orders - c.placedOrders} more known only from payment or shipment events); took ${Date.now() - started} ms\n`);
    return summary;
  } finally {
    eventStore.close();
    await db.close();
  }
}

if (require.main === module) {
  rebuildCommand().then(
    () => process.exit(0),
    (err: Error) => {
      process.stderr.write(`order-history rebuild failed: ${err.message}\n`);
      process.exit(err instanceof ConfigError ? 78 : 1);
    },
  );
}
