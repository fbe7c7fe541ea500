// The catalog side of content similarity: the whole catalog read into a TF-IDF index in the
// background (refreshed every few minutes), and a product the index does not know yet looked up
// on demand. Every call goes through the kit's client (deadline, breaker, bulkhead): when the
// catalog is down, content similarity keeps the index it had (or has none) and the behaviour
// model and popularity still answer.
import type { CallContext, KitClient, Logger } from '@mercato/kit';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { BatchGetProductsResponse__Output } from '@mercato/protos/gen/mercato/catalog/v1/BatchGetProductsResponse';
import type { Product__Output } from '@mercato/protos/gen/mercato/catalog/v1/Product';
import { ContentIndex, type ProductText } from './model/content';
import type { RecommendationMetrics } from './metrics';

export interface CatalogContentOptions {
  /** Rebuild the index this often once it has loaded. */
  refreshMs: number;
  /** Try again this soon after a failed load. */
  retryMs: number;
  /** Remember "the catalog has no such product" this long (an unknown id asked again and again). */
  missingTtlMs: number;
}

export const CATALOG_CONTENT_DEFAULTS: CatalogContentOptions = { refreshMs: 5 * 60_000, retryMs: 10_000, missingTtlMs: 60_000 };

const PAGE_SIZE = 100;
/** 100,000 products: far beyond the catalog, a guard against a paging loop. */
const MAX_PAGES = 1_000;
/** The fallback's answer: the catalog is sick or its breaker open. */
const CATALOG_DOWN: BatchGetProductsResponse__Output = Object.freeze({ products: [], missingProductIds: [] });

export function productText(p: Product__Output): ProductText {
  return { id: p.id, name: p.name, description: p.description, categoryId: p.categoryId, tags: p.tags, averageRating: p.averageRating, reviewCount: p.reviewCount };
}

export class CatalogContent {
  private index = ContentIndex.build([]);
  private loaded = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private refreshing: Promise<boolean> | undefined;
  private readonly missing = new Map<string, number>();

  constructor(
    private readonly client: KitClient<CatalogServiceDefinition>,
    private readonly log: Logger,
    private readonly metrics?: RecommendationMetrics,
    private readonly options: CatalogContentOptions = CATALOG_CONTENT_DEFAULTS,
  ) {
    metrics?.contentDegraded.set(1);
  }

  /** The index as it is now (empty until the first load). */
  get current(): ContentIndex {
    return this.index;
  }

  get ready(): boolean {
    return this.loaded;
  }

  /** Loads now, then keeps refreshing in the background until stop(). */
  start(): void {
    void this.refresh().then((ok) => this.schedule(ok ? this.options.refreshMs : this.options.retryMs));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Reads the whole catalog into a new index; on failure keeps the old one. True when it loaded. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /**
   * Whether the catalog has this product: true (now in the index), false (the catalog says it has
   * none), undefined (the catalog cannot be asked: the answer degrades, the request does not fail).
   */
  async lookup(productId: string, ctx?: CallContext): Promise<boolean | undefined> {
    if (this.index.has(productId)) return true;
    const until = this.missing.get(productId);
    if (until !== undefined && until > Date.now()) return false;
    try {
      const res = await this.client.call('BatchGetProducts', { productIds: [productId] }, { ...(ctx ? { parent: ctx } : {}), fallback: () => CATALOG_DOWN });
      if (res === CATALOG_DOWN) return undefined;
      const product = res.products.find((p) => p.id === productId);
      if (!product) {
        this.missing.set(productId, Date.now() + this.options.missingTtlMs);
        if (this.missing.size > 10_000) this.missing.delete(this.missing.keys().next().value as string);
        return false;
      }
      this.index.add(productText(product));
      this.metrics?.catalogProducts.set(this.index.size);
      return true;
    } catch (err) {
      this.log.debug({ err: (err as Error).message, product_id: productId }, 'catalog lookup failed; answering without content similarity');
      return undefined;
    }
  }

  private async load(): Promise<boolean> {
    try {
      const products: ProductText[] = [];
      let pageToken = '';
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await this.client.call('ListProducts', { page: { pageSize: PAGE_SIZE, pageToken } });
        products.push(...res.products.map(productText));
        pageToken = res.page?.nextPageToken ?? '';
        if (!pageToken) break;
      }
      this.index = ContentIndex.build(products);
      this.missing.clear();
      if (!this.loaded) this.log.info({ products: products.length }, 'catalog read: content similarity ready');
      this.loaded = true;
      this.metrics?.catalogProducts.set(this.index.size);
      this.metrics?.contentDegraded.set(0);
      return true;
    } catch (err) {
      this.metrics?.contentDegraded.set(1);
      this.log.warn({ err: (err as Error).message, products: this.index.size }, 'catalog unavailable: content similarity degraded');
      return false;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.refresh().then((ok) => this.schedule(ok ? this.options.refreshMs : this.options.retryMs));
    }, ms);
    this.timer.unref();
  }
}
