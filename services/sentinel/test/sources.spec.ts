// Where metrics come from: the target list, a scrape over HTTP, and Prometheus's range answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTopology } from '@mercato/topology';
import { parseRangeAnswer, PrometheusSource, toScrapes } from '../src/sources/prometheus';
import { Scraper } from '../src/sources/scraper';
import { parseTargets, topologyTargets } from '../src/sources/targets';

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('targets', () => {
  it('reads SENTINEL_TARGETS: host:port or a URL per service', () => {
    expect(parseTargets(' catalog=127.0.0.1:9101, cart=https://cart.internal:9443/metrics ,')).toEqual([
      { service: 'catalog', url: 'http://127.0.0.1:9101/metrics' },
      { service: 'cart', url: 'https://cart.internal:9443/metrics' },
    ]);
  });

  it('names what is wrong with a bad list', () => {
    expect(() => parseTargets('')).toThrow('no targets');
    expect(() => parseTargets('catalog')).toThrow('"catalog" is not name=host:port');
    expect(() => parseTargets('Catalog=a:1')).toThrow('not a service name');
    expect(() => parseTargets('a=b:1,a=c:2')).toThrow('a is listed twice');
    expect(() => parseTargets('a=host')).toThrow('a: "host" is not host:port');
    expect(() => parseTargets('a=host:70000')).toThrow('is not host:port');
  });

  it('defaults to every other service of the topology on its metrics port', () => {
    const topology = loadTopology();
    const targets = topologyTargets(topology, 'sentinel');
    expect(targets.map((t) => t.service)).toEqual(topology.services.filter((s) => s.name !== 'sentinel').map((s) => s.name));
    expect(targets.find((t) => t.service === 'catalog')?.url).toBe(`http://127.0.0.1:${topology.get('catalog').ports.metrics}/metrics`);
  });
});

describe('Scraper', () => {
  it('reads each target, and says which are down and why', async () => {
    const good = await serve((req, res) => res.end('process_resident_memory_bytes{service="a"} 123\nbad line here\n'));
    const failing = await serve((req, res) => res.writeHead(503).end('no'));
    const observed: string[] = [];
    const scraper = new Scraper(
      [
        { service: 'a', url: `${good.url}/metrics` },
        { service: 'b', url: `${failing.url}/metrics` },
        { service: 'c', url: 'http://127.0.0.1:1/metrics' },
      ],
      { timeoutMs: 2000, maxBytes: 1 << 20 },
      { scraped: (service, ok, _s, bad) => observed.push(`${service}:${ok}:${bad}`) },
    );
    try {
      const scrapes = await scraper.poll();
      expect(scrapes).toEqual([expect.objectContaining({ service: 'a', samples: [{ name: 'process_resident_memory_bytes', labels: { service: 'a' }, value: 123 }] })]);
      const status = Object.fromEntries(scraper.statuses().map((s) => [s.service, s]));
      expect(status.a).toMatchObject({ up: true, lastError: expect.stringMatching(/^1 malformed line\(s\) skipped; line 2/) });
      expect(status.b).toMatchObject({ up: false, lastError: 'HTTP 503' });
      expect(status.c).toMatchObject({ up: false, lastError: expect.stringMatching(/ECONNREFUSED/) });
      expect(observed.sort()).toEqual(['a:true:1', 'b:false:0', 'c:false:0']);
    } finally {
      await good.close();
      await failing.close();
    }
  });

  it('gives up on a target that is too slow or too large', async () => {
    const slow = await serve(() => undefined);
    const large = await serve((req, res) => res.end('x 1\n'.repeat(10_000)));
    const scraper = new Scraper([{ service: 'slow', url: slow.url }, { service: 'large', url: large.url }], { timeoutMs: 200, maxBytes: 1000 });
    try {
      await scraper.poll();
      const status = Object.fromEntries(scraper.statuses().map((s) => [s.service, s.lastError]));
      expect(status.slow).toBe('no answer within 200 ms');
      expect(status.large).toBe('answer larger than 1000 bytes');
    } finally {
      await slow.close();
      await large.close();
    }
  });
});

describe('Prometheus', () => {
  const answer = (result: unknown) => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });

  it('turns a range answer into one read per step, replicas told apart by their labels', () => {
    const series = parseRangeAnswer(
      answer([
        { metric: { __name__: 'process_resident_memory_bytes', job: 'cart', pod: 'p1' }, values: [[100, '1'], [115, '2']] },
        { metric: { __name__: 'process_resident_memory_bytes', job: 'cart', pod: 'p2' }, values: [[115, '5']] },
        { metric: { __name__: 'up', job: 'cart', pod: 'p1' }, values: [[115, '1']] },
      ]),
    );
    const { scrapes, up } = toScrapes('cart', series);
    expect(up).toBe(true);
    expect(scrapes).toEqual([
      { service: 'cart', time: 100_000, samples: [{ name: 'process_resident_memory_bytes', labels: { job: 'cart', pod: 'p1' }, value: 1 }] },
      {
        service: 'cart',
        time: 115_000,
        samples: [
          { name: 'process_resident_memory_bytes', labels: { job: 'cart', pod: 'p1' }, value: 2 },
          { name: 'process_resident_memory_bytes', labels: { job: 'cart', pod: 'p2' }, value: 5 },
        ],
      },
    ]);
  });

  it('refuses answers that are not what Prometheus sends, quoting its error when it gives one', () => {
    expect(() => parseRangeAnswer('<html>')).toThrow('not JSON');
    expect(() => parseRangeAnswer(JSON.stringify({ status: 'error', error: 'parse error at char 3' }))).toThrow('Prometheus: parse error at char 3');
    expect(() => parseRangeAnswer(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }))).toThrow('not a matrix');
    expect(() => parseRangeAnswer(answer([{ metric: 3 }]))).toThrow('without metric or values');
  });

  it('asks for the last hour first, then only for what is new', async () => {
    const asked: URLSearchParams[] = [];
    const prom = await serve((req, res) => {
      const params = new URL(req.url!, 'http://x').searchParams;
      asked.push(params);
      const start = Number(params.get('start'));
      res.end(answer([{ metric: { __name__: 'up', job: 'cart' }, values: [[start, '1']] }]));
    });
    try {
      const source = new PrometheusSource(`${prom.url}/`, ['cart'], { stepMs: 15_000, warmupMs: 3_600_000, timeoutMs: 2000, maxBytes: 1 << 20 });
      const now = Date.UTC(2025, 0, 6, 12, 0, 7);
      await source.poll(now);
      await source.poll(now + 30_000);
      expect(asked[0]!.get('query')).toMatch(/^\{job="cart",__name__=~"up\|grpc_server_handling_seconds_bucket\|/);
      expect(Number(asked[0]!.get('end')) - Number(asked[0]!.get('start'))).toBe(3600);
      expect(asked[0]!.get('step')).toBe('15s');
      expect(Number(asked[1]!.get('start'))).toBe(Number(asked[0]!.get('end')) + 15);
      expect(source.statuses()).toEqual([expect.objectContaining({ service: 'cart', up: true, lastError: '' })]);
    } finally {
      await prom.close();
    }
  });
});
