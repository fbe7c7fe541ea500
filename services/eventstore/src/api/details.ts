// Rich error details: a google.rpc.Status carrying google.protobuf.Any messages, sent in the
// standard "grpc-status-details-bin" trailer (what KurrentDB and the Google API clients read).
// google.rpc.Status is three fields, so it is encoded here by hand instead of loading its proto.
import { Metadata } from '@grpc/grpc-js';
import { messageType } from '@mercato/protos';

export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
export const WRONG_EXPECTED_REVISION = 'mercato.eventstore.v1.WrongExpectedRevision';
export const STREAM_DELETED = 'mercato.eventstore.v1.StreamDeleted';
const TYPE_URL_PREFIX = 'type.googleapis.com/';

export interface AnyMessage {
  typeUrl: string;
  value: Buffer;
}

/** Serializes a message of the loaded protos (e.g. WrongExpectedRevision) as an Any. */
export function packAny(fullName: string, message: object): AnyMessage {
  return { typeUrl: TYPE_URL_PREFIX + fullName, value: messageType(fullName).serialize(message) };
}

/** Metadata holding google.rpc.Status{code, message, details} under grpc-status-details-bin. */
export function statusDetailsMetadata(code: number, message: string, details: AnyMessage[]): Metadata {
  const metadata = new Metadata();
  metadata.set(STATUS_DETAILS_KEY, encodeStatus(code, message, details));
  return metadata;
}

/** The details of a failed call's status, decoded (empty when the trailer is absent). */
export function readStatusDetails(metadata: Metadata | undefined): AnyMessage[] {
  const raw = metadata?.get(STATUS_DETAILS_KEY)[0];
  if (!raw || !Buffer.isBuffer(raw)) return [];
  return decodeStatus(raw).details;
}

/** The first detail of a type, decoded with the shared loader options (uint64 as strings). */
export function findDetail<T>(metadata: Metadata | undefined, fullName: string): T | undefined {
  const any = readStatusDetails(metadata).find((d) => d.typeUrl === TYPE_URL_PREFIX + fullName);
  return any ? (messageType(fullName).deserialize(any.value) as T) : undefined;
}

// --- protobuf wire format, just enough for google.rpc.Status and google.protobuf.Any ---

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n; // status codes are small and non-negative
  do {
    let b = v & 0x7f;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return Buffer.from(out);
}

function lengthDelimited(field: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
}

function encodeStatus(code: number, message: string, details: AnyMessage[]): Buffer {
  const parts: Buffer[] = [];
  if (code !== 0) parts.push(varint(1 << 3), varint(code));
  if (message) parts.push(lengthDelimited(2, Buffer.from(message, 'utf8')));
  for (const d of details) {
    parts.push(lengthDelimited(3, Buffer.concat([lengthDelimited(1, Buffer.from(d.typeUrl, 'utf8')), lengthDelimited(2, d.value)])));
  }
  return Buffer.concat(parts);
}

interface Field {
  field: number;
  varint?: number;
  bytes?: Buffer;
}

function readFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let i = 0;
  const readVarint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated varint');
      const b = buf[i++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const key = readVarint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) fields.push({ field, varint: readVarint() });
    else if (wire === 2) {
      const len = readVarint();
      fields.push({ field, bytes: buf.subarray(i, i + len) });
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return fields;
}

export function decodeStatus(buf: Buffer): { code: number; message: string; details: AnyMessage[] } {
  let code = 0;
  let message = '';
  const details: AnyMessage[] = [];
  for (const f of readFields(buf)) {
    if (f.field === 1 && f.varint !== undefined) code = f.varint;
    else if (f.field === 2 && f.bytes) message = f.bytes.toString('utf8');
    else if (f.field === 3 && f.bytes) {
      let typeUrl = '';
      let value = Buffer.alloc(0);
      for (const g of readFields(f.bytes)) {
        if (g.field === 1 && g.bytes) typeUrl = g.bytes.toString('utf8');
        else if (g.field === 2 && g.bytes) value = Buffer.from(g.bytes);
      }
      details.push({ typeUrl, value });
    }
  }
  return { code, message, details };
}
