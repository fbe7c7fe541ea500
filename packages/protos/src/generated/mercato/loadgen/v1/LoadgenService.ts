// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetStatsRequest as _mercato_loadgen_v1_GetStatsRequest, GetStatsRequest__Output as _mercato_loadgen_v1_GetStatsRequest__Output } from '../../../mercato/loadgen/v1/GetStatsRequest';
import type { GetStatsResponse as _mercato_loadgen_v1_GetStatsResponse, GetStatsResponse__Output as _mercato_loadgen_v1_GetStatsResponse__Output } from '../../../mercato/loadgen/v1/GetStatsResponse';
import type { ListScenariosRequest as _mercato_loadgen_v1_ListScenariosRequest, ListScenariosRequest__Output as _mercato_loadgen_v1_ListScenariosRequest__Output } from '../../../mercato/loadgen/v1/ListScenariosRequest';
import type { ListScenariosResponse as _mercato_loadgen_v1_ListScenariosResponse, ListScenariosResponse__Output as _mercato_loadgen_v1_ListScenariosResponse__Output } from '../../../mercato/loadgen/v1/ListScenariosResponse';
import type { StartRunRequest as _mercato_loadgen_v1_StartRunRequest, StartRunRequest__Output as _mercato_loadgen_v1_StartRunRequest__Output } from '../../../mercato/loadgen/v1/StartRunRequest';
import type { StartRunResponse as _mercato_loadgen_v1_StartRunResponse, StartRunResponse__Output as _mercato_loadgen_v1_StartRunResponse__Output } from '../../../mercato/loadgen/v1/StartRunResponse';
import type { StopRunRequest as _mercato_loadgen_v1_StopRunRequest, StopRunRequest__Output as _mercato_loadgen_v1_StopRunRequest__Output } from '../../../mercato/loadgen/v1/StopRunRequest';
import type { StopRunResponse as _mercato_loadgen_v1_StopRunResponse, StopRunResponse__Output as _mercato_loadgen_v1_StopRunResponse__Output } from '../../../mercato/loadgen/v1/StopRunResponse';

/**
 * Control API of the synthetic shoppers: weighted scenarios at a target rate against the gateway.
 * One run at a time.
 */
export interface LoadgenServiceClient extends grpc.Client {
  GetStats(argument: _mercato_loadgen_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _mercato_loadgen_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _mercato_loadgen_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _mercato_loadgen_v1_GetStatsRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _mercato_loadgen_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _mercato_loadgen_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _mercato_loadgen_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _mercato_loadgen_v1_GetStatsRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  
  ListScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  ListScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  ListScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  ListScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  listScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  listScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  listScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  listScenarios(argument: _mercato_loadgen_v1_ListScenariosRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_ListScenariosResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts a run; FAILED_PRECONDITION while another is running.
   */
  StartRun(argument: _mercato_loadgen_v1_StartRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  StartRun(argument: _mercato_loadgen_v1_StartRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  StartRun(argument: _mercato_loadgen_v1_StartRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  StartRun(argument: _mercato_loadgen_v1_StartRunRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts a run; FAILED_PRECONDITION while another is running.
   */
  startRun(argument: _mercato_loadgen_v1_StartRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  startRun(argument: _mercato_loadgen_v1_StartRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  startRun(argument: _mercato_loadgen_v1_StartRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  startRun(argument: _mercato_loadgen_v1_StartRunRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_StartRunResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stops the run (ramping down); stopping a finished run answers it unchanged.
   */
  StopRun(argument: _mercato_loadgen_v1_StopRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  StopRun(argument: _mercato_loadgen_v1_StopRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  StopRun(argument: _mercato_loadgen_v1_StopRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  StopRun(argument: _mercato_loadgen_v1_StopRunRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stops the run (ramping down); stopping a finished run answers it unchanged.
   */
  stopRun(argument: _mercato_loadgen_v1_StopRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  stopRun(argument: _mercato_loadgen_v1_StopRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  stopRun(argument: _mercato_loadgen_v1_StopRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  stopRun(argument: _mercato_loadgen_v1_StopRunRequest, callback: grpc.requestCallback<_mercato_loadgen_v1_StopRunResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Control API of the synthetic shoppers: weighted scenarios at a target rate against the gateway.
 * One run at a time.
 */
export interface LoadgenServiceHandlers extends grpc.UntypedServiceImplementation {
  GetStats: grpc.handleUnaryCall<_mercato_loadgen_v1_GetStatsRequest__Output, _mercato_loadgen_v1_GetStatsResponse>;
  
  ListScenarios: grpc.handleUnaryCall<_mercato_loadgen_v1_ListScenariosRequest__Output, _mercato_loadgen_v1_ListScenariosResponse>;
  
  /**
   * Starts a run; FAILED_PRECONDITION while another is running.
   */
  StartRun: grpc.handleUnaryCall<_mercato_loadgen_v1_StartRunRequest__Output, _mercato_loadgen_v1_StartRunResponse>;
  
  /**
   * Stops the run (ramping down); stopping a finished run answers it unchanged.
   */
  StopRun: grpc.handleUnaryCall<_mercato_loadgen_v1_StopRunRequest__Output, _mercato_loadgen_v1_StopRunResponse>;
  
}

export interface LoadgenServiceDefinition extends grpc.ServiceDefinition {
  GetStats: MethodDefinition<_mercato_loadgen_v1_GetStatsRequest, _mercato_loadgen_v1_GetStatsResponse, _mercato_loadgen_v1_GetStatsRequest__Output, _mercato_loadgen_v1_GetStatsResponse__Output>
  ListScenarios: MethodDefinition<_mercato_loadgen_v1_ListScenariosRequest, _mercato_loadgen_v1_ListScenariosResponse, _mercato_loadgen_v1_ListScenariosRequest__Output, _mercato_loadgen_v1_ListScenariosResponse__Output>
  StartRun: MethodDefinition<_mercato_loadgen_v1_StartRunRequest, _mercato_loadgen_v1_StartRunResponse, _mercato_loadgen_v1_StartRunRequest__Output, _mercato_loadgen_v1_StartRunResponse__Output>
  StopRun: MethodDefinition<_mercato_loadgen_v1_StopRunRequest, _mercato_loadgen_v1_StopRunResponse, _mercato_loadgen_v1_StopRunRequest__Output, _mercato_loadgen_v1_StopRunResponse__Output>
}
