// Original file: protos/mercato/inventory/v1/inventory.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CommitStockRequest as _mercato_inventory_v1_CommitStockRequest, CommitStockRequest__Output as _mercato_inventory_v1_CommitStockRequest__Output } from '../../../mercato/inventory/v1/CommitStockRequest';
import type { CommitStockResponse as _mercato_inventory_v1_CommitStockResponse, CommitStockResponse__Output as _mercato_inventory_v1_CommitStockResponse__Output } from '../../../mercato/inventory/v1/CommitStockResponse';
import type { GetStockRequest as _mercato_inventory_v1_GetStockRequest, GetStockRequest__Output as _mercato_inventory_v1_GetStockRequest__Output } from '../../../mercato/inventory/v1/GetStockRequest';
import type { GetStockResponse as _mercato_inventory_v1_GetStockResponse, GetStockResponse__Output as _mercato_inventory_v1_GetStockResponse__Output } from '../../../mercato/inventory/v1/GetStockResponse';
import type { ReleaseStockRequest as _mercato_inventory_v1_ReleaseStockRequest, ReleaseStockRequest__Output as _mercato_inventory_v1_ReleaseStockRequest__Output } from '../../../mercato/inventory/v1/ReleaseStockRequest';
import type { ReleaseStockResponse as _mercato_inventory_v1_ReleaseStockResponse, ReleaseStockResponse__Output as _mercato_inventory_v1_ReleaseStockResponse__Output } from '../../../mercato/inventory/v1/ReleaseStockResponse';
import type { ReplenishRequest as _mercato_inventory_v1_ReplenishRequest, ReplenishRequest__Output as _mercato_inventory_v1_ReplenishRequest__Output } from '../../../mercato/inventory/v1/ReplenishRequest';
import type { ReplenishResponse as _mercato_inventory_v1_ReplenishResponse, ReplenishResponse__Output as _mercato_inventory_v1_ReplenishResponse__Output } from '../../../mercato/inventory/v1/ReplenishResponse';
import type { ReserveStockRequest as _mercato_inventory_v1_ReserveStockRequest, ReserveStockRequest__Output as _mercato_inventory_v1_ReserveStockRequest__Output } from '../../../mercato/inventory/v1/ReserveStockRequest';
import type { ReserveStockResponse as _mercato_inventory_v1_ReserveStockResponse, ReserveStockResponse__Output as _mercato_inventory_v1_ReserveStockResponse__Output } from '../../../mercato/inventory/v1/ReserveStockResponse';

/**
 * Stock levels and reservations, event-sourced in "stock-<product_id>" streams (the catalog
 * product id is the SKU). Reservations are keyed by order id, so every command repeats safely;
 * stock never goes negative.
 */
