// The seed catalog held in memory, behind the same port the assistant reads the catalog service
// through: the evaluation's quick mode (its Jest run) answers from it instead of a database.
import type { SeedProduct } from '@mercato/catalog';
import { GrpcError } from '@mercato/kit';
import { status } from '@grpc/grpc-js';
import { contentStems } from '../builtin/text';
import type { CatalogPort, CatalogProduct } from '../catalog';

export function seedCatalog(products: readonly SeedProduct[]): CatalogPort {
  const byId = new Map(products.map((p) => [p.id, p]));
  const doc = (p: SeedProduct): CatalogProduct => {
    const count = p.reviews.length;
    const average = count ? Math.round((p.reviews.reduce((n, r) => n + r.rating, 0) / count) * 100) / 100 : 0;
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      categoryId: p.category,
      tags: p.tags,
      price: { currencyCode: p.price.currencyCode, units: String(p.price.units), nanos: p.price.nanos },
      weightGrams: p.weightGrams ?? 0,
      averageRating: average,
      reviewCount: count,
      version: `seed/${count}`,
    };
  };
  const find = (id: string): SeedProduct => {
    const p = byId.get(id);
    if (!p) throw new GrpcError(status.NOT_FOUND, `product ${id} is not in the catalog`);
    return p;
  };
  const documents = products.map((p) => ({ p, stems: new Set(contentStems(`${p.name} ${p.tags.join(' ')} ${p.description}`)) }));
  return {
    product: async (id) => doc(find(id)),
    reviews: async (id, _ctx, max) =>
      [...find(id).reviews]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        .slice(0, max)
        .map((r) => ({ id: r.id, rating: r.rating, title: r.title, body: r.body, authorName: r.authorName })),
    search: async (query, categoryId, _ctx, limit) => {
      const terms = contentStems(query.replace(/\bor\b/g, ' '));
      return documents
        .filter((d) => !categoryId || d.p.category === categoryId)
        .map((d) => ({ d, score: terms.filter((t) => d.stems.has(t)).length }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || a.d.p.id.localeCompare(b.d.p.id))
        .slice(0, limit)
        .map(({ d }) => {
          const c = doc(d.p);
          return { id: c.id, name: c.name, price: c.price, averageRating: c.averageRating, reviewCount: c.reviewCount };
        });
    },
  };
}
