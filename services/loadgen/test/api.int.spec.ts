// The control API over real gRPC: access rules, field-level validation, one run at a time, stop,
// the metrics, and start-up configuration. The gateway is deliberately absent here (a closed port):
// a run then keeps preparing, which is all these checks need; the stack test drives the real one.
import net from 'node:net';
import { Metadata, status } from '@grpc/grpc-js';
import { ConfigError, connect, generateSigningKeys, startService, testServiceEnv, TokenIssuer, asUser, type KitClient, type RunningService } from '@mercato/kit';
import type { LoadgenServiceDefinition } from '@mercato/protos/gen/mercato/loadgen/v1/LoadgenService';
import type { RunConfig } from '@mercato/protos/gen/mercato/loadgen/v1/RunConfig';
import { loadgenConfig, setupLoadgen } from '../src/service';

const LOADGEN = 'mercato.loadgen.v1.LoadgenService';
const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const admin = (): { metadata: Metadata } => asUser(issuer, 'ops-1', ['admin']);

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rpcError(p: Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code: number; details: string };
  }
  throw new Error('expected the call to fail');
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('loadgen control API over gRPC', () => {
  let svc: RunningService<unknown>;
  let client: KitClient<LoadgenServiceDefinition>;
  let target: string;

  beforeAll(async () => {
    target = `http://127.0.0.1:${await closedPort()}`;
    svc = await startService('loadgen', setupLoadgen, { env: testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, LOADGEN_TARGET_URL: target }), config: loadgenConfig });
    client = connect<LoadgenServiceDefinition>(LOADGEN, `127.0.0.1:${svc.grpcPort}`);
  });
  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
  });

  const config = (over: Partial<RunConfig> = {}): RunConfig => ({ targetRate: 5, rampSeconds: 2, durationSeconds: 30, weights: [], targetUrl: '', seed: '0', ...over });

  it('lists the scenarios with their default weights, to anyone', async () => {
    const { scenarios } = await client.call('ListScenarios', {});
    expect(scenarios.map((s) => [s.name, s.defaultWeight])).toEqual([
      ['browse', 5],
      ['search', 3],
      ['view_product', 4],
      ['add_to_cart', 2],
      ['checkout', 1],
      ['view_orders', 1],
    ]);
    expect(scenarios.every((s) => s.description.length > 10)).toBe(true);
  });

  it('answers NOT_FOUND for stats before any run', async () => {
    expect(await rpcError(client.call('GetStats', { runId: '' }))).toMatchObject({ code: status.NOT_FOUND });
  });

  it('lets only admins start and stop runs', async () => {
    expect(await rpcError(client.call('StartRun', { config: config() }))).toMatchObject({ code: status.UNAUTHENTICATED });
    expect(await rpcError(client.call('StartRun', { config: config() }, asUser(issuer, 'shopper-1')))).toMatchObject({ code: status.PERMISSION_DENIED });
    expect(await rpcError(client.call('StopRun', { runId: '' }, asUser(issuer, 'shopper-1')))).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it.each<[string, Partial<RunConfig> | null, string]>([
    ['no config', null, 'config: is required'],
    ['a zero rate', { targetRate: 0 }, 'config.target_rate: must be from 0.01 to 10000, got 0'],
    ['a negative ramp', { rampSeconds: -1 }, 'config.ramp_seconds: must be from 0 to 86400, got -1'],
    ['a duration over a week', { durationSeconds: 700_000 }, 'config.duration_seconds: must be from 0 to 604800, got 700000'],
    ['an unknown scenario', { weights: [{ scenario: 'browse', weight: 1 }, { scenario: 'teleport', weight: 1 }] }, 'config.weights[1].scenario: must be one of browse, search, view_product, add_to_cart, checkout, view_orders'],
    ['a scenario twice', { weights: [{ scenario: 'browse', weight: 1 }, { scenario: 'browse', weight: 2 }] }, 'config.weights[1].scenario: browse is given twice'],
    ['a negative weight', { weights: [{ scenario: 'search', weight: -3 }] }, 'config.weights[0].weight: must be a number from 0 to 1000000'],
    ['every scenario off', { weights: ['browse', 'search', 'view_product', 'add_to_cart', 'checkout', 'view_orders'].map((scenario) => ({ scenario, weight: 0 })) }, 'config.weights: must leave at least one scenario with a positive weight'],
    ['a target that is not http', { targetUrl: 'ftp://gateway:21' }, 'config.target_url: must be an http:// or https:// URL, got "ftp://gateway:21"'],
  ])('refuses %s with INVALID_ARGUMENT naming the field', async (_, over, message) => {
    const err = await rpcError(client.call('StartRun', { config: over === null ? null : config(over) }, admin()));
    expect(err).toMatchObject({ code: status.INVALID_ARGUMENT, details: message });
  });

  it('runs one run at a time; a stopped run finishes, and another may start', async () => {
    const { run } = await client.call('StartRun', { config: config({ weights: [{ scenario: 'checkout', weight: 3 }], seed: '77' }) }, admin());
    expect(run).toMatchObject({ state: 'RUN_STATE_RAMPING_UP', endTime: null });
    expect(run!.config).toMatchObject({ targetRate: 5, rampSeconds: 2, durationSeconds: 30, targetUrl: target, seed: '77' });
    expect(Object.fromEntries(run!.config!.weights.map((w) => [w.scenario, w.weight]))).toEqual({ browse: 5, search: 3, view_product: 4, add_to_cart: 2, checkout: 3, view_orders: 1 });

    expect(await rpcError(client.call('StartRun', { config: config() }, admin()))).toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringContaining(run!.runId) });

    // The gateway is not there: the run keeps preparing and starts no scenario.
    const stats = await client.call('GetStats', { runId: '' });
    expect(stats.run!.runId).toBe(run!.runId);
    expect(stats.scenarios.map((s) => s.scenario)).toEqual(['browse', 'search', 'view_product', 'add_to_cart', 'checkout', 'view_orders']);
    expect(stats.scenarios.every((s) => s.started === '0')).toBe(true);

    const stopped = await client.call('StopRun', { runId: run!.runId }, admin());
    expect(['RUN_STATE_STOPPING', 'RUN_STATE_FINISHED']).toContain(stopped.run!.state);
    const finished = await eventually('the run to finish', async () => {
      const s = await client.call('GetStats', { runId: run!.runId });
      return s.run!.state === 'RUN_STATE_FINISHED' ? s.run! : undefined;
    });
    expect(finished.endTime).not.toBeNull();
    // Stopping a finished run answers it unchanged.
    expect((await client.call('StopRun', { runId: run!.runId }, admin())).run).toEqual(finished);

    const next = await client.call('StartRun', { config: config() }, admin());
    expect(next.run!.runId).not.toBe(run!.runId);
    // The earlier run is still there by id.
    expect((await client.call('GetStats', { runId: run!.runId })).run!.runId).toBe(run!.runId);
    await client.call('StopRun', { runId: '' }, admin());
    await eventually('the second run to finish', async () => ((await client.call('GetStats', { runId: '' })).run!.state === 'RUN_STATE_FINISHED' ? true : undefined));
    expect(await rpcError(client.call('GetStats', { runId: 'no-such-run' }))).toMatchObject({ code: status.NOT_FOUND });
    // A megabyte of id is refused, not echoed back in a trailer no client accepts.
    const huge = 'a'.repeat(1024 * 1024);
    expect(await rpcError(client.call('GetStats', { runId: huge }))).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('run_id') });
    expect(await rpcError(client.call('StopRun', { runId: huge }, admin()))).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('run_id') });
  });

  it('exposes its metrics with every scenario and outcome from the start', async () => {
    const text = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
    for (const scenario of ['browse', 'search', 'view_product', 'add_to_cart', 'checkout', 'view_orders']) {
      for (const outcome of ['ok', 'expected_failure', 'rate_limited', 'unexpected_error', 'dropped', 'aborted']) {
        expect(text).toContain(`loadgen_scenarios_total{scenario="${scenario}",outcome="${outcome}",service="loadgen"} 0`);
      }
    }
    expect(text).toMatch(/^loadgen_inflight\{service="loadgen"\} 0$/m);
    expect(text).toMatch(/^loadgen_target_rate\{service="loadgen"\} 0$/m);
    expect(text).toContain('# TYPE loadgen_scenario_duration_seconds histogram');
  });
});

