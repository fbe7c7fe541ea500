// Original file: protos/mercato/risk/v1/risk.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AssessRequest as _mercato_risk_v1_AssessRequest, AssessRequest__Output as _mercato_risk_v1_AssessRequest__Output } from '../../../mercato/risk/v1/AssessRequest';
import type { AssessResponse as _mercato_risk_v1_AssessResponse, AssessResponse__Output as _mercato_risk_v1_AssessResponse__Output } from '../../../mercato/risk/v1/AssessResponse';

/**
 * Real-time fraud and risk decisions for orders: features from order and payment history (kept
 * from events), a trained model and explicit rules. A step of the checkout saga.
 */
export interface RiskServiceClient extends grpc.Client {
  /**
   * Decides for one order. Stateless for the caller: the same order assessed twice gets the same
   * decision while the features have not moved, so a retry is safe.
   */
  Assess(argument: _mercato_risk_v1_AssessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  Assess(argument: _mercato_risk_v1_AssessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  Assess(argument: _mercato_risk_v1_AssessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  Assess(argument: _mercato_risk_v1_AssessRequest, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Decides for one order. Stateless for the caller: the same order assessed twice gets the same
   * decision while the features have not moved, so a retry is safe.
   */
  assess(argument: _mercato_risk_v1_AssessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  assess(argument: _mercato_risk_v1_AssessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  assess(argument: _mercato_risk_v1_AssessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  assess(argument: _mercato_risk_v1_AssessRequest, callback: grpc.requestCallback<_mercato_risk_v1_AssessResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Real-time fraud and risk decisions for orders: features from order and payment history (kept
 * from events), a trained model and explicit rules. A step of the checkout saga.
 */
export interface RiskServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Decides for one order. Stateless for the caller: the same order assessed twice gets the same
   * decision while the features have not moved, so a retry is safe.
   */
  Assess: grpc.handleUnaryCall<_mercato_risk_v1_AssessRequest__Output, _mercato_risk_v1_AssessResponse>;
  
}

export interface RiskServiceDefinition extends grpc.ServiceDefinition {
  Assess: MethodDefinition<_mercato_risk_v1_AssessRequest, _mercato_risk_v1_AssessResponse, _mercato_risk_v1_AssessRequest__Output, _mercato_risk_v1_AssessResponse__Output>
}
