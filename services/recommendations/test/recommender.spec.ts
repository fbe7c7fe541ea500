// Ranking as a specification: given a model and a catalog, a query ranks these products first,
// names the signal behind each one, and never offers what it must not.
import { status } from '@grpc/grpc-js';
import { BehaviourModel } from '../src/model/behaviour';
import { ContentIndex, words, type ProductText } from '../src/model/content';
import { boughtTogether, recommend, type RecommendQuery } from '../src/model/recommender';
import type { Signal } from '../src/model/signals';
import { parseBoughtTogetherRequest, parseRecommendRequest } from '../src/requests';

const product = (id: string, categoryId: string, name: string, tags: string[], reviewCount = 0, averageRating = 0): ProductText => ({ id, categoryId, name, description: `${name}. ${tags.join(', ')}.`, tags, reviewCount, averageRating });

const CATALOG: ProductText[] = [
  product('TENT', 'outdoor', 'Ridge Two Person Tent', ['tent', 'camping', 'lightweight']),
  product('STAKES', 'outdoor', 'Aluminium Tent Stakes', ['tent', 'camping', 'stakes']),
  product('STOVE', 'outdoor', 'Backpacking Camping Stove', ['stove', 'camping', 'cooking']),
  product('LANTERN', 'outdoor', 'Camping Lantern', ['lantern', 'camping', 'light'], 40, 4.5),
  product('KETTLE', 'kitchen', 'Gooseneck Kettle', ['kettle', 'coffee', 'pour over']),
  product('GRINDER', 'kitchen', 'Burr Coffee Grinder', ['grinder', 'coffee', 'burr']),
  product('BEANS', 'coffee', 'Ethiopian Coffee Beans', ['coffee', 'beans', 'light roast']),
  product('MUG', 'kitchen', 'Stoneware Mug', ['mug', 'coffee', 'stoneware'], 120, 4.8),
  product('NEWMUG', 'kitchen', 'Enamel Camp Mug', ['mug', 'coffee', 'enamel']),
];
const content = ContentIndex.build(CATALOG);

const order = (orderId: string, userId: string, ...productIds: string[]): Signal[] => [
  { type: 'Carted', data: { cartId: userId, userId, productIds } },
  { type: 'Priced', data: { orderId, userId, productIds } },
  { type: 'Confirmed', data: { orderId, userId } },
];

/** Campers buy tents with stakes; coffee people buy grinders with beans; the mug sells to everyone. */
function shop(): BehaviourModel {
  const m = new BehaviourModel();
  const signals = [
    ...order('o1', 'c1', 'TENT', 'STAKES'),
    ...order('o2', 'c2', 'TENT', 'STAKES', 'STOVE'),
    ...order('o3', 'c3', 'TENT', 'STAKES'),
    ...order('o4', 'k1', 'GRINDER', 'BEANS'),
    ...order('o4b', 'k4', 'GRINDER', 'BEANS'),
    ...order('o5', 'k2', 'GRINDER', 'BEANS', 'KETTLE'),
    ...order('o6', 'k3', 'KETTLE', 'BEANS'),
    ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].flatMap((u, i) => order(`om${i}`, u, 'MUG')),
    ...order('o7', 'ann', 'TENT'),
  ];
  for (const s of signals) m.apply(s);
  return m;
}

const query = (q: Partial<RecommendQuery>): RecommendQuery => ({ userId: '', contextProductId: '', limit: 10, exclude: [], ...q });
const ids = (xs: Array<{ productId: string }>): string[] => xs.map((x) => x.productId);

