// Reads the committed seed (seed/categories.json + seed/products.json, written by
// scripts/generate-seed.ts). The folder sits two levels above both src/store and dist/store.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogSeed } from '../domain/product';

export const DEFAULT_SEED_DIR = path.resolve(__dirname, '..', '..', 'seed');
export const SEED_FILES = { categories: 'categories.json', products: 'products.json' } as const;

export async function loadSeed(dir: string = DEFAULT_SEED_DIR): Promise<CatalogSeed> {
  const [categories, products] = await Promise.all(
    [SEED_FILES.categories, SEED_FILES.products].map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as unknown),
  );
  if (!Array.isArray(categories) || !Array.isArray(products)) throw new Error(`seed files in ${dir} must each hold a JSON array`);
  return { categories, products } as CatalogSeed;
}