export interface InventoryServiceClient extends grpc.Client {
  /**
   * Turns an order's reservation into a shipped quantity (on shipment).
   */
  CommitStock(argument: _mercato_inventory_v1_CommitStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  CommitStock(argument: _mercato_inventory_v1_CommitStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  CommitStock(argument: _mercato_inventory_v1_CommitStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  CommitStock(argument: _mercato_inventory_v1_CommitStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Turns an order's reservation into a shipped quantity (on shipment).
   */
  commitStock(argument: _mercato_inventory_v1_CommitStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  commitStock(argument: _mercato_inventory_v1_CommitStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  commitStock(argument: _mercato_inventory_v1_CommitStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  commitStock(argument: _mercato_inventory_v1_CommitStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_CommitStockResponse__Output>): grpc.ClientUnaryCall;
  
  GetStock(argument: _mercato_inventory_v1_GetStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _mercato_inventory_v1_GetStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _mercato_inventory_v1_GetStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _mercato_inventory_v1_GetStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  getStock(argument: _mercato_inventory_v1_GetStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  getStock(argument: _mercato_inventory_v1_GetStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  getStock(argument: _mercato_inventory_v1_GetStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  getStock(argument: _mercato_inventory_v1_GetStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_GetStockResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Gives an order's reservation back (saga compensation); releasing nothing is not an error.
   */
  ReleaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  ReleaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  ReleaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  ReleaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Gives an order's reservation back (saga compensation); releasing nothing is not an error.
   */
  releaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  releaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  releaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  releaseStock(argument: _mercato_inventory_v1_ReleaseStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_ReleaseStockResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin: adds stock, keyed by replenishment id.
   */
  Replenish(argument: _mercato_inventory_v1_ReplenishRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  Replenish(argument: _mercato_inventory_v1_ReplenishRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  Replenish(argument: _mercato_inventory_v1_ReplenishRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  Replenish(argument: _mercato_inventory_v1_ReplenishRequest, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin: adds stock, keyed by replenishment id.
   */
  replenish(argument: _mercato_inventory_v1_ReplenishRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  replenish(argument: _mercato_inventory_v1_ReplenishRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  replenish(argument: _mercato_inventory_v1_ReplenishRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  replenish(argument: _mercato_inventory_v1_ReplenishRequest, callback: grpc.requestCallback<_mercato_inventory_v1_ReplenishResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * All-or-nothing across the lines: either every line is reserved for the order or none is and
   * the response lists the shortages. A repeat for the same order answers the first outcome.
   */
  ReserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  ReserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  ReserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  ReserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  /**
   * All-or-nothing across the lines: either every line is reserved for the order or none is and
   * the response lists the shortages. A repeat for the same order answers the first outcome.
   */
  reserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  reserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  reserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  reserveStock(argument: _mercato_inventory_v1_ReserveStockRequest, callback: grpc.requestCallback<_mercato_inventory_v1_ReserveStockResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Stock levels and reservations, event-sourced in "stock-<product_id>" streams (the catalog
 * product id is the SKU). Reservations are keyed by order id, so every command repeats safely;
 * stock never goes negative.
 */
export interface InventoryServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Turns an order's reservation into a shipped quantity (on shipment).
   */
  CommitStock: grpc.handleUnaryCall<_mercato_inventory_v1_CommitStockRequest__Output, _mercato_inventory_v1_CommitStockResponse>;
  
  GetStock: grpc.handleUnaryCall<_mercato_inventory_v1_GetStockRequest__Output, _mercato_inventory_v1_GetStockResponse>;
  
  /**
   * Gives an order's reservation back (saga compensation); releasing nothing is not an error.
   */
  ReleaseStock: grpc.handleUnaryCall<_mercato_inventory_v1_ReleaseStockRequest__Output, _mercato_inventory_v1_ReleaseStockResponse>;
  
  /**
   * Admin: adds stock, keyed by replenishment id.
   */
  Replenish: grpc.handleUnaryCall<_mercato_inventory_v1_ReplenishRequest__Output, _mercato_inventory_v1_ReplenishResponse>;
  
  /**
   * All-or-nothing across the lines: either every line is reserved for the order or none is and
   * the response lists the shortages. A repeat for the same order answers the first outcome.
   */
  ReserveStock: grpc.handleUnaryCall<_mercato_inventory_v1_ReserveStockRequest__Output, _mercato_inventory_v1_ReserveStockResponse>;
  
}

export interface InventoryServiceDefinition extends grpc.ServiceDefinition {
  CommitStock: MethodDefinition<_mercato_inventory_v1_CommitStockRequest, _mercato_inventory_v1_CommitStockResponse, _mercato_inventory_v1_CommitStockRequest__Output, _mercato_inventory_v1_CommitStockResponse__Output>
  GetStock: MethodDefinition<_mercato_inventory_v1_GetStockRequest, _mercato_inventory_v1_GetStockResponse, _mercato_inventory_v1_GetStockRequest__Output, _mercato_inventory_v1_GetStockResponse__Output>
  ReleaseStock: MethodDefinition<_mercato_inventory_v1_ReleaseStockRequest, _mercato_inventory_v1_ReleaseStockResponse, _mercato_inventory_v1_ReleaseStockRequest__Output, _mercato_inventory_v1_ReleaseStockResponse__Output>
  Replenish: MethodDefinition<_mercato_inventory_v1_ReplenishRequest, _mercato_inventory_v1_ReplenishResponse, _mercato_inventory_v1_ReplenishRequest__Output, _mercato_inventory_v1_ReplenishResponse__Output>
  ReserveStock: MethodDefinition<_mercato_inventory_v1_ReserveStockRequest, _mercato_inventory_v1_ReserveStockResponse, _mercato_inventory_v1_ReserveStockRequest__Output, _mercato_inventory_v1_ReserveStockResponse__Output>
}
