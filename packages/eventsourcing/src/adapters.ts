// The two ways to reach the event store: the in-process engine (EventStore from the eventstore
// service's store, for the service itself and tests) and the gRPC EventStoreClient (every other
// service). Both are typed structurally, so this package does not load the eventstore service.
import { status } from '@grpc/grpc-js';
import type { AppendRequest } from '@mercato/protos/gen/mercato/eventstore/v1/AppendRequest';
import type { AppendResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/AppendResponse';
import type { ExpectedRevision as ProtoExpectedRevision } from '@mercato/protos/gen/mercato/eventstore/v1/ExpectedRevision';
import type { Position__Output } from '@mercato/protos/gen/mercato/eventstore/v1/Position';
import type { ReadStreamRequest } from '@mercato/protos/gen/mercato/eventstore/v1/ReadStreamRequest';
import type { ReadStreamResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ReadStreamResponse';
import type { RecordedEvent__Output } from '@mercato/protos/gen/mercato/eventstore/v1/RecordedEvent';
import type { SubscribeRequest } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeRequest';
import type { SubscribeResponse__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeResponse';
import { ConcurrencyConflictError } from './errors';
import { comparePositions, START, type EventFilter, type EventSource, type EventStorePort, type EventToAppend, type ExpectedRevision, type Position, type SourceMessage, type StoredEvent } from './ports';

const PAGE = 1000;

/** The engine's methods this package uses (EventStore from services/eventstore/src/store fits). */
export interface EngineLike {
  append(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<{ nextExpectedRevision: bigint; position: Position }>;
  readStream(stream: string, options: { direction?: 'forwards' | 'backwards'; fromRevision?: bigint | 'start' | 'end'; maxCount?: number }): Promise<StoredEvent[]>;
  subscribe(options: { to: { kind: 'all'; from?: Position | 'start' | 'end' }; filter?: EventFilter; signal: AbortSignal }): AsyncIterable<SourceMessage>;
}

export function engineStore(engine: EngineLike): EventStorePort & EventSource {
  return {
    async readStream(stream, options = {}) {
      const out: StoredEvent[] = [];
      const first = options.fromRevision !== undefined && options.fromRevision > 0n ? options.fromRevision : 'start';
      for (;;) {
        let page: StoredEvent[];
        try {
          page = await engine.readStream(stream, { fromRevision: out.length ? out[out.length - 1]!.revision + 1n : first, maxCount: PAGE });
        } catch (err) {
          if ((err as Error)?.name === 'StreamNotFoundError') return [];
          throw err;
        }
        out.push(...page);
        if (page.length < PAGE) return out;
      }
    },
    async readLastEvent(stream) {
      try {
        return (await engine.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 }))[0];
      } catch (err) {
        if ((err as Error)?.name === 'StreamNotFoundError') return undefined;
        throw err;
      }
    },
    async append(stream, events, expected) {
      try {
        return await engine.append(stream, events, expected);
      } catch (err) {
        if ((err as Error)?.name === 'WrongExpectedRevisionError') throw new ConcurrencyConflictError(stream, (err as Error).message);
        throw err;
      }
    },
    subscribe({ after, filter, signal }) {
      const from = comparePositions(after, START) === 0 ? 'start' : after;
      return engine.subscribe({ to: { kind: 'all', from }, ...(filter ? { filter } : {}), signal });
    },
  };
}

/** The client's methods this package uses (EventStoreClient fits). */
export interface ClientLike {
  append(req: AppendRequest): Promise<AppendResponse__Output>;
  readStream(req: ReadStreamRequest): Promise<ReadStreamResponse__Output>;
  subscribe(req: SubscribeRequest): AsyncIterable<SubscribeResponse__Output> & { cancel(): void };
}

// google.rpc.Status details travel in this trailer; a conflict carries a WrongExpectedRevision Any.
const DETAILS_KEY = 'grpc-status-details-bin';
const WRONG_EXPECTED_REVISION = 'type.googleapis.com/mercato.eventstore.v1.WrongExpectedRevision';

/** FAILED_PRECONDITION with a WrongExpectedRevision detail (a tombstone's StreamDeleted is not a conflict). */
export function isWrongExpectedRevision(err: unknown): boolean {
  const e = err as { code?: unknown; metadata?: { get(key: string): unknown[] } } | undefined;
  if (e?.code !== status.FAILED_PRECONDITION) return false;
  const raw = e.metadata?.get(DETAILS_KEY)[0];
  // The Any's type URL is a length-delimited string inside the Status bytes: finding it is decoding enough.
  return Buffer.isBuffer(raw) ? raw.includes(WRONG_EXPECTED_REVISION) : true;
}

export function clientStore(client: ClientLike, options: { checkpointIntervalMs?: number; maxBatchSize?: number } = {}): EventStorePort & EventSource {
  return {
    async readStream(stream, options = {}) {
      const out: StoredEvent[] = [];
      const first = options.fromRevision !== undefined && options.fromRevision > 0n ? { revision: options.fromRevision.toString() } : { start: {} };
      for (;;) {
        const from = out.length ? { revision: (out[out.length - 1]!.revision + 1n).toString() } : first;
        let page: ReadStreamResponse__Output;
        try {
          page = await client.readStream({ stream, direction: 'READ_DIRECTION_FORWARDS', ...from, maxCount: PAGE });
        } catch (err) {
          if ((err as { code?: unknown })?.code === status.NOT_FOUND) return [];
          throw err;
        }
        out.push(...page.events.map(fromProto));
        if (page.endOfStream || page.events.length === 0) return out;
      }
    },
    async readLastEvent(stream) {
      try {
        const page = await client.readStream({ stream, direction: 'READ_DIRECTION_BACKWARDS', end: {}, maxCount: 1 });
        return page.events[0] ? fromProto(page.events[0]) : undefined;
      } catch (err) {
        if ((err as { code?: unknown })?.code === status.NOT_FOUND) return undefined;
        throw err;
      }
    },
    async append(stream, events, expected) {
      try {
        const r = await client.append({
          stream,
          expectedRevision: toProtoExpected(expected),
          events: events.map((e) => ({ id: e.id, type: e.type, data: Buffer.from(e.data), metadata: e.metadata, contentType: e.contentType ?? '' })),
        });
        return { nextExpectedRevision: BigInt(r.nextExpectedRevision), position: positionOf(r.position) };
      } catch (err) {
        if (isWrongExpectedRevision(err)) throw new ConcurrencyConflictError(stream, (err as Error).message);
        throw err;
      }
    },
    async *subscribe({ after, filter, signal }) {
      if (signal.aborted) return;
      const from = comparePositions(after, START) === 0 ? { start: {} } : { afterPosition: { commit: after.commit.toString(), prepare: after.prepare.toString() } };
      const call = client.subscribe({
        all: { ...from, ...(filter ? { filter: { streamPrefixes: filter.streamPrefixes ?? [], eventTypes: filter.eventTypes ?? [] } } : {}) },
        checkpointIntervalMs: options.checkpointIntervalMs ?? 1000,
        // Catching up, the server sends ready events together: far fewer messages per event.
        maxBatchSize: options.maxBatchSize ?? 256,
      });
      const cancel = (): void => call.cancel();
      signal.addEventListener('abort', cancel, { once: true });
      try {
        for await (const m of call) {
          if (m.content === 'event' && m.event) yield { kind: 'event', event: fromProto(m.event) };
          else if (m.content === 'events' && m.events) for (const e of m.events.events) yield { kind: 'event', event: fromProto(e) };
          else if (m.content === 'checkpoint' && m.checkpoint?.position) yield { kind: 'checkpoint', position: positionOf(m.checkpoint.position) };
          else if (m.content === 'caughtUp') yield { kind: 'caught_up' };
        }
      } catch (err) {
        if (!signal.aborted) throw err;
      } finally {
        signal.removeEventListener('abort', cancel);
        call.cancel();
      }
    },
  };
}

function toProtoExpected(e: ExpectedRevision): ProtoExpectedRevision {
  switch (e.kind) {
    case 'any':
      return { any: {} };
    case 'no_stream':
      return { noStream: {} };
    case 'stream_exists':
      return { streamExists: {} };
    case 'exact':
      return { exact: e.revision.toString() };
  }
}

function positionOf(p: Position__Output | null): Position {
  return p ? { commit: BigInt(p.commit), prepare: BigInt(p.prepare) } : START;
}

function fromProto(e: RecordedEvent__Output): StoredEvent {
  const t = e.createTime;
  return {
    id: e.id,
    stream: e.stream,
    type: e.type,
    revision: BigInt(e.revision),
    position: positionOf(e.position),
    data: e.data,
    metadata: e.metadata,
    contentType: e.contentType,
    createdAt: new Date(t ? Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6) : 0),
  };
}
