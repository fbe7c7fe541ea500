import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { findRoot, loadTopology, readTopologyFile, TopologyError, writeTopologyFile, type Topology } from '../src';

const ROOT = findRoot(__dirname);

// The call graph of ARCHITECTURE.md, plus the event store for every event-sourced service and every
// event consumer. loadgen reaches the gateway over HTTP; sentinel scrapes metrics instead of calling.
const EXPECTED_EDGES = [
  'gateway -> catalog', 'gateway -> cart', 'gateway -> orders', 'gateway -> order-history',
  'gateway -> recommendations', 'gateway -> assistant', 'gateway -> shipping', 'gateway -> eventstore',
  'cart -> catalog', 'cart -> eventstore',
  'orders -> cart', 'orders -> catalog', 'orders -> risk', 'orders -> inventory', 'orders -> payments',
  'orders -> shipping', 'orders -> eventstore',
  'order-history -> eventstore',
  'inventory -> eventstore',
  'payments -> eventstore',
  'shipping -> eventstore',
  'recommendations -> catalog', 'recommendations -> eventstore',
  'risk -> eventstore',
  'assistant -> catalog',
  'loadgen -> gateway (http)',
].sort();

const SERVICES = [
  'assistant', 'cart', 'catalog', 'eventstore', 'gateway', 'inventory', 'loadgen', 'order-history',
  'orders', 'payments', 'recommendations', 'risk', 'sentinel', 'shipping',
];

