// Domain events <-> stored events. The event type is the protobuf message's full name
// (e.g. "mercato.cart.v1.CartItemAdded") and the data its protobuf bytes.
import { createHash, randomUUID } from 'node:crypto';
import { messageType } from '@mercato/protos';
import { UnknownEventTypeError } from './errors';
import type { EventToAppend } from './ports';

export const PROTOBUF = 'application/x-protobuf';

/** A domain event: `data` is the message object (the loader's shape: int64 as strings). */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

function typeOf(type: string): ReturnType<typeof messageType> {
  try {
    return messageType(type);
  } catch (err) {
    throw new UnknownEventTypeError(type, err);
  }
}

export function encodeEvent(event: DomainEvent, id: string, metadata: Record<string, string> = {}): EventToAppend {
  return { id, type: event.type, data: typeOf(event.type).serialize(event.data), metadata, contentType: PROTOBUF };
}

/** Decodes a stored event's payload; an unknown type or bad bytes throw UnknownEventTypeError. */
export function decodeEvent<E extends DomainEvent = DomainEvent>(stored: { type: string; data: Uint8Array; contentType?: string }): E {
  if (stored.contentType === 'application/json') return { type: stored.type, data: JSON.parse(Buffer.from(stored.data).toString('utf8')) as object } as E;
  const message = typeOf(stored.type);
  let data: object;
  try {
    data = message.deserialize(Buffer.from(stored.data.buffer, stored.data.byteOffset, stored.data.byteLength));
  } catch (err) {
    throw new UnknownEventTypeError(stored.type, err);
  }
  return { type: stored.type, data } as E;
}

// A fixed namespace for Mercato's name-based event ids (RFC 9562 UUID v5 layout).
const NAMESPACE = Buffer.from('7d1f3a52c0e94e4b9f3c2a6d8b5e1c07', 'hex');

/** The id of the index-th event of a command: the same on every retry, so the append is idempotent. */
export function commandEventId(commandId: string, index: number): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${commandId}/${index}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC variant
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Ids for a batch: deterministic from the command id when there is one, random otherwise. */
export function eventIds(count: number, commandId?: string): string[] {
  return Array.from({ length: count }, (_, i) => (commandId ? commandEventId(commandId, i) : randomUUID()));
}
