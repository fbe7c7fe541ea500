// Clients for the standard endpoints every service has: grpc.health.v1 and server reflection.
// The stack runner and tests use them to check a service from the outside, as grpcurl would.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';

const healthProto = path.join(path.dirname(require.resolve('grpc-health-check/package.json')), 'proto/health/v1/health.proto');
const reflectionProto = path.join(path.dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');

type Ctor = new (address: string, creds: grpc.ChannelCredentials, options?: grpc.ChannelOptions) => grpc.Client;
let ctors: { Health: Ctor; Reflection: Ctor } | undefined;

function load(): { Health: Ctor; Reflection: Ctor } {
  if (!ctors) {
    const opts = { keepCase: true, longs: String, enums: String, defaults: true };
    const health = grpc.loadPackageDefinition(protoLoader.loadSync(healthProto, opts)) as unknown as { grpc: { health: { v1: { Health: Ctor } } } };
    const refl = grpc.loadPackageDefinition(protoLoader.loadSync(reflectionProto, opts)) as unknown as { grpc: { reflection: { v1: { ServerReflection: Ctor } } } };
    ctors = { Health: health.grpc.health.v1.Health, Reflection: refl.grpc.reflection.v1.ServerReflection };
  }
  return ctors;
}

/** grpc.health.v1 Check: "SERVING", "NOT_SERVING", ... ; rejects when the server is unreachable. */
export function checkHealth(address: string, service = '', timeoutMs = 1_000): Promise<string> {
  const client = new (load().Health)(address, grpc.credentials.createInsecure()) as grpc.Client & {
    Check(req: object, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: { status: string }) => void): void;
  };
  return new Promise<string>((resolve, reject) => {
    client.Check({ service }, { deadline: Date.now() + timeoutMs }, (err, res) => {
      client.close();
      if (err) reject(err);
      else resolve(res?.status ?? 'UNKNOWN');
    });
  });
}

interface ReflectionResponse {
  list_services_response?: { service: { name: string }[] };
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  error_response?: { error_code: number; error_message: string };
}

/** One reflection request/response over the bidirectional stream. */
async function reflect(address: string, request: object, timeoutMs: number): Promise<ReflectionResponse> {
  const client = new (load().Reflection)(address, grpc.credentials.createInsecure()) as grpc.Client & {
    ServerReflectionInfo(opts: grpc.CallOptions): grpc.ClientDuplexStream<object, ReflectionResponse>;
  };
  try {
    return await new Promise<ReflectionResponse>((resolve, reject) => {
      const stream = client.ServerReflectionInfo({ deadline: Date.now() + timeoutMs });
      stream.once('data', (res: ReflectionResponse) => {
        resolve(res);
        stream.cancel();
      });
      stream.once('error', (err: grpc.ServiceError) => {
        if (err.code !== grpc.status.CANCELLED) reject(err);
      });
      stream.write(request);
      stream.end();
    });
  } finally {
    client.close();
  }
}

/** The services a server lists through reflection. */
export async function listServices(address: string, timeoutMs = 2_000): Promise<string[]> {
  const res = await reflect(address, { list_services: '' }, timeoutMs);
  if (res.error_response) throw new Error(res.error_response.error_message);
  return (res.list_services_response?.service ?? []).map((s) => s.name).sort();
}

/** Describes a method ("pkg.Service/Method" or "pkg.Service.Method") through reflection. */
export async function describeMethod(address: string, method: string, timeoutMs = 2_000): Promise<{ name: string; inputType: string; outputType: string; serverStreaming: boolean }> {
  const [service, name] = method.includes('/') ? (method.split('/') as [string, string]) : [method.slice(0, method.lastIndexOf('.')), method.slice(method.lastIndexOf('.') + 1)];
  const res = await reflect(address, { file_containing_symbol: service }, timeoutMs);
  if (res.error_response) throw new Error(res.error_response.error_message);
  for (const bytes of res.file_descriptor_response?.file_descriptor_proto ?? []) {
    const file = FileDescriptorProto.decode(bytes) as unknown as {
      package: string;
      service: { name: string; method: { name: string; inputType: string; outputType: string; serverStreaming?: boolean }[] }[];
    };
    for (const s of file.service ?? []) {
      if (`${file.package}.${s.name}` !== service) continue;
      const m = s.method.find((x) => x.name === name);
      if (m) return { name: m.name, inputType: m.inputType.replace(/^\./, ''), outputType: m.outputType.replace(/^\./, ''), serverStreaming: Boolean(m.serverStreaming) };
    }
  }
  throw new Error(`reflection does not describe ${method}`);
}
