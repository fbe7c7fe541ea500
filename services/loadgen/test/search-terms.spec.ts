// The search scenario's words must find products in the seed catalog (searched by the real
// catalog service, on its embedded store), or the scenario would measure empty searches.
import { connect, startService, testServiceEnv, type KitClient, type RunningService } from '@mercato/kit';
import { catalogConfig, setupCatalog } from '@mercato/catalog';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import { SEARCH_TERMS } from '../src/scenarios';

describe('search terms', () => {
  let svc: RunningService<unknown>;
  let client: KitClient<CatalogServiceDefinition>;

  beforeAll(async () => {
    svc = await startService('catalog', setupCatalog, { env: testServiceEnv(), config: catalogConfig });
    client = connect<CatalogServiceDefinition>('mercato.catalog.v1.CatalogService', `127.0.0.1:${svc.grpcPort}`);
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
  });

  it('each find at least one seed product', async () => {
    const empty: string[] = [];
    for (const query of SEARCH_TERMS) {
      const res = await client.call('SearchProducts', { query, page: { pageSize: 5, pageToken: '' }, categoryId: '' });
      if (res.results.length === 0) empty.push(query);
    }
    expect(empty).toEqual([]);
    expect(new Set(SEARCH_TERMS).size).toBe(SEARCH_TERMS.length);
  });
});
