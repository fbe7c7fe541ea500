// Chaos under load (`npm run test:chaos`): the shop on PostgreSQL, loadgen's shoppers checking out
// through the gateway at a steady rate, and one fault at a time — each service killed with -9 and
// restarted, PostgreSQL restarted, latency and errors injected into payments and inventory through
// their fault flags, the event store frozen. For each, judged from the services' own breaker
// metrics against the breaker settings the run gives them: every breaker whose calls failed past
// its opening rule opened, none opened without a failure, and every one that opened is closed
// again once called after the fault; declared fallbacks serve; and once the fault ends no
// acknowledged order is lost, every order finishes within 60 s, none is charged twice, stock never
// went negative and equals the fold of its events, and the order-history read model equals a
// rebuild. A table sums it up. CHAOS_FAULTS=kill:orders,faults:payments runs a subset,
// CHAOS_WINDOW_SECONDS sets each fault's window, CHAOS_RATE the scenarios per second, CHAOS_SEED
// the shoppers' choices (printed), CHAOS_LOG a file that receives every service's log lines.
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { connect } from '@mercato/kit';
import type { RunReport } from '@mercato/loadgen';
import type { OrderState } from '@mercato/orders';
import type { InventoryServiceDefinition } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import { startSuite, type Suite } from '../support/suite';
import { flagsFault, killFault, restartPostgres, stallEventStore, type Fault, type FaultContext } from './faults';
import { countFindings, describeFindings, discover, isFinished, judge, readLedger, readOrder, type Findings, type Ledger } from './ledger';
import { servedCheckout, startLoad, type Answer } from './load';
import { BREAKER_STATE, breakerKey, BreakerWatch, callsOf, policyEnv, readBreakers, type Breaker, type BreakerPolicy } from './metrics';
import { projectionDifferences } from './projection';

const SERVICES = ['eventstore', 'catalog', 'cart', 'inventory', 'payments', 'shipping', 'risk', 'orders', 'order-history', 'recommendations', 'gateway'];
const FLAGGED = ['payments', 'inventory'];

const WINDOW_MS = Number(process.env.CHAOS_WINDOW_SECONDS ?? '10') * 1000;
const RATE = Number(process.env.CHAOS_RATE ?? '5');
const SEED = BigInt(process.env.CHAOS_SEED ?? String(randomInt(1, 2 ** 31)));
/** Mostly checkouts (60 %: 3/s at the default rate); product pages to see the optional panel's fallback. */
const WEIGHTS = { checkout: 6, view_product: 2, browse: 1, search: 0.5, view_orders: 0.5, add_to_cart: 0 };
/** Fresh shoppers each fault, so no one orders often enough for the risk check to stop them. */
const USERS = 20;
/** Every acknowledged order must be finished this long after the fault ends. */
const SETTLE_MS = 60_000;
/** The kit's defaults, given to every service explicitly so the breakers' metrics are judged against known rules. */
const POLICY: BreakerPolicy = { volumeThreshold: 10, errorPercent: 50, resetMs: 5_000, windowMs: 10_000 };

const FAULTS: Fault[] = [...SERVICES.map(killFault), restartPostgres(), ...FLAGGED.map((s) => flagsFault(s as 'payments' | 'inventory')), stallEventStore];
const chosen = (() => {
  const asked = process.env.CHAOS_FAULTS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!asked?.length) return FAULTS;
  const unknown = asked.filter((n) => !FAULTS.some((f) => f.name === n));
  if (unknown.length) throw new Error(`CHAOS_FAULTS: unknown ${unknown.join(', ')} (known: ${FAULTS.map((f) => f.name).join(', ')})`);
  return FAULTS.filter((f) => asked.includes(f.name));
})();
for (const v of [WINDOW_MS, RATE]) if (!Number.isFinite(v) || v <= 0) throw new Error('CHAOS_WINDOW_SECONDS and CHAOS_RATE must be positive numbers');

interface Row {
  fault: string;
  requests: number;
  /** Scenarios that ended in an error a shopper would see (loadgen's unexpected errors). */
  shopperErrors: number;
  /** HTTP answers that were 5xx or never came. */
  failedRequests: number;
  acknowledged: number;
  confirmed: number;
  failed: number;
  lost: number;
  duplicateCharges: number;
  /** From the fault's end to the breakers that opened closed again and checkouts answered with their outcome again. */
  recoveryS: number | undefined;
  /** From the fault's end to every order finished. */
  settleS: number | undefined;
  opened: string[];
  /** What each opened breaker's counters did over the fault, e.g. "orders→payments: failure 23, reject 41, open 2, ...". */
  breakers: string;
  /** Why the phase's orders failed, e.g. "PAYMENT_DECLINED 3, DEPENDENCY_UNAVAILABLE 5". */
  failures: string;
  /** loadgen's checkout outcomes, e.g. "ok 40, expected_failure 12, unexpected_error 9, dropped 3". */
  checkouts: string;
  problems: string[];
  skipped?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms / 100) / 10);

