// Sentinel over real gRPC: scraping a real Mercato service (the catalog, on the embedded store and
// on PostgreSQL) and, in a second set-up, reading a Prometheus whose history holds a memory leak.
import { status } from '@grpc/grpc-js';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { asUser, connect, generateSigningKeys, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import { testDatabaseIfAvailable } from '@mercato/db';
import { catalogConfig, setupCatalog } from '@mercato/catalog';
import { loadTopology } from '@mercato/topology';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { SentinelServiceDefinition } from '@mercato/protos/gen/mercato/sentinel/v1/SentinelService';
import { parseMemoryQuantity } from '../src/signals/definitions';
import { sentinelConfig, setupSentinel } from '../src/service';

const SENTINEL = 'mercato.sentinel.v1.SentinelService';
const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const admin = () => asUser(issuer, 'ops', ['admin']);
const topology = loadTopology();
const memoryLimit = (service: string) => parseMemoryQuantity(topology.get(service).resources.limits.memory)!;

/** Polls `probe` until it returns something, or fails after the deadline. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(['pglite', 'postgres'] as const)('sentinel scraping the catalog on %s', (backend) => {
  let catalog: RunningService<unknown> | undefined;
  let sentinel: RunningService<unknown> | undefined;
  let client: KitClient<SentinelServiceDefinition>;
  let shop: KitClient<CatalogServiceDefinition>;
  let dropDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const catalogEnv = testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey });
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_sentinel_catalog');
      if (!db) return;
      dropDb = db.drop;
      catalogEnv.DATABASE_URL = db.url;
    }
    catalog = await startService('catalog', setupCatalog, { env: catalogEnv, config: catalogConfig });
    const targets = `catalog=127.0.0.1:${catalog.metricsPort},ghost=127.0.0.1:${await closedPort()}`;
    sentinel = await startService('sentinel', setupSentinel, { env: testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, SENTINEL_TARGETS: targets, SENTINEL_SCRAPE_INTERVAL_SECONDS: '1' }), config: sentinelConfig });
    client = connect<SentinelServiceDefinition>(SENTINEL, `127.0.0.1:${sentinel.grpcPort}`);
    shop = connect<CatalogServiceDefinition>('mercato.catalog.v1.CatalogService', `127.0.0.1:${catalog.grpcPort}`);
  });
  afterAll(async () => {
    client?.close();
    shop?.close();
    await sentinel?.shutdown();
    await catalog?.shutdown();
    await dropDb?.();
  });
  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (sentinel) await fn();
    });

  run('lists its targets: the catalog up, a closed port down with the reason', async () => {
    const targets = await eventually(async () => {
      const res = await client.call('ListTargets', {}, admin());
      return res.targets.find((t) => t.service === 'catalog')?.up && res.targets.find((t) => t.service === 'ghost')?.lastScrapeTime ? res.targets : undefined;
    }, 'a first scrape of both targets');
    expect(targets.find((t) => t.service === 'catalog')).toMatchObject({ url: `http://127.0.0.1:${catalog!.metricsPort}/metrics`, up: true, lastError: '' });
    expect(targets.find((t) => t.service === 'ghost')).toMatchObject({ up: false, lastError: 'ECONNREFUSED' });
  });

  run('watches the catalog\'s signals: the runtime at once, a method\'s latency once it has traffic', async () => {
    await eventually(async () => ((await client.call('ListTargets', {}, admin())).targets.find((t) => t.service === 'catalog')?.up ? true : undefined), 'the catalog scraped');
    for (let i = 0; i < 120; i++) await shop.call('ListProducts', { page: { pageSize: 5 } });
    const p99 = 'grpc_server_handling_seconds:p99{grpc_method="ListProducts"}';
    const signals = await eventually(async () => {
      const res = await client.call('ListSignals', { service: 'catalog' }, admin());
      return res.signals.some((s) => s.signal === p99) ? res.signals : undefined;
    }, 'the ListProducts latency signal');
    const byName = Object.fromEntries(signals.map((s) => [s.signal, s]));
    expect(byName[p99]).toMatchObject({ service: 'catalog', unit: 'seconds' });
    expect(byName[p99]!.currentValue).toBeGreaterThan(0);
    expect(byName['grpc_server_handling_seconds:slow_ratio{grpc_method="ListProducts"}']).toMatchObject({ unit: 'ratio', currentValue: 0 });
    expect(byName['grpc_server_handled_total:error_ratio']).toMatchObject({ currentValue: 0 });
    expect(byName.process_resident_memory_bytes!.currentValue).toBeGreaterThan(10 * 2 ** 20);
    expect(byName.nodejs_heap_size_used_bytes).toMatchObject({ unit: 'bytes' });
    expect(byName.nodejs_eventloop_lag_p99_seconds).toMatchObject({ unit: 'seconds' });
    expect(signals.every((s) => s.service === 'catalog')).toBe(true);
  });

  run('answers one signal\'s recent points and its line', async () => {
    const res = await eventually(async () => {
      const r = await client.call('GetSignal', { service: 'catalog', signal: 'process_resident_memory_bytes', windowSeconds: 600 }, admin()).catch(() => undefined);
      return r && r.points.length >= 2 ? r : undefined;
    }, 'two points of resident memory');
    expect(res.signal).toMatchObject({ service: 'catalog', signal: 'process_resident_memory_bytes', unit: 'bytes' });
    expect(res.threshold).toBeCloseTo(0.9 * memoryLimit('catalog'), 0);
    const times = res.points.map((p) => Number(p.time!.seconds) * 1000 + p.time!.nanos / 1e6);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(res.points.every((p) => p.value > 0)).toBe(true);
  });

  run('publishes its signals and targets as Prometheus metrics', async () => {
    const body = await eventually(async () => {
      const text = await get(`http://127.0.0.1:${sentinel!.metricsPort}/metrics`);
      return /mercato_sentinel_signal_value\{service="catalog",signal="process_resident_memory_bytes"\} \d/.test(text) ? text : undefined;
    }, 'the signal metrics');
    expect(body).toMatch(/mercato_sentinel_target_up\{target="catalog"[^}]*\} 1/);
    expect(body).toMatch(/mercato_sentinel_target_up\{target="ghost"[^}]*\} 0/);
    expect(body).toMatch(/mercato_sentinel_predicted_breach\{service="catalog",signal="process_resident_memory_bytes",kind="MEMORY_LEAK"\} 0/);
    expect(body).toMatch(/mercato_sentinel_signal_threshold\{service="catalog",signal="nodejs_eventloop_lag_p99_seconds"\} 0\.2/);
    expect(body).toMatch(/mercato_sentinel_scrapes_total\{target="ghost",outcome="error"[^}]*\} [1-9]/);
  });

  run('predicts nothing for a healthy catalog', async () => {
    const res = await client.call('ListPredictions', { includeResolved: true }, admin());
    expect(res.predictions).toEqual([]);
    expect(Number(res.evaluateTime!.seconds)).toBeGreaterThan(0);
  });

  run('answers INVALID_ARGUMENT naming the field, NOT_FOUND for an unknown signal', async () => {
    const invalid = (field: string) => ({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(new RegExp(`^${field}: `)) });
    await expect(client.call('GetSignal', { service: '', signal: 'x' }, admin())).rejects.toMatchObject(invalid('service'));
    await expect(client.call('GetSignal', { service: 'payments', signal: 'x' }, admin())).rejects.toMatchObject(invalid('service'));
    await expect(client.call('GetSignal', { service: 'catalog', signal: '' }, admin())).rejects.toMatchObject(invalid('signal'));
    await expect(client.call('GetSignal', { service: 'catalog', signal: 'x', windowSeconds: -5 }, admin())).rejects.toMatchObject(invalid('window_seconds'));
    await expect(client.call('GetSignal', { service: 'catalog', signal: 'x', windowSeconds: 999_999 }, admin())).rejects.toMatchObject(invalid('window_seconds'));
    await expect(client.call('ListSignals', { service: 'Not A Service' }, admin())).rejects.toMatchObject(invalid('service'));
    await expect(client.call('ListPredictions', { minSeverity: 9 as never }, admin())).rejects.toMatchObject(invalid('min_severity'));
    await expect(client.call('GetSignal', { service: 'catalog', signal: 'no_such_signal' }, admin())).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  run('is for admins only', async () => {
    await expect(client.call('ListPredictions', {})).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(client.call('ListTargets', {}, asUser(issuer, 'shopper'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });
});

describe('sentinel reading Prometheus', () => {
  const MIN = 60_000;
  const MiB = 2 ** 20;
  const line = 0.9 * memoryLimit('payments');
  const startedAt = Date.now();
  // payments' resident memory climbs 1.5 MiB/min and reaches its line 15 minutes after start-up.
  const rss = (t: number) => line - 1.5 * MiB * ((startedAt + 15 * MIN - t) / MIN) + 0.2 * MiB * Math.sin(t / 7_000);
  let prometheus: http.Server;
  let sentinel: RunningService<unknown> | undefined;
  let client: KitClient<SentinelServiceDefinition>;
  const logs: string[] = [];

  beforeAll(async () => {
    prometheus = http.createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      const query = url.searchParams.get('query') ?? '';
      const [start, end, step] = ['start', 'end', 'step'].map((k) => parseFloat(url.searchParams.get(k) ?? 'NaN'));
      const result = [];
      if (url.pathname === '/api/v1/query_range' && query.includes('job="payments"')) {
        const times: number[] = [];
        for (let t = start!; t <= end!; t += step!) times.push(t);
        result.push({ metric: { __name__: 'up', job: 'payments', instance: 'p:9105' }, values: times.map((t) => [t, '1']) });
        result.push({ metric: { __name__: 'process_resident_memory_bytes', job: 'payments', instance: 'p:9105' }, values: times.map((t) => [t, String(Math.round(rss(t * 1000)))]) });
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
    });
    await new Promise<void>((resolve) => prometheus.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}`;
    sentinel = await startService('sentinel', setupSentinel, {
      env: testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, SENTINEL_PROMETHEUS_URL: url, LOG_LEVEL: 'warn' }),
      config: sentinelConfig,
      logDestination: { write: (line: string) => void logs.push(line) },
    });
    client = connect<SentinelServiceDefinition>(SENTINEL, `127.0.0.1:${sentinel.grpcPort}`);
  });
  afterAll(async () => {
    client?.close();
    await sentinel?.shutdown();
    await new Promise<void>((resolve) => prometheus.close(() => resolve()));
  });

  it('warms up from the last hour and predicts the leak at once: gRPC, metrics and a warn line', async () => {
    const predictions = await eventually(async () => {
      const res = await client.call('ListPredictions', { service: 'payments', minSeverity: 'SEVERITY_WARNING' }, admin());
      return res.predictions.length ? res.predictions : undefined;
    }, 'a prediction');
    expect(predictions).toHaveLength(1);
    const p = predictions[0]!;
    expect(p).toMatchObject({ service: 'payments', signal: 'process_resident_memory_bytes', kind: 'PREDICTION_KIND_MEMORY_LEAK', resolveTime: null });
    expect(p.threshold).toBeCloseTo(line, 0);
    expect(p.confidence).toBeGreaterThan(0.9);
    const eta = (Number(p.breachTime!.seconds) * 1000 - startedAt) / MIN;
    expect(eta).toBeGreaterThan(11);
    expect(eta).toBeLessThan(19);
    expect(p.leadTimeSeconds).toBeGreaterThan(8 * 60);
    expect(p.summary).toMatch(/^payments resident memory rises 1\.\d MiB\/min/);

    const metrics = await get(`http://127.0.0.1:${sentinel!.metricsPort}/metrics`);
    expect(metrics).toMatch(/mercato_sentinel_predicted_breach\{service="payments",signal="process_resident_memory_bytes",kind="MEMORY_LEAK"\} 1/);
    expect(metrics).toMatch(/mercato_sentinel_breach_eta_seconds\{service="payments",signal="process_resident_memory_bytes"\} \d+/);
    expect(metrics).toMatch(/mercato_sentinel_predictions_total\{service="payments",kind="MEMORY_LEAK",severity="(warning|critical)"[^}]*\} 1/);

    const warn = logs.map((l) => JSON.parse(l) as { level: string; msg: string; service: string; signal?: string }).find((l) => l.level === 'warn' && l.msg.startsWith('predicted breach'));
    expect(warn).toMatchObject({ signal: 'process_resident_memory_bytes', msg: expect.stringContaining('payments resident memory') });

    const targets = (await client.call('ListTargets', {}, admin())).targets;
    expect(targets.find((t) => t.service === 'payments')).toMatchObject({ up: true, lastError: '', url: expect.stringContaining('{job="payments"}') });
    expect(targets.find((t) => t.service === 'catalog')).toMatchObject({ up: false, lastError: 'no series with job="catalog"' });
  });

  it('refuses two sources at once, and a bad target list, naming the variable', async () => {
    const start = (extra: Record<string, string>) => startService('sentinel', setupSentinel, { env: testServiceEnv(extra), config: sentinelConfig });
    await expect(start({ SENTINEL_TARGETS: 'a=127.0.0.1:1', SENTINEL_PROMETHEUS_URL: 'http://127.0.0.1:9' })).rejects.toThrow(/SENTINEL_TARGETS must be unset when SENTINEL_PROMETHEUS_URL is set/);
    await expect(start({ SENTINEL_TARGETS: 'catalog' })).rejects.toThrow(/SENTINEL_TARGETS must be name=host:port entries.*"catalog" is not name=host:port/);
    await expect(start({ SENTINEL_SCRAPE_INTERVAL_SECONDS: '0' })).rejects.toThrow(/SENTINEL_SCRAPE_INTERVAL_SECONDS must be an integer from 1 to 3600/);
  });
});
