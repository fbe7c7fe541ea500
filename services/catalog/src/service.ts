// The catalog service's set-up, shared by main.ts and the integration tests.
import { env, type Config, type Kit } from '@mercato/kit';
import { CatalogStore, loadSeed } from './store';
import { catalogAccess, catalogHandlers } from './api';

export const catalogConfig = {
  CATALOG_SEED: env.bool({ default: true }),
};

export async function setupCatalog(kit: Kit<Config<typeof catalogConfig>>): Promise<void> {
  const db = await kit.database();
  const store = new CatalogStore(db);
  await store.migrate();
  if (kit.config.CATALOG_SEED) {
    const seeded = await store.seedIfEmpty(await loadSeed());
    kit.log.info(seeded, seeded.seeded ? 'seeded the catalog' : 'catalog already has products');
  }
  kit.serve('mercato.catalog.v1.CatalogService', catalogHandlers(store), catalogAccess);
}