function failureReasons(orders: OrderState[]): string {
  const n = new Map<string, number>();
  for (const o of orders) {
    if (o.phase !== 'failed') continue;
    const reason = String(o.failure?.reason).replace('FAILURE_REASON_', '');
    n.set(reason, (n.get(reason) ?? 0) + 1);
  }
  return [...n].map(([reason, count]) => `${reason} ${count}`).join(', ');
}

function renderTable(rows: Row[]): string {
  const head = ['fault', 'requests', 'shopper errors', '5xx/no answer', 'orders (ack)', 'confirmed', 'failed', 'orders lost', 'duplicate charges', 'recovery s', 'settled s', 'breakers opened'];
  const lines = rows.map((r) =>
    r.skipped
      ? [r.fault, `skipped: ${r.skipped}`, '', '', '', '', '', '', '', '', '', '']
      : [r.fault, r.requests, r.shopperErrors, r.failedRequests, r.acknowledged, r.confirmed, r.failed, r.lost, r.duplicateCharges, r.recoveryS ?? 'never', r.settleS ?? 'never', r.opened.join(' ') || '-'].map(String),
  );
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)];
  for (const r of rows) if (!r.skipped) out.push(`  ${r.fault}: checkouts ${r.checkouts || 'none'}; orders failed: ${r.failures || 'none'}${r.breakers ? `; breakers: ${r.breakers}` : ''}`);
  for (const r of rows) for (const p of r.problems) out.push(`  ${r.fault}: ${p}`);
  return out.join('\n');
}

