// Raw gRPC calls for the security matrix: any method of any proto service, with exactly the
// authorization header a case needs (or a malformed one), no retries and no circuit breaker
// (a breaker opened by a hundred refusals would answer for the server), unary or server-streaming
// (the first message or the status is the answer).
import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition, PackageDefinition } from '@grpc/proto-loader';

export interface RpcMethod {
  /** Full service name, e.g. "mercato.cart.v1.CartService". */
  service: string;
  name: string;
  streaming: boolean;
  definition: MethodDefinition<object, object>;
}

export interface RpcOutcome {
  /** grpc status code (0 = OK). */
  code: grpc.status;
  details: string;
  /** The answer (unary) or the first message (stream), when there was one. */
  message: unknown;
}

/** Every method of a proto service, in declaration order. */
export function methodsOf(protos: PackageDefinition, service: string): RpcMethod[] {
  const def = protos[service] as Record<string, MethodDefinition<object, object>> | undefined;
  if (!def || 'format' in def) throw new Error(`no gRPC service named ${service} in the protos`);
  return Object.entries(def).map(([name, definition]) => ({ service, name, streaming: Boolean(definition.responseStream), definition }));
}

/** An authorization header value, or none: `undefined` sends no header at all. */
export function authMetadata(header: string | undefined): grpc.Metadata {
  const m = new grpc.Metadata();
  if (header !== undefined) m.set('authorization', header);
  return m;
}

/** One client per address, closed by closeAll(). */
export class RpcCaller {
  private readonly clients = new Map<string, grpc.Client>();

  private client(address: string): grpc.Client {
    let c = this.clients.get(address);
    if (!c) {
      c = new grpc.Client(address, grpc.credentials.createInsecure());
      this.clients.set(address, c);
    }
    return c;
  }

  call(address: string, m: RpcMethod, request: object, header: string | undefined, deadlineMs = 15_000): Promise<RpcOutcome> {
    const client = this.client(address);
    const d = m.definition;
    const options = { deadline: Date.now() + deadlineMs };
    const metadata = authMetadata(header);
    if (!m.streaming) {
      return new Promise((resolve) => {
        client.makeUnaryRequest(d.path, d.requestSerialize, d.responseDeserialize, request, metadata, options, (err, res) => {
          if (err) resolve({ code: err.code, details: err.details, message: undefined });
          else resolve({ code: grpc.status.OK, details: '', message: res });
        });
      });
    }
    return new Promise((resolve) => {
      const stream = client.makeServerStreamRequest(d.path, d.requestSerialize, d.responseDeserialize, request, metadata, options);
      let done = false;
      const finish = (o: RpcOutcome): void => {
        if (done) return;
        done = true;
        resolve(o);
      };
      stream.on('data', (message: unknown) => {
        finish({ code: grpc.status.OK, details: '', message });
        stream.cancel();
      });
      stream.on('error', (err: grpc.ServiceError) => finish({ code: err.code, details: err.details, message: undefined }));
      stream.on('status', (s: grpc.StatusObject) => finish({ code: s.code, details: s.details, message: undefined }));
    });
  }

  /**
   * call(), repeated while the answer says the server is busy or away (UNAVAILABLE,
   * DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED): on a loaded machine a dependency times out now and
   * then, and no case here expects those codes.
   */
  async steady(address: string, m: RpcMethod, request: object, header: string | undefined, timeoutMs = 30_000): Promise<RpcOutcome> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const o = await this.call(address, m, request, header);
      if (!TRANSIENT.has(o.code) || Date.now() > until) return o;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  closeAll(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

const TRANSIENT = new Set<number>([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.RESOURCE_EXHAUSTED]);

export const codeName = (code: number): string => grpc.status[code] ?? String(code);

/** Runs `tasks` with at most `limit` in flight, results in order. */
export async function inBatches<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
