// The risk service over real gRPC, fed by a real event store, on the embedded database and on
// PostgreSQL: answers equal to the pure core over the same events, idempotency by order id,
// validation, live learning, decisions recorded in the log, and a restart from the snapshot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { openDatabase, testDatabaseIfAvailable } from '@mercato/db';
import type { Position } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { checkHealth, connect, ConfigError, listServices, startService, testServiceEnv, type KitClient, type RunningService } from '@mercato/kit';
import type { AssessRequest__Output } from '@mercato/protos/gen/mercato/risk/v1/AssessRequest';
import type { AssessResponse__Output } from '@mercato/protos/gen/mercato/risk/v1/AssessResponse';
import type { RiskServiceDefinition } from '@mercato/protos/gen/mercato/risk/v1/RiskService';
import { RISK_SERVICE, riskConfig, riskSetup, shippedModel, toRiskOrder, type RiskConfig } from '../src';
import { assessOrder } from '../src/assess';
import { DecisionStore } from '../src/store/decisions';
import { SnapshotStore } from '../src/store/snapshots';
import { address, append, DAY, fold, History, HOUR, MINUTE, regular, request, T0 } from './support/history';

const DECISION = { approve: 'DECISION_APPROVE', review: 'DECISION_REVIEW', decline: 'DECISION_DECLINE' } as const;

/** Polls until the check passes; fails naming what it waited for after the deadline. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The value of a series in Prometheus text whose labels include `labels`; 0 when absent. */
function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

/** The history every backend starts from: regular customers, a hot card, a shared card. */
function baseline(): History {
  const h = new History();
  regular(h, 'amy', 6, 40);
  regular(h, 'bob', 3, 120);
  for (let i = 0; i < 25; i++) regular(h, `shopper-${i}`, 1, 30 + i);
  h.declined('hot-1', 'mal', T0 - 50 * MINUTE, 'fp-hot').declined('hot-2', 'mal', T0 - 30 * MINUTE, 'fp-hot').declined('hot-3', 'mal2', T0 - 10 * MINUTE, 'fp-hot');
  return h;
}

