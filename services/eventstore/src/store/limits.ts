// Input rules checked before anything reaches the database, each failure naming the field to fix.
import { InvalidArgumentError } from './errors';
import type { EventToAppend, ExpectedRevision } from './types';

export interface Limits {
  maxStreamNameLength: number;
  maxEventTypeLength: number;
  /** data + metadata of one event, in bytes. */
  maxEventBytes: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  /** Sum of metadata key and value lengths (UTF-8 bytes) of one event. */
  maxMetadataBytes: number;
  maxMetadataEntries: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxStreamNameLength: 200,
  maxEventTypeLength: 200,
  maxEventBytes: 1024 * 1024,
  maxBatchEvents: 500,
  maxBatchBytes: 4 * 1024 * 1024,
  maxMetadataBytes: 16 * 1024,
  maxMetadataEntries: 64,
});

// Printable: no control characters (C0, DEL, C1), no lone surrogates.
const UNPRINTABLE_RE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REVISION = (1n << 62n) - 1n;

export function checkStreamName(stream: unknown, limits: Limits, field = 'stream'): asserts stream is string {
  if (typeof stream !== 'string' || stream.length === 0) throw new InvalidArgumentError(field, 'a stream name must be a non-empty string');
  if (stream.length > limits.maxStreamNameLength)
    throw new InvalidArgumentError(field, `a stream name must be at most ${limits.maxStreamNameLength} characters`);
  if (stream.startsWith('$')) throw new InvalidArgumentError(field, 'stream names starting with "$" are reserved');
  if (UNPRINTABLE_RE.test(stream)) throw new InvalidArgumentError(field, 'a stream name must be printable text');
}

export function checkEventType(type: unknown, limits: Limits, field: string): void {
  if (typeof type !== 'string' || type.length === 0) throw new InvalidArgumentError(field, 'an event type must be a non-empty string');
  if (type.length > limits.maxEventTypeLength)
    throw new InvalidArgumentError(field, `an event type must be at most ${limits.maxEventTypeLength} characters`);
  if (type.startsWith('$')) throw new InvalidArgumentError(field, 'event types starting with "$" are reserved');
  if (UNPRINTABLE_RE.test(type)) throw new InvalidArgumentError(field, 'an event type must be printable text');
}

export function checkExpected(expected: ExpectedRevision): void {
  switch (expected?.kind) {
    case 'any':
    case 'no_stream':
    case 'stream_exists':
      return;
    case 'exact':
      if (typeof expected.revision !== 'bigint' || expected.revision < 0n || expected.revision > MAX_REVISION)
        throw new InvalidArgumentError('expectedRevision', 'an exact revision must be a bigint >= 0');
      return;
    default:
      throw new InvalidArgumentError('expectedRevision', 'must be any, no_stream, stream_exists or exact');
  }
}

export function checkMaxCount(maxCount: unknown, field = 'maxCount'): number {
  if (maxCount === undefined) return Number.MAX_SAFE_INTEGER;
  if (typeof maxCount !== 'number' || !Number.isSafeInteger(maxCount) || maxCount < 0)
    throw new InvalidArgumentError(field, 'must be a non-negative integer');
  return maxCount;
}

/** Validated events plus their encoded sizes, ready for one database call. */
export interface CheckedBatch {
  metadataJson: string[];
  bytes: number;
}

export function checkBatch(events: readonly EventToAppend[], limits: Limits): CheckedBatch {
  if (!Array.isArray(events) || events.length === 0) throw new InvalidArgumentError('events', 'an append needs at least one event');
  if (events.length > limits.maxBatchEvents)
    throw new InvalidArgumentError('events', `at most ${limits.maxBatchEvents} events per append (got ${events.length})`);
  const ids = new Set<string>();
  const metadataJson: string[] = [];
  let bytes = 0;
  events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (typeof e.id !== 'string' || !UUID_RE.test(e.id)) throw new InvalidArgumentError(`${at}.id`, 'an event id must be a UUID');
    const id = e.id.toLowerCase();
    if (ids.has(id)) throw new InvalidArgumentError(`${at}.id`, `event id ${e.id} appears twice in the batch`);
    ids.add(id);
    checkEventType(e.type, limits, `${at}.type`);
    if (!(e.data instanceof Uint8Array)) throw new InvalidArgumentError(`${at}.data`, 'data must be bytes');
    if (e.contentType !== undefined && (typeof e.contentType !== 'string' || e.contentType.length === 0 || e.contentType.length > 100 || UNPRINTABLE_RE.test(e.contentType)))
      throw new InvalidArgumentError(`${at}.contentType`, 'a content type must be printable text of 1..100 characters');
    const metaBytes = metadataBytes(e.metadata, limits, `${at}.metadata`);
    if (e.data.byteLength + metaBytes > limits.maxEventBytes)
      throw new InvalidArgumentError(`${at}`, `an event must be at most ${limits.maxEventBytes} bytes of data and metadata`);
    bytes += e.data.byteLength + metaBytes;
    metadataJson.push(JSON.stringify(e.metadata));
  });
  if (bytes > limits.maxBatchBytes) throw new InvalidArgumentError('events', `an append must be at most ${limits.maxBatchBytes} bytes`);
  return { metadataJson, bytes };
}

function metadataBytes(metadata: unknown, limits: Limits, field: string): number {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata))
    throw new InvalidArgumentError(field, 'metadata must be an object of string values');
  const entries = Object.entries(metadata);
  if (entries.length > limits.maxMetadataEntries) throw new InvalidArgumentError(field, `at most ${limits.maxMetadataEntries} metadata entries`);
  let size = 0;
  for (const [k, v] of entries) {
    if (k.length === 0 || typeof v !== 'string') throw new InvalidArgumentError(field, 'metadata keys must be non-empty and values strings');
    if (k.includes('\u0000') || v.includes('\u0000')) throw new InvalidArgumentError(field, 'metadata must not contain NUL characters');
    size += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (size > limits.maxMetadataBytes) throw new InvalidArgumentError(field, `metadata must be at most ${limits.maxMetadataBytes} bytes`);
  return size;
}
