// Generates the committed catalog seed (seed/categories.json, seed/products.json) from the
// hand-written vocabulary in seed-vocab.ts. Deterministic: every random choice comes from a PRNG
// seeded by SEED and the product's id, so the output only changes when this code or the
// vocabulary does (test/seed.spec.ts fails on drift). Run: npm run gen:seed -w @mercato/catalog
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { moneyFromCents } from '../src/domain/money';
import type { CatalogSeed, Category, SeedProduct, SeedReview } from '../src/domain/product';
import { CATEGORIES, REVIEW_VOCAB, type CategoryVocab, type ProductTypeVocab } from './seed-vocab';

export const SEED = 20_240_611;
export const PRODUCTS_PER_CATEGORY = 13;
export const SEED_FILE_NAMES = { categories: 'categories.json', products: 'products.json' } as const;

type Rating = 1 | 2 | 3 | 4 | 5;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive a per-product PRNG seed from its id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Dice {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of options) {
      r -= w;
      if (r < 0) return value;
    }
    return (options.at(-1) as readonly [T, number])[0];
  }
}

type Vars = Record<string, string>;

/** Fills {slot} and {a:slot}; an unknown slot is a bug in the vocabulary, so it throws. */
export function render(template: string, vars: Vars): string {
  return template.replace(/\{(a:)?([A-Za-z0-9]+)\}/g, (_, article: string | undefined, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template "${template}" uses unknown slot {${key}}`);
    return article ? `${/^[aeiou]/i.test(value) ? 'an' : 'a'} ${value}` : value;
  });
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'of', 'for', 'in', 'the', 'to']);

function titleCase(text: string): string {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return text
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.split('-').map(cap).join('-')))
    .join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lowercases a sentence's first letter unless it starts with "I" or an acronym. */
function lowerFirst(sentence: string): string {
  const first = sentence.split(' ')[0] ?? '';
  if (first === 'I' || first.startsWith("I'") || /^[A-Z]{2}/.test(first)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

function productImage(name: string, category: CategoryVocab, dice: Dice): string {
  const color = dice.pick(category.colors);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="${escapeXml(name)}">` +
    `<rect width="120" height="120" rx="12" fill="${color}"/>` +
    `<circle cx="60" cy="52" r="30" fill="#ffffff" fill-opacity="0.18"/>` +
    `<text x="60" y="62" font-family="sans-serif" font-size="28" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(initials(name))}</text>` +
    `<text x="60" y="102" font-family="sans-serif" font-size="11" fill="#ffffff" fill-opacity="0.85" text-anchor="middle">${escapeXml(category.name)}</text>` +
    `</svg>`
  );
}

function priceCents(type: ProductTypeVocab, dice: Dice): number {
  const dollars = dice.int(Math.ceil(type.cents[0] / 100), Math.floor(type.cents[1] / 100));
  const ending = dice.weighted<number>([
    [-1, 60],
    [50, 15],
    [0, 25],
  ]);
  return dollars * 100 + ending;
}

function productTags(category: CategoryVocab, type: ProductTypeVocab, material: string): string[] {
  const tags = [...type.tags, ...category.tags];
  const m = material.toLowerCase();
  if (/^[a-z0-9][a-z0-9 -]*$/.test(m) && m.length <= 24) tags.push(m);
  return [...new Set(tags)].slice(0, 8);
}

const RATING_PROFILES: readonly (readonly [readonly (readonly [Rating, number])[], number])[] = [
  // Most products are liked, some are divisive, a few are loved: averages spread from ~3 to ~4.8.
  [[[1, 4], [2, 6], [3, 14], [4, 36], [5, 40]], 60],
  [[[1, 12], [2, 18], [3, 28], [4, 28], [5, 14]], 20],
  [[[1, 1], [2, 2], [3, 7], [4, 30], [5, 60]], 20],
];

/** How many pros and cons a review with this rating mentions. */
function pointCounts(rating: Rating, dice: Dice): [number, number] {
  switch (rating) {
    case 5:
      return [dice.int(2, 3), dice.chance(0.35) ? 1 : 0];
    case 4:
      return [2, 1];
    case 3:
      return [1, dice.int(1, 2)];
    case 2:
      return [dice.int(0, 1), 2];
    case 1:
      return [0, 2];
  }
}

function reviewBody(rating: Rating, category: CategoryVocab, type: ProductTypeVocab, vars: Vars, dice: Dice): string {
  const [proCount, conCount] = pointCounts(rating, dice);
  // Mostly type-specific points, sometimes a category-wide one, so summaries find concrete themes.
  const pros = dice.sample([...type.pros, ...dice.sample(category.pros, 2)], proCount);
  const cons = dice.sample([...type.cons, ...dice.sample(category.cons, 2)], conCount);
  const sentences: string[] = [];
  if (dice.chance(0.5)) sentences.push(render(dice.pick(REVIEW_VOCAB.contexts), vars));
  sentences.push(...pros);
  cons.forEach((con, i) => {
    const lead = i === 0 && rating >= 3 ? dice.pick(REVIEW_VOCAB.conLeads) : '';
    sentences.push(lead ? lead + lowerFirst(con) : con);
  });
  if (dice.chance(0.7)) sentences.push(render(dice.pick(REVIEW_VOCAB.verdicts[rating]), vars));
  return sentences.map((s) => render(s, vars)).join(' ');
}

function reviews(productId: string, category: CategoryVocab, type: ProductTypeVocab, vars: Vars, dice: Dice): SeedReview[] {
  const count = dice.chance(0.08) ? dice.int(0, 2) : dice.int(3, 7);
  const profile = dice.weighted(RATING_PROFILES);
  const people = REVIEW_VOCAB.firstNames.flatMap((first) => REVIEW_VOCAB.lastInitials.map((initial) => [first, initial] as const));
  const authors = dice.sample(people, count);
  return authors.map(([first, initial], i) => {
    const rating = dice.weighted(profile);
    const created = Date.UTC(2024, 0, 10) + dice.int(0, 600) * 86_400_000 + dice.int(7 * 3600, 22 * 3600) * 1000;
    return {
      id: `${productId}-R${String(i + 1).padStart(2, '0')}`,
      userId: `seed-${first.toLowerCase()}-${initial.toLowerCase()}`,
      authorName: `${first} ${initial}.`,
      rating,
      title: render(dice.pick(REVIEW_VOCAB.titles[rating]), vars),
      body: reviewBody(rating, category, type, vars, dice),
      createdAt: new Date(created).toISOString(),
    };
  }).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function description(category: CategoryVocab, type: ProductTypeVocab, vars: Vars, dice: Dice): string {
  const opener = render(dice.pick(category.openers), vars);
  const [first, second] = dice.sample(type.features, 2).map((f) => render(f, vars));
  const shape = dice.float();
  const sentences = shape < 0.35 ? [opener, first] : shape < 0.7 ? [opener, first, render(dice.pick(category.closers), vars)] : [opener, first, second];
  return sentences.join(' ');
}

function categoryProducts(category: CategoryVocab): SeedProduct[] {
  const names = new Set<string>();
  const products: SeedProduct[] = [];
  for (let i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
    const id = `${category.prefix}-${String(i + 1).padStart(4, '0')}`;
    const dice = new Dice(prng(hash(`${SEED}:${id}`)));
    const type = category.types[i % category.types.length] as ProductTypeVocab;
    let vars: Vars = {};
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || names.has(name)); attempt++) {
      vars = {
        type: type.type,
        series: dice.pick(category.series),
        adj: dice.pick(type.adjectives ?? category.adjectives),
        material: dice.pick(type.materials),
        use: dice.pick(category.uses),
        duration: dice.pick(REVIEW_VOCAB.durations),
      };
      for (const [key, words] of Object.entries(category.words ?? {})) vars[key] = dice.pick(words);
      name = capitalize(render(dice.pick(category.nameTemplates), {
        ...vars,
        type: type.label ?? titleCase(type.type),
        adj: titleCase(vars.adj ?? ''),
        material: titleCase(vars.material ?? ''),
      }));
    }
    if (names.has(name)) throw new Error(`could not find a unique name for ${id}`);
    names.add(name);
    vars.name = name;
    vars.is = /^(pair|pack) of /.test(type.type) ? 'are' : 'is';
    const text = description(category, type, vars, dice);
    const price = moneyFromCents(priceCents(type, dice));
    // About one product in ten has no image, as admins may leave it out.
    const imageSvg = dice.chance(0.1) ? undefined : productImage(name, category, dice);
    const stockHint = dice.chance(0.08) ? 0 : dice.int(3, 240);
    const weightGrams = Math.round(dice.int(type.grams[0], type.grams[1]) / 10) * 10;
    products.push({
      id,
      name,
      description: text,
      category: category.id,
      tags: productTags(category, type, vars.material ?? ''),
      price,
      ...(imageSvg ? { imageSvg } : {}),
      weightGrams,
      stockHint,
      reviews: reviews(id, category, type, vars, dice),
    });
  }
  return products;
}

