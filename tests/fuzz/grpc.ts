// gRPC for the fuzzer: which RPCs the running suite serves (the topology names the gRPC services
// of each process, the loaded protos their methods), a channel that sends raw bytes (so malformed
// protobuf reaches the server untouched), and the verdict on each answer.
import * as grpc from '@grpc/grpc-js';
import { loadTopology } from '@mercato/topology';
import type { Who } from './ledger';
import { generate, malformed, MALFORMED_PROFILES, oversized, PROFILES, type Dictionary, type ProtoModel, type Rpc } from './protobuf';
import type { Random } from './random';

export interface GrpcTarget {
  /** The process, e.g. "cart". */
  name: string;
  address: string;
  rpcs: Rpc[];
}

/** Every RPC of every running process that serves gRPC, from the topology and the protos. */
export function grpcTargets(processes: ReadonlyArray<{ name: string; grpcPort?: number }>, model: ProtoModel): GrpcTarget[] {
  const topology = loadTopology();
  return processes
    .filter((p) => p.grpcPort !== undefined && topology.get(p.name).serves.length > 0)
    .map((p) => ({ name: p.name, address: `127.0.0.1:${p.grpcPort}`, rpcs: topology.get(p.name).serves.flatMap((s) => model.rpcs(s)) }));
}

export interface GrpcAnswer {
  code: grpc.status;
  details: string;
  /** Messages received (streams). */
  messages: number;
  /** A stream still open when its cap was reached, then cancelled by us: it was being served. */
  cancelledByUs: boolean;
}

const passthrough = (b: Buffer): Buffer => b;

/** A channel that sends bytes as they are, with no size limits of its own. */
export class RawChannel {
  private readonly client: grpc.Client;

  constructor(address: string) {
    this.client = new grpc.Client(address, grpc.credentials.createInsecure(), {
      'grpc.max_send_message_length': -1,
      'grpc.max_receive_message_length': -1,
      // Every call is its own case: no retries hiding an answer.
      'grpc.enable_retries': 0,
      // A connection of its own, not one shared with other clients of the same address.
      'grpc.use_local_subchannel_pool': 1,
    });
  }

