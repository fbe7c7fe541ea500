// loadgen against the real suite, as `npm start` runs it (each service its own process: the
// commerce services and the gateway, on PGlite and on PostgreSQL): the CLI's run function for
// 10 s at 5/s must see every scenario run and no unexpected error; then the service, driven over
// gRPC, runs until stopped and shows its outcomes in its stats and metrics.
import { postgresForTests, testServerUrl } from '@mercato/db';
import { asUser, connect, generateSigningKeys, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { LoadgenServiceDefinition } from '@mercato/protos/gen/mercato/loadgen/v1/LoadgenService';
import { startStack, type Stack } from '@mercato/runner';
import { eventually as waitFor } from '../../../tests/support/suite';
import { checkRunOptions } from '../src/options';
import { renderReport } from '../src/report';
import { runLoad } from '../src/run';
import { loadgenConfig, setupLoadgen } from '../src/service';
import { SCENARIO_NAMES } from '../src/mix';

const SERVICES = ['eventstore', 'catalog', 'cart', 'inventory', 'payments', 'shipping', 'risk', 'orders', 'order-history', 'gateway'];

const eventually = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => waitFor(what, probe, 60_000, 100);

describe.each(['pglite', 'postgres'] as const)('loadgen against the suite on %s', (backend) => {
  const keys = generateSigningKeys();
  const issuer = new TokenIssuer(keys.privateKey);
  const dbPrefix = `mercato_lg_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const logs: string[] = [];
  let stack: Stack | undefined;
  let gatewayUrl = '';

  beforeAll(async () => {
    if (backend === 'postgres' && !(await postgresForTests())) return;
    stack = await startStack({
      only: SERVICES,
      randomPorts: true,
      signingKeys: keys,
      ...(backend === 'postgres' ? { postgres: testServerUrl(), databasePrefix: dbPrefix } : {}),
      env: { LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '1000' },
      serviceEnv: { gateway: { COOKIE_SECURE: 'false' } },
      startTimeoutMs: 90_000,
      output: (line) => logs.push(line),
    });
    gatewayUrl = `http://127.0.0.1:${stack.processes.find((p) => p.name === 'gateway')!.httpPort}`;
    // The runner waits for gRPC health; the gateway speaks HTTP, so wait for its /healthz.
    await eventually('the gateway to be healthy', async () => ((await fetch(`${gatewayUrl}/healthz`)).status === 200 ? true : undefined));
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    if (backend === 'postgres' && stack) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${dbPrefix}%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);

  const run = (name: string, fn: () => Promise<void>, timeout = 120_000) =>
    it(
      name,
      async () => {
        if (stack) await fn();
      },
      timeout,
    );

  run('the CLI run: 10 s at 5/s, every scenario runs, no unexpected error', async () => {
    const options = checkRunOptions(
      // The seed fixes the mix: with it, these 45 arrivals include every scenario.
      { targetUrl: gatewayUrl, rate: 5, rampSeconds: 2, durationSeconds: 10, users: 8, seed: '20261124' },
      { targetUrl: 'url', rate: 'rate', rampSeconds: 'ramp', durationSeconds: 'duration', weights: 'weights', users: 'users', seed: 'seed', maxInflight: 'max-inflight', requestTimeoutMs: 'timeout' },
    );
    const report = await runLoad(options, { prepareAttempts: 3 });
    const table = renderReport(report);
    if (report.failure || report.unexpectedErrors > 0) process.stderr.write(`${table}\n${logs.slice(-40).join('\n')}\n`);
    expect(report.failure).toBeUndefined();
    expect(report.errors).toEqual([]);
    expect(report.unexpectedErrors).toBe(0);
    expect(report.state).toBe('finished');
    const started = report.scenarios.reduce((n, s) => n + s.started, 0);
    const dropped = report.scenarios.reduce((n, s) => n + s.counts.dropped, 0);
    expect(started + dropped).toBe(45);
    for (const s of report.scenarios) {
      // Each scenario ran and got its answers (checkout may end declined or out of stock, as designed).
      expect({ scenario: s.scenario, answered: s.counts.ok + s.counts.expected_failure > 0 }).toEqual({ scenario: s.scenario, answered: true });
      expect(s.counts.aborted).toBe(0);
      expect(s.p50Ms).toBeGreaterThan(0);
    }
    expect(table).toContain('OK: no unexpected errors');
  });

  run('the service: StartRun over gRPC drives the gateway until StopRun, with stats and metrics', async () => {
    const gatewayAddr = gatewayUrl.replace('http://', '');
    let svc: RunningService<unknown> | undefined;
    let client: KitClient<LoadgenServiceDefinition> | undefined;
    try {
      svc = await startService('loadgen', setupLoadgen, { env: testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, GATEWAY_ADDR: gatewayAddr }), config: loadgenConfig });
      client = connect<LoadgenServiceDefinition>('mercato.loadgen.v1.LoadgenService', `127.0.0.1:${svc.grpcPort}`);
      const admin = asUser(issuer, 'ops', ['admin']);
      const { run: started } = await client.call('StartRun', { config: { targetRate: 8, rampSeconds: 0, durationSeconds: 0, weights: [], targetUrl: '', seed: '5' } }, admin);
      expect(started!.config!.targetUrl).toBe(gatewayUrl);
      const stats = await eventually('scenarios to succeed', async () => {
        const s = await client!.call('GetStats', { runId: started!.runId });
        return s.run!.state === 'RUN_STATE_RUNNING' && s.scenarios.reduce((n, x) => n + Number(x.succeeded), 0) >= 20 ? s : undefined;
      });
      expect(stats.scenarios.map((s) => s.scenario)).toEqual([...SCENARIO_NAMES]);

      const metrics = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
      const ok = [...metrics.matchAll(/^loadgen_scenarios_total\{[^}]*outcome="ok"[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
      expect(ok).toBeGreaterThanOrEqual(20);
      expect(metrics).toMatch(/^loadgen_target_rate\{service="loadgen"\} 8$/m);
      expect(metrics).toMatch(/^loadgen_scenario_duration_seconds_count\{[^}]*scenario="browse"[^}]*\} [1-9]\d*$/m);

      await client.call('StopRun', { runId: started!.runId }, admin);
      const finished = await eventually('the run to finish', async () => {
        const s = await client!.call('GetStats', { runId: started!.runId });
        return s.run!.state === 'RUN_STATE_FINISHED' ? s : undefined;
      });
      const unexpected = finished.scenarios.reduce((n, s) => n + Number(s.unexpectedFailures), 0);
      expect(unexpected).toBe(0);
      expect(finished.scenarios.find((s) => s.scenario === 'browse')!.latencyP50Ms).toBeGreaterThan(0);
      const after = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
      expect(after).toMatch(/^loadgen_target_rate\{service="loadgen"\} 0$/m);
      expect(after).toMatch(/^loadgen_inflight\{service="loadgen"\} 0$/m);
    } finally {
      client?.close();
      await svc?.shutdown();
    }
  });
});
