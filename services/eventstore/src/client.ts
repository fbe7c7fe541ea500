// A typed, promise-based client of the event store for other services, tests and benchmarks.
import * as grpc from '@grpc/grpc-js';
import { connect, type KitClient } from '@mercato/kit';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import type { AppendRequest } from '@mercato/protos/gen/mercato/eventstore/v1/AppendRequest';
import type { AppendResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/AppendResponse';
import type { ReadStreamRequest } from '@mercato/protos/gen/mercato/eventstore/v1/ReadStreamRequest';
import type { ReadStreamResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ReadStreamResponse';
import type { ReadAllRequest } from '@mercato/protos/gen/mercato/eventstore/v1/ReadAllRequest';
import type { ReadAllResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ReadAllResponse';
import type { SubscribeRequest } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeRequest';
import type { SubscribeResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeResponse';
import type { GetStreamMetadataResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/GetStreamMetadataResponse';
import type { SetStreamMetadataRequest } from '@mercato/protos/gen/mercato/eventstore/v1/SetStreamMetadataRequest';
import type { SetStreamMetadataResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SetStreamMetadataResponse';
import type { DeleteStreamRequest } from '@mercato/protos/gen/mercato/eventstore/v1/DeleteStreamRequest';
import type { TombstoneStreamRequest } from '@mercato/protos/gen/mercato/eventstore/v1/TombstoneStreamRequest';
import type { WrongExpectedRevision__Output } from '@mercato/protos/gen/mercato/eventstore/v1/WrongExpectedRevision';
import type { StreamDeleted__Output } from '@mercato/protos/gen/mercato/eventstore/v1/StreamDeleted';
import { STREAM_DELETED, WRONG_EXPECTED_REVISION, findDetail } from './api/details';
import { EVENTSTORE_SERVICE } from './api';

export interface ClientOptions {
  /** Per-call deadline of unary calls (default 10 s). */
  deadlineMs?: number;
  /** Largest message accepted, for big catch-up pages (default 16 MiB). */
  maxMessageBytes?: number;
}

/**
 * Typed methods over the kit's client (deadlines, breaker, metrics): wrap `kit.client('eventstore')`
 * in a service, or `EventStoreClient.connect(address)` in tests and tools.
 */
export class EventStoreClient {
  constructor(readonly rpc: KitClient<EventStoreServiceDefinition>) {}

  static connect(address: string, options: ClientOptions = {}): EventStoreClient {
    return new EventStoreClient(
      connect<EventStoreServiceDefinition>(EVENTSTORE_SERVICE, address, {
        deadlineMs: options.deadlineMs ?? 10_000,
        ...(options.maxMessageBytes ? { maxMessageBytes: options.maxMessageBytes } : {}),
      }),
    );
  }

  append(req: AppendRequest): Promise<AppendResponse__Output> {
    return this.rpc.call('Append', req);
  }
  readStream(req: ReadStreamRequest): Promise<ReadStreamResponse__Output> {
    return this.rpc.call('ReadStream', req);
  }
  readAll(req: ReadAllRequest): Promise<ReadAllResponse__Output> {
    return this.rpc.call('ReadAll', req);
  }
  getStreamMetadata(stream: string): Promise<GetStreamMetadataResponse__Output> {
    return this.rpc.call('GetStreamMetadata', { stream });
  }
  setStreamMetadata(req: SetStreamMetadataRequest): Promise<SetStreamMetadataResponse__Output> {
    return this.rpc.call('SetStreamMetadata', req);
  }
  deleteStream(req: DeleteStreamRequest): Promise<unknown> {
    return this.rpc.call('DeleteStream', req);
  }
  tombstoneStream(req: TombstoneStreamRequest): Promise<unknown> {
    return this.rpc.call('TombstoneStream', req);
  }

  /** The subscription's messages; cancel it with call.cancel() or by leaving a for-await loop. */
  subscribe(req: SubscribeRequest): grpc.ClientReadableStream<SubscribeResponse__Output> {
    return this.rpc.stream('Subscribe', req);
  }

  close(): void {
    this.rpc.close();
  }
}

/** The WrongExpectedRevision detail of a FAILED_PRECONDITION answer, if it carries one. */
export function wrongExpectedRevision(err: unknown): WrongExpectedRevision__Output | undefined {
  return findDetail<WrongExpectedRevision__Output>((err as Partial<grpc.ServiceError> | undefined)?.metadata, WRONG_EXPECTED_REVISION);
}

/** The StreamDeleted detail of a NOT_FOUND / FAILED_PRECONDITION answer, if it carries one. */
export function streamDeleted(err: unknown): StreamDeleted__Output | undefined {
  return findDetail<StreamDeleted__Output>((err as Partial<grpc.ServiceError> | undefined)?.metadata, STREAM_DELETED);
}
