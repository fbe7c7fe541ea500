// Conversions between the proto messages (uint64 as decimal strings) and the store's types (bigint).
import type { ExpectedRevision as ProtoExpected, ExpectedRevision__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ExpectedRevision';
import type { Position__Output } from '@mercato/protos/gen/mercato/eventstore/v1/Position';
import type { RecordedEvent as ProtoRecordedEvent } from '@mercato/protos/gen/mercato/eventstore/v1/RecordedEvent';
import type { EventFilter__Output } from '@mercato/protos/gen/mercato/eventstore/v1/EventFilter';
import type { EventFilter, ExpectedRevision, Position, RecordedEvent } from '../store';

export const DEFAULT_CONTENT_TYPE = 'application/x-protobuf';

/** A uint64 for the serializer: a number when exact (much faster to encode than a string). */
export function u64(n: bigint): number | string {
  return n <= MAX_SAFE ? Number(n) : n.toString();
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function toProtoPosition(p: Position): { commit: number | string; prepare: number | string } {
  return { commit: u64(p.commit), prepare: u64(p.prepare) };
}

export function fromProtoPosition(p: Position__Output): Position {
  return { commit: BigInt(p.commit), prepare: BigInt(p.prepare) };
}

export function fromProtoExpected(e: ExpectedRevision__Output | null | undefined): ExpectedRevision {
  switch (e?.kind) {
    case 'noStream':
      return { kind: 'no_stream' };
    case 'streamExists':
      return { kind: 'stream_exists' };
    case 'exact':
      return { kind: 'exact', revision: BigInt(e.exact ?? '0') };
    default:
      return { kind: 'any' };
  }
}

export function toProtoExpected(e: ExpectedRevision): ProtoExpected {
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

export function toProtoEvent(e: RecordedEvent): ProtoRecordedEvent {
  const ms = e.createdAt.getTime();
  return {
    id: e.id,
    stream: e.stream,
    revision: u64(e.revision),
    position: toProtoPosition(e.position),
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    contentType: e.contentType,
    createTime: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
  };
}

export function fromProtoFilter(f: EventFilter__Output | null | undefined): EventFilter | undefined {
  if (!f || (f.streamPrefixes.length === 0 && f.eventTypes.length === 0)) return undefined;
  return {
    ...(f.streamPrefixes.length > 0 ? { streamPrefixes: f.streamPrefixes } : {}),
    ...(f.eventTypes.length > 0 ? { eventTypes: f.eventTypes } : {}),
  };
}
