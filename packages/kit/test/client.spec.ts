import { status } from '@grpc/grpc-js';
import { KitMetrics } from '@mercato/kit';
import { createServer, type AddressInfo } from 'node:net';
import { echoClient, scrape, startEcho, startRelay, testEnv, type EchoRequest } from './echo';

describe('kit client', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  const seen: EchoRequest[] = [];
  beforeAll(async () => {
    echo = await startEcho(undefined, { onCall: (r) => seen.push(r) });
  });
  afterAll(async () => {
    await echo.shutdown();
  });

  it.each<[string, EchoRequest]>([
    ['UNAVAILABLE', { failCode: status.UNAVAILABLE }],
    ['DEADLINE_EXCEEDED', { delayMs: 300 }],
  ])('opens the breaker on %s and then fails fast', async (_name, req) => {
    const metrics = new KitMetrics('caller', { runtimeMetrics: false });
    const client = echoClient(echo.grpcPort, { metrics, deadlineMs: 100, breaker: { volumeThreshold: 4 } });
    for (let i = 0; i < 4; i++) {
      await expect(client.call('Echo', { message: 'x', ...req })).rejects.toMatchObject({ code: req.failCode ?? status.DEADLINE_EXCEEDED });
    }
    expect(client.state).toBe('open');
    const before = seen.length;
    await expect(client.call('Echo', { message: 'fast' })).rejects.toMatchObject({ code: status.UNAVAILABLE, message: expect.stringContaining('circuit open') });
    expect(seen.length).toBe(before); // refused without reaching the server
    const text = await metrics.registry.metrics();
    expect(text).toContain('mercato_breaker_state{target="echo",service="caller"} 2');
    expect(text).toMatch(/mercato_breaker_events_total\{target="echo",event="open",service="caller"\} 1/);
    client.close();
  });

  it.each([
    ['INVALID_ARGUMENT', status.INVALID_ARGUMENT],
    ['NOT_FOUND', status.NOT_FOUND],
    ['FAILED_PRECONDITION', status.FAILED_PRECONDITION],
    ['PERMISSION_DENIED', status.PERMISSION_DENIED],
  ])('keeps the breaker closed on %s', async (_name, code) => {
    const metrics = new KitMetrics('caller', { runtimeMetrics: false });
    const client = echoClient(echo.grpcPort, { metrics, breaker: { volumeThreshold: 4 } });
    for (let i = 0; i < 20; i++) {
      await expect(client.call('Echo', { failCode: code })).rejects.toMatchObject({ code });
    }
    expect(client.state).toBe('closed');
    await expect(client.call('Echo', { message: 'still fine' })).resolves.toMatchObject({ message: 'still fine' });
    // The client's mistakes are counted apart from the calls that succeeded.
    const text = await metrics.registry.metrics();
    expect(text).toContain('mercato_breaker_events_total{target="echo",event="filtered",service="caller"} 20');
    expect(text).toContain('mercato_breaker_events_total{target="echo",event="success",service="caller"} 1');
    expect(text).toContain('mercato_breaker_events_total{target="echo",event="failure",service="caller"} 0');
    client.close();
  });

  it('serves the fallback when the target is sick or the breaker is open', async () => {
    const client = echoClient(echo.grpcPort, { breaker: { volumeThreshold: 2 } });
    const fallback = () => ({ message: 'from fallback', deadlineLeftMs: '-1', userId: '' });
    for (let i = 0; i < 3; i++) {
      await expect(client.call('Echo', { failCode: status.UNAVAILABLE }, { fallback })).resolves.toMatchObject({ message: 'from fallback' });
    }
    expect(client.state).toBe('open');
    // A client error is never hidden behind a fallback.
    const healthy = echoClient(echo.grpcPort);
    await expect(healthy.call('Echo', { failCode: status.INVALID_ARGUMENT }, { fallback })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    client.close();
    healthy.close();
  });

  it('refuses calls beyond the bulkhead capacity without tripping the breaker', async () => {
    const client = echoClient(echo.grpcPort, { breaker: { capacity: 2, volumeThreshold: 1 } });
    const calls = [1, 2, 3, 4].map(() => client.call('Echo', { delayMs: 100 }).then(() => 'ok', (e: { code: number }) => e.code));
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
    expect(outcomes.filter((o) => o === status.RESOURCE_EXHAUSTED)).toHaveLength(2);
    expect(client.state).toBe('closed');
    client.close();
  });

  it('retries idempotent methods on UNAVAILABLE and never retries the others', async () => {
    const metrics = new KitMetrics('caller', { runtimeMetrics: false });
    const client = echoClient(echo.grpcPort, { metrics, retry: { enabled: true, maxAttempts: 3 } });
    const before = seen.length;
    await expect(client.call('Echo', { message: 'r', failCode: status.UNAVAILABLE })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(seen.length - before).toBe(3);
    const mid = seen.length;
    await expect(client.call('Write', { message: 'w', failCode: status.UNAVAILABLE })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(seen.length - mid).toBe(1);
    expect(await metrics.registry.metrics()).toMatch(/mercato_client_retries_total\{target="echo",grpc_method="Echo",service="caller"\} 2/);
    client.close();
  });

  it('does not retry when retries are switched off (the mesh retries instead)', async () => {
    const client = echoClient(echo.grpcPort, { retry: { enabled: false } });
    const before = seen.length;
    await expect(client.call('Echo', { failCode: status.UNAVAILABLE })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(seen.length - before).toBe(1);
    client.close();
  });

  it('gives a downstream call the remaining deadline of the incoming call', async () => {
    const relay = await startRelay(echo.grpcPort);
    const client = echoClient(relay.grpcPort, { deadlineMs: 800 });
    const res = await client.call('Relay', { message: 'via relay' });
    // The relay's own default for echo.Echo is 5 s; the caller's 800 ms must win.
    const left = Number(res.deadlineLeftMs);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(800);
    expect(res.message).toBe('via relay');
    client.close();
    await relay.shutdown();
  });

  it('streams server-streaming responses', async () => {
    const client = echoClient(echo.grpcPort);
    const got: number[] = [];
    for await (const msg of client.stream('Count', { count: 5 })) got.push((msg as { n: number }).n);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    client.close();
  });

  it('counts every streamed message on both sides', async () => {
    const metrics = new KitMetrics('stream-test', { runtimeMetrics: false });
    const client = echoClient(echo.grpcPort, { metrics });
    for await (const _ of client.stream('Count', { count: 7 })) void _;
    const labels = 'grpc_type="server_stream",grpc_service="mercato.test.echo.v1.EchoService",grpc_method="Count"';
    expect(await metrics.registry.metrics()).toContain(`grpc_client_msg_received_total{${labels},service="stream-test"} 7`);
    // The echo server is shared by this file's tests: at least these 7 messages.
    const sent = new RegExp(`grpc_server_msg_sent_total\\{${labels},service="echo"\\} (\\d+)`).exec(await scrape(echo.metricsPort));
    expect(Number(sent?.[1])).toBeGreaterThanOrEqual(7);
    client.close();
  });

  it('waits for a target to come up without a call, so the breaker stays shut', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const metrics = new KitMetrics('ready-test', { runtimeMetrics: false });
    const client = echoClient(port, { metrics });
    await expect(client.ready(300)).rejects.toMatchObject({ code: status.UNAVAILABLE, message: expect.stringContaining(`echo is not reachable at 127.0.0.1:${port}`) });
    const waiting = client.ready(20_000);
    const late = await startEcho(testEnv({ GRPC_PORT: String(port) }));
    await expect(waiting).resolves.toBeUndefined();
    await expect(client.call('Echo', { message: 'up' })).resolves.toMatchObject({ message: 'up' });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/mercato_breaker_events_total\{target="echo",event="failure"[^}]*\} 0\n/);
    client.close();
    await late.shutdown();
  });
});