describe('the real topology', () => {
  let topology: Topology;
  beforeAll(() => {
    topology = loadTopology();
  });

  it('finds the repository root and every service', () => {
    expect(topology.root).toBe(ROOT);
    expect(topology.services.map((s) => s.name)).toEqual(SERVICES);
    for (const s of topology.services) expect(s.dir).toBe(path.join(ROOT, 'services', s.name));
  });

  it('has exactly the call graph of ARCHITECTURE.md', () => {
    const edges = topology.services
      .flatMap((s) => s.calls.map((c) => `${s.name} -> ${c.service}${c.protocol === 'http' ? ' (http)' : ''}`))
      .sort();
    expect(edges).toEqual(EXPECTED_EDGES);
    expect(topology.get('sentinel').scrapes).toBe('all');
    expect(topology.get('sentinel').calls).toEqual([]);
  });

  it('gives every service unique ports in the agreed ranges', () => {
    const ports = topology.services.flatMap((s) => Object.values(s.ports));
    expect(new Set(ports).size).toBe(ports.length);
    for (const s of topology.services) {
      expect(s.ports.metrics).toBeGreaterThanOrEqual(9101);
      expect(s.ports.metrics).toBeLessThanOrEqual(9114);
      if (s.name === 'gateway') {
        expect(s.ports).toEqual({ http: 8080, metrics: 9101 });
        expect(s.serves).toEqual([]);
      } else {
        expect(s.ports.grpc).toBeGreaterThanOrEqual(50051);
        expect(s.ports.grpc).toBeLessThanOrEqual(50064);
        expect(s.serves.length).toBeGreaterThan(0);
      }
    }
  });

  it('serves one versioned package per service', () => {
    expect(Object.fromEntries(topology.services.map((s) => [s.name, s.serves]))).toEqual({
      assistant: ['mercato.assistant.v1.AssistantService'],
      cart: ['mercato.cart.v1.CartService'],
      catalog: ['mercato.catalog.v1.CatalogService'],
      eventstore: ['mercato.eventstore.v1.EventStoreService'],
      gateway: [],
      inventory: ['mercato.inventory.v1.InventoryService'],
      loadgen: ['mercato.loadgen.v1.LoadgenService'],
      'order-history': ['mercato.orderhistory.v1.OrderHistoryService'],
      orders: ['mercato.orders.v1.OrdersService'],
      payments: ['mercato.payments.v1.PaymentsService'],
      recommendations: ['mercato.recommendations.v1.RecommendationsService'],
      risk: ['mercato.risk.v1.RiskService'],
      sentinel: ['mercato.sentinel.v1.SentinelService'],
      shipping: ['mercato.shipping.v1.ShippingService'],
    });
  });

  it('resolves methods with their path, deadline, streaming and idempotency from the protos', () => {
    const orders = topology.get('orders');
    const payments = orders.calls.find((c) => c.service === 'payments');
    expect(payments?.grpcService).toBe('mercato.payments.v1.PaymentsService');
    expect(payments?.methods.find((m) => m.name === 'Authorize')).toEqual({
      name: 'Authorize',
      deadlineMs: 3000,
      idempotency: 'IDEMPOTENT',
      fullPath: '/mercato.payments.v1.PaymentsService/Authorize',
      serverStreaming: false,
      clientStreaming: false,
    });
    const subscribe = orders.calls.find((c) => c.service === 'eventstore')?.methods.find((m) => m.name === 'Subscribe');
    expect(subscribe).toMatchObject({ deadlineMs: 0, serverStreaming: true, idempotency: 'NO_SIDE_EFFECTS' });

    const gateway = topology.get('gateway');
    const method = (service: string, name: string) =>
      gateway.calls.find((c) => c.service === service)?.methods.find((m) => m.name === name);
    expect(method('catalog', 'GetProduct')).toMatchObject({ idempotency: 'NO_SIDE_EFFECTS', deadlineMs: 800 });
    expect(method('catalog', 'AddReview')).toMatchObject({ idempotency: 'UNKNOWN' });
    expect(method('cart', 'AddItem')).toMatchObject({ idempotency: 'UNKNOWN' });
    expect(method('orders', 'PlaceOrder')).toMatchObject({ idempotency: 'IDEMPOTENT', deadlineMs: 8000 });
    expect(method('orders', 'GetOrder')).toMatchObject({ deadlineMs: 1000 });
    expect(method('assistant', 'SummarizeReviews')).toMatchObject({ serverStreaming: true });
  });

  it('declares the events each consumer reads', () => {
    const packagesOf = (name: string) =>
      [...new Set(topology.get(name).consumes.flatMap((c) => c.events.map((e) => e.split('.').slice(0, 3).join('.'))))].sort();
    expect(packagesOf('orders')).toEqual(['mercato.orders.v1']);
    expect(packagesOf('order-history')).toEqual(['mercato.orders.v1', 'mercato.payments.v1', 'mercato.shipping.v1']);
    expect(packagesOf('recommendations')).toEqual(['mercato.cart.v1', 'mercato.orders.v1']);
    expect(packagesOf('risk')).toEqual(['mercato.orders.v1', 'mercato.payments.v1']);
    for (const s of topology.services) {
      if (s.consumes.length === 0) continue;
      const es = s.calls.find((c) => c.service === 'eventstore');
      expect(es?.methods.map((m) => m.name)).toContain('Subscribe');
    }
  });

  it('answers callersOf and rejects unknown names', () => {
    expect(topology.callersOf('catalog').map((c) => c.caller).sort()).toEqual(['assistant', 'cart', 'gateway', 'orders', 'recommendations']);
    expect(topology.callersOf('gateway')).toEqual([{ caller: 'loadgen', methods: [] }]);
    expect(topology.callersOf('sentinel')).toEqual([]);
    expect(() => topology.get('nope')).toThrow(TopologyError);
  });

  it('keeps money out of floating point in every proto', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith('.proto')) {
          for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
            if (/^\s*(repeated\s+)?(double|float)\s+\w*(price|amount|cost|total|revenue|money)\w*\s*=/.test(line)) offenders.push(`${full}: ${line.trim()}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'protos'));
    expect(offenders).toEqual([]);
  });
});

describe('validation of a broken copy', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-topology-'));
    fs.cpSync(path.join(ROOT, 'protos'), path.join(dir, 'protos'), { recursive: true });
    for (const name of SERVICES) {
      fs.mkdirSync(path.join(dir, 'services', name), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'services', name, 'service.yaml'), path.join(dir, 'services', name, 'service.yaml'));
    }
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Rewrites services/<name>/service.yaml of the copy. */
  function edit(name: string, change: (doc: Record<string, any>) => void): void {
    const file = path.join(dir, 'services', name, 'service.yaml');
    const doc = parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
    change(doc);
    fs.writeFileSync(file, stringify(doc));
  }

  function expectError(pattern: RegExp): void {
    expect(() => loadTopology(dir)).toThrow(TopologyError);
    expect(() => loadTopology(dir)).toThrow(pattern);
  }

  it('loads the unbroken copy', () => {
    expect(loadTopology(dir).services).toHaveLength(SERVICES.length);
  });

  it('rejects what the schema forbids, naming file and field', () => {
    edit('cart', (d) => {
      d.tier = 'backend';
    });
    expectError(/services[/\\]cart[/\\]service\.yaml: tier: must be one of "edge", "commerce"/);
  });

  it('rejects an unknown field', () => {
    edit('risk', (d) => {
      d.replicas = 3;
    });
    expectError(/risk[/\\]service\.yaml: \(top level\): unknown field "replicas"/);
  });

  it('rejects a missing required field', () => {
    edit('shipping', (d) => {
      delete d.ports.metrics;
    });
    expectError(/shipping[/\\]service\.yaml: ports: missing field "metrics"/);
  });

  it('rejects a name that is not the folder name', () => {
    edit('payments', (d) => {
      d.name = 'billing';
    });
    expectError(/payments[/\\]service\.yaml: name "billing" must equal its folder name "payments"/);
  });

  it('rejects a folder without service.yaml', () => {
    fs.mkdirSync(path.join(dir, 'services', 'wishlist'));
    expectError(/wishlist[/\\]service\.yaml: missing/);
  });

  it('rejects a port used twice', () => {
    edit('risk', (d) => {
      d.ports.metrics = 9102;
    });
    expectError(/risk[/\\]service\.yaml: ports\.metrics 9102 is already used by services[/\\]catalog[/\\]service\.yaml ports\.metrics/);
  });

  it('rejects a call to an unknown service', () => {
    edit('cart', (d) => {
      d.calls.push({ service: 'pricing', methods: ['Quote'] });
    });
    expectError(/cart[/\\]service\.yaml: calls\[2\]\.service "pricing" is not a service under services\//);
  });

  it('rejects a call to a method the target does not serve', () => {
    edit('orders', (d) => {
      d.calls.find((c: { service: string }) => c.service === 'payments').methods.push('ChargeTwice');
    });
    expectError(/orders[/\\]service\.yaml: calls\[4\]\.methods\[4\] "ChargeTwice" is not a method of mercato\.payments\.v1\.PaymentsService/);
  });

  it('rejects a grpc call without methods and an http call with methods', () => {
    edit('assistant', (d) => {
      delete d.calls[0].methods;
    });
    expectError(/assistant[/\\]service\.yaml: calls\[0\]: missing field "methods"/);
    edit('assistant', (d) => {
      d.calls[0].methods = ['GetProduct'];
    });
    edit('loadgen', (d) => {
      d.calls[0].methods = ['Index'];
    });
    expectError(/loadgen[/\\]service\.yaml: calls\[0\]\.methods: http calls name no gRPC methods/);
  });

  it('rejects serving a gRPC service the protos do not define', () => {
    edit('catalog', (d) => {
      d.serves = ['mercato.catalog.v2.CatalogService'];
    });
    expectError(/catalog[/\\]service\.yaml: serves\[0\] "mercato\.catalog\.v2\.CatalogService" is not a service defined in protos\//);
  });

  it('does not accept a partial proto name', () => {
    edit('catalog', (d) => {
      d.serves = ['catalog.v1.CatalogService'];
    });
    expectError(/serves\[0\] "catalog\.v1\.CatalogService" is not a service defined in protos\//);
  });

  it('rejects consuming an event type that is not a message', () => {
    edit('risk', (d) => {
      d.consumes[0].events.push('mercato.orders.v1.OrderTeleported');
    });
    expectError(/risk[/\\]service\.yaml: consumes\[0\]\.events\[5\] "mercato\.orders\.v1\.OrderTeleported" is not a message defined in protos\//);
  });

  it('rejects a service calling itself', () => {
    edit('catalog', (d) => {
      d.calls = [{ service: 'catalog', methods: ['GetProduct'] }];
    });
    expectError(/catalog[/\\]service\.yaml: calls\[0\]\.service: a service must not call itself/);
  });

  it('rejects a gRPC port without served services', () => {
    edit('sentinel', (d) => {
      d.serves = [];
    });
    expectError(/sentinel[/\\]service\.yaml: serves must list the gRPC services behind ports\.grpc/);
  });

  it('reads idempotency from the protos of the copy', () => {
    const file = path.join(dir, 'protos', 'mercato', 'cart', 'v1', 'cart.proto');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(
      'rpc AddItem(AddItemRequest) returns (AddItemResponse);',
      'rpc AddItem(AddItemRequest) returns (AddItemResponse) {\n    option idempotency_level = IDEMPOTENT;\n  }',
    ));
    const addItem = loadTopology(dir).get('gateway').calls.find((c) => c.service === 'cart')?.methods.find((m) => m.name === 'AddItem');
    expect(addItem?.idempotency).toBe('IDEMPOTENT');
  });
});

describe('the topology handed to child processes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-topology-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back exactly what was loaded', () => {
    const loaded = loadTopology();
    const file = path.join(dir, 'topology.json');
    writeTopologyFile(loaded, file);
    const read = readTopologyFile(file);
    expect(read.root).toBe(loaded.root);
    expect(read.services).toEqual(loaded.services);
    expect(read.get('orders')).toEqual(loaded.get('orders'));
    expect(read.callersOf('payments')).toEqual(loaded.callersOf('payments'));
  });

  it.each([
    ['missing', undefined, /MERCATO_TOPOLOGY_FILE: .*topology\.json cannot be read as JSON/],
    ['not JSON', '{"version": 1,', /cannot be read as JSON/],
    ['another version', JSON.stringify({ version: 2, root: '/', services: [] }), /is not a topology file of version 1/],
    ['a relative root', JSON.stringify({ version: 1, root: 'repo', services: [] }), /has no absolute "root"/],
    ['no services', JSON.stringify({ version: 1, root: '/', services: [] }), /lists no services/],
    ['a broken spec', JSON.stringify({ version: 1, root: '/', services: [{ name: 'x', dir: '/x' }] }), /services\[0\] is not a service spec/],
  ])('refuses a file that is %s, naming the variable and the file', (_, text, message) => {
    const file = path.join(dir, 'topology.json');
    if (text !== undefined) fs.writeFileSync(file, text);
    expect(() => readTopologyFile(file)).toThrow(TopologyError);
    expect(() => readTopologyFile(file)).toThrow(message);
    expect(() => readTopologyFile(file)).toThrow(/^MERCATO_TOPOLOGY_FILE: /);
  });
});
