// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Category as _mercato_catalog_v1_Category, Category__Output as _mercato_catalog_v1_Category__Output } from '../../../mercato/catalog/v1/Category';

export interface ListCategoriesResponse {
  'categories'?: (_mercato_catalog_v1_Category)[];
}

export interface ListCategoriesResponse__Output {
  'categories': (_mercato_catalog_v1_Category__Output)[];
}