describe('loadgen start-up configuration', () => {
  it('starts a run at start-up when LOADGEN_RATE > 0, with the settings given', async () => {
    const target = `http://127.0.0.1:${await closedPort()}`;
    const svc = await startService('loadgen', setupLoadgen, {
      env: testServiceEnv({ LOADGEN_TARGET_URL: target, LOADGEN_RATE: '3', LOADGEN_RAMP_SECONDS: '4', LOADGEN_DURATION_SECONDS: '50', LOADGEN_WEIGHTS: '{"checkout":0}' }),
      config: loadgenConfig,
    });
    const client = connect<LoadgenServiceDefinition>(LOADGEN, `127.0.0.1:${svc.grpcPort}`);
    try {
      const { run } = await client.call('GetStats', { runId: '' });
      expect(run!.config).toMatchObject({ targetRate: 3, rampSeconds: 4, durationSeconds: 50, targetUrl: target });
      expect(run!.config!.weights.find((w) => w.scenario === 'checkout')!.weight).toBe(0);
    } finally {
      client.close();
      await svc.shutdown();
    }
  });

  it('targets the gateway from GATEWAY_ADDR when LOADGEN_TARGET_URL is unset', async () => {
    const svc = await startService('loadgen', setupLoadgen, { env: testServiceEnv({ GATEWAY_ADDR: '127.0.0.1:1', LOADGEN_RATE: '1' }), config: loadgenConfig });
    const client = connect<LoadgenServiceDefinition>(LOADGEN, `127.0.0.1:${svc.grpcPort}`);
    try {
      expect((await client.call('GetStats', { runId: '' })).run!.config!.targetUrl).toBe('http://127.0.0.1:1');
    } finally {
      client.close();
      await svc.shutdown();
    }
  });

  it.each([
    ['LOADGEN_RATE', '-1'],
    ['LOADGEN_RATE', 'fast'],
    ['LOADGEN_RATE', '0.001'],
    ['LOADGEN_RAMP_SECONDS', '1.5'],
    ['LOADGEN_DURATION_SECONDS', '-5'],
    ['LOADGEN_WEIGHTS', '{"teleport":1}'],
    ['LOADGEN_WEIGHTS', '{"browse":-1}'],
    ['LOADGEN_WEIGHTS', '[5]'],
    ['LOADGEN_TARGET_URL', 'gateway:8080'],
    ['GATEWAY_ADDR', 'http://gateway:8080'],
  ])('refuses %s=%s, naming the variable', async (variable, value) => {
    const started = startService('loadgen', setupLoadgen, { env: testServiceEnv({ [variable]: value }), config: loadgenConfig });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toMatchObject({ variable });
  });
});
