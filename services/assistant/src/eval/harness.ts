// The running system the evaluation measures: real assistants over gRPC reading a real catalog
// service (seeded, in-process, on PostgreSQL or PGlite) or, in quick mode, the seed from memory;
// with signed shopper and admin tokens.
import type { ClientReadableStream } from '@grpc/grpc-js';
import { catalogConfig, loadSeed, setupCatalog } from '@mercato/catalog';
import { asUser, connect, generateSigningKeys, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { AssistantServiceDefinition } from '@mercato/protos/gen/mercato/assistant/v1/AssistantService';
import { ASSISTANT_SERVICE } from '../api';
import { assistantConfig, assistantSetup, setupAssistant, type AssistantConfig } from '../service';
import { seedCatalog } from './seed-catalog';

export type AssistantClient = KitClient<AssistantServiceDefinition>;

export interface Harness {
  /** "service": the catalog service over gRPC; "memory": the seed read from memory. */
  catalog: 'service' | 'memory';
  /** Call options of a signed-in shopper. */
  shopper: { metadata: import('@grpc/grpc-js').Metadata };
  admin: { metadata: import('@grpc/grpc-js').Metadata };
  startAssistant(env?: Record<string, string>): Promise<{ running: RunningService<AssistantConfig>; client: AssistantClient; address: string }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  catalog: 'service' | 'memory';
  /** PostgreSQL for the catalog service; unset, PGlite in memory. */
  databaseUrl?: string | undefined;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const keys = generateSigningKeys();
  const issuer = new TokenIssuer(keys.privateKey);
  const catalog =
    options.catalog === 'service'
      ? await startService('catalog', setupCatalog, { env: testServiceEnv({ DATABASE_URL: options.databaseUrl, JWT_PUBLIC_KEY: keys.publicKey }), config: catalogConfig })
      : undefined;
  // Without a catalog service the address is never dialled; it only has to be well formed.
  const catalogAddress = catalog ? `127.0.0.1:${catalog.grpcPort}` : '127.0.0.1:9';
  const setup = catalog ? setupAssistant : assistantSetup({ catalog: seedCatalog((await loadSeed()).products) });
  const started: Array<{ running: RunningService<AssistantConfig>; client: AssistantClient }> = [];
  return {
    catalog: options.catalog,
    shopper: asUser(issuer, 'eval-shopper'),
    admin: asUser(issuer, 'eval-admin', ['admin']),
    async startAssistant(env = {}) {
      const running = await startService('assistant', setup, {
        env: testServiceEnv({ CATALOG_ADDR: catalogAddress, JWT_PUBLIC_KEY: keys.publicKey, ...env }),
        config: assistantConfig,
      });
      const address = `127.0.0.1:${running.grpcPort}`;
      const client = connect<AssistantServiceDefinition>(ASSISTANT_SERVICE, address);
      started.push({ running, client });
      return { running, client, address };
    },
    async stop() {
      for (const s of started.reverse()) {
        s.client.close();
        await s.running.shutdown();
      }
      await catalog?.shutdown();
    },
  };
}

/** Every message of a server stream, in order; a failed stream rejects with its status. */
export async function collect<M>(stream: ClientReadableStream<M>): Promise<M[]> {
  const out: M[] = [];
  for await (const m of stream as AsyncIterable<M>) out.push(m);
  return out;
}
