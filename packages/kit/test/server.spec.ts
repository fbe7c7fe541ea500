import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { status } from '@grpc/grpc-js';
import { TokenIssuer, generateSigningKeys, checkHealth, listServices, describeMethod, GrpcError, startService } from '@mercato/kit';
import { ECHO, echoClient, echoHandlers, echoProtos, scrape, startEcho, testEnv, testTopology } from './echo';

describe('kit server', () => {
  it('answers health and reflection', async () => {
    const echo = await startEcho();
    const address = `127.0.0.1:${echo.grpcPort}`;
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(checkHealth(address, ECHO)).resolves.toBe('SERVING');
    await expect(listServices(address)).resolves.toEqual([ECHO]);
    await expect(describeMethod(address, `${ECHO}/Count`)).resolves.toEqual({
      name: 'Count', inputType: 'mercato.test.echo.v1.CountRequest', outputType: 'mercato.test.echo.v1.CountResponse', serverStreaming: true,
    });
    await echo.shutdown();
  });

  it('exports gRPC metrics with the go-grpc-prometheus names and labels', async () => {
    const echo = await startEcho();
    const client = echoClient(echo.grpcPort);
    await client.call('Echo', { message: 'a' });
    await expect(client.call('Echo', { failCode: status.INVALID_ARGUMENT })).rejects.toBeDefined();
    const text = await scrape(echo.metricsPort);
    const labels = `grpc_type="unary",grpc_service="${ECHO}",grpc_method="Echo"`;
    expect(text).toContain(`grpc_server_started_total{${labels},service="echo"} 2`);
    expect(text).toContain(`grpc_server_handled_total{${labels},grpc_code="OK",service="echo"} 1`);
    expect(text).toContain(`grpc_server_handled_total{${labels},grpc_code="InvalidArgument",service="echo"} 1`);
    const hist = `service="echo",${labels}`;
    expect(text).toContain(`grpc_server_handling_seconds_bucket{le="+Inf",${hist}} 2`);
    expect(text).toContain(`grpc_server_handling_seconds_count{${hist}} 2`);
    expect(text).toContain(`grpc_server_msg_received_total{${labels},service="echo"} 2`);
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds\{service="echo"\}/);
    expect(text).toMatch(/process_resident_memory_bytes\{service="echo"\}/);
    const clientText = await (client as unknown as { options: { metrics: { registry: { metrics(): Promise<string> } } } }).options.metrics.registry.metrics();
    expect(clientText).toContain(`grpc_client_handled_total{${labels},grpc_code="OK",service="test-caller"} 1`);
    expect(clientText).toContain(`grpc_client_handled_total{${labels},grpc_code="InvalidArgument",service="test-caller"} 1`);
    expect(clientText).toContain(`grpc_client_started_total{${labels},service="test-caller"} 2`);
    expect(clientText).toContain(`grpc_client_handling_seconds_count{service="test-caller",${labels}} 2`);
    client.close();
    await echo.shutdown();
  });

  it('lets an in-flight call finish on shutdown and refuses new ones', async () => {
    const echo = await startEcho();
    const client = echoClient(echo.grpcPort);
    await client.call('Echo', { message: 'warm' });
    const inFlight = client.call('Echo', { message: 'slow', delayMs: 400 });
    await new Promise((r) => setTimeout(r, 50)); // let the slow call reach the handler
    const stopping = echo.shutdown();
    const late = echoClient(echo.grpcPort, { deadlineMs: 500 });
    await expect(late.call('Write', { message: 'late' })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(inFlight).resolves.toMatchObject({ message: 'slow' });
    await expect(stopping).resolves.toBe('clean');
    client.close();
    late.close();
  });

  it('ends open server streams with UNAVAILABLE on drain, so shutdown stays clean', async () => {
    const echo = await startEcho(testEnv({ SHUTDOWN_GRACE_MS: '20000' }));
    const client = echoClient(echo.grpcPort, { deadlineMs: 30_000 });
    const stream = client.stream('Count', { count: 0 });
    const first = once(stream, 'data');
    const ended = new Promise<number>((resolve) => stream.on('error', (e: GrpcError) => resolve(e.code)));
    await first;
    await expect(echo.shutdown()).resolves.toBe('clean');
    expect(await ended).toBe(status.UNAVAILABLE);
    client.close();
  });

  it('forces shutdown after the grace period', async () => {
    const echo = await startEcho(testEnv({ SHUTDOWN_GRACE_MS: '100' }));
    const client = echoClient(echo.grpcPort, { deadlineMs: 5_000 });
    const stuck = client.call('Echo', { delayMs: 3_000 }).catch((e: GrpcError) => e.code);
    await new Promise((r) => setTimeout(r, 50));
    await expect(echo.shutdown()).resolves.toBe('forced');
    // grpc-js ends a force-closed stream as CANCELLED or UNAVAILABLE depending on timing.
    expect([status.CANCELLED, status.UNAVAILABLE]).toContain(await stuck);
    client.close();
  });

  it('maps an unexpected error to INTERNAL without leaking it, and logs it with an incident id', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString()); cb(); } });
    const svc = await startService('echo', (kit) => {
      kit.serve(ECHO, { ...echoHandlers(), Echo: async () => { throw new Error('db password=hunter2 at /srv/secret.ts:12'); } } as never);
    }, { env: testEnv({ LOG_LEVEL: 'error' }), topology: testTopology, protos: echoProtos, logDestination: sink });
    const client = echoClient(svc.grpcPort);
    const err = await client.call('Echo', {}).catch((e: GrpcError) => e);
    expect(err).toMatchObject({ code: status.INTERNAL });
    expect((err as GrpcError).message).toMatch(/^internal error \(incident [0-9a-f-]{36}\)$/);
    const incident = /incident ([0-9a-f-]{36})/.exec((err as GrpcError).message)![1];
    const logged = lines.map((l) => JSON.parse(l) as { incident?: string; err?: { stack?: string } }).find((l) => l.incident === incident);
    expect(logged?.err?.stack).toContain('hunter2');
    client.close();
    await svc.shutdown();
  });

  it('cuts status details quoting a huge input, so the answer still reaches the client', async () => {
    const echo = await startEcho();
    const client = echoClient(echo.grpcPort, { deadlineMs: 5_000 });
    const huge = 'x'.repeat(1024 * 1024);
    const err = (await client.call('Echo', { failCode: status.NOT_FOUND, message: huge }).catch((e: GrpcError) => e)) as GrpcError;
    expect(err.code).toBe(status.NOT_FOUND);
    expect(err.message.length).toBeLessThanOrEqual(1024);
    expect(err.message).toMatch(/^asked to fail with 5: x+…$/);
    client.close();
    await echo.shutdown();
  });

  it('authenticates bearer tokens and enforces access rules', async () => {
    const keys = generateSigningKeys();
    const echo = await startEcho(testEnv({ JWT_PUBLIC_KEY: keys.publicKey }), { access: { Echo: 'user', Write: 'admin' } });
    const issuer = new TokenIssuer(keys.privateKey);
    const other = new TokenIssuer(generateSigningKeys().privateKey);
    const client = echoClient(echo.grpcPort);
    const call = (method: 'Echo' | 'Write', token?: string) => {
      const { Metadata } = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
      const md = new Metadata();
      if (token) md.set('authorization', `Bearer ${token}`);
      return client.call(method, { message: 'm' }, { metadata: md });
    };
    await expect(call('Echo')).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(call('Echo', issuer.issue('alice'))).resolves.toMatchObject({ userId: 'alice' });
    await expect(call('Echo', issuer.issue('alice', { now: Date.now() - 3_600_000, ttlSeconds: 60 }))).rejects.toMatchObject({ code: status.UNAUTHENTICATED, message: expect.stringContaining('expired') });
    await expect(call('Echo', other.issue('mallory'))).rejects.toMatchObject({ code: status.UNAUTHENTICATED, message: expect.stringContaining('signature') });
    const good = issuer.issue('alice');
    await expect(call('Echo', good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA'))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(call('Write', issuer.issue('alice'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(call('Write', issuer.issue('root', { roles: ['admin'] }))).resolves.toMatchObject({ message: 'm' });
    client.close();
    await echo.shutdown();
  });

  it('injects faults from the flags file and removes them at runtime', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mercato-faults-'));
    const file = path.join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify({ rules: [] }));
    const echo = await startEcho(testEnv({ FAULTS_FILE: file }));
    const client = echoClient(echo.grpcPort, { breaker: { volumeThreshold: 1000 } });
    await expect(client.call('Echo', { message: 'before' })).resolves.toMatchObject({ message: 'before' });

    let changed = once(echo.kit.faults, 'change');
    writeFileSync(file, JSON.stringify({ rules: [{ method: `${ECHO}/Echo`, errorRate: 1, errorCode: 'UNAVAILABLE' }] }));
    await changed;
    await expect(client.call('Echo', { message: 'during' })).rejects.toMatchObject({ code: status.UNAVAILABLE, message: expect.stringContaining('injected fault') });
    await expect(client.call('Write', { message: 'other method' })).resolves.toMatchObject({ message: 'other method' });
    let text = await scrape(echo.metricsPort);
    expect(text).toContain(`mercato_faults_active{method="${ECHO}/Echo",service="echo"} 1`);
    expect(text).toContain(`mercato_fault_injections_total{grpc_service="${ECHO}",grpc_method="Echo",kind="error",service="echo"} 1`);

    changed = once(echo.kit.faults, 'change');
    writeFileSync(file, JSON.stringify({ rules: [] }));
    await changed;
    await expect(client.call('Echo', { message: 'after' })).resolves.toMatchObject({ message: 'after' });
    text = await scrape(echo.metricsPort);
    expect(text).not.toContain(`mercato_faults_active{method="${ECHO}/Echo"`);
    client.close();
    await echo.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs no handler for a caller that gave up during an injected delay', async () => {
    const seen: string[] = [];
    const rules = { rules: [{ method: `${ECHO}/Write`, delayMs: 300 }] };
    const echo = await startEcho(testEnv({ FAULTS: JSON.stringify(rules) }), { onCall: (req) => seen.push(req.message ?? '') });
    const client = echoClient(echo.grpcPort, { breaker: { volumeThreshold: 1000 } });
    await expect(client.call('Write', { message: 'gave up' }, { deadlineMs: 50 })).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
    // This call starts after the first one's delay began, so when it is answered that delay is over.
    await expect(client.call('Write', { message: 'waited' })).resolves.toMatchObject({ message: 'waited' });
    expect(seen).toEqual(['waited']);
    client.close();
    await echo.shutdown();
  });

  it("aborts a call's signal when its caller gives up, whether the handler asked for it before or after", async () => {
    // Echo asks for the signal at once; Write only once the caller has already gone.
    let callerGone!: () => void;
    const gone = new Promise<void>((resolve) => (callerGone = resolve));
    let seenEarly!: (code: unknown) => void;
    let seenLate!: (code: unknown) => void;
    const early = new Promise((resolve) => (seenEarly = resolve));
    const late = new Promise((resolve) => (seenLate = resolve));
    const echo = await startService('echo', (kit) => {
      kit.serve(ECHO, {
        ...echoHandlers(),
        Echo: async (_req: unknown, ctx: import('@mercato/kit').CallContext) => {
          const signal = ctx.signal;
          await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
          seenEarly((signal.reason as GrpcError).code);
          return { message: '', deadlineLeftMs: '-1', userId: '' };
        },
        Write: async (_req: unknown, ctx: import('@mercato/kit').CallContext) => {
          await gone;
          await new Promise<void>((resolve) => (ctx.call.cancelled ? resolve() : ctx.call.once('cancelled', () => resolve())));
          seenLate(ctx.signal.aborted && (ctx.signal.reason as GrpcError).code);
          return { message: '', deadlineLeftMs: '-1', userId: '' };
        },
      } as never);
    }, { env: testEnv(), topology: testTopology, protos: echoProtos });
    const client = echoClient(echo.grpcPort, { breaker: { volumeThreshold: 1000 } });
    try {
      await expect(client.call('Echo', { message: 'early' }, { deadlineMs: 100 })).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
      await expect(client.call('Write', { message: 'late' }, { deadlineMs: 100 })).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
      callerGone();
      expect(await Promise.all([early, late])).toEqual([status.CANCELLED, status.CANCELLED]);
    } finally {
      client.close();
      await echo.shutdown();
    }
  });

  it('refuses to start on a taken port with a clear message', async () => {
    const first = await startEcho();
    await expect(startEcho(testEnv({ GRPC_PORT: String(first.grpcPort) }))).rejects.toThrow(`gRPC port ${first.grpcPort} on 127.0.0.1 is already in use`);
    await expect(startEcho(testEnv({ METRICS_PORT: String(first.metricsPort) }))).rejects.toThrow(`metrics port ${first.metricsPort} on 127.0.0.1 is already in use`);
    await first.shutdown();
  });
});
