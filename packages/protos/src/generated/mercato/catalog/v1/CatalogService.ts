// Original file: protos/mercato/catalog/v1/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddReviewRequest as _mercato_catalog_v1_AddReviewRequest, AddReviewRequest__Output as _mercato_catalog_v1_AddReviewRequest__Output } from '../../../mercato/catalog/v1/AddReviewRequest';
import type { AddReviewResponse as _mercato_catalog_v1_AddReviewResponse, AddReviewResponse__Output as _mercato_catalog_v1_AddReviewResponse__Output } from '../../../mercato/catalog/v1/AddReviewResponse';
import type { BatchGetProductsRequest as _mercato_catalog_v1_BatchGetProductsRequest, BatchGetProductsRequest__Output as _mercato_catalog_v1_BatchGetProductsRequest__Output } from '../../../mercato/catalog/v1/BatchGetProductsRequest';
import type { BatchGetProductsResponse as _mercato_catalog_v1_BatchGetProductsResponse, BatchGetProductsResponse__Output as _mercato_catalog_v1_BatchGetProductsResponse__Output } from '../../../mercato/catalog/v1/BatchGetProductsResponse';
import type { DeleteProductRequest as _mercato_catalog_v1_DeleteProductRequest, DeleteProductRequest__Output as _mercato_catalog_v1_DeleteProductRequest__Output } from '../../../mercato/catalog/v1/DeleteProductRequest';
import type { DeleteProductResponse as _mercato_catalog_v1_DeleteProductResponse, DeleteProductResponse__Output as _mercato_catalog_v1_DeleteProductResponse__Output } from '../../../mercato/catalog/v1/DeleteProductResponse';
import type { GetProductRequest as _mercato_catalog_v1_GetProductRequest, GetProductRequest__Output as _mercato_catalog_v1_GetProductRequest__Output } from '../../../mercato/catalog/v1/GetProductRequest';
import type { GetProductResponse as _mercato_catalog_v1_GetProductResponse, GetProductResponse__Output as _mercato_catalog_v1_GetProductResponse__Output } from '../../../mercato/catalog/v1/GetProductResponse';
import type { ListCategoriesRequest as _mercato_catalog_v1_ListCategoriesRequest, ListCategoriesRequest__Output as _mercato_catalog_v1_ListCategoriesRequest__Output } from '../../../mercato/catalog/v1/ListCategoriesRequest';
import type { ListCategoriesResponse as _mercato_catalog_v1_ListCategoriesResponse, ListCategoriesResponse__Output as _mercato_catalog_v1_ListCategoriesResponse__Output } from '../../../mercato/catalog/v1/ListCategoriesResponse';
import type { ListProductsRequest as _mercato_catalog_v1_ListProductsRequest, ListProductsRequest__Output as _mercato_catalog_v1_ListProductsRequest__Output } from '../../../mercato/catalog/v1/ListProductsRequest';
import type { ListProductsResponse as _mercato_catalog_v1_ListProductsResponse, ListProductsResponse__Output as _mercato_catalog_v1_ListProductsResponse__Output } from '../../../mercato/catalog/v1/ListProductsResponse';
import type { ListReviewsRequest as _mercato_catalog_v1_ListReviewsRequest, ListReviewsRequest__Output as _mercato_catalog_v1_ListReviewsRequest__Output } from '../../../mercato/catalog/v1/ListReviewsRequest';
import type { ListReviewsResponse as _mercato_catalog_v1_ListReviewsResponse, ListReviewsResponse__Output as _mercato_catalog_v1_ListReviewsResponse__Output } from '../../../mercato/catalog/v1/ListReviewsResponse';
import type { SearchProductsRequest as _mercato_catalog_v1_SearchProductsRequest, SearchProductsRequest__Output as _mercato_catalog_v1_SearchProductsRequest__Output } from '../../../mercato/catalog/v1/SearchProductsRequest';
import type { SearchProductsResponse as _mercato_catalog_v1_SearchProductsResponse, SearchProductsResponse__Output as _mercato_catalog_v1_SearchProductsResponse__Output } from '../../../mercato/catalog/v1/SearchProductsResponse';
import type { UpsertProductRequest as _mercato_catalog_v1_UpsertProductRequest, UpsertProductRequest__Output as _mercato_catalog_v1_UpsertProductRequest__Output } from '../../../mercato/catalog/v1/UpsertProductRequest';
import type { UpsertProductResponse as _mercato_catalog_v1_UpsertProductResponse, UpsertProductResponse__Output as _mercato_catalog_v1_UpsertProductResponse__Output } from '../../../mercato/catalog/v1/UpsertProductResponse';