describe.each(['pglite', 'postgres'] as const)('risk on %s', (backend) => {
  let es: TestEventStore | undefined;
  let svc: RunningService<RiskConfig> | undefined;
  let client: KitClient<RiskServiceDefinition>;
  let riskEnv: Record<string, string>;
  const history = baseline();
  const cleanups: (() => Promise<void>)[] = [];

  async function start(): Promise<void> {
    svc = await startService('risk', riskSetup({ snapshotEvery: 10 }), { config: riskConfig, env: testServiceEnv({ EVENTSTORE_ADDR: es!.address, ...riskEnv }) });
    client?.close();
    client = connect<RiskServiceDefinition>(RISK_SERVICE, `127.0.0.1:${svc.grpcPort}`);
  }

  const metrics = async (): Promise<string> => (await fetch(`http://127.0.0.1:${svc!.metricsPort}/metrics`)).text();

  /** Until the feature store has read everything up to `at`. */
  async function caughtUp(at: Position): Promise<void> {
    await waitUntil(`the feature store to reach commit ${at.commit}`, async () => {
      const text = await metrics();
      return metric(text, 'mercato_risk_features_ready') === 1 && BigInt(metric(text, 'mercato_risk_feature_checkpoint_commit')) >= at.commit;
    });
  }

  async function addEvents(h: History): Promise<void> {
    await caughtUp(await append(es!.client, h));
  }

  const assess = (req: AssessRequest__Output): Promise<AssessResponse__Output> => client.call('Assess', req);

  beforeAll(async () => {
    if (backend === 'postgres') {
      const esDb = await testDatabaseIfAvailable('mercato_risk_es');
      if (!esDb) return;
      cleanups.push(esDb.drop);
      es = await startTestEventStore({ databaseUrl: esDb.url });
      const riskDb = (await testDatabaseIfAvailable('mercato_risk'))!;
      cleanups.push(riskDb.drop);
      riskEnv = { DATABASE_URL: riskDb.url };
    } else {
      es = await startTestEventStore();
      // On disk, so the database outlives a restart.
      const dir = await mkdtemp(join(tmpdir(), 'mercato-risk-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      riskEnv = { DATA_DIR: dir };
    }
    await append(es.client, history);
    // An unreadable event in the middle: skipped and counted, never stopping the store.
    await es.client.append({ stream: 'order-broken', expectedRevision: { any: {} }, events: [{ id: randomUUID(), type: 'mercato.orders.v1.OrderPlaced', data: Buffer.from([0xff, 0xff, 0xff]), metadata: {}, contentType: 'application/x-protobuf' }] });
    const last = await append(es.client, new History().order({ orderId: 'carl-1', customerId: 'carl', at: T0 - 2 * DAY, total: 25 }));
    await start();
    await caughtUp(last);
  });

  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
    await es?.stop();
    for (const clean of cleanups.reverse()) await clean();
  });

  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (es) await fn();
    });

  run('is SERVING once caught up, and shows its model and feature store as metrics', async () => {
    const at = `127.0.0.1:${svc!.grpcPort}`;
    await waitUntil('health SERVING', async () => (await checkHealth(at)) === 'SERVING');
    await expect(listServices(at)).resolves.toEqual([RISK_SERVICE]);
    const text = await metrics();
    expect(metric(text, 'mercato_risk_model_info', { version: shippedModel().version })).toBe(1);
    expect(metric(text, 'mercato_risk_feature_events_total', { outcome: 'skipped' })).toBe(1);
    expect(metric(text, 'mercato_risk_feature_events_total', { outcome: 'applied' })).toBe(history.drafts.length + 4);
    expect(metric(text, 'mercato_risk_snapshots_total', { outcome: 'saved' })).toBeGreaterThan(0);
    expect(text).toContain('mercato_risk_decisions_total{decision="decline"');
  });

  run('answers as the pure core does over the same events', async () => {
    const state = fold(history);
    fold(new History().order({ orderId: 'carl-1', customerId: 'carl', at: T0 - 2 * DAY, total: 25 }), state);
    const cases = [
      request({ orderId: randomUUID(), customerId: 'amy', total: 45 }),
      request({ orderId: randomUUID(), customerId: 'amy', total: 1400, fingerprint: 'fp-new', shipping: address('US', '10001', '5 Drop Ln'), billing: address('US', '94105', '12 Market St'), lines: [{ quantity: 2, unitPrice: 700 }] }),
      request({ orderId: randomUUID(), customerId: 'newcomer', fingerprint: 'fp-hot', total: 80, accountCreatedAt: T0 - HOUR }),
    ];
    const verdicts = [];
    for (const req of cases) {
      const expected = assessOrder(state, toRiskOrder(req, T0), shippedModel(), { review: 0.5, decline: 0.85 });
      const got = await assess(req);
      expect(got).toEqual({ decision: DECISION[expected.verdict], score: expected.score, reasons: expected.reasons, modelVersion: shippedModel().version });
      verdicts.push(expected.verdict);
    }
    expect(verdicts[0]).toBe('approve');
    expect(verdicts[1]).not.toBe('approve');
    expect(verdicts[2]).toBe('decline');
  });

  run('is idempotent by order id: a retry gets the first answer even after the features moved', async () => {
    const req = request({ orderId: randomUUID(), customerId: 'bob', total: 130, fingerprint: 'fp-bob-2' });
    const first = await assess(req);
    expect(first.decision).toBe('DECISION_APPROVE');
    await addEvents(new History().declined('b1', 'bob', T0 - 20 * MINUTE, 'fp-bob-2').declined('b2', 'bob', T0 - 15 * MINUTE, 'fp-bob-2').declined('b3', 'bob', T0 - 5 * MINUTE, 'fp-bob-2'));
    await expect(assess(req)).resolves.toEqual(first);
    // A new order with the same card is assessed on the moved features.
    expect((await assess({ ...req, orderId: randomUUID() })).decision).toBe('DECISION_DECLINE');
    await expect(assess({ ...req, customerId: 'someone-else' })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(metric(await metrics(), 'mercato_risk_repeat_assessments_total', { source: 'memory' })).toBeGreaterThanOrEqual(1);
  });

  run('refuses malformed requests naming the proto field, and stores no decision for them', async () => {
    const orderId = randomUUID();
    const good = request({ orderId, customerId: 'amy', total: 50 });
    const bad: [string, AssessRequest__Output][] = [
      ['order_id', { ...good, orderId: '' }],
      ['customer_id', { ...good, customerId: 'x'.repeat(129) }],
      ['total', { ...good, total: null }],
      ['total.currency_code', { ...good, total: { ...good.total!, currencyCode: 'usd' } }],
      ['lines', { ...good, lines: [] }],
      ['lines[0].quantity', { ...good, lines: [{ ...good.lines[0]!, quantity: 0 }] }],
      ['lines[0].unit_price.currency_code', { ...good, lines: [{ ...good.lines[0]!, unitPrice: { currencyCode: 'EUR', units: '50', nanos: 0 } }] }],
      ['lines[0].product_id', { ...good, lines: [{ ...good.lines[0]!, productId: '' }] }],
      ['shipping_address', { ...good, shippingAddress: null }],
      ['shipping_address.region_code', { ...good, shippingAddress: address('usa', '1') }],
      ['billing_address.region_code', { ...good, billingAddress: address('', '1') }],
      ['client_ip', { ...good, clientIp: '999.1.1.1' }],
      ['account_create_time.nanos', { ...good, accountCreateTime: { seconds: '1700000000', nanos: -1 } }],
      ['order_time.seconds', { ...good, orderTime: { seconds: '-5', nanos: 0 } }],
    ];
    const before = await metrics();
    const decided = (text: string) => ['approve', 'review', 'decline'].reduce((s, d) => s + metric(text, 'mercato_risk_decisions_total', { decision: d }), 0);
    for (const [field, req] of bad) {
      const err = await assess(req).then(
        () => undefined,
        (e: { code: number; details: string }) => e,
      );
      expect({ field, code: err?.code, details: err?.details.split(':')[0] }).toEqual({ field, code: status.INVALID_ARGUMENT, details: field });
    }
    expect(decided(await metrics())).toBe(decided(before));
    // The order id is still free: the valid request is assessed as new.
    expect((await assess(good)).decision).toBe('DECISION_APPROVE');
    expect(decided(await metrics())).toBe(decided(before) + 1);
  });

  run('learns from live events: a burst of orders after catch-up sends the next to review', async () => {
    const burst = new History();
    for (let i = 0; i < 8; i++) burst.placed({ orderId: `speedy-${i}`, customerId: 'speedy', at: T0 - (i + 1) * 6 * MINUTE, accountCreatedAt: T0 - 300 * DAY });
    await addEvents(burst);
    const r = await assess(request({ orderId: randomUUID(), customerId: 'speedy', total: 40 }));
    expect(r.decision).not.toBe('DECISION_APPROVE');
    expect(r.reasons.map((x) => x.code)).toContain('order_burst');
    expect(r.reasons.find((x) => x.code === 'order_burst')!.description).toContain('8 earlier orders by this customer in the last hour');
  });

  run('answers with the decision the saga recorded in the order stream when it has none stored', async () => {
    await addEvents(new History().placed({ orderId: 'logged-1', customerId: 'lou', at: T0 - MINUTE }).riskAssessed('logged-1', 'lou', T0 - MINUTE, 'DECISION_DECLINE', 0.93));
    const r = await assess(request({ orderId: 'logged-1', customerId: 'lou', total: 20 }));
    expect(r).toMatchObject({ decision: 'DECISION_DECLINE', score: 0.93, modelVersion: 'risk-lr-recorded' });
    expect(metric(await metrics(), 'mercato_risk_repeat_assessments_total', { source: 'log' })).toBe(1);
  });

  run('restarts from its snapshot: no replay, the same features, the same stored decisions', async () => {
    const decided = request({ orderId: randomUUID(), customerId: 'amy', total: 42 });
    const answer = await assess(decided);
    const applied = metric(await metrics(), 'mercato_risk_feature_events_total', { outcome: 'applied' });
    await svc!.shutdown();

    const db = await openDatabase({ url: riskEnv.DATABASE_URL, dataDir: riskEnv.DATA_DIR });
    const [snap, stored] = await Promise.all([new SnapshotStore(db).load(), new DecisionStore(db).get(decided.orderId)]).finally(() => db.close());
    expect(snap?.events).toBe(applied);
    expect(snap?.state.customers.has('amy')).toBe(true);
    // Written behind, and flushed on shutdown at the latest.
    expect(stored).toMatchObject({ orderId: decided.orderId, verdict: 'approve', score: answer.score, modelVersion: answer.modelVersion });

    await start();
    await caughtUp(snap!.position);
    const text = await metrics();
    expect(metric(text, 'mercato_risk_feature_events_total', { outcome: 'applied' })).toBe(0); // nothing replayed
    await expect(assess(decided)).resolves.toEqual(answer); // loaded back into memory at start
    expect(metric(await metrics(), 'mercato_risk_repeat_assessments_total', { source: 'memory' })).toBe(1);
    // The hot card's declines came back with the snapshot.
    const hot = await assess(request({ orderId: randomUUID(), customerId: 'another', fingerprint: 'fp-hot', total: 30 }));
    expect(hot.decision).toBe('DECISION_DECLINE');
    expect(hot.reasons[0]!.code).toBe('card_decline_burst');
  });
});

