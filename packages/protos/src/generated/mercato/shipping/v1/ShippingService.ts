// Original file: protos/mercato/shipping/v1/shipping.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateShipmentRequest as _mercato_shipping_v1_CreateShipmentRequest, CreateShipmentRequest__Output as _mercato_shipping_v1_CreateShipmentRequest__Output } from '../../../mercato/shipping/v1/CreateShipmentRequest';
import type { CreateShipmentResponse as _mercato_shipping_v1_CreateShipmentResponse, CreateShipmentResponse__Output as _mercato_shipping_v1_CreateShipmentResponse__Output } from '../../../mercato/shipping/v1/CreateShipmentResponse';
import type { GetQuoteRequest as _mercato_shipping_v1_GetQuoteRequest, GetQuoteRequest__Output as _mercato_shipping_v1_GetQuoteRequest__Output } from '../../../mercato/shipping/v1/GetQuoteRequest';
import type { GetQuoteResponse as _mercato_shipping_v1_GetQuoteResponse, GetQuoteResponse__Output as _mercato_shipping_v1_GetQuoteResponse__Output } from '../../../mercato/shipping/v1/GetQuoteResponse';
import type { GetShipmentRequest as _mercato_shipping_v1_GetShipmentRequest, GetShipmentRequest__Output as _mercato_shipping_v1_GetShipmentRequest__Output } from '../../../mercato/shipping/v1/GetShipmentRequest';
import type { GetShipmentResponse as _mercato_shipping_v1_GetShipmentResponse, GetShipmentResponse__Output as _mercato_shipping_v1_GetShipmentResponse__Output } from '../../../mercato/shipping/v1/GetShipmentResponse';
import type { TrackShipmentRequest as _mercato_shipping_v1_TrackShipmentRequest, TrackShipmentRequest__Output as _mercato_shipping_v1_TrackShipmentRequest__Output } from '../../../mercato/shipping/v1/TrackShipmentRequest';
import type { TrackShipmentResponse as _mercato_shipping_v1_TrackShipmentResponse, TrackShipmentResponse__Output as _mercato_shipping_v1_TrackShipmentResponse__Output } from '../../../mercato/shipping/v1/TrackShipmentResponse';

/**
 * Quotes, shipments and tracking, event-sourced in "shipment-<shipment_id>" streams. Tracking
 * states advance over time (SHIPPING_TRACKING_STEP_SECONDS).
 */
export interface ShippingServiceClient extends grpc.Client {
  /**
   * One shipment per order: a repeat for the same order answers the existing shipment.
   */
  CreateShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  CreateShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  CreateShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  CreateShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One shipment per order: a repeat for the same order answers the existing shipment.
   */
  createShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _mercato_shipping_v1_CreateShipmentRequest, callback: grpc.requestCallback<_mercato_shipping_v1_CreateShipmentResponse__Output>): grpc.ClientUnaryCall;
  
  GetQuote(argument: _mercato_shipping_v1_GetQuoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  GetQuote(argument: _mercato_shipping_v1_GetQuoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  GetQuote(argument: _mercato_shipping_v1_GetQuoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  GetQuote(argument: _mercato_shipping_v1_GetQuoteRequest, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mercato_shipping_v1_GetQuoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mercato_shipping_v1_GetQuoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mercato_shipping_v1_GetQuoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mercato_shipping_v1_GetQuoteRequest, callback: grpc.requestCallback<_mercato_shipping_v1_GetQuoteResponse__Output>): grpc.ClientUnaryCall;
  
  GetShipment(argument: _mercato_shipping_v1_GetShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _mercato_shipping_v1_GetShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _mercato_shipping_v1_GetShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _mercato_shipping_v1_GetShipmentRequest, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _mercato_shipping_v1_GetShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _mercato_shipping_v1_GetShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _mercato_shipping_v1_GetShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _mercato_shipping_v1_GetShipmentRequest, callback: grpc.requestCallback<_mercato_shipping_v1_GetShipmentResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The shipment now, then again on every tracking change, until delivered or cancelled.
   */
  TrackShipment(argument: _mercato_shipping_v1_TrackShipmentRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_shipping_v1_TrackShipmentResponse__Output>;
  TrackShipment(argument: _mercato_shipping_v1_TrackShipmentRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_shipping_v1_TrackShipmentResponse__Output>;
  /**
   * The shipment now, then again on every tracking change, until delivered or cancelled.
   */
  trackShipment(argument: _mercato_shipping_v1_TrackShipmentRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_shipping_v1_TrackShipmentResponse__Output>;
  trackShipment(argument: _mercato_shipping_v1_TrackShipmentRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_shipping_v1_TrackShipmentResponse__Output>;
  
}

/**
 * Quotes, shipments and tracking, event-sourced in "shipment-<shipment_id>" streams. Tracking
 * states advance over time (SHIPPING_TRACKING_STEP_SECONDS).
 */
export interface ShippingServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * One shipment per order: a repeat for the same order answers the existing shipment.
   */
  CreateShipment: grpc.handleUnaryCall<_mercato_shipping_v1_CreateShipmentRequest__Output, _mercato_shipping_v1_CreateShipmentResponse>;
  
  GetQuote: grpc.handleUnaryCall<_mercato_shipping_v1_GetQuoteRequest__Output, _mercato_shipping_v1_GetQuoteResponse>;
  
  GetShipment: grpc.handleUnaryCall<_mercato_shipping_v1_GetShipmentRequest__Output, _mercato_shipping_v1_GetShipmentResponse>;
  
  /**
   * The shipment now, then again on every tracking change, until delivered or cancelled.
   */
  TrackShipment: grpc.handleServerStreamingCall<_mercato_shipping_v1_TrackShipmentRequest__Output, _mercato_shipping_v1_TrackShipmentResponse>;
  
}

export interface ShippingServiceDefinition extends grpc.ServiceDefinition {
  CreateShipment: MethodDefinition<_mercato_shipping_v1_CreateShipmentRequest, _mercato_shipping_v1_CreateShipmentResponse, _mercato_shipping_v1_CreateShipmentRequest__Output, _mercato_shipping_v1_CreateShipmentResponse__Output>
  GetQuote: MethodDefinition<_mercato_shipping_v1_GetQuoteRequest, _mercato_shipping_v1_GetQuoteResponse, _mercato_shipping_v1_GetQuoteRequest__Output, _mercato_shipping_v1_GetQuoteResponse__Output>
  GetShipment: MethodDefinition<_mercato_shipping_v1_GetShipmentRequest, _mercato_shipping_v1_GetShipmentResponse, _mercato_shipping_v1_GetShipmentRequest__Output, _mercato_shipping_v1_GetShipmentResponse__Output>
  TrackShipment: MethodDefinition<_mercato_shipping_v1_TrackShipmentRequest, _mercato_shipping_v1_TrackShipmentResponse, _mercato_shipping_v1_TrackShipmentRequest__Output, _mercato_shipping_v1_TrackShipmentResponse__Output>
}