/**
 * Products, categories, full-text search and reviews. Product changes need the admin role;
 * adding a review needs a signed-in user (the author comes from the verified token).
 */
export interface CatalogServiceClient extends grpc.Client {
  /**
   * Creates a review; not retried (a retry could add it twice).
   */
  AddReview(argument: _mercato_catalog_v1_AddReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  AddReview(argument: _mercato_catalog_v1_AddReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  AddReview(argument: _mercato_catalog_v1_AddReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  AddReview(argument: _mercato_catalog_v1_AddReviewRequest, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a review; not retried (a retry could add it twice).
   */
  addReview(argument: _mercato_catalog_v1_AddReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  addReview(argument: _mercato_catalog_v1_AddReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  addReview(argument: _mercato_catalog_v1_AddReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  addReview(argument: _mercato_catalog_v1_AddReviewRequest, callback: grpc.requestCallback<_mercato_catalog_v1_AddReviewResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Several products at once (cart and order pricing, recommendations); unknown ids are listed
   * in missing_product_ids rather than failing the call.
   */
  BatchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  BatchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  BatchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  BatchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Several products at once (cart and order pricing, recommendations); unknown ids are listed
   * in missing_product_ids rather than failing the call.
   */
  batchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  batchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  batchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  batchGetProducts(argument: _mercato_catalog_v1_BatchGetProductsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_BatchGetProductsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin: removes a product; removing a missing one succeeds with existed = false.
   */
  DeleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  DeleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  DeleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  DeleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin: removes a product; removing a missing one succeeds with existed = false.
   */
  deleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  deleteProduct(argument: _mercato_catalog_v1_DeleteProductRequest, callback: grpc.requestCallback<_mercato_catalog_v1_DeleteProductResponse__Output>): grpc.ClientUnaryCall;
  
  GetProduct(argument: _mercato_catalog_v1_GetProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _mercato_catalog_v1_GetProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _mercato_catalog_v1_GetProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _mercato_catalog_v1_GetProductRequest, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _mercato_catalog_v1_GetProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _mercato_catalog_v1_GetProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _mercato_catalog_v1_GetProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _mercato_catalog_v1_GetProductRequest, callback: grpc.requestCallback<_mercato_catalog_v1_GetProductResponse__Output>): grpc.ClientUnaryCall;
  
  ListCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _mercato_catalog_v1_ListCategoriesRequest, callback: grpc.requestCallback<_mercato_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  
  ListProducts(argument: _mercato_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _mercato_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _mercato_catalog_v1_ListProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  ListProducts(argument: _mercato_catalog_v1_ListProductsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _mercato_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _mercato_catalog_v1_ListProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _mercato_catalog_v1_ListProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  listProducts(argument: _mercato_catalog_v1_ListProductsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_ListProductsResponse__Output>): grpc.ClientUnaryCall;
  
  ListReviews(argument: _mercato_catalog_v1_ListReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListReviews(argument: _mercato_catalog_v1_ListReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListReviews(argument: _mercato_catalog_v1_ListReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListReviews(argument: _mercato_catalog_v1_ListReviewsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _mercato_catalog_v1_ListReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _mercato_catalog_v1_ListReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _mercato_catalog_v1_ListReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _mercato_catalog_v1_ListReviewsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Full-text search ranked by relevance.
   */
  SearchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Full-text search ranked by relevance.
   */
  searchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _mercato_catalog_v1_SearchProductsRequest, callback: grpc.requestCallback<_mercato_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin: creates or fully replaces the product with product.id.
   */
  UpsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin: creates or fully replaces the product with product.id.
   */
  upsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _mercato_catalog_v1_UpsertProductRequest, callback: grpc.requestCallback<_mercato_catalog_v1_UpsertProductResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Products, categories, full-text search and reviews. Product changes need the admin role;
 * adding a review needs a signed-in user (the author comes from the verified token).
 */
export interface CatalogServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a review; not retried (a retry could add it twice).
   */
  AddReview: grpc.handleUnaryCall<_mercato_catalog_v1_AddReviewRequest__Output, _mercato_catalog_v1_AddReviewResponse>;
  
  /**
   * Several products at once (cart and order pricing, recommendations); unknown ids are listed
   * in missing_product_ids rather than failing the call.
   */
  BatchGetProducts: grpc.handleUnaryCall<_mercato_catalog_v1_BatchGetProductsRequest__Output, _mercato_catalog_v1_BatchGetProductsResponse>;
  
  /**
   * Admin: removes a product; removing a missing one succeeds with existed = false.
   */
  DeleteProduct: grpc.handleUnaryCall<_mercato_catalog_v1_DeleteProductRequest__Output, _mercato_catalog_v1_DeleteProductResponse>;
  
  GetProduct: grpc.handleUnaryCall<_mercato_catalog_v1_GetProductRequest__Output, _mercato_catalog_v1_GetProductResponse>;
  
  ListCategories: grpc.handleUnaryCall<_mercato_catalog_v1_ListCategoriesRequest__Output, _mercato_catalog_v1_ListCategoriesResponse>;
  
  ListProducts: grpc.handleUnaryCall<_mercato_catalog_v1_ListProductsRequest__Output, _mercato_catalog_v1_ListProductsResponse>;
  
  ListReviews: grpc.handleUnaryCall<_mercato_catalog_v1_ListReviewsRequest__Output, _mercato_catalog_v1_ListReviewsResponse>;
  
  /**
   * Full-text search ranked by relevance.
   */
  SearchProducts: grpc.handleUnaryCall<_mercato_catalog_v1_SearchProductsRequest__Output, _mercato_catalog_v1_SearchProductsResponse>;
  
  /**
   * Admin: creates or fully replaces the product with product.id.
   */
  UpsertProduct: grpc.handleUnaryCall<_mercato_catalog_v1_UpsertProductRequest__Output, _mercato_catalog_v1_UpsertProductResponse>;
  
}

export interface CatalogServiceDefinition extends grpc.ServiceDefinition {
  AddReview: MethodDefinition<_mercato_catalog_v1_AddReviewRequest, _mercato_catalog_v1_AddReviewResponse, _mercato_catalog_v1_AddReviewRequest__Output, _mercato_catalog_v1_AddReviewResponse__Output>
  BatchGetProducts: MethodDefinition<_mercato_catalog_v1_BatchGetProductsRequest, _mercato_catalog_v1_BatchGetProductsResponse, _mercato_catalog_v1_BatchGetProductsRequest__Output, _mercato_catalog_v1_BatchGetProductsResponse__Output>
  DeleteProduct: MethodDefinition<_mercato_catalog_v1_DeleteProductRequest, _mercato_catalog_v1_DeleteProductResponse, _mercato_catalog_v1_DeleteProductRequest__Output, _mercato_catalog_v1_DeleteProductResponse__Output>
  GetProduct: MethodDefinition<_mercato_catalog_v1_GetProductRequest, _mercato_catalog_v1_GetProductResponse, _mercato_catalog_v1_GetProductRequest__Output, _mercato_catalog_v1_GetProductResponse__Output>
  ListCategories: MethodDefinition<_mercato_catalog_v1_ListCategoriesRequest, _mercato_catalog_v1_ListCategoriesResponse, _mercato_catalog_v1_ListCategoriesRequest__Output, _mercato_catalog_v1_ListCategoriesResponse__Output>
  ListProducts: MethodDefinition<_mercato_catalog_v1_ListProductsRequest, _mercato_catalog_v1_ListProductsResponse, _mercato_catalog_v1_ListProductsRequest__Output, _mercato_catalog_v1_ListProductsResponse__Output>
  ListReviews: MethodDefinition<_mercato_catalog_v1_ListReviewsRequest, _mercato_catalog_v1_ListReviewsResponse, _mercato_catalog_v1_ListReviewsRequest__Output, _mercato_catalog_v1_ListReviewsResponse__Output>
  SearchProducts: MethodDefinition<_mercato_catalog_v1_SearchProductsRequest, _mercato_catalog_v1_SearchProductsResponse, _mercato_catalog_v1_SearchProductsRequest__Output, _mercato_catalog_v1_SearchProductsResponse__Output>
  UpsertProduct: MethodDefinition<_mercato_catalog_v1_UpsertProductRequest, _mercato_catalog_v1_UpsertProductResponse, _mercato_catalog_v1_UpsertProductRequest__Output, _mercato_catalog_v1_UpsertProductResponse__Output>
}
