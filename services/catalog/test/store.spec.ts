import { openDatabase, testDatabaseIfAvailable, type Database } from '@mercato/db';
import { generateSeed } from '../scripts/generate-seed';
import {
  CatalogStore,
  ConflictError,
  InvalidArgumentError,
  NotFoundError,
  summarizeRatings,
  type ListProductsRequest,
  type Product,
  type ProductInput,
  type ProductOrder,
} from '../src/store';

const seed = generateSeed();
const sortedIds = seed.products.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Resolves to the thrown error so its type and field can be checked. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

async function expectInvalid(promise: Promise<unknown>, field: string): Promise<void> {
  const err = await failure(promise);
  expect(err).toBeInstanceOf(InvalidArgumentError);
  expect((err as InvalidArgumentError).field).toBe(field);
}

function gadget(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    id: 'TST-0001',
    name: 'Test Gadget',
    description: 'A gadget used by the store tests.',
    category: 'test-gadgets',
    tags: ['test'],
    price: { currencyCode: 'USD', units: 12, nanos: 500_000_000 },
    ...overrides,
  };
}

describe.each(['pglite', 'postgres'] as const)('catalog store on %s', (kind) => {
  let db: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  let store: CatalogStore;
  let clock = Date.UTC(2030, 0, 1);

  beforeAll(async () => {
    if (kind === 'postgres') {
      const t = await testDatabaseIfAvailable('catalog_test');
      if (!t) return;
      drop = t.drop;
      db = await openDatabase({ url: t.url });
    } else {
      db = await openDatabase();
    }
    let n = 0;
    store = new CatalogStore(db, { now: () => new Date((clock += 1000)), newId: () => `review-${++n}` });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('migrates once; a second migrate is a no-op', async () => {
    if (!db) return;
    expect(await store.migrate()).toEqual({ from: 0, to: 1, applied: [1] });
    expect(await store.migrate()).toEqual({ from: 1, to: 1, applied: [] });
    const { rows } = await db.query<{ version: number }>('SELECT version FROM catalog.schema_version');
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it('seeds an empty catalog once', async () => {
    if (!db) return;
    const reviews = seed.products.reduce((n, p) => n + p.reviews.length, 0);
    expect(await store.seedIfEmpty(seed)).toEqual({ seeded: true, categories: seed.categories.length, products: seed.products.length, reviews });
    expect(await store.seedIfEmpty(seed)).toEqual({ seeded: false, categories: 0, products: 0, reviews: 0 });
  });

  it('gets a product with its rating, and a typed error for a missing or malformed id', async () => {
    if (!db) return;
    const expected = seed.products[0]!;
    const { reviews, ...input } = expected;
    const product = await store.getProduct(expected.id);
    expect(product).toEqual({
      ...input,
      rating: summarizeRatings(reviews.map((r) => r.rating)),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(product.weightGrams).toBeGreaterThan(0);
    expect(typeof product.price.units).toBe('number');

    const missing = await failure(store.getProduct('NOPE-0000'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toContain('NOPE-0000');
    await expectInvalid(store.getProduct('bad id!'), 'id');
    await expectInvalid(store.getProduct(''), 'id');
  });

  it('fetches several products by id in the order asked, skipping unknown ones', async () => {
    if (!db) return;
    const ids = [sortedIds[5]!, 'NOPE-0000', sortedIds[2]!];
    expect((await store.getProducts(ids)).map((p) => p.id)).toEqual([sortedIds[5], sortedIds[2]]);
    expect(await store.getProducts([])).toEqual([]);
  });

  it('pages through every product exactly once, in id order', async () => {
    if (!db) return;
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const page = await store.listProducts({ pageSize: 7, pageToken });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((p) => p.id));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    expect(seen).toEqual(sortedIds);
    expect(pages).toBe(Math.ceil(sortedIds.length / 7));
    expect((await store.listProducts()).items).toHaveLength(20);
    expect((await store.listProducts({ pageSize: 0 })).items).toHaveLength(20);
    expect((await store.listProducts({ pageSize: 100 })).items).toHaveLength(100);
  });

  it('filters by category, and rejects an unknown one', async () => {
    if (!db) return;
    const expected = seed.products.filter((p) => p.category === 'coffee').map((p) => p.id);
    const first = await store.listProducts({ category: 'coffee', pageSize: 5 });
    const rest = await store.listProducts({ category: 'coffee', pageSize: 100, pageToken: first.nextPageToken });
    expect([...first.items, ...rest.items].map((p) => p.id)).toEqual(expected);
    expect(rest.nextPageToken).toBe('');
    expect([...first.items, ...rest.items].every((p: Product) => p.category === 'coffee')).toBe(true);
    expect(await failure(store.listProducts({ category: 'no-such-thing' }))).toBeInstanceOf(NotFoundError);
    await expectInvalid(store.listProducts({ category: 'Not A Slug' }), 'category');
  });

  it('orders by price, name or rating across pages, and filters by tags', async () => {
    if (!db) return;
    const collect = async (request: Omit<ListProductsRequest, 'pageToken'>) => {
      const out: Product[] = [];
      let pageToken = '';
      do {
        const page = await store.listProducts({ ...request, pageSize: 9, pageToken });
        out.push(...page.items);
        pageToken = page.nextPageToken;
      } while (pageToken);
      return out;
    };
    const nanos = (p: Product) => p.price.units * 1e9 + p.price.nanos;
    const byPrice = await collect({ orderBy: 'price-ascending' });
    expect(byPrice.map((p) => p.id).sort()).toEqual(sortedIds);
    for (let i = 1; i < byPrice.length; i++) expect(nanos(byPrice[i - 1]!)).toBeLessThanOrEqual(nanos(byPrice[i]!));
    const byPriceDesc = await collect({ orderBy: 'price-descending', category: 'audio' });
    expect(byPriceDesc.every((p) => p.category === 'audio')).toBe(true);
    for (let i = 1; i < byPriceDesc.length; i++) expect(nanos(byPriceDesc[i - 1]!)).toBeGreaterThanOrEqual(nanos(byPriceDesc[i]!));
    const byRating = await collect({ orderBy: 'rating' });
    for (let i = 1; i < byRating.length; i++) expect(byRating[i - 1]!.rating.average).toBeGreaterThanOrEqual(byRating[i]!.rating.average);
    expect((await collect({ orderBy: 'name' })).map((p) => p.id).sort()).toEqual(sortedIds);

    const waterproof = await collect({ tags: ['Waterproof'] });
    expect(waterproof.map((p) => p.id)).toEqual(seed.products.filter((p) => p.tags.includes('waterproof')).map((p) => p.id));
    expect(waterproof.length).toBeGreaterThan(0);
    expect(await collect({ tags: ['waterproof', 'no-such-tag'] })).toEqual([]);
    // A tag no product could carry is refused, naming it, before it reaches the database (PostgreSQL refuses a NUL in text).
    await expectInvalid(store.listProducts({ tags: ['waterproof', 'fuzz\u0000\u001b[2J'] }), 'tags[1]');

    await expectInvalid(store.listProducts({ orderBy: 'cheapest' as ProductOrder }), 'orderBy');
    const byName = await store.listProducts({ orderBy: 'name', pageSize: 2 });
    await expectInvalid(store.listProducts({ orderBy: 'price-ascending', pageToken: byName.nextPageToken }), 'pageToken');
    await expectInvalid(store.listProducts({ pageToken: byName.nextPageToken }), 'pageToken');
  });

  it('rejects bad page sizes and page tokens, naming the field', async () => {
    if (!db) return;
    for (const pageSize of [-1, 101, 1.5, Number.NaN]) await expectInvalid(store.listProducts({ pageSize }), 'pageSize');
    await expectInvalid(store.listProducts({ pageToken: 'not a token!' }), 'pageToken');
    await expectInvalid(store.listProducts({ pageToken: Buffer.from('{"v":1,"kind":"products"}').toString('base64url') }), 'pageToken');
    await expectInvalid(store.listProducts({ pageToken: Buffer.from('hello').toString('base64url') }), 'pageToken');
    // A token from one listing does not continue another.
    const coffee = await store.listProducts({ category: 'coffee', pageSize: 2 });
    await expectInvalid(store.listProducts({ category: 'kitchen', pageToken: coffee.nextPageToken }), 'pageToken');
    await expectInvalid(store.search({ query: 'coffee', pageToken: coffee.nextPageToken }), 'pageToken');
    await expectInvalid(store.listReviews(sortedIds[0]!, { pageToken: coffee.nextPageToken }), 'pageToken');
  });

  it('lists categories with product counts', async () => {
    if (!db) return;
    const categories = await store.listCategories();
    expect(categories.map((c) => c.id)).toEqual(seed.categories.map((c) => c.id).sort());
    for (const c of categories) {
      expect(c.productCount).toBe(seed.products.filter((p) => p.category === c.id).length);
      expect(c.name).toBe(seed.categories.find((s) => s.id === c.id)?.name);
    }
  });

  it('searches with full-text ranking and pages through the hits once', async () => {
    if (!db) return;
    const skillets = await store.search({ query: 'skillet' });
    expect(skillets.items.length).toBeGreaterThan(0);
    expect(skillets.items[0]!.product.name).toMatch(/Skillet/);
    for (let i = 1; i < skillets.items.length; i++) expect(skillets.items[i - 1]!.rank).toBeGreaterThanOrEqual(skillets.items[i]!.rank);

    const all = await store.search({ query: 'coffee', pageSize: 100 });
    const paged: string[] = [];
    let pageToken = '';
    do {
      const page = await store.search({ query: 'coffee', pageSize: 3, pageToken });
      paged.push(...page.items.map((h) => h.product.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(paged).toEqual(all.items.map((h) => h.product.id));
    expect(new Set(paged).size).toBe(paged.length);

    const inCategory = await store.search({ query: 'steel', category: 'kitchen', pageSize: 100 });
    expect(inCategory.items.length).toBeGreaterThan(0);
    expect(inCategory.items.every((h) => h.product.category === 'kitchen')).toBe(true);

    expect((await store.search({ query: 'the and of' })).items).toEqual([]);
    expect((await store.search({ query: 'skillet -carbon', pageSize: 100 })).items.every((h) => !/carbon/i.test(h.product.name))).toBe(true);
    await expectInvalid(store.search({ query: '   ' }), 'query');
    await expectInvalid(store.search({ query: 'hiking boots\u0000' }), 'query');
    await expectInvalid(store.search({ query: 'x'.repeat(201) }), 'query');
  });

  it('ranks a name match above a description-only match', async () => {
    if (!db) return;
    await store.upsertCategory({ id: 'test-gadgets', name: 'Test gadgets', description: 'Products made by the tests.' });
    await store.upsertProduct(gadget({ id: 'TST-0100', name: 'Plain Widget', description: 'It works well with any zephyrine kettle you own.' }));
    await store.upsertProduct(gadget({ id: 'TST-0200', name: 'Zephyrine Kettle', description: 'A kettle for boiling water.' }));
    const hits = await store.search({ query: 'zephyrine' });
    expect(hits.items.map((h) => h.product.id)).toEqual(['TST-0200', 'TST-0100']);
    expect(hits.items[0]!.rank).toBeGreaterThan(hits.items[1]!.rank);
  });

  it('lists reviews newest first with the rating over all of them', async () => {
    if (!db) return;
    const product = seed.products.find((p) => p.reviews.length >= 5)!;
    const seen: string[] = [];
    let pageToken = '';
    do {
      const page = await store.listReviews(product.id, { pageSize: 2, pageToken });
      expect(page.rating).toEqual(summarizeRatings(product.reviews.map((r) => r.rating)));
      seen.push(...page.items.map((r) => r.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    const newestFirst = [...product.reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1));
    expect(seen).toEqual(newestFirst.map((r) => r.id));
    expect(await failure(store.listReviews('NOPE-0000'))).toBeInstanceOf(NotFoundError);
  });

  it('adds a review, one per user per product', async () => {
    if (!db) return;
    const productId = sortedIds[0]!;
    const before = await store.listReviews(productId);
    const review = await store.addReview({ productId, userId: 'user-42', authorName: 'Ada L.', rating: 5, title: 'Great', body: 'It does exactly what it says.' });
    expect(review).toMatchObject({ productId, userId: 'user-42', rating: 5, title: 'Great' });
    const after = await store.listReviews(productId);
    expect(after.items[0]).toEqual(review);
    expect(after.rating.count).toBe(before.rating.count + 1);
    expect((await store.getProduct(productId)).rating).toEqual(after.rating);

    const again = await failure(store.addReview({ productId, userId: 'user-42', authorName: 'Ada L.', rating: 1, title: 'Changed my mind', body: 'Twice.' }));
    expect(again).toBeInstanceOf(ConflictError);
    const other = await store.addReview({ productId: sortedIds[1]!, userId: 'user-42', authorName: 'Ada L.', rating: 3, title: 'Fine', body: 'Fine.' });
    expect(other.productId).toBe(sortedIds[1]);

    const valid = { productId, userId: 'user-43', authorName: 'Bo', rating: 4, title: 'Ok', body: 'Ok.' };
    await expectInvalid(store.addReview({ ...valid, rating: 6 }), 'rating');
    await expectInvalid(store.addReview({ ...valid, rating: 0 }), 'rating');
    await expectInvalid(store.addReview({ ...valid, title: ' ' }), 'title');
    await expectInvalid(store.addReview({ ...valid, body: 'x'.repeat(4001) }), 'body');
    // A NUL would reach PostgreSQL (which refuses it) as an internal error: refused here, naming the field; line breaks are text.
    await expectInvalid(store.addReview({ ...valid, title: 'Ok\u0000\u001b[2J' }), 'title');
    await expectInvalid(store.addReview({ ...valid, body: 'Ok.\u0007' }), 'body');
    expect((await store.addReview({ ...valid, body: 'Line one.\r\n\tLine two.' })).body).toBe('Line one.\r\n\tLine two.');
    expect(await failure(store.addReview({ ...valid, productId: 'NOPE-0000' }))).toBeInstanceOf(NotFoundError);
  });

  it('upserts and deletes products', async () => {
    if (!db) return;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    const created = await store.upsertProduct(gadget({ imageSvg: svg, weightGrams: 250, stockHint: 3 }));
    expect(created.created).toBe(true);
    expect(created.product).toEqual({
      ...gadget(),
      imageSvg: svg,
      weightGrams: 250,
      stockHint: 3,
      rating: { average: 0, count: 0 },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const updated = await store.upsertProduct(gadget({ name: 'Quasar Gadget', price: { currencyCode: 'USD', units: 99, nanos: 990_000_000 } }));
    expect(updated.created).toBe(false);
    expect(updated.product.name).toBe('Quasar Gadget');
    expect(updated.product.imageSvg).toBeUndefined();
    expect(updated.product.price).toEqual({ currencyCode: 'USD', units: 99, nanos: 990_000_000 });
    expect((await store.search({ query: 'quasar' })).items.map((h) => h.product.id)).toEqual(['TST-0001']);
    expect((await store.listCategories()).find((c) => c.id === 'test-gadgets')?.productCount).toBe(3);

    await store.addReview({ productId: 'TST-0001', userId: 'user-1', authorName: 'Cy', rating: 2, title: 'Meh', body: 'Meh.' });
    expect(await store.deleteProduct('TST-0001')).toEqual({ existed: true });
    expect(await failure(store.getProduct('TST-0001'))).toBeInstanceOf(NotFoundError);
    expect(await store.deleteProduct('TST-0001')).toEqual({ existed: false });
    const { rows } = await db.query('SELECT 1 FROM catalog.reviews WHERE product_id = $1', ['TST-0001']);
    expect(rows).toHaveLength(0);

    expect(await failure(store.upsertProduct(gadget({ category: 'nowhere' })))).toBeInstanceOf(NotFoundError);
    await expectInvalid(store.upsertProduct(gadget({ price: { currencyCode: 'USD', units: 1.5, nanos: 0 } })), 'price.units');
    await expectInvalid(store.upsertProduct(gadget({ price: { currencyCode: 'usd', units: 1, nanos: 0 } })), 'price.currencyCode');
    await expectInvalid(store.upsertProduct(gadget({ price: { currencyCode: 'USD', units: 1, nanos: 1e9 } })), 'price.nanos');
    await expectInvalid(store.upsertProduct(gadget({ name: '' })), 'name');
    await expectInvalid(store.upsertProduct(gadget({ weightGrams: -1 })), 'weightGrams');
    await expectInvalid(store.upsertProduct(gadget({ imageSvg: '<svg onload="alert(1)"></svg>' })), 'imageSvg');
    await expectInvalid(store.upsertProduct(gadget({ tags: ['ok', 'Not/ok'] })), 'tags[1]');
  });
});
