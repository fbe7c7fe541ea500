// Original file: protos/mercato/cart/v1/cart.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddItemRequest as _mercato_cart_v1_AddItemRequest, AddItemRequest__Output as _mercato_cart_v1_AddItemRequest__Output } from '../../../mercato/cart/v1/AddItemRequest';
import type { AddItemResponse as _mercato_cart_v1_AddItemResponse, AddItemResponse__Output as _mercato_cart_v1_AddItemResponse__Output } from '../../../mercato/cart/v1/AddItemResponse';
import type { ClearCartRequest as _mercato_cart_v1_ClearCartRequest, ClearCartRequest__Output as _mercato_cart_v1_ClearCartRequest__Output } from '../../../mercato/cart/v1/ClearCartRequest';
import type { ClearCartResponse as _mercato_cart_v1_ClearCartResponse, ClearCartResponse__Output as _mercato_cart_v1_ClearCartResponse__Output } from '../../../mercato/cart/v1/ClearCartResponse';
import type { GetCartRequest as _mercato_cart_v1_GetCartRequest, GetCartRequest__Output as _mercato_cart_v1_GetCartRequest__Output } from '../../../mercato/cart/v1/GetCartRequest';
import type { GetCartResponse as _mercato_cart_v1_GetCartResponse, GetCartResponse__Output as _mercato_cart_v1_GetCartResponse__Output } from '../../../mercato/cart/v1/GetCartResponse';
import type { MergeCartsRequest as _mercato_cart_v1_MergeCartsRequest, MergeCartsRequest__Output as _mercato_cart_v1_MergeCartsRequest__Output } from '../../../mercato/cart/v1/MergeCartsRequest';
import type { MergeCartsResponse as _mercato_cart_v1_MergeCartsResponse, MergeCartsResponse__Output as _mercato_cart_v1_MergeCartsResponse__Output } from '../../../mercato/cart/v1/MergeCartsResponse';
import type { RemoveItemRequest as _mercato_cart_v1_RemoveItemRequest, RemoveItemRequest__Output as _mercato_cart_v1_RemoveItemRequest__Output } from '../../../mercato/cart/v1/RemoveItemRequest';
import type { RemoveItemResponse as _mercato_cart_v1_RemoveItemResponse, RemoveItemResponse__Output as _mercato_cart_v1_RemoveItemResponse__Output } from '../../../mercato/cart/v1/RemoveItemResponse';
import type { UpdateItemQuantityRequest as _mercato_cart_v1_UpdateItemQuantityRequest, UpdateItemQuantityRequest__Output as _mercato_cart_v1_UpdateItemQuantityRequest__Output } from '../../../mercato/cart/v1/UpdateItemQuantityRequest';
import type { UpdateItemQuantityResponse as _mercato_cart_v1_UpdateItemQuantityResponse, UpdateItemQuantityResponse__Output as _mercato_cart_v1_UpdateItemQuantityResponse__Output } from '../../../mercato/cart/v1/UpdateItemQuantityResponse';

/**
 * Shopping carts, event-sourced in "cart-<cart_id>" streams. A signed-in user's cart id is their
 * user id and only they reach it; a guest cart has a random UUID as its id and no owner until it is
 * merged into a user's cart on sign-in. Prices are checked against the catalog.
 */
