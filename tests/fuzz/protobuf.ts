// Protobuf for the fuzzer: the RPCs and request types exactly as the services load them
// (@mercato/protos' package definition and the file descriptors inside it), a wire writer that can
// also write what no encoder would (wrong wire types, unknown fields, truncated varints), and
// generators of requests from the descriptors: plausible, boundary, missing, huge and malformed.
import type { PackageDefinition } from '@grpc/proto-loader';
import * as protobuf from 'protobufjs';
import * as descriptor from 'protobufjs/ext/descriptor';
import type { Random } from './random';

export interface Rpc {
  /** Full gRPC service name, e.g. "mercato.cart.v1.CartService". */
  service: string;
  method: string;
  /** "/mercato.cart.v1.CartService/AddItem" */
  path: string;
  serverStreaming: boolean;
  requestType: protobuf.Type;
  /** From the method's idempotency_level option: NO_SIDE_EFFECTS means a read. */
  readOnly: boolean;
}

export interface ProtoModel {
  /** Every method of a gRPC service, in the order the proto declares them. */
  rpcs(service: string): Rpc[];
}

interface MethodDef {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  options?: { idempotency_level?: string };
  requestType?: { fileDescriptorProtos?: Buffer[] };
}

/** The model of the loaded protos: the package definition for the RPCs, its file descriptors for the types. */
export function protoModel(pkg: PackageDefinition): ProtoModel {
  const files = new Map<string, protobuf.Message<object>>();
  for (const def of Object.values(pkg)) {
    const protos = (def as { fileDescriptorProtos?: Buffer[] }).fileDescriptorProtos ?? Object.values(def as Record<string, MethodDef>).flatMap((m) => m.requestType?.fileDescriptorProtos ?? []);
    for (const bytes of protos) {
      const file = descriptor.FileDescriptorProto.decode(bytes) as protobuf.Message<object> & { name: string };
      files.set(file.name, file);
    }
  }
  // ext/descriptor adds Root.fromDescriptor; its typings do not declare it.
  const fromDescriptor = (protobuf.Root as unknown as { fromDescriptor(set: protobuf.Message<object>): protobuf.Root }).fromDescriptor;
  const root = fromDescriptor(descriptor.FileDescriptorSet.create({ file: [...files.values()] }));
  root.resolveAll();
  return {
    rpcs(service) {
      const def = pkg[service] as unknown as Record<string, MethodDef> | undefined;
      if (!def || typeof Object.values(def)[0]?.path !== 'string') throw new Error(`no gRPC service named ${service} in the protos`);
      const reflected = root.lookupService(service);
      return Object.entries(def).map(([method, m]) => {
        const r = reflected.methods[method];
        if (!r?.resolvedRequestType) throw new Error(`${service}/${method}: request type not found in the descriptors`);
        return {
          service,
          method,
          path: m.path,
          serverStreaming: m.responseStream,
          requestType: r.resolvedRequestType,
          readOnly: m.options?.idempotency_level === 'NO_SIDE_EFFECTS',
        };
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The wire format, written by hand so that it can be wrong on purpose.

export const WIRE = { varint: 0, fixed64: 1, len: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

export class Writer {
  private readonly chunks: Buffer[] = [];
  private pending: number[] = [];

  private flush(): void {
    if (this.pending.length) {
      this.chunks.push(Buffer.from(this.pending));
      this.pending = [];
    }
  }

  /** A varint of the value's 64-bit two's complement (negative int32/int64 take ten bytes). */
  varint(value: bigint | number): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.pending.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.pending.push(Number(v));
    if (this.pending.length > 4096) this.flush();
    return this;
  }

  tag(field: number, wire: number): this {
    return this.varint((BigInt(field) << 3n) | BigInt(wire));
  }

  raw(bytes: Buffer | number[]): this {
    this.flush();
    this.chunks.push(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    return this;
  }

  lengthDelimited(bytes: Buffer): this {
    return this.varint(bytes.length).raw(bytes);
  }

  fixed32(value: number, kind: 'float' | 'int' | 'uint'): this {
    const b = Buffer.alloc(4);
    if (kind === 'float') b.writeFloatLE(value);
    else if (kind === 'int') b.writeInt32LE(clampInt(value, -0x80000000, 0x7fffffff));
    else b.writeUInt32LE(clampInt(value, 0, 0xffffffff));
    return this.raw(b);
  }

  fixed64(value: number | bigint, kind: 'double' | 'int'): this {
    const b = Buffer.alloc(8);
    if (kind === 'double') b.writeDoubleLE(Number(value));
    else b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(value)));
    return this.raw(b);
  }

  finish(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

function clampInt(v: number, min: number, max: number): number {
  return Number.isFinite(v) ? Math.min(max, Math.max(min, Math.trunc(v))) : 0;
}

const zigzag = (v: bigint): bigint => (v >= 0n ? v << 1n : (-v << 1n) - 1n);

type Scalar = 'double' | 'float' | 'int32' | 'uint32' | 'sint32' | 'fixed32' | 'sfixed32' | 'int64' | 'uint64' | 'sint64' | 'fixed64' | 'sfixed64' | 'bool' | 'string' | 'bytes';

function wireOf(field: protobuf.Field): number {
  if (field.resolvedType instanceof protobuf.Type) return WIRE.len;
  if (field.resolvedType instanceof protobuf.Enum) return WIRE.varint;
  switch (field.type as Scalar) {
    case 'double':
    case 'fixed64':
    case 'sfixed64':
      return WIRE.fixed64;
    case 'float':
    case 'fixed32':
    case 'sfixed32':
      return WIRE.fixed32;
    case 'string':
    case 'bytes':
      return WIRE.len;
    default:
      return WIRE.varint;
  }
}

const isNumeric = (f: protobuf.Field): boolean => !(f.resolvedType instanceof protobuf.Type) && f.type !== 'string' && f.type !== 'bytes';

/** A scalar value as the fuzzer holds it: numbers as bigint or number, text, raw bytes. */
type Value = bigint | number | boolean | string | Buffer | Generated;

/** Writes one scalar (or nested message) of `field` without its tag. */
function writeValue(w: Writer, field: protobuf.Field, value: Value): void {
  if (field.resolvedType instanceof protobuf.Type) {
    w.lengthDelimited((value as Generated).bytes);
    return;
  }
  if (field.resolvedType instanceof protobuf.Enum) {
    w.varint(BigInt(value as number));
    return;
  }
  switch (field.type as Scalar) {
    case 'string':
    case 'bytes':
      w.lengthDelimited(Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8'));
      return;
    case 'double':
      w.fixed64(Number(value), 'double');
      return;
    case 'float':
      w.fixed32(Number(value), 'float');
      return;
    case 'fixed32':
      w.fixed32(Number(value), 'uint');
      return;
    case 'sfixed32':
      w.fixed32(Number(value), 'int');
      return;
    case 'fixed64':
    case 'sfixed64':
      w.fixed64(toBigInt(value), 'int');
      return;
    case 'sint32':
    case 'sint64':
      w.varint(zigzag(toBigInt(value)));
      return;
    case 'bool':
      w.varint(typeof value === 'boolean' ? (value ? 1n : 0n) : toBigInt(value));
      return;
    default:
      w.varint(toBigInt(value));
  }
}

function toBigInt(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  return 0n;
}

// ---------------------------------------------------------------------------------------------
// Generating requests.

/** Real identifiers from the running suite, so that plausible requests reach past the lookups. */
export interface Dictionary {
  productIds: string[];
  categoryIds: string[];
  /** The signed-in fuzz user (their cart id is their user id). */
  userId: string;
  guestCartId: string;
  orderIds: string[];
  paymentIds: string[];
  shipmentIds: string[];
  /** Tokens TokenizeCard gave the fuzz user, so Authorize gets past its token check. */
  cardTokens: string[];
}

/** A generated request: its bytes and a readable summary for the report. */
export interface Generated {
  bytes: Buffer;
  summary: unknown;
}

export const PROFILES = ['empty', 'valid', 'missing', 'boundary', 'control-chars', 'wrong-enum', 'huge-string', 'huge-repeated', 'unknown-fields', 'wrong-wire-type', 'duplicates', 'chaos'] as const;
export type Profile = (typeof PROFILES)[number];

/** Profiles whose bytes may not parse: the transport's own INTERNAL "Error deserializing request" is the right answer to those. */
export const MALFORMED_PROFILES: ReadonlySet<string> = new Set(['wrong-wire-type']);

export const HUGE_STRING_BYTES = 1024 * 1024;
const HUGE_REPEATED_SCALARS = 50_000;
const HUGE_REPEATED_MESSAGES = 10_000;
const MAX_DEPTH = 5;

const INT32_MAX = 2147483647n;
const INT32_MIN = -2147483648n;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const UINT32_MAX = 4294967295n;
const UINT64_MAX = 18446744073709551615n;

/** Strings people do not type, and some they do. */
const ODD_STRINGS: Array<string | Buffer> = [
  '',
  ' ',
  '\u0000',
  ' padded ',
  '\r\n',
  'a'.repeat(10_000),
  '𝕏🙂\u202e\u200b',
  "' OR '1'='1' --",
  '"; DROP TABLE products; --',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '%s%s%s%n',
  '${jndi:ldap://127.0.0.1/x}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  'espresso & ~!@#$%^*()_+|}{:?><,./;[]\\=-`',
  Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), // invalid UTF-8, a lone surrogate
];

function boundaryOf(field: protobuf.Field, rng: Random): Value {
  if (field.resolvedType instanceof protobuf.Enum) return rng.pick([0n, -1n, 99n, INT32_MAX, INT32_MIN]);
  switch (field.type as Scalar) {
    case 'double':
    case 'float':
      return rng.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE, -1e308, 0.1]);
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      // Out of range but at most five bytes (protobufjs misreads 6-9 byte varints: see 'int32-in-6-byte-varint').
      return rng.pick([0n, -1n, INT32_MAX, INT32_MIN, 1n << 33n]);
    case 'uint32':
    case 'fixed32':
      return rng.pick([0n, UINT32_MAX, 1n << 33n, -1n]);
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return rng.pick([0n, -1n, INT64_MAX, INT64_MIN, 9007199254740993n]);
    case 'uint64':
    case 'fixed64':
      return rng.pick([0n, UINT64_MAX, 1n << 63n, 9007199254740993n]);
    case 'bool':
      return rng.pick([2n, 1n << 33n, UINT64_MAX]);
    case 'string':
    case 'bytes':
      return rng.pick(ODD_STRINGS);
    default:
      return 0n;
  }
}

const norm = (name: string): string => name.toLowerCase().replace(/_/g, '');

/** Text a person writes (not an identifier, a code or a URL): where control characters slip past an id's pattern. */
const isFreeText = (field: protobuf.Field): boolean => field.type === 'string' && !/(id|ids|key|token|stream|type|types|url|email|code|currency|number|cvc|phone|scenario|service|signal|prefixes)$/.test(norm(field.name));

/** A value a well-behaved client could send for this field, guessed from its name. */
function plausible(field: protobuf.Field, rng: Random, dict: Dictionary, marker: string): Value {
  const n = norm(field.name);
  const id = () => `${marker}-${rng.word(6)}`;
  const uuid = () => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`;
  const someOf = (list: string[], other: () => string) => (list.length && rng.chance(0.8) ? rng.pick(list) : other());
  if (field.resolvedType instanceof protobuf.Enum) {
    const values = Object.values(field.resolvedType.values);
    return BigInt(rng.chance(0.25) ? 0 : rng.pick(values));
  }
  switch (field.type as Scalar) {
    case 'string': {
      if (n.includes('productid')) return someOf(dict.productIds, id);
      if (n.includes('categoryid') || n === 'category') return someOf(dict.categoryIds, id);
      if (n.includes('guestcartid')) return dict.guestCartId;
      if (n.includes('cartid')) return rng.pick([dict.userId, dict.guestCartId, uuid()]);
      if (n.includes('orderid')) return someOf(dict.orderIds, uuid);
      if (n.includes('paymentid')) return someOf(dict.paymentIds, uuid);
      if (n.includes('shipmentid')) return someOf(dict.shipmentIds, uuid);
      if (/customerid|userid|ownerid|authorid/.test(n)) return dict.userId;
      if (n.includes('currency')) return rng.pick(['USD', 'EUR']);
      if (n.includes('regioncode')) return rng.pick(['US', 'DE', 'FR']);
      if (n.includes('postalcode')) return '62701';
      if (n === 'number') return rng.pick(['4242424242424242', '4000000000000002', '4242424242424241']);
      if (n === 'cvc') return '123';
      if (n.includes('email')) return `${marker}@example.com`;
      if (n.includes('phone')) return '+14155550100';
      if (n.includes('cardtoken')) return someOf(dict.cardTokens, id);
      // An event's id is the store's idempotency key, a UUID (its trace id still names the request).
      if (n === 'id' && /Event$/.test(field.parent?.name ?? '')) return uuid();
      if (n.includes('stream')) return `fuzz-${marker}-${rng.word(4)}`; // never a real stream
      if (n.includes('type') && !n.includes('content')) return `mercato.fuzz.v1.${rng.pick(['Poked', 'Prodded'])}`;
      if (n.includes('contenttype')) return rng.pick(['application/x-protobuf', 'application/json', '']);
      if (n.includes('imageurl')) return TINY_SVG;
      // A closed port: a load run an accepted StartRun begins sends its traffic nowhere.
      if (n.includes('url')) return 'http://127.0.0.1:9';
      if (/query|question/.test(n)) return rng.pick(['espresso', 'hiking boots', 'is it waterproof?']);
      if (n.includes('scenario')) return rng.pick(['browse', 'search', 'checkout']);
      if (n === 'service') return rng.pick(['catalog', 'cart', 'gateway']);
      if (n.includes('token')) return rng.chance(0.5) ? '' : id();
      if (n.includes('ip')) return '127.0.0.1';
      if (/id$|key$/.test(n)) return id();
      return `fuzz ${marker} ${rng.word(5)}`;
    }
    case 'bytes':
      return rng.chance(0.5) ? Buffer.from(JSON.stringify({ fuzz: marker })) : rng.bytes(rng.int(32));
    case 'bool':
      return rng.chance(0.5);
    case 'double':
    case 'float':
      if (n.includes('rate')) return 0.2 + rng.next() * 0.8;
      return Math.round(rng.next() * 1000) / 10;
    default: {
      const small = (min: number, max: number) => BigInt(rng.range(min, max));
      if (n.includes('quantity')) return small(1, 3);
      if (n.includes('pagesize')) return small(1, 50);
      if (n.includes('limit')) return small(1, 10);
      if (n.includes('rating')) return small(1, 5);
      if (n.includes('expirymonth')) return small(1, 12);
      if (n.includes('expiryyear')) return small(2027, 2035);
      if (n === 'units') return small(1, 500);
      if (n === 'nanos') return BigInt(rng.pick([0, 500_000_000]));
      if (n.includes('weight')) return small(100, 2000);
      if (n === 'seconds') return BigInt(Math.floor(Date.now() / 1000) + rng.range(-86_400, 86_400));
      if (/duration|ramp/.test(n)) return small(0, 2);
      if (/intervalms/.test(n)) return small(50, 500);
      if (/count|batch|words|window/.test(n)) return small(1, 100);
      return small(0, 10);
    }
  }
}

/** The one image URL a product takes: an inline SVG. */
const TINY_SVG = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>').toString('base64')}`;

/** Arbitrary values of the right wire type, for 'chaos'. */
function arbitrary(field: protobuf.Field, rng: Random, dict: Dictionary, marker: string): Value {
  if (rng.chance(0.3)) return boundaryOf(field, rng);
  if (rng.chance(0.5)) return plausible(field, rng, dict, marker);
  if (field.type === 'string') return rng.word(rng.int(40));
  if (field.type === 'bytes') return rng.bytes(rng.int(64));
  return BigInt(rng.range(-1000, 1000));
}

interface Plan {
  profile: Profile;
  rng: Random;
  dict: Dictionary;
  marker: string;
  /** Dotted paths of the fields to mutate ("product.name"), chosen once per request. */
  targets: Set<string>;
}

/** Abbreviates what would flood a report: long strings, long lists, raw bytes. */
function show(value: Value): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.length > 48 ? `<${value.length} bytes>` : `0x${value.toString('hex')}`;
  if (typeof value === 'string') return value.length > 80 ? `<${value.length} × ${JSON.stringify(value.slice(0, 12))}…>` : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'object') return value.summary;
  return value;
}

/** Dotted paths of every field down to MAX_DEPTH that `keep` accepts. */
function fieldPaths(type: protobuf.Type, keep: (f: protobuf.Field) => boolean, prefix = '', depth = 0): string[] {
  const out: string[] = [];
  for (const f of type.fieldsArray) {
    if (keep(f)) out.push(prefix + f.name);
    if (f.resolvedType instanceof protobuf.Type && depth < MAX_DEPTH - 1) out.push(...fieldPaths(f.resolvedType, keep, `${prefix}${f.name}.`, depth + 1));
  }
  return out;
}

/** One request of `type` under a profile; `marker` is woven into the identifiers it makes up. */
export function generate(type: protobuf.Type, profile: Profile, rng: Random, dict: Dictionary, marker: string): Generated {
  const targets = new Set<string>();
  const pick = (keep: (f: protobuf.Field) => boolean, count: number) => {
    for (const path of rng.sample(fieldPaths(type, keep), count)) targets.add(path);
  };
  switch (profile) {
    case 'missing':
    case 'boundary':
    case 'duplicates':
    case 'wrong-wire-type':
      pick(() => true, rng.range(1, 3));
      break;
    case 'huge-string':
      pick((f) => f.type === 'string' || f.type === 'bytes', 1);
      break;
    case 'huge-repeated':
      pick((f) => f.repeated, 1);
      break;
    default:
  }
  const plan = { profile, rng, dict, marker, targets };
  const generated = encodeMessage(type, plan, 0, '');
  if (targets.size > 0 || (profile !== 'huge-string' && profile !== 'huge-repeated')) return generated;
  // Nothing to fill: the megabyte (or the hundred thousand elements) ride in an unknown field.
  const w = new Writer().raw(generated.bytes);
  const n = maxField(type) + 1;
  if (profile === 'huge-string') w.tag(n, WIRE.len).lengthDelimited(Buffer.alloc(HUGE_STRING_BYTES, 0x61));
  else w.raw(repeat(new Writer().tag(n, WIRE.varint).varint(UINT32_MAX).finish(), HUGE_REPEATED_SCALARS));
  const what = profile === 'huge-string' ? `<${HUGE_STRING_BYTES} bytes>` : `<${HUGE_REPEATED_SCALARS} repeated varints>`;
  return { bytes: w.finish(), summary: { ...(generated.summary as object), [`<unknown ${n}>`]: what } };
}

function encodeMessage(type: protobuf.Type, plan: Plan, depth: number, prefix: string): Generated {
  const { profile, rng } = plan;
  const w = new Writer();
  const summary: Record<string, unknown> = {};
  if (profile === 'empty' && depth === 0) return { bytes: Buffer.alloc(0), summary };
  // One member per oneof for plausible input; anything goes otherwise.
  const chosen = new Set<string>();
  for (const oneof of type.oneofsArray) if (oneof.fieldsArray.length) chosen.add(rng.pick(oneof.fieldsArray).name);
  for (const field of type.fieldsArray) {
    const path = prefix + field.name;
    const targeted = plan.targets.has(path);
    const leadsToTarget = targeted || [...plan.targets].some((t) => t.startsWith(`${path}.`));
    if (!leadsToTarget) {
      if (field.partOf && !chosen.has(field.name) && !(profile === 'chaos' && rng.chance(0.3))) continue;
      if (profile === 'chaos' ? rng.chance(0.3) : profile !== 'valid' && rng.chance(0.08)) continue;
      if (field.resolvedType instanceof protobuf.Type && depth >= MAX_DEPTH) continue;
    }
    if (profile === 'missing' && targeted) continue;
    summary[field.name] = encodeField(w, field, plan, depth, path, targeted);
  }
  if (profile === 'unknown-fields' && (depth === 0 || rng.chance(0.3))) summary['<unknown>'] = writeUnknownFields(w, type, rng);
  return { bytes: w.finish(), summary };
}

/** `count` copies of `bytes`, end to end. */
function repeat(bytes: Buffer, count: number): Buffer {
  const out = Buffer.alloc(bytes.length * count);
  if (out.length === 0) return out;
  bytes.copy(out, 0);
  for (let filled = bytes.length; filled < out.length; filled *= 2) out.copy(out, filled, 0, Math.min(filled, out.length - filled));
  return out;
}

function maxField(type: protobuf.Type): number {
  return type.fieldsArray.reduce((m, f) => Math.max(m, f.id), 0);
}

function valueFor(field: protobuf.Field, plan: Plan, depth: number, path: string, targeted: boolean): Value {
  const { profile, rng, dict, marker } = plan;
  if (field.resolvedType instanceof protobuf.Type) return encodeMessage(field.resolvedType, plan, depth + 1, `${path}.`);
  if (field.resolvedType instanceof protobuf.Enum && (profile === 'wrong-enum' || (profile === 'chaos' && rng.chance(0.3)))) {
    return rng.pick([99n, -1n, INT32_MAX, 12345n]);
  }
  if (targeted && profile === 'boundary') return boundaryOf(field, rng);
  // Every free-text field at once, the identifiers left plausible so validation reaches the text.
  if (profile === 'control-chars' && isFreeText(field)) return `${String(plausible(field, rng, dict, marker))}\u0000\u001b[2J\u0007`;
  if (targeted && profile === 'huge-string') return Buffer.alloc(HUGE_STRING_BYTES, field.type === 'bytes' ? 0x00 : 0x61);
  if (profile === 'chaos') return arbitrary(field, rng, dict, marker);
  return plausible(field, rng, dict, marker);
}

/** Writes one field (every element of a repeated one); returns its summary. */
function encodeField(w: Writer, field: protobuf.Field, plan: Plan, depth: number, path: string, targeted: boolean): unknown {
  const { profile, rng } = plan;
  const wire = wireOf(field);
  if (targeted && profile === 'wrong-wire-type') {
    // Right field number, wrong wire type: a varint where bytes belong, bytes where a number does.
    if (wire === WIRE.len) {
      w.tag(field.id, WIRE.varint).varint(rng.pick([5n, UINT64_MAX]));
      return '<varint where bytes belong>';
    }
    w.tag(field.id, WIRE.len).lengthDelimited(Buffer.from('not a number'));
    return '<bytes where a number belongs>';
  }
  if (field.repeated) {
    const huge = targeted && profile === 'huge-repeated';
    if (huge) {
      // One element, repeated: the same bytes, so a hundred thousand cost one generation.
      const count = field.resolvedType instanceof protobuf.Type ? HUGE_REPEATED_MESSAGES : HUGE_REPEATED_SCALARS;
      const one = valueFor(field, plan, depth, path, false);
      const element = new Writer();
      if (isNumeric(field)) {
        writeValue(element, field, one);
        w.tag(field.id, WIRE.len).lengthDelimited(repeat(element.finish(), count));
      } else {
        writeValue(element.tag(field.id, wire), field, one);
        w.raw(repeat(element.finish(), count));
      }
      return `<${count} × ${JSON.stringify(show(one))}>`;
    }
    const count = rng.range(profile === 'chaos' ? 0 : 1, 3);
    const values = Array.from({ length: count }, () => valueFor(field, plan, depth, path, targeted));
    // Packed or not: a reader must take both.
    if (isNumeric(field) && rng.chance(0.7)) {
      const inner = new Writer();
      for (const v of values) writeValue(inner, field, v);
      w.tag(field.id, WIRE.len).lengthDelimited(inner.finish());
    } else for (const v of values) writeValue(w.tag(field.id, wire), field, v);
    return values.map(show);
  }
  const value = valueFor(field, plan, depth, path, targeted);
  writeValue(w.tag(field.id, wire), field, value);
  if (targeted && profile === 'duplicates') {
    // The same field again: the last one wins for scalars, messages merge.
    const again = valueFor(field, plan, depth, path, false);
    writeValue(w.tag(field.id, wire), field, again);
    return { first: show(value), then: show(again) };
  }
  return show(value);
}

/** Fields no proto declares, of every wire type (groups included): a reader must skip them. */
function writeUnknownFields(w: Writer, type: protobuf.Type, rng: Random): string[] {
  const numbers = [maxField(type) + 1, 1000, 19_500, 536_870_911];
  const written: string[] = [];
  for (const n of rng.sample(numbers, rng.range(1, numbers.length))) {
    const kind = rng.pick(['varint', 'fixed64', 'len', 'group', 'fixed32'] as const);
    if (kind === 'varint') w.tag(n, WIRE.varint).varint(UINT64_MAX);
    else if (kind === 'fixed64') w.tag(n, WIRE.fixed64).fixed64(-1n, 'int');
    else if (kind === 'len') w.tag(n, WIRE.len).lengthDelimited(rng.bytes(rng.int(100)));
    else if (kind === 'fixed32') w.tag(n, WIRE.fixed32).fixed32(0xdeadbeef, 'uint');
    else w.tag(n, WIRE.startGroup).tag(1, WIRE.varint).varint(7).tag(n, WIRE.endGroup);
    written.push(`${n}:${kind}`);
  }
  return written;
}

/** Bytes that are not a valid encoding of `type` (or only barely are), each with a name. */
export function malformed(type: protobuf.Type, rng: Random, dict: Dictionary, marker: string): Array<{ kind: string; bytes: Buffer }> {
  const fields = type.fieldsArray;
  const first = fields[0];
  const lenField = fields.find((f) => wireOf(f) === WIRE.len)?.id ?? 1;
  const varField = fields.find((f) => wireOf(f) === WIRE.varint)?.id ?? 1;
  const messageField = fields.find((f) => f.resolvedType instanceof protobuf.Type);
  const valid = encodeMessage(type, { profile: 'valid', rng, dict, marker, targets: new Set() }, 0, '').bytes;
  const openGroup = new Writer().tag(999, WIRE.startGroup).finish();
  const w = () => new Writer();
  const cases: Array<{ kind: string; bytes: Buffer }> = [
    { kind: 'truncated-varint', bytes: w().tag(varField, WIRE.varint).raw([0xff, 0xff, 0xff]).finish() },
    { kind: 'overlong-varint', bytes: w().tag(varField, WIRE.varint).raw([...Array<number>(11).fill(0xff), 0x01]).finish() },
    // Legal protobuf (a reader truncates an out-of-range int32), which protobufjs cannot read.
    { kind: 'int32-in-6-byte-varint', bytes: w().tag(varField, WIRE.varint).varint(1n << 40n).finish() },
    { kind: 'length-past-end', bytes: w().tag(lenField, WIRE.len).varint(1000).raw([1, 2, 3]).finish() },
    { kind: 'length-4GiB', bytes: w().tag(lenField, WIRE.len).varint(UINT32_MAX).raw([1]).finish() },
    { kind: 'wire-type-6', bytes: w().tag(first?.id ?? 1, 6).raw([1, 2, 3, 4]).finish() },
    { kind: 'wire-type-7', bytes: w().tag(first?.id ?? 1, 7).finish() },
    { kind: 'field-number-0', bytes: w().tag(0, WIRE.varint).varint(1).finish() },
    { kind: 'unmatched-end-group', bytes: w().tag(lenField, WIRE.endGroup).finish() },
    { kind: 'unterminated-group', bytes: w().tag(999, WIRE.startGroup).tag(1, WIRE.varint).varint(1).finish() },
    { kind: 'deep-groups', bytes: Buffer.concat(Array<Buffer>(50_000).fill(openGroup)) },
    { kind: 'trailing-garbage', bytes: Buffer.concat([valid, Buffer.from([0x80])]) },
    { kind: 'random-bytes', bytes: rng.bytes(rng.range(1, 200)) },
    { kind: 'random-bytes', bytes: rng.bytes(rng.range(1, 16)) },
  ];
  if (valid.length > 1) cases.push({ kind: 'truncated-valid', bytes: valid.subarray(0, rng.range(1, valid.length - 1)) });
  if (messageField) cases.push({ kind: 'garbage-in-nested-message', bytes: w().tag(messageField.id, WIRE.len).lengthDelimited(rng.bytes(rng.range(3, 40))).finish() });
  const stringField = fields.find((f) => f.type === 'string');
  if (stringField) cases.push({ kind: 'invalid-utf8', bytes: w().tag(stringField.id, WIRE.len).lengthDelimited(Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xf8, 0x88, 0x80, 0x80, 0x80])).finish() });
  return cases;
}

/** A request just over the server's message limit (`limitBytes`): refused before any handler runs. */
export function oversized(type: protobuf.Type, limitBytes: number): Buffer {
  const field = type.fieldsArray.find((f) => f.type === 'string' || f.type === 'bytes')?.id ?? maxField(type) + 1;
  return new Writer().tag(field, WIRE.len).lengthDelimited(Buffer.alloc(limitBytes + 64 * 1024, 0x7a)).finish();
}
