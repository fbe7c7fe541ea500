// Hot-path counters count in plain numbers and hand them to prom-client on every registry read.
import { KitMetrics } from '@mercato/kit';

describe('hot counters', () => {
  it('show every increment at each read, once', async () => {
    const m = new KitMetrics('hot-test', { runtimeMetrics: false });
    const labels = { grpc_type: 'unary', grpc_service: 's.v1.S', grpc_method: 'M' };
    const started = m.hot(m.serverStarted, labels);
    const line = (n: number) => `grpc_server_started_total{grpc_type="unary",grpc_service="s.v1.S",grpc_method="M",service="hot-test"} ${n}`;
    started.inc();
    started.inc();
    started.inc();
    expect(await m.registry.metrics()).toContain(line(3));
    expect(await m.registry.metrics()).toContain(line(3));
    started.inc();
    const json = await m.registry.getMetricsAsJSON();
    expect(json.find((x) => x.name === 'grpc_server_started_total')?.values).toEqual([{ labels: { ...labels, service: 'hot-test' }, value: 4 }]);
    // Asking again for the same series gives the same child; a plain inc adds to what it counted.
    expect(m.hot(m.serverStarted, { grpc_method: 'M', grpc_service: 's.v1.S', grpc_type: 'unary' })).toBe(started);
    m.serverStarted.inc(labels);
    expect(await m.registry.metrics()).toContain(line(5));
  });
});