export interface CartServiceClient extends grpc.Client {
  /**
   * Adds quantity to a line (creating it); not retried, a retry would add twice.
   */
  AddItem(argument: _mercato_cart_v1_AddItemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  AddItem(argument: _mercato_cart_v1_AddItemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  AddItem(argument: _mercato_cart_v1_AddItemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  AddItem(argument: _mercato_cart_v1_AddItemRequest, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds quantity to a line (creating it); not retried, a retry would add twice.
   */
  addItem(argument: _mercato_cart_v1_AddItemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  addItem(argument: _mercato_cart_v1_AddItemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  addItem(argument: _mercato_cart_v1_AddItemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  addItem(argument: _mercato_cart_v1_AddItemRequest, callback: grpc.requestCallback<_mercato_cart_v1_AddItemResponse__Output>): grpc.ClientUnaryCall;
  
  ClearCart(argument: _mercato_cart_v1_ClearCartRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  ClearCart(argument: _mercato_cart_v1_ClearCartRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  ClearCart(argument: _mercato_cart_v1_ClearCartRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  ClearCart(argument: _mercato_cart_v1_ClearCartRequest, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  clearCart(argument: _mercato_cart_v1_ClearCartRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  clearCart(argument: _mercato_cart_v1_ClearCartRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  clearCart(argument: _mercato_cart_v1_ClearCartRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  clearCart(argument: _mercato_cart_v1_ClearCartRequest, callback: grpc.requestCallback<_mercato_cart_v1_ClearCartResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * An unknown cart id answers an empty cart, not NOT_FOUND.
   */
  GetCart(argument: _mercato_cart_v1_GetCartRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  GetCart(argument: _mercato_cart_v1_GetCartRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  GetCart(argument: _mercato_cart_v1_GetCartRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  GetCart(argument: _mercato_cart_v1_GetCartRequest, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  /**
   * An unknown cart id answers an empty cart, not NOT_FOUND.
   */
  getCart(argument: _mercato_cart_v1_GetCartRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  getCart(argument: _mercato_cart_v1_GetCartRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  getCart(argument: _mercato_cart_v1_GetCartRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  getCart(argument: _mercato_cart_v1_GetCartRequest, callback: grpc.requestCallback<_mercato_cart_v1_GetCartResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves a guest cart's lines into the user's cart and closes the guest cart, so a repeat finds
   * nothing left to move.
   */
  MergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  MergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  MergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  MergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Moves a guest cart's lines into the user's cart and closes the guest cart, so a repeat finds
   * nothing left to move.
   */
  mergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  mergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  mergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  mergeCarts(argument: _mercato_cart_v1_MergeCartsRequest, callback: grpc.requestCallback<_mercato_cart_v1_MergeCartsResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveItem(argument: _mercato_cart_v1_RemoveItemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  RemoveItem(argument: _mercato_cart_v1_RemoveItemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  RemoveItem(argument: _mercato_cart_v1_RemoveItemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  RemoveItem(argument: _mercato_cart_v1_RemoveItemRequest, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  removeItem(argument: _mercato_cart_v1_RemoveItemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  removeItem(argument: _mercato_cart_v1_RemoveItemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  removeItem(argument: _mercato_cart_v1_RemoveItemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  removeItem(argument: _mercato_cart_v1_RemoveItemRequest, callback: grpc.requestCallback<_mercato_cart_v1_RemoveItemResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sets a line's quantity; 0 removes the line.
   */
  UpdateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  UpdateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  UpdateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  UpdateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Sets a line's quantity; 0 removes the line.
   */
  updateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  updateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  updateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  updateItemQuantity(argument: _mercato_cart_v1_UpdateItemQuantityRequest, callback: grpc.requestCallback<_mercato_cart_v1_UpdateItemQuantityResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Shopping carts, event-sourced in "cart-<cart_id>" streams. A signed-in user's cart id is their
 * user id and only they reach it; a guest cart has a random UUID as its id and no owner until it is
 * merged into a user's cart on sign-in. Prices are checked against the catalog.
 */
export interface CartServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Adds quantity to a line (creating it); not retried, a retry would add twice.
   */
  AddItem: grpc.handleUnaryCall<_mercato_cart_v1_AddItemRequest__Output, _mercato_cart_v1_AddItemResponse>;
  
  ClearCart: grpc.handleUnaryCall<_mercato_cart_v1_ClearCartRequest__Output, _mercato_cart_v1_ClearCartResponse>;
  
  /**
   * An unknown cart id answers an empty cart, not NOT_FOUND.
   */
  GetCart: grpc.handleUnaryCall<_mercato_cart_v1_GetCartRequest__Output, _mercato_cart_v1_GetCartResponse>;
  
  /**
   * Moves a guest cart's lines into the user's cart and closes the guest cart, so a repeat finds
   * nothing left to move.
   */
  MergeCarts: grpc.handleUnaryCall<_mercato_cart_v1_MergeCartsRequest__Output, _mercato_cart_v1_MergeCartsResponse>;
  
  RemoveItem: grpc.handleUnaryCall<_mercato_cart_v1_RemoveItemRequest__Output, _mercato_cart_v1_RemoveItemResponse>;
  
  /**
   * Sets a line's quantity; 0 removes the line.
   */
  UpdateItemQuantity: grpc.handleUnaryCall<_mercato_cart_v1_UpdateItemQuantityRequest__Output, _mercato_cart_v1_UpdateItemQuantityResponse>;
  
}

export interface CartServiceDefinition extends grpc.ServiceDefinition {
  AddItem: MethodDefinition<_mercato_cart_v1_AddItemRequest, _mercato_cart_v1_AddItemResponse, _mercato_cart_v1_AddItemRequest__Output, _mercato_cart_v1_AddItemResponse__Output>
  ClearCart: MethodDefinition<_mercato_cart_v1_ClearCartRequest, _mercato_cart_v1_ClearCartResponse, _mercato_cart_v1_ClearCartRequest__Output, _mercato_cart_v1_ClearCartResponse__Output>
  GetCart: MethodDefinition<_mercato_cart_v1_GetCartRequest, _mercato_cart_v1_GetCartResponse, _mercato_cart_v1_GetCartRequest__Output, _mercato_cart_v1_GetCartResponse__Output>
  MergeCarts: MethodDefinition<_mercato_cart_v1_MergeCartsRequest, _mercato_cart_v1_MergeCartsResponse, _mercato_cart_v1_MergeCartsRequest__Output, _mercato_cart_v1_MergeCartsResponse__Output>
  RemoveItem: MethodDefinition<_mercato_cart_v1_RemoveItemRequest, _mercato_cart_v1_RemoveItemResponse, _mercato_cart_v1_RemoveItemRequest__Output, _mercato_cart_v1_RemoveItemResponse__Output>
  UpdateItemQuantity: MethodDefinition<_mercato_cart_v1_UpdateItemQuantityRequest, _mercato_cart_v1_UpdateItemQuantityResponse, _mercato_cart_v1_UpdateItemQuantityRequest__Output, _mercato_cart_v1_UpdateItemQuantityResponse__Output>
}
