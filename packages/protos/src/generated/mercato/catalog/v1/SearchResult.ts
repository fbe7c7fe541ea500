// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Product as _mercato_catalog_v1_Product, Product__Output as _mercato_catalog_v1_Product__Output } from '../../../mercato/catalog/v1/Product';

export interface SearchResult {
  'product'?: (_mercato_catalog_v1_Product | null);
  /**
   * Relevance rank from the full-text engine; higher is better, comparable within one response.
   */
  'relevance'?: (number | string);
}

export interface SearchResult__Output {
  'product': (_mercato_catalog_v1_Product__Output | null);
  /**
   * Relevance rank from the full-text engine; higher is better, comparable within one response.
   */
  'relevance': (number);
}
