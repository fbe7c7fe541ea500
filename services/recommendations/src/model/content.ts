// Content similarity from the catalog: each product a TF-IDF vector over its category, tags and
// the words of its name and description; similarity is the cosine. It needs no behaviour at all,
// so it is what recommends a product nobody has bought yet (cold start).

export interface ProductText {
  id: string;
  name: string;
  description: string;
  categoryId: string;
  tags: readonly string[];
  averageRating?: number;
  reviewCount?: number;
}

type Vector = ReadonlyArray<readonly [string, number]>;

/** How much each field says about what a product is. */
const FIELD_WEIGHT = { category: 2, tag: 1.5, name: 2, description: 1 } as const;
/** Terms kept in a profile's centroid: enough for taste, few enough to stay fast. */
const CENTROID_TERMS = 64;

const STOPWORDS = new Set(
  'a about after all also an and any are as at be because been but by can could does each even every for from get gets had has have her his how if in into is it its just keep keeps lets like made make makes more most much new no not of on one only or other our out over own per same she so some such than that the their them then there these they this those through to too two under up us use used very was way we well were what when where which while who will with without would you your'.split(' '),
);

/** Lower-case words of three letters or more, without stop words, with a plural "s" folded. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

/** The weighted term counts of a product (before IDF). */
function termCounts(p: ProductText): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (term: string, w: number): void => void tf.set(term, (tf.get(term) ?? 0) + w);
  if (p.categoryId) add(`c:${p.categoryId}`, FIELD_WEIGHT.category);
  for (const tag of p.tags) add(`t:${tag.toLowerCase()}`, FIELD_WEIGHT.tag);
  for (const w of words(p.name)) add(w, FIELD_WEIGHT.name);
  for (const w of words(p.description)) add(w, FIELD_WEIGHT.description);
  return tf;
}

function normalize(v: Map<string, number>): Vector {
  const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  return norm > 0 ? [...v].map(([t, x]) => [t, x / norm] as const) : [];
}

export class ContentIndex {
  private readonly vectors = new Map<string, Vector>();
  private readonly postings = new Map<string, Array<[string, number]>>();
  private readonly idf = new Map<string, number>();
  private readonly priors = new Map<string, number>();
  private readonly similarCache = new Map<string, Map<string, number>>();
  private byPriorCache: string[] | undefined;
  private defaultIdf = 1;

  /** An index over these products (the whole catalog: IDF needs every document). */
  static build(products: readonly ProductText[]): ContentIndex {
    const index = new ContentIndex();
    const counts = products.map((p) => [p, termCounts(p)] as const);
    const df = new Map<string, number>();
    for (const [, tf] of counts) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = products.length;
    for (const [t, d] of df) index.idf.set(t, Math.log((n + 1) / (d + 1)) + 1);
    index.defaultIdf = Math.log(n + 1) + 1;
    for (const [p, tf] of counts) index.put(p, tf);
    return index;
  }

  get size(): number {
    return this.vectors.size;
  }

  has(id: string): boolean {
    return this.vectors.has(id);
  }

  ids(): IterableIterator<string> {
    return this.vectors.keys();
  }

  /** Adds one product between rebuilds, weighted with the IDF of the last build. */
  add(p: ProductText): void {
    if (this.vectors.has(p.id)) return;
    this.put(p, termCounts(p));
    this.similarCache.clear();
    this.byPriorCache = undefined;
  }

  /** Cosine similarity of every other product to this one (empty for an unknown id). */
  similar(id: string): Map<string, number> {
    let out = this.similarCache.get(id);
    if (!out) {
      out = this.score(this.vectors.get(id) ?? []);
      out.delete(id);
      this.similarCache.set(id, out);
    }
    return out;
  }

  /** Cosine of each product to the weighted centroid of a user's products: taste by content. */
  profileSimilarity(weights: Iterable<readonly [string, number]>): Map<string, number> {
    const centroid = new Map<string, number>();
    for (const [id, w] of weights) for (const [t, x] of this.vectors.get(id) ?? []) centroid.set(t, (centroid.get(t) ?? 0) + w * x);
    const top = [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_TERMS);
    return this.score(normalize(new Map(top)));
  }

  /** The catalog's own popularity signal (reviews × rating), for products nobody bought yet. */
  prior(id: string): number {
    return this.priors.get(id) ?? 0;
  }

  /** Products with a catalog prior, best first (ties by id). */
  byPrior(): readonly string[] {
    this.byPriorCache ??= [...this.priors].filter(([, x]) => x > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    return this.byPriorCache;
  }

  private put(p: ProductText, tf: Map<string, number>): void {
    const weighted = new Map<string, number>();
    for (const [t, c] of tf) weighted.set(t, (1 + Math.log(c)) * (this.idf.get(t) ?? this.defaultIdf));
    const v = normalize(weighted);
    this.vectors.set(p.id, v);
    for (const [t, x] of v) {
      let list = this.postings.get(t);
      if (!list) {
        list = [];
        this.postings.set(t, list);
      }
      list.push([p.id, x]);
    }
    this.priors.set(p.id, Math.log1p(Math.max(0, p.reviewCount ?? 0)) * (Math.max(0, Math.min(5, p.averageRating ?? 0)) / 5));
  }

  /** Dot product of a unit query with every product, through the postings. */
  private score(query: Vector): Map<string, number> {
    const out = new Map<string, number>();
    for (const [t, q] of query) for (const [id, x] of this.postings.get(t) ?? []) out.set(id, (out.get(id) ?? 0) + q * x);
    return out;
  }
}
