// The catalog service's set-up, shared by main.ts and the integration tests.
import { env, type Config, type Kit } from '@mercato/kit';
import { openDatabase } from '@mercato/db';
import { CatalogStore, loadSeed } from './store';
import { catalogAccess, catalogHandlers } from './api';

export const catalogConfig = {
  DATABASE_URL: env.optional(env.url(['postgres:', 'postgresql:'])),
  DATA_DIR: env.optional(env.string({ describe: 'a folder for the embedded database' })),
  CATALOG_SEED: env.bool({ default: true }),
};

export async function setupCatalog(kit: Kit<Config<typeof catalogConfig>>): Promise<void> {
  const db = await openDatabase({
    url: kit.config.DATABASE_URL,
    dataDir: kit.config.DATA_DIR,
    applicationName: 'catalog',
    onError: (err) => kit.log.warn({ err: err.message }, 'database connection error'),
  });
  kit.onShutdown(() => db.close());
  const store = new CatalogStore(db);
  await store.migrate();
  if (kit.config.CATALOG_SEED) {
    const seeded = await store.seedIfEmpty(await loadSeed());
    kit.log.info(seeded, seeded.seeded ? 'seeded the catalog' : 'catalog already has products');
  }
  kit.addHealthCheck('database', () => db.ping());
  kit.serve('mercato.catalog.v1.CatalogService', catalogHandlers(store), catalogAccess);
}