  unary(path: string, bytes: Buffer, metadata: grpc.Metadata, deadlineMs: number): Promise<GrpcAnswer> {
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(path, passthrough, passthrough, bytes, metadata, { deadline: Date.now() + deadlineMs }, (err, res) => {
        resolve(err ? { code: err.code, details: err.details, messages: 0, cancelledByUs: false } : { code: grpc.status.OK, details: '', messages: res ? 1 : 0, cancelledByUs: false });
      });
    });
  }

  /** A server stream read until it ends, `maxMessages` arrive or `maxMs` pass (then cancelled). */
  stream(path: string, bytes: Buffer, metadata: grpc.Metadata, deadlineMs: number, cap: { maxMessages: number; maxMs: number }): Promise<GrpcAnswer> {
    return new Promise((resolve) => {
      const call = this.client.makeServerStreamRequest(path, passthrough, passthrough, bytes, metadata, { deadline: Date.now() + deadlineMs });
      let messages = 0;
      let cancelledByUs = false;
      const stop = (): void => {
        cancelledByUs = true;
        call.cancel();
      };
      const timer = setTimeout(stop, cap.maxMs);
      call.on('data', () => {
        if (++messages >= cap.maxMessages && !cancelledByUs) stop();
      });
      call.on('error', () => undefined); // the status below says it all
      call.on('status', (s: grpc.StatusObject) => {
        clearTimeout(timer);
        resolve({ code: s.code, details: s.details, messages, cancelledByUs: cancelledByUs && s.code === grpc.status.CANCELLED });
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

export const codeName = (code: number): string => (grpc.status as unknown as Record<number, string>)[code] ?? `CODE_${code}`;

/**
 * Answers that are right for a client's mistake (or for input good enough to serve): the request
 * was refused with a status the caller can act on, or served. Everything else is a finding:
 * INTERNAL and UNKNOWN (a handler failed on input it should have refused), DATA_LOSS,
 * UNIMPLEMENTED, and UNAVAILABLE or DEADLINE_EXCEEDED (a service, or one it calls, fell over, hung
 * or tripped a breaker) — those two once the request, sent again alone, fails the same way: on a
 * busy machine a dependency's deadline can pass for any request.
 */
export const CLIENT_MISTAKE_CODES: ReadonlySet<number> = new Set([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.NOT_FOUND,
  grpc.status.ALREADY_EXISTS,
  grpc.status.PERMISSION_DENIED,
  grpc.status.UNAUTHENTICATED,
  grpc.status.FAILED_PRECONDITION,
  // Optimistic concurrency lost to another of our own concurrent requests on the same stream.
  grpc.status.ABORTED,
  grpc.status.OUT_OF_RANGE,
  // Over the message size limit, or a bulkhead full.
  grpc.status.RESOURCE_EXHAUSTED,
]);

/** grpc-js's own answer to bytes that do not parse as the request type, before any handler runs. */
export const UNPARSEABLE = 'Error deserializing request';

export interface Verdict {
  answer: string;
  details?: string;
  /** Served (true), refused (false), or unknown (undefined: a timeout or a dropped connection may have taken effect). */
  accepted: boolean | undefined;
  problem?: string;
}

/** Answers that leave the outcome unknown: the server may have done the work before the caller stopped waiting. */
const INDETERMINATE: ReadonlySet<number> = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.CANCELLED]);

/**
 * The verdict on one answer. `mayBeUnparseable`: the bytes were malformed on purpose, so the
 * transport's INTERNAL "Error deserializing request" is the right answer — the gRPC status code
 * specification names INTERNAL for a request the server cannot parse, and no handler ran.
 */
export function judge(a: GrpcAnswer, mayBeUnparseable: boolean): Verdict {
  if (a.code === grpc.status.OK) return { answer: 'OK', accepted: true };
  if (a.cancelledByUs) return { answer: 'STREAMING', accepted: true };
  const answer = codeName(a.code);
  if (CLIENT_MISTAKE_CODES.has(a.code)) return { answer, accepted: false, details: a.details.slice(0, 200) };
  if (a.code === grpc.status.INTERNAL && a.details === UNPARSEABLE && mayBeUnparseable) return { answer: 'UNPARSEABLE', accepted: false };
  // grpc-js's own INTERNAL on our side when the connection went away under the call (GOAWAY, a reset):
  // the call's fate is unknown, and it is sent again before it counts.
  if (a.code === grpc.status.INTERNAL && /^(Failed to start HTTP\/2 stream|Received RST_STREAM)/.test(a.details)) return { answer: 'CONNECTION_LOST', accepted: undefined, problem: `INTERNAL: ${a.details}` };
  return { answer, accepted: INDETERMINATE.has(a.code) ? undefined : false, problem: `${answer}: ${a.details}` };
}

// ---------------------------------------------------------------------------------------------
// Cases.

export interface GrpcCase {
  /** The generator's profile, "raw:<malformation>", "oversized" or "metadata:<what>". */
  kind: string;
  marker: string;
  bytes: Buffer;
  /** What the generator meant to send, readable. */
  summary?: unknown;
  /** Malformed on purpose: the transport's "Error deserializing request" is the right answer. */
  mayBeUnparseable: boolean;
  /** Sent once, the identity taking turns (raw bytes are refused before identity matters, unless they parse). */
  once?: boolean;
  /** Sent only as this identity. */
  who?: Who;
  /** Metadata of its own (bad headers). */
  metadata?: (m: grpc.Metadata) => void;
}

export interface CaseInputs {
  rng: Random;
  dict: Dictionary;
  /** A fresh case marker for each case. */
  marker: () => string;
  /** Generated requests per RPC: every profile once, then random ones. */
  count: number;
  serverMaxMessageBytes: number;
  /** Bad metadata too (once per service is enough: it is checked before any handler). */
  withMetadata?: { expiredToken: string; foreignToken: string };
}

/** The requests one RPC gets: generated from its descriptor, raw malformed bytes, one over the size limit, bad metadata. */
export function grpcCases(rpc: Rpc, o: CaseInputs): GrpcCase[] {
  const cases: GrpcCase[] = [];
  for (let i = 0; i < Math.max(o.count, PROFILES.length); i++) {
    const profile = i < PROFILES.length ? PROFILES[i]! : o.rng.pick(PROFILES);
    const marker = o.marker();
    const g = generate(rpc.requestType, profile, o.rng, o.dict, marker);
    // A megabyte costs the same to refuse whoever sends it: the admin's copy reaches every validation.
    const huge = profile === 'huge-string' || profile === 'huge-repeated';
    cases.push({ kind: profile, marker, bytes: g.bytes, summary: g.summary, mayBeUnparseable: MALFORMED_PROFILES.has(profile), ...(huge ? { who: 'admin' as Who } : {}) });
  }
  const marker = o.marker();
  for (const m of malformed(rpc.requestType, o.rng, o.dict, marker)) cases.push({ kind: `raw:${m.kind}`, marker, bytes: m.bytes, mayBeUnparseable: true, once: true });
  cases.push({ kind: 'oversized', marker, bytes: oversized(rpc.requestType, o.serverMaxMessageBytes), mayBeUnparseable: false, once: true });
  if (o.withMetadata) {
    const { expiredToken, foreignToken } = o.withMetadata;
    const valid = generate(rpc.requestType, 'valid', o.rng, o.dict, marker);
    const binary = o.rng.bytes(64);
    const bad: Array<[string, (m: grpc.Metadata) => void]> = [
      ['authorization-no-token', (m) => m.set('authorization', 'Bearer')],
      ['authorization-basic', (m) => m.set('authorization', 'Basic Zm9vOmJhcg==')],
      ['authorization-expired', (m) => m.set('authorization', `Bearer ${expiredToken}`)],
      ['authorization-foreign', (m) => m.set('authorization', `Bearer ${foreignToken}`)],
      ['authorization-huge', (m) => m.set('authorization', `Bearer ${'a'.repeat(5000)}.b.c`)],
      ['metadata-16KiB', (m) => m.set('x-fuzz', 'v'.repeat(16_000))],
      ['binary-metadata', (m) => m.set('x-fuzz-bin', binary)],
    ];
    for (const [kind, set] of bad) cases.push({ kind: `metadata:${kind}`, marker, bytes: valid.bytes, summary: valid.summary, mayBeUnparseable: false, who: 'anonymous', metadata: set });
  }
  return cases;
}

/** The exact request, readable: the generator's summary and the bytes (in full when short). */
export function describeGrpcCase(c: GrpcCase): string {
  const hex = c.bytes.length <= 256 ? c.bytes.toString('hex') : `${c.bytes.subarray(0, 64).toString('hex')}… (${c.bytes.length} bytes)`;
  return `${c.summary === undefined ? '' : `${JSON.stringify(c.summary)} `}bytes=${hex || '(empty)'}`;
}
