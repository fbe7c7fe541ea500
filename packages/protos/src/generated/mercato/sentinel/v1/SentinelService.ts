// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetSignalRequest as _mercato_sentinel_v1_GetSignalRequest, GetSignalRequest__Output as _mercato_sentinel_v1_GetSignalRequest__Output } from '../../../mercato/sentinel/v1/GetSignalRequest';
import type { GetSignalResponse as _mercato_sentinel_v1_GetSignalResponse, GetSignalResponse__Output as _mercato_sentinel_v1_GetSignalResponse__Output } from '../../../mercato/sentinel/v1/GetSignalResponse';
import type { ListPredictionsRequest as _mercato_sentinel_v1_ListPredictionsRequest, ListPredictionsRequest__Output as _mercato_sentinel_v1_ListPredictionsRequest__Output } from '../../../mercato/sentinel/v1/ListPredictionsRequest';
import type { ListPredictionsResponse as _mercato_sentinel_v1_ListPredictionsResponse, ListPredictionsResponse__Output as _mercato_sentinel_v1_ListPredictionsResponse__Output } from '../../../mercato/sentinel/v1/ListPredictionsResponse';
import type { ListSignalsRequest as _mercato_sentinel_v1_ListSignalsRequest, ListSignalsRequest__Output as _mercato_sentinel_v1_ListSignalsRequest__Output } from '../../../mercato/sentinel/v1/ListSignalsRequest';
import type { ListSignalsResponse as _mercato_sentinel_v1_ListSignalsResponse, ListSignalsResponse__Output as _mercato_sentinel_v1_ListSignalsResponse__Output } from '../../../mercato/sentinel/v1/ListSignalsResponse';
import type { ListTargetsRequest as _mercato_sentinel_v1_ListTargetsRequest, ListTargetsRequest__Output as _mercato_sentinel_v1_ListTargetsRequest__Output } from '../../../mercato/sentinel/v1/ListTargetsRequest';
import type { ListTargetsResponse as _mercato_sentinel_v1_ListTargetsResponse, ListTargetsResponse__Output as _mercato_sentinel_v1_ListTargetsResponse__Output } from '../../../mercato/sentinel/v1/ListTargetsResponse';

/**
 * Predictive maintenance of the suite: reads every service's metrics, models each signal's normal
 * behaviour and forecasts SLO breaches, saturation and leaks before they happen.
 */
export interface SentinelServiceClient extends grpc.Client {
  /**
   * One signal's recent series, its learned baseline and its forecast.
   */
  GetSignal(argument: _mercato_sentinel_v1_GetSignalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  GetSignal(argument: _mercato_sentinel_v1_GetSignalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  GetSignal(argument: _mercato_sentinel_v1_GetSignalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  GetSignal(argument: _mercato_sentinel_v1_GetSignalRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One signal's recent series, its learned baseline and its forecast.
   */
  getSignal(argument: _mercato_sentinel_v1_GetSignalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  getSignal(argument: _mercato_sentinel_v1_GetSignalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  getSignal(argument: _mercato_sentinel_v1_GetSignalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  getSignal(argument: _mercato_sentinel_v1_GetSignalRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_GetSignalResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Open predictions (and, on request, recently resolved ones), soonest breach first.
   */
  ListPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  ListPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  ListPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  ListPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Open predictions (and, on request, recently resolved ones), soonest breach first.
   */
  listPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  listPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  listPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  listPredictions(argument: _mercato_sentinel_v1_ListPredictionsRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_ListPredictionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  ListSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  ListSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  ListSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  listSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  listSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  listSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  listSignals(argument: _mercato_sentinel_v1_ListSignalsRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_ListSignalsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The scrape targets and whether each is up.
   */
  ListTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  ListTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  ListTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  ListTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The scrape targets and whether each is up.
   */
  listTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  listTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  listTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  listTargets(argument: _mercato_sentinel_v1_ListTargetsRequest, callback: grpc.requestCallback<_mercato_sentinel_v1_ListTargetsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Predictive maintenance of the suite: reads every service's metrics, models each signal's normal
 * behaviour and forecasts SLO breaches, saturation and leaks before they happen.
 */
export interface SentinelServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * One signal's recent series, its learned baseline and its forecast.
   */
  GetSignal: grpc.handleUnaryCall<_mercato_sentinel_v1_GetSignalRequest__Output, _mercato_sentinel_v1_GetSignalResponse>;
  
  /**
   * Open predictions (and, on request, recently resolved ones), soonest breach first.
   */
  ListPredictions: grpc.handleUnaryCall<_mercato_sentinel_v1_ListPredictionsRequest__Output, _mercato_sentinel_v1_ListPredictionsResponse>;
  
  ListSignals: grpc.handleUnaryCall<_mercato_sentinel_v1_ListSignalsRequest__Output, _mercato_sentinel_v1_ListSignalsResponse>;
  
  /**
   * The scrape targets and whether each is up.
   */
  ListTargets: grpc.handleUnaryCall<_mercato_sentinel_v1_ListTargetsRequest__Output, _mercato_sentinel_v1_ListTargetsResponse>;
  
}

export interface SentinelServiceDefinition extends grpc.ServiceDefinition {
  GetSignal: MethodDefinition<_mercato_sentinel_v1_GetSignalRequest, _mercato_sentinel_v1_GetSignalResponse, _mercato_sentinel_v1_GetSignalRequest__Output, _mercato_sentinel_v1_GetSignalResponse__Output>
  ListPredictions: MethodDefinition<_mercato_sentinel_v1_ListPredictionsRequest, _mercato_sentinel_v1_ListPredictionsResponse, _mercato_sentinel_v1_ListPredictionsRequest__Output, _mercato_sentinel_v1_ListPredictionsResponse__Output>
  ListSignals: MethodDefinition<_mercato_sentinel_v1_ListSignalsRequest, _mercato_sentinel_v1_ListSignalsResponse, _mercato_sentinel_v1_ListSignalsRequest__Output, _mercato_sentinel_v1_ListSignalsResponse__Output>
  ListTargets: MethodDefinition<_mercato_sentinel_v1_ListTargetsRequest, _mercato_sentinel_v1_ListTargetsResponse, _mercato_sentinel_v1_ListTargetsRequest__Output, _mercato_sentinel_v1_ListTargetsResponse__Output>
}