/** The whole seed; pure and deterministic. */
export function generateSeed(): CatalogSeed {
  const categories: Category[] = CATEGORIES.map((c) => ({ id: c.id, name: c.name, description: c.description }));
  const products = CATEGORIES.flatMap(categoryProducts).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { categories, products };
}

/** The seed files' exact contents, keyed by file name. */
export function renderSeedFiles(seed: CatalogSeed = generateSeed()): Record<string, string> {
  return {
    [SEED_FILE_NAMES.categories]: JSON.stringify(seed.categories, null, 2) + '\n',
    [SEED_FILE_NAMES.products]: JSON.stringify(seed.products, null, 2) + '\n',
  };
}

function main(): void {
  // Compiled to dist/scripts/scripts/; the package folder is three levels up.
  const outDir = process.argv[2] ?? path.resolve(__dirname, '..', '..', '..', 'seed');
  mkdirSync(outDir, { recursive: true });
  const seed = generateSeed();
  for (const [file, text] of Object.entries(renderSeedFiles(seed))) writeFileSync(path.join(outDir, file), text);
  const reviewCount = seed.products.reduce((n, p) => n + p.reviews.length, 0);
  process.stdout.write(`wrote ${seed.products.length} products, ${seed.categories.length} categories, ${reviewCount} reviews to ${path.relative(process.cwd(), outDir) || '.'}\n`);
}

if (require.main === module) main();
