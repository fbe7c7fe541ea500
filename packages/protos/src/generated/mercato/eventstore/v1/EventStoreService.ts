// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AppendRequest as _mercato_eventstore_v1_AppendRequest, AppendRequest__Output as _mercato_eventstore_v1_AppendRequest__Output } from '../../../mercato/eventstore/v1/AppendRequest';
import type { AppendResponse as _mercato_eventstore_v1_AppendResponse, AppendResponse__Output as _mercato_eventstore_v1_AppendResponse__Output } from '../../../mercato/eventstore/v1/AppendResponse';
import type { DeleteStreamRequest as _mercato_eventstore_v1_DeleteStreamRequest, DeleteStreamRequest__Output as _mercato_eventstore_v1_DeleteStreamRequest__Output } from '../../../mercato/eventstore/v1/DeleteStreamRequest';
import type { DeleteStreamResponse as _mercato_eventstore_v1_DeleteStreamResponse, DeleteStreamResponse__Output as _mercato_eventstore_v1_DeleteStreamResponse__Output } from '../../../mercato/eventstore/v1/DeleteStreamResponse';
import type { GetStreamMetadataRequest as _mercato_eventstore_v1_GetStreamMetadataRequest, GetStreamMetadataRequest__Output as _mercato_eventstore_v1_GetStreamMetadataRequest__Output } from '../../../mercato/eventstore/v1/GetStreamMetadataRequest';
import type { GetStreamMetadataResponse as _mercato_eventstore_v1_GetStreamMetadataResponse, GetStreamMetadataResponse__Output as _mercato_eventstore_v1_GetStreamMetadataResponse__Output } from '../../../mercato/eventstore/v1/GetStreamMetadataResponse';
import type { ReadAllRequest as _mercato_eventstore_v1_ReadAllRequest, ReadAllRequest__Output as _mercato_eventstore_v1_ReadAllRequest__Output } from '../../../mercato/eventstore/v1/ReadAllRequest';
import type { ReadAllResponse as _mercato_eventstore_v1_ReadAllResponse, ReadAllResponse__Output as _mercato_eventstore_v1_ReadAllResponse__Output } from '../../../mercato/eventstore/v1/ReadAllResponse';
import type { ReadStreamRequest as _mercato_eventstore_v1_ReadStreamRequest, ReadStreamRequest__Output as _mercato_eventstore_v1_ReadStreamRequest__Output } from '../../../mercato/eventstore/v1/ReadStreamRequest';
import type { ReadStreamResponse as _mercato_eventstore_v1_ReadStreamResponse, ReadStreamResponse__Output as _mercato_eventstore_v1_ReadStreamResponse__Output } from '../../../mercato/eventstore/v1/ReadStreamResponse';
import type { SetStreamMetadataRequest as _mercato_eventstore_v1_SetStreamMetadataRequest, SetStreamMetadataRequest__Output as _mercato_eventstore_v1_SetStreamMetadataRequest__Output } from '../../../mercato/eventstore/v1/SetStreamMetadataRequest';
import type { SetStreamMetadataResponse as _mercato_eventstore_v1_SetStreamMetadataResponse, SetStreamMetadataResponse__Output as _mercato_eventstore_v1_SetStreamMetadataResponse__Output } from '../../../mercato/eventstore/v1/SetStreamMetadataResponse';
import type { SubscribeRequest as _mercato_eventstore_v1_SubscribeRequest, SubscribeRequest__Output as _mercato_eventstore_v1_SubscribeRequest__Output } from '../../../mercato/eventstore/v1/SubscribeRequest';
import type { SubscribeResponse as _mercato_eventstore_v1_SubscribeResponse, SubscribeResponse__Output as _mercato_eventstore_v1_SubscribeResponse__Output } from '../../../mercato/eventstore/v1/SubscribeResponse';
import type { TombstoneStreamRequest as _mercato_eventstore_v1_TombstoneStreamRequest, TombstoneStreamRequest__Output as _mercato_eventstore_v1_TombstoneStreamRequest__Output } from '../../../mercato/eventstore/v1/TombstoneStreamRequest';
import type { TombstoneStreamResponse as _mercato_eventstore_v1_TombstoneStreamResponse, TombstoneStreamResponse__Output as _mercato_eventstore_v1_TombstoneStreamResponse__Output } from '../../../mercato/eventstore/v1/TombstoneStreamResponse';

/**
 * The event store, with KurrentDB (EventStoreDB) semantics on PostgreSQL or PGlite.
 * 
 * Streams are named "<category>-<id>" (e.g. "order-42"); names starting with "$" are reserved.
 * Every event has a revision in its stream (0, 1, 2, ...) and a position in the global log "$all"
 * ({commit, prepare}, ordered by commit then prepare). Errors: FAILED_PRECONDITION with a
 * WrongExpectedRevision detail when an expected revision does not hold; NOT_FOUND for reads of a
 * stream that does not exist (with a StreamDeleted detail when it was deleted or tombstoned);
 * FAILED_PRECONDITION with StreamDeleted for writes to a tombstoned stream; INVALID_ARGUMENT for
 * bad names, sizes and batch limits. Details types are in errors.proto.
 */
