// Request checks run before a handler: each failure is INVALID_ARGUMENT naming the proto field.
import { check, invalidArgument } from '@mercato/kit';
import type { AppendRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/AppendRequest';
import type { ExpectedRevision__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ExpectedRevision';
import type { EventFilter__Output } from '@mercato/protos/gen/mercato/eventstore/v1/EventFilter';
import type { Position__Output } from '@mercato/protos/gen/mercato/eventstore/v1/Position';
import type { ReadStreamRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ReadStreamRequest';
import type { ReadAllRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/ReadAllRequest';
import type { SubscribeRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeRequest';
import type { SetStreamMetadataRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SetStreamMetadataRequest';
import type { Limits } from '../store';

export const DEFAULT_MAX_COUNT = 1000;
export const MAX_MAX_COUNT = 10_000;
const MAX_REVISION = (1n << 62n) - 1n;
const MAX_COMMIT = (1n << 64n) - 1n;
const MAX_PREPARE = (1n << 63n) - 1n;
const MAX_FILTER_ENTRIES = 100;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNPRINTABLE_RE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTENT_TYPES = ['application/x-protobuf', 'application/json'];

export function streamName(value: unknown, limits: Limits, field = 'stream'): string {
  if (typeof value !== 'string' || value.length === 0) throw invalidArgument(field, 'is required: a stream name like "order-42"');
  if (value.length > limits.maxStreamNameLength) throw invalidArgument(field, `must be at most ${limits.maxStreamNameLength} characters`);
  if (value.startsWith('$')) throw invalidArgument(field, 'names starting with "$" are reserved');
  if (UNPRINTABLE_RE.test(value)) throw invalidArgument(field, 'must not contain control characters');
  return value;
}

function revision(value: string | undefined, field: string): bigint {
  const n = BigInt(value ?? '0');
  if (n > MAX_REVISION) throw invalidArgument(field, `must be at most ${MAX_REVISION}`);
  return n;
}

export function expectedRevision(e: ExpectedRevision__Output | null, field = 'expected_revision'): void {
  if (e?.kind === 'exact') revision(e.exact, `${field}.exact`);
}

export function position(p: Position__Output | null | undefined, field: string): void {
  if (!p) throw invalidArgument(field, 'is required');
  if (BigInt(p.commit) > MAX_COMMIT) throw invalidArgument(`${field}.commit`, 'is out of range');
  if (BigInt(p.prepare) > MAX_PREPARE) throw invalidArgument(`${field}.prepare`, `must be at most ${MAX_PREPARE}`);
}

/** 0 means the default; otherwise 1..10000. */
export function maxCount(value: string, field = 'max_count'): number {
  const n = BigInt(value);
  if (n > BigInt(MAX_MAX_COUNT)) throw invalidArgument(field, `must be at most ${MAX_MAX_COUNT} (0 means ${DEFAULT_MAX_COUNT})`);
  return n === 0n ? DEFAULT_MAX_COUNT : Number(n);
}

function typeList(values: string[], limits: Limits, field: string): void {
  check.list(values, field, { max: MAX_FILTER_ENTRIES });
  values.forEach((t, i) => check.text(t, `${field}[${i}]`, { max: limits.maxEventTypeLength }));
}

export function filter(f: EventFilter__Output | null, limits: Limits, field = 'filter'): void {
  if (!f) return;
  check.list(f.streamPrefixes, `${field}.stream_prefixes`, { max: MAX_FILTER_ENTRIES });
  f.streamPrefixes.forEach((p, i) => check.text(p, `${field}.stream_prefixes[${i}]`, { max: limits.maxStreamNameLength }));
  typeList(f.eventTypes, limits, `${field}.event_types`);
}

export function appendRequest(req: AppendRequest__Output, limits: Limits): void {
  streamName(req.stream, limits);
  expectedRevision(req.expectedRevision);
  if (req.events.length === 0) throw invalidArgument('events', 'an append needs at least one event');
  if (req.events.length > limits.maxBatchEvents) throw invalidArgument('events', `at most ${limits.maxBatchEvents} events per append (got ${req.events.length})`);
  const ids = new Set<string>();
  let total = 0;
  req.events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (!UUID_RE.test(e.id)) throw invalidArgument(`${at}.id`, 'must be a UUID');
    const id = e.id.toLowerCase();
    if (ids.has(id)) throw invalidArgument(`${at}.id`, `event id ${e.id} appears twice in the batch`);
    ids.add(id);
    check.text(e.type, `${at}.type`, { max: limits.maxEventTypeLength });
    if (e.type.startsWith('$')) throw invalidArgument(`${at}.type`, 'event types starting with "$" are reserved');
    if (e.contentType !== '' && !CONTENT_TYPES.includes(e.contentType)) throw invalidArgument(`${at}.content_type`, `must be empty or one of ${CONTENT_TYPES.join(', ')}`);
    const entries = Object.entries(e.metadata);
    if (entries.length > limits.maxMetadataEntries) throw invalidArgument(`${at}.metadata`, `at most ${limits.maxMetadataEntries} entries`);
    let metaBytes = 0;
    for (const [k, v] of entries) {
      if (k.length === 0 || k.includes('\u0000') || v.includes('\u0000')) throw invalidArgument(`${at}.metadata`, 'keys must be non-empty and keys and values free of NUL characters');
      metaBytes += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    if (metaBytes > limits.maxMetadataBytes) throw invalidArgument(`${at}.metadata`, `must be at most ${limits.maxMetadataBytes} bytes`);
    const size = e.data.length + metaBytes;
    if (size > limits.maxEventBytes) throw invalidArgument(at, `an event must be at most ${limits.maxEventBytes} bytes of data and metadata (got ${size})`);
    total += size;
  });
  if (total > limits.maxBatchBytes) throw invalidArgument('events', `an append must be at most ${limits.maxBatchBytes} bytes (got ${total})`);
}

export function readStreamRequest(req: ReadStreamRequest__Output, limits: Limits): void {
  streamName(req.stream, limits);
  if (req.from === 'revision') revision(req.revision, 'revision');
  maxCount(req.maxCount);
}

export function readAllRequest(req: ReadAllRequest__Output, limits: Limits): void {
  if (req.from === 'position') position(req.position, 'position');
  maxCount(req.maxCount);
  filter(req.filter, limits);
}

export function subscribeRequest(req: SubscribeRequest__Output, limits: Limits): void {
  if (req.target === 'all') {
    const all = req.all!;
    if (all.from === 'afterPosition') position(all.afterPosition, 'all.after_position');
    filter(all.filter, limits, 'all.filter');
  } else if (req.target === 'stream') {
    const s = req.stream!;
    streamName(s.stream, limits, 'stream.stream');
    if (s.from === 'afterRevision') revision(s.afterRevision, 'stream.after_revision');
    typeList(s.eventTypes, limits, 'stream.event_types');
  } else throw invalidArgument('target', 'is required: all or stream');
  if (req.checkpointIntervalMs !== 0) check.int(req.checkpointIntervalMs, 'checkpoint_interval_ms', { min: 10, max: 3_600_000 });
  check.int(req.maxBatchSize, 'max_batch_size', { min: 0, max: 1000 });
}

export function metadataRequest(req: SetStreamMetadataRequest__Output, limits: Limits): void {
  streamName(req.stream, limits);
  const m = req.metadata;
  if (m?.maxCount !== undefined && BigInt(m.maxCount) > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidArgument('metadata.max_count', 'is out of range');
  if (m?.maxAgeSeconds !== undefined && BigInt(m.maxAgeSeconds) > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidArgument('metadata.max_age_seconds', 'is out of range');
}