describe('risk start-up', () => {
  it('refuses a decline threshold that is not above the review threshold', async () => {
    await expect(startService('risk', riskSetup(), { config: riskConfig, env: testServiceEnv({ RISK_REVIEW_THRESHOLD: '0.8', RISK_DECLINE_THRESHOLD: '0.6' }) })).rejects.toBeInstanceOf(ConfigError);
    await expect(startService('risk', riskSetup(), { config: riskConfig, env: testServiceEnv({ RISK_REVIEW_THRESHOLD: '1.5' }) })).rejects.toThrow(/RISK_REVIEW_THRESHOLD must be a number from 0 to 1/);
  });

  it('answers UNAVAILABLE and reports NOT_SERVING until its features have caught up', async () => {
    // Nothing listens on the event store's address: the feature store can never catch up.
    const svc = await startService('risk', riskSetup(), { config: riskConfig, env: testServiceEnv({ EVENTSTORE_ADDR: '127.0.0.1:1' }) });
    const c = connect<RiskServiceDefinition>(RISK_SERVICE, `127.0.0.1:${svc.grpcPort}`, { retries: false });
    try {
      await expect(checkHealth(`127.0.0.1:${svc.grpcPort}`)).resolves.toBe('NOT_SERVING');
      await expect(c.call('Assess', request({ orderId: randomUUID(), customerId: 'amy' }))).rejects.toMatchObject({ code: status.UNAVAILABLE });
    } finally {
      c.close();
      await svc.shutdown();
    }
  });
});
