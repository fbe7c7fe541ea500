// The catalog over real gRPC, on the embedded store and on PostgreSQL.
import { Metadata, status } from '@grpc/grpc-js';
import { connect, generateSigningKeys, startService, TokenIssuer, checkHealth, listServices, describeMethod, type KitClient, type RunningService } from '@mercato/kit';
import { testDatabaseIfAvailable } from '@mercato/db';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import { catalogConfig, setupCatalog } from '../src/service';

const CATALOG = 'mercato.catalog.v1.CatalogService';
const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);

function bearer(userId: string, roles: string[] = []): { metadata: Metadata } {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${issuer.issue(userId, { roles, name: `User ${userId}` })}`);
  return { metadata };
}

describe.each(['pglite', 'postgres'] as const)('catalog over gRPC on %s', (backend) => {
  let svc: RunningService<unknown> | undefined;
  let client: KitClient<CatalogServiceDefinition>;
  let dropDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { GRPC_HOST: '127.0.0.1', METRICS_HOST: '127.0.0.1', GRPC_PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent', JWT_PUBLIC_KEY: keys.publicKey };
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_catalog');
      if (!db) return;
      dropDb = db.drop;
      env.DATABASE_URL = db.url;
    }
    svc = await startService('catalog', setupCatalog, { env, config: catalogConfig });
    client = connect<CatalogServiceDefinition>(CATALOG, `127.0.0.1:${svc.grpcPort}`);
  });
  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
    await dropDb?.();
  });
  const run = (name: string, fn: () => Promise<void>) => it(name, async () => {
    if (svc) await fn();
  });

  run('is SERVING and describes itself through reflection', async () => {
    const address = `127.0.0.1:${svc!.grpcPort}`;
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(listServices(address)).resolves.toEqual([CATALOG]);
    await expect(describeMethod(address, `${CATALOG}/SearchProducts`)).resolves.toMatchObject({ inputType: 'mercato.catalog.v1.SearchProductsRequest' });
  });

  run('lists the seeded categories and pages through every product once', async () => {
    const { categories } = await client.call('ListCategories', {});
    expect(categories.length).toBeGreaterThanOrEqual(8);
    const total = categories.reduce((n, c) => n + c.productCount, 0);
    expect(total).toBeGreaterThanOrEqual(120);
    const seen = new Set<string>();
    let pageToken = '';
    for (let i = 0; i < 50; i++) {
      const res = await client.call('ListProducts', { page: { pageSize: 50, pageToken } });
      for (const p of res.products) seen.add(p.id);
      pageToken = res.page?.nextPageToken ?? '';
      if (!pageToken) break;
    }
    expect(seen.size).toBe(total);
  });

  run('gets a product with its price as units and nanos', async () => {
    const { products } = await client.call('ListProducts', { page: { pageSize: 1 } });
    const first = products[0]!;
    const { product } = await client.call('GetProduct', { productId: first.id });
    expect(product).toMatchObject({ id: first.id, name: first.name });
    expect(product!.price!.currencyCode).toBe('USD');
    expect(Number(product!.price!.units) * 1e9 + product!.price!.nanos).toBeGreaterThan(0);
    await expect(client.call('GetProduct', { productId: 'NOPE-0000' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  run('ranks a name match above a description-only match', async () => {
    const { products } = await client.call('ListProducts', { page: { pageSize: 1 } });
    const word = products[0]!.name.split(/\s+/).filter((w) => w.length > 4).pop()!;
    const { results } = await client.call('SearchProducts', { query: word, page: { pageSize: 20 } });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.product!.name.toLowerCase()).toContain(word.toLowerCase());
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.relevance).toBeGreaterThanOrEqual(results[i]!.relevance);
  });

  run('answers INVALID_ARGUMENT naming the field', async () => {
    await expect(client.call('SearchProducts', { query: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^query: /) });
    await expect(client.call('ListProducts', { page: { pageSize: 1000 } })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^page\.page_size: /) });
    await expect(client.call('ListProducts', { page: { pageToken: 'garbage' } })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^page\.page_token: /) });
  });

  run('lets a signed-in user review once, and only admins change products', async () => {
    const { products } = await client.call('ListProducts', { page: { pageSize: 1 } });
    const productId = products[0]!.id;
    const review = { productId, rating: 5, title: 'Solid', body: 'Does what it says.' };
    await expect(client.call('AddReview', review)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    const added = await client.call('AddReview', review, bearer('u-1'));
    expect(added.review).toMatchObject({ authorId: 'u-1', authorName: 'User u-1', rating: 5 });
    await expect(client.call('AddReview', review, bearer('u-1'))).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
    await expect(client.call('AddReview', { ...review, rating: 9 }, bearer('u-2'))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^rating: /) });

    const { product } = await client.call('GetProduct', { productId });
    const changed = { ...product!, name: 'Renamed by admin' };
    await expect(client.call('UpsertProduct', { product: changed }, bearer('u-1'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const up = await client.call('UpsertProduct', { product: changed }, bearer('root', ['admin']));
    expect(up).toMatchObject({ created: false, product: { name: 'Renamed by admin' } });
    await expect(client.call('DeleteProduct', { productId }, bearer('root', ['admin']))).resolves.toEqual({ existed: true });
    await expect(client.call('GetProduct', { productId })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