describe('recommend', () => {
  const model = shop();

  it('recommends from the user’s own behaviour first: what goes with what they bought', () => {
    const recs = recommend(model, content, query({ userId: 'ann' }));
    expect(recs[0]).toMatchObject({ productId: 'STAKES', source: 'personal' });
    expect(ids(recs)).not.toContain('TENT'); // ann bought it
  });

  it('recommends what goes with the product in view', () => {
    const recs = recommend(model, content, query({ contextProductId: 'GRINDER' }));
    expect(recs[0]).toMatchObject({ productId: 'BEANS', source: 'item_to_item' });
    expect(ids(recs)).not.toContain('GRINDER');
  });

  it('never offers the product in view, the excluded ones, or what the user bought', () => {
    for (const q of [query({ userId: 'k2', contextProductId: 'BEANS', exclude: ['MUG', 'KETTLE'] }), query({ userId: 'k2', exclude: ['STAKES'] })]) {
      const got = ids(recommend(model, content, q));
      for (const banned of [q.contextProductId, ...q.exclude, 'GRINDER', 'BEANS', 'KETTLE'].filter(Boolean)) expect(got).not.toContain(banned);
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('answers a product nobody has bought yet with the products most like it (cold start)', () => {
    const recs = recommend(model, content, query({ contextProductId: 'NEWMUG', limit: 3 }));
    expect(recs[0]).toMatchObject({ productId: 'MUG', source: 'content' });
    expect(recs.filter((r) => r.source === 'content').length).toBeGreaterThan(0);
  });

  it('falls back to popularity for a guest with nothing in view, and to the catalog’s reviews before any sale', () => {
    const recs = recommend(model, content, query({ limit: 3 }));
    expect(recs[0]).toMatchObject({ productId: 'MUG', source: 'popularity' });
    const empty = recommend(new BehaviourModel(), content, query({ limit: 2 }));
    expect(empty.map((r) => [r.productId, r.source])).toEqual([
      ['MUG', 'popularity'],
      ['LANTERN', 'popularity'],
    ]);
    expect(recommend(new BehaviourModel(), ContentIndex.build([]), query({}))).toEqual([]);
  });

  it('answers at most `limit`, best first, the same way every time', () => {
    const a = recommend(model, content, query({ userId: 'ann', limit: 4 }));
    expect(a).toHaveLength(4);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
    expect(recommend(model, content, query({ userId: 'ann', limit: 4 }))).toEqual(a);
  });

  it('still serves from behaviour and popularity when the catalog could not be read (no content index)', () => {
    const recs = recommend(model, ContentIndex.build([]), query({ contextProductId: 'TENT' }));
    expect(recs[0]).toMatchObject({ productId: 'STAKES', source: 'item_to_item' });
    expect(recs.every((r) => r.source !== 'content')).toBe(true);
  });
});

describe('boughtTogether', () => {
  const model = shop();

  it('ranks products bought in the same orders first, then carted ones, then similar ones', () => {
    const m = shop();
    m.apply({ type: 'Carted', data: { cartId: 'g1', userId: '', productIds: ['KETTLE', 'LANTERN'] } });
    const recs = boughtTogether(m, content, 'KETTLE', 10);
    expect(recs.map((r) => [r.productId, r.source])).toEqual([
      ['BEANS', 'bought_together'], // two orders with the kettle
      ['GRINDER', 'bought_together'], // one
      ['LANTERN', 'item_to_item'],
      ...recs.slice(3).map((r) => [r.productId, 'content']),
    ]);
    expect(ids(recs.slice(3))).toEqual(expect.arrayContaining(['MUG', 'NEWMUG']));
    expect(ids(recs)).not.toContain('KETTLE');
  });

  it('has only content similarity for a product never bought or carted', () => {
    const recs = boughtTogether(model, content, 'NEWMUG', 2);
    expect(recs).toHaveLength(2);
    expect(recs.every((r) => r.source === 'content')).toBe(true);
  });
});

describe('content similarity', () => {
  it('reads words without stop words, numbers or plural endings', () => {
    expect(words('The Tents and 2 Stakes, for camping!')).toEqual(['tent', 'stake', 'camping']);
  });

  it('finds the same kind of product closest, and a profile’s taste across products', () => {
    const near = [...content.similar('KETTLE')].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(near.slice(0, 3)).toEqual(expect.arrayContaining(['GRINDER']));
    expect(near.indexOf('TENT')).toBe(-1); // nothing in common
    const taste = content.profileSimilarity([['TENT', 3], ['STOVE', 1]]);
    expect(taste.get('STAKES')!).toBeGreaterThan(taste.get('MUG') ?? 0);
  });

  it('indexes a product added between rebuilds', () => {
    const index = ContentIndex.build(CATALOG);
    index.add(product('TARP', 'outdoor', 'Camping Tarp', ['tarp', 'camping']));
    expect(index.has('TARP')).toBe(true);
    expect(index.similar('TARP').get('TENT')).toBeGreaterThan(0);
  });
});

describe('request checks', () => {
  const base = { userId: '', contextProductId: '', limit: 0, excludeProductIds: [] as string[] };
  const bad = (fn: () => unknown, field: string) => expect(fn).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `)) }));

  it('defaults the limits and accepts a guest', () => {
    expect(parseRecommendRequest(base)).toEqual({ userId: '', contextProductId: '', limit: 10, exclude: [] });
    expect(parseBoughtTogetherRequest({ productId: 'APP-0001', limit: 0 })).toEqual({ productId: 'APP-0001', limit: 5 });
  });

  it('names the proto field of every bad input', () => {
    bad(() => parseRecommendRequest({ ...base, limit: 51 }), 'limit');
    bad(() => parseRecommendRequest({ ...base, limit: -1 }), 'limit');
    bad(() => parseRecommendRequest({ ...base, contextProductId: 'no spaces' }), 'context_product_id');
    bad(() => parseRecommendRequest({ ...base, userId: 'x'.repeat(129) }), 'user_id');
    bad(() => parseRecommendRequest({ ...base, excludeProductIds: ['A', ''] }), 'exclude_product_ids[1]');
    bad(() => parseRecommendRequest({ ...base, excludeProductIds: ['A', 'b\u0000'] }), 'exclude_product_ids[1]');
    bad(() => parseRecommendRequest({ ...base, excludeProductIds: Array.from({ length: 201 }, (_, i) => `P${i}`) }), 'exclude_product_ids');
    bad(() => parseBoughtTogetherRequest({ productId: '', limit: 0 }), 'product_id');
    bad(() => parseBoughtTogetherRequest({ productId: 'A', limit: 99 }), 'limit');
  });
});
