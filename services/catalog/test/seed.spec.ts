import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSeed, renderSeedFiles } from '../scripts/generate-seed';
import { validatePrice } from '../src/domain/money';
import { validateProductInput, validateReviewInput } from '../src/domain/product';
import { loadSeed } from '../src/store/seed-file';

const seedDir = path.join(__dirname, '..', 'seed');
const seed = generateSeed();

describe('catalog seed', () => {
  it('matches the committed files (run `npm run gen:seed -w @mercato/catalog` after changing the generator)', () => {
    for (const [file, text] of Object.entries(renderSeedFiles(seed))) {
      expect(readFileSync(path.join(seedDir, file), 'utf8')).toBe(text);
    }
  });

  it('is deterministic', () => {
    expect(generateSeed()).toEqual(seed);
  });

  it('loads from the committed files as generated', async () => {
    expect(await loadSeed()).toEqual(JSON.parse(JSON.stringify(seed)));
  });

  it('has at least 120 products across at least 8 categories, none of them empty', () => {
    expect(seed.products.length).toBeGreaterThanOrEqual(120);
    expect(seed.categories.length).toBeGreaterThanOrEqual(8);
    const categoryIds = new Set(seed.categories.map((c) => c.id));
    expect(categoryIds.size).toBe(seed.categories.length);
    for (const c of seed.categories) expect(seed.products.filter((p) => p.category === c.id).length).toBeGreaterThan(0);
    for (const p of seed.products) expect(categoryIds.has(p.category)).toBe(true);
  });

  it('has unique, SKU-shaped ids and unique names', () => {
    const ids = seed.products.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect(new Set(seed.products.map((p) => p.name)).size).toBe(ids.length);
  });

  it('holds only products the store accepts, priced in whole USD units and nanos', () => {
    for (const p of seed.products) {
      expect(() => validateProductInput(p)).not.toThrow();
      expect(validatePrice(p.price)).toEqual(p.price);
      expect(p.price.currencyCode).toBe('USD');
      expect(Number.isInteger(p.price.units) && Number.isInteger(p.price.nanos)).toBe(true);
      expect(p.price.units * 1e9 + p.price.nanos).toBeGreaterThan(0);
    }
  });

  it('writes descriptions of two or three sentences', () => {
    for (const p of seed.products) {
      const sentences = p.description.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(3);
    }
    expect(new Set(seed.products.map((p) => p.description)).size).toBe(seed.products.length);
  });

  it('gives most products at least three valid reviews, one per user', () => {
    const withThree = seed.products.filter((p) => p.reviews.length >= 3).length;
    expect(withThree / seed.products.length).toBeGreaterThan(0.8);
    for (const p of seed.products) {
      for (const r of p.reviews) {
        expect(() => validateReviewInput({ ...r, productId: p.id })).not.toThrow();
        expect(r.rating).toBeGreaterThanOrEqual(1);
        expect(r.rating).toBeLessThanOrEqual(5);
        expect(new Date(r.createdAt).toISOString()).toBe(r.createdAt);
      }
      expect(new Set(p.reviews.map((r) => r.userId)).size).toBe(p.reviews.length);
      expect(new Set(p.reviews.map((r) => r.id)).size).toBe(p.reviews.length);
    }
    const ratings = new Set(seed.products.flatMap((p) => p.reviews.map((r) => r.rating)));
    expect([...ratings].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws images as small inline SVG documents, or none', () => {
    const images = seed.products.flatMap((p) => (p.imageSvg ? [p.imageSvg] : []));
    expect(images.length).toBeGreaterThan(seed.products.length / 2);
    for (const svg of images) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/);
      expect(svg.length).toBeLessThan(1024);
    }
  });
});
