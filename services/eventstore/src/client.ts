// A typed, promise-based client of the event store for other services, tests and benchmarks.
import * as grpc from '@grpc/grpc-js';
import { loadProtos } from '@mercato/protos';
import type { EventStoreServiceClient } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
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

export interface ClientOptions {
  /** Per-call deadline of unary calls (default 10 s). */
  deadlineMs?: number;
  channelOptions?: grpc.ChannelOptions;
}

export class EventStoreClient {
  readonly grpc: EventStoreServiceClient;
  private readonly deadlineMs: number;

  constructor(address: string, options: ClientOptions = {}) {
    const pkg = grpc.loadPackageDefinition(loadProtos()) as unknown as {
      mercato: { eventstore: { v1: { EventStoreService: new (address: string, creds: grpc.ChannelCredentials, options?: grpc.ChannelOptions) => EventStoreServiceClient } } };
    };
    this.grpc = new pkg.mercato.eventstore.v1.EventStoreService(address, grpc.credentials.createInsecure(), options.channelOptions);
    this.deadlineMs = options.deadlineMs ?? 10_000;
  }

  append(req: AppendRequest): Promise<AppendResponse__Output> {
    return this.unary((cb, o) => this.grpc.Append(req, new grpc.Metadata(), o, cb));
  }
  readStream(req: ReadStreamRequest): Promise<ReadStreamResponse__Output> {
    return this.unary((cb, o) => this.grpc.ReadStream(req, new grpc.Metadata(), o, cb));
  }
  readAll(req: ReadAllRequest): Promise<ReadAllResponse__Output> {
    return this.unary((cb, o) => this.grpc.ReadAll(req, new grpc.Metadata(), o, cb));
  }
  getStreamMetadata(stream: string): Promise<GetStreamMetadataResponse__Output> {
    return this.unary((cb, o) => this.grpc.GetStreamMetadata({ stream }, new grpc.Metadata(), o, cb));
  }
  setStreamMetadata(req: SetStreamMetadataRequest): Promise<SetStreamMetadataResponse__Output> {
    return this.unary((cb, o) => this.grpc.SetStreamMetadata(req, new grpc.Metadata(), o, cb));
  }
  deleteStream(req: DeleteStreamRequest): Promise<unknown> {
    return this.unary((cb, o) => this.grpc.DeleteStream(req, new grpc.Metadata(), o, cb));
  }
  tombstoneStream(req: TombstoneStreamRequest): Promise<unknown> {
    return this.unary((cb, o) => this.grpc.TombstoneStream(req, new grpc.Metadata(), o, cb));
  }

  /** The subscription's messages; cancel it with call.cancel() or by leaving a for-await loop. */
  subscribe(req: SubscribeRequest): grpc.ClientReadableStream<SubscribeResponse__Output> {
    return this.grpc.Subscribe(req);
  }

  close(): void {
    this.grpc.close();
  }

  private unary<T>(start: (cb: (err: grpc.ServiceError | null, res?: T) => void, options: grpc.CallOptions) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => start((err, res) => (err ? reject(err) : resolve(res as T)), { deadline: Date.now() + this.deadlineMs }));
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