export interface EventStoreServiceClient extends grpc.Client {
  /**
   * Appends a batch atomically. Idempotent by event id: re-appending events that are already the
   * stream's events at the expected revision succeeds without writing them again; a batch that
   * only partly overlaps fails with FAILED_PRECONDITION.
   */
  Append(argument: _mercato_eventstore_v1_AppendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  Append(argument: _mercato_eventstore_v1_AppendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  Append(argument: _mercato_eventstore_v1_AppendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  Append(argument: _mercato_eventstore_v1_AppendRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Appends a batch atomically. Idempotent by event id: re-appending events that are already the
   * stream's events at the expected revision succeeds without writing them again; a batch that
   * only partly overlaps fails with FAILED_PRECONDITION.
   */
  append(argument: _mercato_eventstore_v1_AppendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  append(argument: _mercato_eventstore_v1_AppendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  append(argument: _mercato_eventstore_v1_AppendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  append(argument: _mercato_eventstore_v1_AppendRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_AppendResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Soft delete: the stream reads as NOT_FOUND, and a later append starts it again after the last
   * revision (the old events are not readable anymore).
   */
  DeleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Soft delete: the stream reads as NOT_FOUND, and a later append starts it again after the last
   * revision (the old events are not readable anymore).
   */
  deleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _mercato_eventstore_v1_DeleteStreamRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  
  GetStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  GetStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  GetStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  GetStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  getStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  getStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  getStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  getStreamMetadata(argument: _mercato_eventstore_v1_GetStreamMetadataRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_GetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  
  ReadAll(argument: _mercato_eventstore_v1_ReadAllRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  ReadAll(argument: _mercato_eventstore_v1_ReadAllRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  ReadAll(argument: _mercato_eventstore_v1_ReadAllRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  ReadAll(argument: _mercato_eventstore_v1_ReadAllRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  readAll(argument: _mercato_eventstore_v1_ReadAllRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  readAll(argument: _mercato_eventstore_v1_ReadAllRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  readAll(argument: _mercato_eventstore_v1_ReadAllRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  readAll(argument: _mercato_eventstore_v1_ReadAllRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadAllResponse__Output>): grpc.ClientUnaryCall;
  
  ReadStream(argument: _mercato_eventstore_v1_ReadStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  ReadStream(argument: _mercato_eventstore_v1_ReadStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  ReadStream(argument: _mercato_eventstore_v1_ReadStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  ReadStream(argument: _mercato_eventstore_v1_ReadStreamRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  readStream(argument: _mercato_eventstore_v1_ReadStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  readStream(argument: _mercato_eventstore_v1_ReadStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  readStream(argument: _mercato_eventstore_v1_ReadStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  readStream(argument: _mercato_eventstore_v1_ReadStreamRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_ReadStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Replaces the stream's metadata.
   */
  SetStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  SetStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  SetStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  SetStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Replaces the stream's metadata.
   */
  setStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  setStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  setStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  setStreamMetadata(argument: _mercato_eventstore_v1_SetStreamMetadataRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_SetStreamMetadataResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Catch-up then live: a confirmation, the events after the starting point, caught_up, then new
   * events as they commit; checkpoints while filtered-out events pass or while idle. Delivers each
   * matching event exactly once per subscription, in $all order, never skipping a slow commit.
   */
  Subscribe(argument: _mercato_eventstore_v1_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_eventstore_v1_SubscribeResponse__Output>;
  Subscribe(argument: _mercato_eventstore_v1_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_eventstore_v1_SubscribeResponse__Output>;
  /**
   * Catch-up then live: a confirmation, the events after the starting point, caught_up, then new
   * events as they commit; checkpoints while filtered-out events pass or while idle. Delivers each
   * matching event exactly once per subscription, in $all order, never skipping a slow commit.
   */
  subscribe(argument: _mercato_eventstore_v1_SubscribeRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_eventstore_v1_SubscribeResponse__Output>;
  subscribe(argument: _mercato_eventstore_v1_SubscribeRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_eventstore_v1_SubscribeResponse__Output>;
  
  /**
   * Hard delete: the stream can never be written or read again.
   */
  TombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  TombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  TombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  TombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Hard delete: the stream can never be written or read again.
   */
  tombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  tombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  tombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  tombstoneStream(argument: _mercato_eventstore_v1_TombstoneStreamRequest, callback: grpc.requestCallback<_mercato_eventstore_v1_TombstoneStreamResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The event store, with KurrentDB (EventStoreDB) semantics on PostgreSQL or PGlite.
 * 
 * Streams are named "<category>-<id>" (e.g. "order-42"); names starting with "$" are reserved.
 * Every event has a revision in its stream (0, 1, 2, ...) and a position in the global log "$all"
 * ({commit, prepare}, ordered by commit then prepare). Errors: FAILED_PRECONDITION with a
 * WrongExpectedRevision detail when an expected revision does not hold; NOT_FOUND for reads of a
 * stream that does not exist (with a StreamDeleted detail when it was deleted or tombstoned);
 * FAILED_PRECONDITION with StreamDeleted for writes to a tombstoned stream; INVALID_ARGUMENT for
 * bad names, sizes and batch limits. Details types are in errors.proto.
 */
export interface EventStoreServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Appends a batch atomically. Idempotent by event id: re-appending events that are already the
   * stream's events at the expected revision succeeds without writing them again; a batch that
   * only partly overlaps fails with FAILED_PRECONDITION.
   */
  Append: grpc.handleUnaryCall<_mercato_eventstore_v1_AppendRequest__Output, _mercato_eventstore_v1_AppendResponse>;
  
  /**
   * Soft delete: the stream reads as NOT_FOUND, and a later append starts it again after the last
   * revision (the old events are not readable anymore).
   */
  DeleteStream: grpc.handleUnaryCall<_mercato_eventstore_v1_DeleteStreamRequest__Output, _mercato_eventstore_v1_DeleteStreamResponse>;
  
  GetStreamMetadata: grpc.handleUnaryCall<_mercato_eventstore_v1_GetStreamMetadataRequest__Output, _mercato_eventstore_v1_GetStreamMetadataResponse>;
  
  ReadAll: grpc.handleUnaryCall<_mercato_eventstore_v1_ReadAllRequest__Output, _mercato_eventstore_v1_ReadAllResponse>;
  
  ReadStream: grpc.handleUnaryCall<_mercato_eventstore_v1_ReadStreamRequest__Output, _mercato_eventstore_v1_ReadStreamResponse>;
  
  /**
   * Replaces the stream's metadata.
   */
  SetStreamMetadata: grpc.handleUnaryCall<_mercato_eventstore_v1_SetStreamMetadataRequest__Output, _mercato_eventstore_v1_SetStreamMetadataResponse>;
  
  /**
   * Catch-up then live: a confirmation, the events after the starting point, caught_up, then new
   * events as they commit; checkpoints while filtered-out events pass or while idle. Delivers each
   * matching event exactly once per subscription, in $all order, never skipping a slow commit.
   */
  Subscribe: grpc.handleServerStreamingCall<_mercato_eventstore_v1_SubscribeRequest__Output, _mercato_eventstore_v1_SubscribeResponse>;
  
  /**
   * Hard delete: the stream can never be written or read again.
   */
  TombstoneStream: grpc.handleUnaryCall<_mercato_eventstore_v1_TombstoneStreamRequest__Output, _mercato_eventstore_v1_TombstoneStreamResponse>;
  
}

export interface EventStoreServiceDefinition extends grpc.ServiceDefinition {
  Append: MethodDefinition<_mercato_eventstore_v1_AppendRequest, _mercato_eventstore_v1_AppendResponse, _mercato_eventstore_v1_AppendRequest__Output, _mercato_eventstore_v1_AppendResponse__Output>
  DeleteStream: MethodDefinition<_mercato_eventstore_v1_DeleteStreamRequest, _mercato_eventstore_v1_DeleteStreamResponse, _mercato_eventstore_v1_DeleteStreamRequest__Output, _mercato_eventstore_v1_DeleteStreamResponse__Output>
  GetStreamMetadata: MethodDefinition<_mercato_eventstore_v1_GetStreamMetadataRequest, _mercato_eventstore_v1_GetStreamMetadataResponse, _mercato_eventstore_v1_GetStreamMetadataRequest__Output, _mercato_eventstore_v1_GetStreamMetadataResponse__Output>
  ReadAll: MethodDefinition<_mercato_eventstore_v1_ReadAllRequest, _mercato_eventstore_v1_ReadAllResponse, _mercato_eventstore_v1_ReadAllRequest__Output, _mercato_eventstore_v1_ReadAllResponse__Output>
  ReadStream: MethodDefinition<_mercato_eventstore_v1_ReadStreamRequest, _mercato_eventstore_v1_ReadStreamResponse, _mercato_eventstore_v1_ReadStreamRequest__Output, _mercato_eventstore_v1_ReadStreamResponse__Output>
  SetStreamMetadata: MethodDefinition<_mercato_eventstore_v1_SetStreamMetadataRequest, _mercato_eventstore_v1_SetStreamMetadataResponse, _mercato_eventstore_v1_SetStreamMetadataRequest__Output, _mercato_eventstore_v1_SetStreamMetadataResponse__Output>
  Subscribe: MethodDefinition<_mercato_eventstore_v1_SubscribeRequest, _mercato_eventstore_v1_SubscribeResponse, _mercato_eventstore_v1_SubscribeRequest__Output, _mercato_eventstore_v1_SubscribeResponse__Output>
  TombstoneStream: MethodDefinition<_mercato_eventstore_v1_TombstoneStreamRequest, _mercato_eventstore_v1_TombstoneStreamResponse, _mercato_eventstore_v1_TombstoneStreamRequest__Output, _mercato_eventstore_v1_TombstoneStreamResponse__Output>
}