describe('chaos under load on PostgreSQL', () => {
  let suite: Suite | undefined;
  let dir = '';
  const rows: Row[] = [];
  /** Orders already judged by an earlier fault (each fault judges the orders that appeared during it). */
  const judged = new Set<string>();
  const acknowledgedAll: string[] = [];
  const runStart = Date.now();
  /** Every service exit after start-up, the faults' own kills included. */
  const exits: Array<{ name: string; how: string }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mercato-chaos-'));
    const flags = Object.fromEntries(FLAGGED.map((s) => [s, path.join(dir, `${s}-faults.json`)]));
    for (const file of Object.values(flags)) writeFileSync(file, JSON.stringify({ rules: [] }));
    process.stdout.write(`chaos: seed ${SEED}, ${RATE} scenarios/s (checkout ${WEIGHTS.checkout}/${Object.values(WEIGHTS).reduce((a, b) => a + b, 0)}), ${WINDOW_MS / 1000} s windows, faults: ${chosen.map((f) => f.name).join(', ')}\n`);
    suite = await startSuite({
      only: SERVICES,
      postgres: true,
      env: { LOG_LEVEL: 'warn', ...policyEnv(POLICY) },
      serviceEnv: {
        payments: { FAULTS_FILE: flags.payments! },
        inventory: { FAULTS_FILE: flags.inventory! },
        // loadgen's shoppers check out every few seconds each; the default 5 a minute would hold them back.
        gateway: { RATE_LIMIT_CHECKOUT_PER_MINUTE: '60' },
      },
    });
    suite?.stack.onExit((name, code, signal) => exits.push({ name, how: signal ?? `code ${code}` }));
  }, 300_000);

  afterAll(async () => {
    const done = rows.filter(Boolean);
    if (done.length) process.stdout.write(`\nchaos results (seed ${SEED}, ${WINDOW_MS / 1000} s windows, ${Math.round((Date.now() - runStart) / 1000)} s in all):\n${renderTable(done)}\n`);
    await suite?.stop();
    if (process.env.CHAOS_LOG && suite) writeFileSync(process.env.CHAOS_LOG, `${suite.logs.join('\n')}\n`);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  const context = (s: Suite): FaultContext => ({ stack: s.stack, flagsFile: (service) => path.join(dir, `${service}-faults.json`) });
  const admin = (s: Suite) => () => ({ metadata: s.metadata(s.token('chaos-admin', ['admin'])) });

  /**
   * Breakers not yet back: one that opened during the fault and has been called since it ended
   * must be closed again; any other must at least not be open (an idle breaker stays half-open
   * until its next call probes it). Targets outside the run are left out: nothing heals them.
   */
  async function notRecovered(s: Suite, opened: ReadonlyMap<string, number>, atHeal: ReadonlyMap<string, Breaker>): Promise<string[]> {
    const called = (b: Breaker) => {
      const then = atHeal.get(breakerKey(b));
      return !then || then.pid !== b.pid || callsOf(b) > callsOf(then);
    };
    return (await readBreakers(s.stack.processes))
      .filter((b) => SERVICES.includes(b.target) && (opened.has(breakerKey(b)) && called(b) ? b.state !== BREAKER_STATE.closed : b.state === BREAKER_STATE.open))
      .map((b) => `${breakerKey(b)} ${b.state === BREAKER_STATE.open ? 'open' : 'half-open'}`);
  }

  /** Inventory's GetStock for every product against the fold of its stock stream. */
  async function stockDifferences(s: Suite, ledger: Ledger): Promise<string[]> {
    const inventory = connect<InventoryServiceDefinition>('mercato.inventory.v1.InventoryService', s.address('inventory'), { deadlineMs: 10_000 });
    try {
      const ids = [...ledger.stock.keys()];
      const diffs: string[] = [];
      for (let i = 0; i < ids.length; i += 100) {
        const { levels } = await inventory.call('GetStock', { productIds: ids.slice(i, i + 100) });
        for (const l of levels) {
          const folded = ledger.stock.get(l.productId)!;
          const got = [Number(l.onHand), Number(l.reserved), Number(l.available)];
          const want = [folded.onHand, folded.reserved, folded.onHand - folded.reserved];
          if (got.join() !== want.join()) diffs.push(`${l.productId}: GetStock ${got.join('/')}, fold ${want.join('/')} (on hand/reserved/available)`);
        }
      }
      return diffs;
    } finally {
      inventory.close();
    }
  }

  /** Polls the read model until it equals the fold of the log (it may lag), at most `timeoutMs`. */
  async function projectionSettles(s: Suite, events: EventStoreClient, scope: Parameters<typeof projectionDifferences>[3], timeoutMs = 60_000): Promise<string[]> {
    const history = connect<OrderHistoryServiceDefinition>('mercato.orderhistory.v1.OrderHistoryService', s.address('order-history'), { deadlineMs: 10_000 });
    const until = Date.now() + timeoutMs;
    try {
      for (;;) {
        const diffs = await projectionDifferences(history, events, admin(s), scope).catch((err: Error) => [`order-history could not be read: ${err.message}`]);
        if (diffs.length === 0 || Date.now() > until) return diffs;
        await sleep(1_000);
      }
    } finally {
      history.close();
    }
  }

  /**
   * Waits until every order in `scope` is finished (read from its own stream), adding orders that
   * appear meanwhile (a checkout still in flight when the load stopped); when, or undefined if the
   * deadline passed first. Answers the final scope and the products found.
   */
  async function settle(events: EventStoreClient, scope: Set<string>, deadline: number): Promise<{ at: number | undefined; products: Set<string> }> {
    const store = clientStore(events);
    let pending = [...scope];
    let products = new Set<string>();
    for (let round = 0; ; round++) {
      const states = await Promise.all(pending.map((id) => readOrder(store, id).then((r) => r.state, () => undefined)));
      pending = pending.filter((_, i) => !isFinished(states[i]));
      if (pending.length === 0) {
        // Once more through $all: orders placed after the first look are judged too.
        const found = await discover(events);
        products = found.products;
        const late = [...found.orders].filter((id) => !judged.has(id) && !scope.has(id));
        for (const id of late) scope.add(id);
        if (late.length === 0) return { at: Date.now() <= deadline ? Date.now() : undefined, products };
        pending = late;
        continue;
      }
      if (Date.now() > deadline) return { at: undefined, products: products.size ? products : (await discover(events)).products };
      await sleep(round < 10 ? 250 : 1_000);
    }
  }

  async function runFault(s: Suite, fault: Fault, index: number): Promise<{ row: Row; findings: Findings; report: RunReport; missingTrips: string[]; fallbackProblems: string[]; stock: string[]; projection: string[]; stillOpen: string[]; crashed: string[] }> {
    const load = startLoad({ gatewayUrl: s.gatewayUrl(), rate: RATE, users: USERS, seed: String(SEED + BigInt(index)), weights: WEIGHTS });
    const { traffic } = load;
    const mark = (what: string) => s.logs.push(`chaos | ${new Date().toISOString()} ${fault.name} ${what}`);
    let report: RunReport | undefined;
    const exitsBefore = exits.length;
    /** Services that died on their own (not the fault's kill); restarted once judged, so the next fault starts whole. */
    const crashed = (): Array<{ name: string; how: string }> => {
      const own = exits.slice(exitsBefore);
      const killed = own.findIndex((e) => fault.name === `kill:${e.name}`);
      return own.filter((_, i) => i !== killed);
    };
    mark('load starts');
    // Watched from the start of the load: judging a breaker needs its calls over a whole rolling window.
    const watch = new BreakerWatch(() => s.stack.processes);
    await watch.start();
    const watchStart = Date.now();
    try {
      // Steady state first: shoppers signed up, checkouts going through.
      const until = Date.now() + 120_000;
      const checkouts = (ok: (a: Answer) => boolean) => traffic.count(0, Infinity, (a) => a.path === '/checkout' && ok(a));
      while (checkouts(servedCheckout) < 3 || checkouts((a) => a.status === 201) < 1) {
        if (Date.now() > until) throw new Error(`checkouts were not going through within 120 s of starting the load; shoppers saw: ${traffic.summary() || 'nothing'}\n${s.logs.slice(-30).join('\n')}`);
        await sleep(100);
      }
      mark('steady');
      // A whole breaker window of steady calls before the fault, so the breakers can be judged from its start.
      await sleep(watchStart + POLICY.windowMs - Date.now());
      const faultStart = Date.now();
      let healStart = faultStart;
      try {
        mark('starts');
        await fault.start(context(s));
        await sleep(WINDOW_MS);
      } finally {
        // Always ended, so a failure here cannot leave the next fault a broken suite.
        healStart = Date.now();
        mark('ends');
        await fault.heal(context(s));
        mark('healed');
      }

      // Recovery, still under load: breakers closed again and checkouts answered with their outcome again.
      const atHeal = new Map((await readBreakers(s.stack.processes)).map((b) => [breakerKey(b), b]));
      let recoveredAt: number | undefined;
      let stillOpen: string[] = [];
      while (Date.now() < healStart + SETTLE_MS) {
        stillOpen = await notRecovered(s, watch.opened, atHeal);
        const served = traffic.firstServedCheckout(healStart);
        if (stillOpen.length === 0 && served !== undefined) {
          recoveredAt = Math.max(served, Date.now());
          break;
        }
        await sleep(250);
      }
      mark(recoveredAt === undefined ? 'did not recover' : 'recovered');
      await watch.stop();
      report = await load.stop();
      mark('load stopped');

      const events = EventStoreClient.connect(s.address('eventstore'));
      try {
        const acknowledged = traffic.acknowledged();
        acknowledgedAll.push(...acknowledged);
        const found = await discover(events);
        const mine = new Set([...found.orders, ...traffic.orders.keys()].filter((id) => !judged.has(id)));
        const { at: settledAt, products } = await settle(events, mine, healStart + SETTLE_MS);
        const ledger = await readLedger(events, { orders: mine, products });
        const findings = judge(ledger, acknowledged);
        for (const id of mine) judged.add(id);
        mark(`judged ${mine.size} orders`);
        const stock = await stockDifferences(s, ledger);
        const placed = new Set([...ledger.orders].filter(([, o]) => o?.placed).map(([id]) => id));
        const projection = await projectionSettles(s, events, { orders: placed });
        mark('read model compared');
        // As designed, read from each breaker's own counters: it opened when its calls failed past the
        // threshold, and it did not open without failing (a process restarted since counts from zero).
        const missingTrips = watch.owed(POLICY).map((o) => `breaker ${o.key} never opened, though ${o.evidence}`);
        const groundless = [...watch.opened.keys()].filter((k) => /^failure 0,/.test(watch.describe(k))).map((k) => `breaker ${k} opened without a failure (${watch.describe(k)})`);
        const fallbackProblems = fault.fallbacks.map((f) => ({ f, problem: f.check(traffic, faultStart, healStart) })).filter((x) => x.problem).map((x) => `${x.f.describe}: ${x.problem}`);
        const states = [...ledger.orders.values()].filter((o): o is OrderState => !!o);
        const row: Row = {
          fault: fault.name,
          requests: traffic.answers.length,
          shopperErrors: report.unexpectedErrors,
          failedRequests: traffic.errors().length,
          acknowledged: acknowledged.length,
          confirmed: states.filter((o) => o.phase === 'confirmed').length,
          failed: states.filter((o) => o.phase === 'failed').length,
          lost: findings.lost.length,
          duplicateCharges: findings.duplicateCharges.length,
          recoveryS: recoveredAt === undefined ? undefined : seconds(recoveredAt - healStart),
          settleS: settledAt === undefined ? undefined : seconds(Math.max(0, settledAt - healStart)),
          opened: [...watch.opened.keys()],
          breakers: [...watch.opened.keys()].map((k) => `${k}: ${watch.describe(k)}`).join('; '),
          failures: failureReasons(states),
          checkouts: Object.entries(report.scenarios.find((x) => x.scenario === 'checkout')?.counts ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', '),
          problems: [
            ...describeFindings(findings),
            ...stock.slice(0, 5).map((d) => `stock: ${d}`),
            ...projection.slice(0, 5).map((d) => `order-history: ${d}`),
            ...missingTrips,
            ...groundless,
            ...fallbackProblems,
            ...(recoveredAt === undefined ? [`not recovered within ${SETTLE_MS / 1000} s: ${stillOpen.length ? `breakers not closed: ${stillOpen.join(', ')}` : `no checkout answered with an outcome since the fault ended; shoppers saw since: ${traffic.summary(healStart)}`}`] : []),
            ...(report.failure ? [`loadgen: ${report.failure}`] : []),
            ...crashed().map((e) => `${e.name} exited (${e.how}) during the fault; restarted for the next fault`),
          ],
        };
        return { row, findings, report, missingTrips: [...missingTrips, ...groundless], fallbackProblems, stock, projection, stillOpen: recoveredAt === undefined ? stillOpen : [], crashed: crashed().map((e) => `${e.name} (${e.how})`) };
      } finally {
        events.close();
      }
    } finally {
      await watch.stop();
      if (!report) await load.stop();
      for (const name of new Set(crashed().map((e) => e.name))) {
        mark(`restarting ${name}, which exited on its own`);
        await s.stack.restart(name).catch((err: Error) => s.logs.push(`chaos | could not restart ${name}: ${err.message}`));
      }
    }
  }

  chosen.forEach((fault, index) => {
    if (fault.skip) {
      it.skip(`${fault.name} (skipped: ${fault.skip})`, () => undefined);
      rows[index] = { fault: fault.name, requests: 0, shopperErrors: 0, failedRequests: 0, acknowledged: 0, confirmed: 0, failed: 0, lost: 0, duplicateCharges: 0, recoveryS: undefined, settleS: undefined, opened: [], breakers: '', failures: '', checkouts: '', problems: [], skipped: fault.skip };
      return;
    }
    it(`${fault.name}: ${fault.describe}`, async () => {
      if (!suite) return;
      const r = await runFault(suite, fault, index);
      rows[index] = r.row;
      if (r.row.problems.length) process.stderr.write(`${fault.name}:\n  ${r.row.problems.join('\n  ')}\n`);
      expect(r.crashed).toEqual([]);
      expect(r.report.failure).toBeUndefined();
      expect(r.row.acknowledged).toBeGreaterThan(0);
      expect({ lost: r.findings.lost, duplicateCharges: r.findings.duplicateCharges }).toEqual({ lost: [], duplicateCharges: [] });
      expect(countFindings(r.findings)).toBe(0);
      expect(r.stock).toEqual([]);
      expect(r.projection).toEqual([]);
      expect(r.missingTrips).toEqual([]);
      expect(r.fallbackProblems).toEqual([]);
      expect(r.row.recoveryS).toBeDefined();
      expect(r.row.settleS).toBeDefined();
    }, 330_000);
  });

  it('the whole run: every order finished, charged at most once, stock and the read model add up', async () => {
    if (!suite) return;
    const events = EventStoreClient.connect(suite.address('eventstore'));
    try {
      const found = await discover(events);
      const all = new Set([...found.orders, ...acknowledgedAll]);
      await settle(events, all, Date.now() + SETTLE_MS);
      const ledger = await readLedger(events, { orders: all, products: found.products, payments: found.payments });
      const findings = judge(ledger, acknowledgedAll);
      if (countFindings(findings)) process.stderr.write(`whole run:\n  ${describeFindings(findings).join('\n  ')}\n`);
      expect(countFindings(findings)).toBe(0);
      expect(await stockDifferences(suite, ledger)).toEqual([]);
      expect(await projectionSettles(suite, events, { salesFromS: Math.floor(runStart / 3_600_000) * 3600 })).toEqual([]);
      process.stdout.write(`whole run: ${ledger.orders.size} orders (${[...ledger.orders.values()].filter((o) => o?.phase === 'confirmed').length} confirmed), ${ledger.payments.size} payments, ${ledger.stock.size} products, ${ledger.events} events judged\n`);
    } finally {
      events.close();
    }
  });
});
