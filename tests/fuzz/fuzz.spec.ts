// Fuzzing the whole suite as `npm start` runs it (every service its own process, on PGlite): every
// RPC of every running service gets requests generated from the proto descriptors (plausible,
// boundary, missing, control characters, huge, wrong-enum, unknown-field) and raw malformed
// protobuf, and every HTTP route of the gateway gets malformed JSON, forms, headers and broken
// HTTP — as an anonymous caller, a signed-in user and an admin. It proves: no process crashes, no
// INTERNAL/UNKNOWN/DATA_LOSS (or 5xx) answers a client's mistake, and no refused request changes
// state; it prints a table of what was sent and what came back, and the targets no request got
// past validation (its blind spots). Seeded: FUZZ_SEED reproduces a run's requests; FUZZ_CASES sets
// the generated requests per RPC (default: one per profile, 12, which keeps the file near two
// minutes on two loaded cores).
import { randomBytes, randomUUID } from 'node:crypto';
import { checkHealth } from '@mercato/kit';
import { postgresAvailable } from '@mercato/db';
import { loadProtos } from '@mercato/protos';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import type { LoadgenServiceDefinition } from '@mercato/protos/gen/mercato/loadgen/v1/LoadgenService';
import type { OrdersServiceDefinition } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';
import type { PaymentsServiceDefinition } from '@mercato/protos/gen/mercato/payments/v1/PaymentsService';
import { eventually, startSuite, uniqueId, type Suite } from '../support/suite';
import { CARD_OK, placeOrderRequest } from '../commerce/harness';
import { describeGrpcCase, grpcCases, grpcTargets, judge, RawChannel, type GrpcCase, type GrpcTarget } from './grpc';
import { apiRoutes, closeAgent, describeHttpCase, fits, formsIn, httpCases, judgeHttp, rawCases, send, storefrontRoutes, type HttpCase, type HttpContext, type HttpRoute } from './http';
import { category, EventWindow, Ledger, table, type Attempt, type Who } from './ledger';
import { HUGE_STRING_BYTES, PROFILES, protoModel, type Dictionary, type Rpc } from './protobuf';
import { fuzzSeed, Random } from './random';

const seed = fuzzSeed();
const CASES = Number(process.env.FUZZ_CASES ?? PROFILES.length);
/** The services' default GRPC_MAX_MESSAGE_BYTES (the suite does not change it). */
const SERVER_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
const CONCURRENCY = 8;
/** gRPC deadline: ample for a healthy answer; a timeout is sent again before it counts (confirmBusy). */
const DEADLINE_MS = 5_000;
/** The gateway's own deadlines downstream reach 8 s (PlaceOrder): more than that for an HTTP answer. */
const HTTP_TIMEOUT_MS = 15_000;
const STREAM_CAP = { maxMessages: 20, maxMs: 500 };
/** How long a bare socket waits for an answer: a lying Content-Length makes the server wait for ever. */
const RAW_WAIT_MS = 3_000;
const WHO: Who[] = ['anonymous', 'user', 'admin'];

let suite: Suite | undefined;
const ledger = new Ledger(seed);
let window: EventWindow;
let dict: Dictionary;
let http: HttpContext;
/** The batch running now, for naming a crash. */
let current = 'start-up';
const exits: string[] = [];
type Proto = 'gRPC' | 'HTTP';
const protoOf = (a: Attempt): Proto => (a.target.includes(' ') ? 'HTTP' : 'gRPC');
/** State changes traced to refused requests (events, or a service's own tables). */
const violations: Array<{ proto: Proto; group: string; what: string }> = [];
/** Processes not SERVING after their batch. */
const unhealthy: string[] = [];
const background = new Map<string, number>();
/** Wall time spent on each report row ("gRPC cart", "HTTP forms"), state checks included. */
const seconds = new Map<string, number>();
let acceptedWrites = 0;
let tokens: Record<Who, string | undefined>;
/** Wall time of each phase, for the report (the suite's budget is a number people watch). */
const phases: string[] = [];
let phaseStart = Date.now();
function phaseDone(name: string): void {
  phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = Date.now();
}

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

// ---------------------------------------------------------------------------------------------
// State: the event store's $all and, for services with tables of their own, a read of them.
//
// Background writers append to $all while we fuzz (the inventory's initial stock, the shipping
// tracker advancing the set-up order's shipment, a load run an accepted StartRun began), so "the
// head did not move" cannot be the test. Instead every request carries its own trace id, which the
// services copy into the metadata of each event they append, and the identifiers a case makes up
// carry its marker: after each batch, every new event is traced to the request that caused it. An
// event traced to a refused request is a state change from a rejected request; events traced to
// no request of ours are counted as background, by stream category, in the report.
//
// Services with their own tables get a probe read before and after each batch: a change over a
// batch with no accepted writing request (or of read-only methods only) is a violation too.

const probes: Record<string, (s: Suite) => Promise<string>> = {
  catalog: async (s) => {
    const catalog = s.client<CatalogServiceDefinition>('catalog', 'mercato.catalog.v1.CatalogService');
    const seen: string[] = [];
    let pageToken = '';
    do {
      const page = await catalog.call('ListProducts', { page: { pageSize: 100, pageToken }, orderBy: 'PRODUCT_ORDER_NAME' });
      for (const p of page.products) seen.push(`${p.id}|${p.updateTime?.seconds}.${p.updateTime?.nanos}|${p.reviewCount}|${p.averageRating}`);
      pageToken = page.page?.nextPageToken ?? '';
    } while (pageToken);
    const categories = await catalog.call('ListCategories', {});
    return `${seen.join(',')}#${categories.categories.map((c) => `${c.id}:${c.productCount}`).join(',')}`;
  },
  loadgen: async (s) => {
    const loadgen = s.client<LoadgenServiceDefinition>('loadgen', 'mercato.loadgen.v1.LoadgenService');
    // The current run's id: a run's own progress (ramping, running, finished) is not a change we made.
    return loadgen.call('GetStats', { runId: '' }).then((r) => r.run?.runId ?? 'none', () => 'none');
  },
};

/** Every event appended since the last look, traced to the request that caused it (or to nobody). */
async function traceNewEvents(): Promise<void> {
  for (const event of await window.next()) {
    const cause = ledger.cause(event);
    if (cause.rejected) {
      const a = cause.rejected;
      violations.push({ proto: protoOf(a), group: a.group, what: `${event.type} appended to ${event.stream} by a refused request (${a.answer}): ${explain(a)}` });
    } else if (cause.accepted) acceptedWrites++;
    else background.set(category(event.stream), (background.get(category(event.stream)) ?? 0) + 1);
  }
}

/** Runs one batch of requests (one RPC's, one route's) with the state checks around it. */
async function batch(proto: Proto, group: string, probe: string | undefined, run: () => Promise<Attempt[]>, writes: (a: Attempt) => boolean): Promise<void> {
  current = `${proto} ${group}`;
  const started = Date.now();
  const before = probe ? await probes[probe]!(suite!) : undefined;
  const attempts = await run();
  await traceNewEvents();
  if (probe) {
    const after = await probes[probe]!(suite!);
    const accepted = attempts.filter((a) => a.accepted !== false && writes(a));
    if (after !== before && accepted.length === 0) violations.push({ proto, group, what: `${probe}'s state changed over a batch of ${attempts.length} requests none of which was an accepted write (${attempts[0]?.target})` });
  }
  seconds.set(current, (seconds.get(current) ?? 0) + (Date.now() - started) / 1000);
}

function explain(a: Attempt): string {
  return `${a.target} as ${a.who} [${a.kind}] → ${a.answer}${a.problem ? ` (${a.problem})` : ''}\n      request: ${a.request}`;
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`fuzz: seed ${seed} (FUZZ_SEED=${seed} reproduces this run), ${CASES} generated requests per RPC`);
  // On the local PostgreSQL when it answers: the same SQL as the embedded default at a third of the
  // CPU, which the suite's 15-minute budget needs. PGlite's own checks are in the services' tests.
  suite = await startSuite({ postgres: await postgresAvailable() });
  const s = suite!;
  s.stack.onExit((name, code, signal) => {
    // With its last words: a crash's stack trace is in them.
    // eslint-disable-next-line no-control-regex
    const last = s.logs.filter((l) => l.replace(/\x1b\[[0-9;]*m/g, '').startsWith(`${name} `)).slice(-10);
    exits.push(`${name} exited (${signal ?? `code ${code}`}) during ${current}\n${last.join('\n')}`);
  });
  try {
    await setUp(s);
  } catch (err) {
    // Which process a refused connection was meant for, with its last words: the error names only a port.
    const message = (err as Error).message;
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(message)?.[1]);
    const owner = s.stack.processes.find((p) => p.grpcPort === port || p.httpPort === port);
    // eslint-disable-next-line no-control-regex
    const last = owner ? s.logs.filter((l) => l.replace(/\x1b\[[0-9;]*m/g, '').startsWith(`${owner.name} `)).slice(-10) : [];
    throw new Error(`set-up failed: ${message}${owner ? `\n(port ${port} is ${owner.name}'s, pid ${owner.pid}; its last lines:)\n${last.join('\n')}` : ''}${exits.length ? `\n${exits.join('\n')}` : ''}`);
  }
  phaseDone('start-up and set-up');
}, 300_000);

/** A real shopper with a placed order, an admin, and the identifiers plausible requests use. */
async function setUp(s: Suite): Promise<void> {
  const base = s.gatewayUrl();
  // Signed up through the gateway, so its pages and API know them.
  const email = `fuzz-${seed}-${randomBytes(3).toString('hex')}@example.com`;
  const signup = await fetch(`${base}/api/v1/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Fuzz Shopper' }) });
  expect(signup.status).toBe(201);
  const userId = ((await signup.json()) as { user: { id: string } }).user.id;
  tokens = { anonymous: undefined, user: s.token(userId), admin: s.token(uniqueId('fuzz-admin'), ['admin']) };

  // One order through the whole saga, so payment, shipment and order ids are real too.
  const catalog = s.client<CatalogServiceDefinition>('catalog', 'mercato.catalog.v1.CatalogService');
  const products = (await catalog.call('ListProducts', { page: { pageSize: 30, pageToken: '' }, orderBy: 'PRODUCT_ORDER_NAME' })).products.map((p) => p.id);
  const categories = (await catalog.call('ListCategories', {})).categories.map((c) => c.id);
  const asUser = { metadata: s.metadata(tokens.user) };
  await s.client<CartServiceDefinition>('cart', 'mercato.cart.v1.CartService').call('AddItem', { cartId: userId, productId: products[0]!, quantity: 1 }, asUser);
  const orders = s.client<OrdersServiceDefinition>('orders', 'mercato.orders.v1.OrdersService');
  const placed = await orders.call('PlaceOrder', placeOrderRequest(userId, uniqueId('fuzz-setup')), asUser);
  const order = await eventually('the set-up order to finish', async () => {
    const o = (await orders.call('GetOrder', { orderId: placed.order!.orderId }, asUser)).order!;
    return o.status === 'ORDER_STATUS_PENDING' ? undefined : o;
  });
  // A card token of the user's, so Authorize is fuzzed past its token check too.
  const payments = s.client<PaymentsServiceDefinition>('payments', 'mercato.payments.v1.PaymentsService');
  const { cardToken } = await payments.call('TokenizeCard', { card: CARD_OK, idempotencyKey: uniqueId('fuzz-card') }, asUser);
  // The first few products are the HTTP phase's: the admin's gRPC requests may delete any of the rest.
  dict = { productIds: products.slice(4), categoryIds: categories, userId, guestCartId: randomUUID(), orderIds: [order.orderId], paymentIds: order.paymentId ? [order.paymentId] : [], shipmentIds: order.shipmentId ? [order.shipmentId] : [], cardTokens: [cardToken] };
  http = {
    productId: products[2]!,
    cartProductId: products[3]!,
    categoryId: categories[0]!,
    orderId: order.orderId,
    userId,
    csrf: randomBytes(24).toString('base64url'),
    expiredToken: s.expiredToken(userId),
    foreignToken: s.foreignToken(userId),
    userToken: tokens.user!,
    components: (await apiRoutes(base)).components,
  };
  // From here on, every new event is accounted for.
  window = new EventWindow(s.client<EventStoreServiceDefinition>('eventstore', 'mercato.eventstore.v1.EventStoreService'));
  await window.skipToHead();
}

afterAll(async () => {
  closeAgent();
  await suite?.stop();
}, 60_000);

// ---------------------------------------------------------------------------------------------

/** Answers a busy machine can give (a dependency's deadline passed, a breaker opened) rather than the request itself. */
const MAYBE_BUSY: ReadonlySet<string> = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'CONNECTION_LOST', 'HTTP 502', 'HTTP 503', 'HTTP 504', 'NO_ANSWER']);
/** How long a request that answered "busy" is sent again (once a second) before it counts: past a breaker's reset (5 s). */
const BUSY_PATIENCE_MS = 7_000;

/**
 * Sends again, one by one, what answered as if the machine were busy, once a second until it
 * answers otherwise: it counts as a finding only when it keeps failing that way (then it is the
 * request, not the load). One by one, because a breaker that opened lets one trial call through.
 */
async function confirmBusy<C>(attempts: Attempt[], caseOf: Map<Attempt, C>, send: (c: C, who: Who, kind: string) => Promise<Attempt>): Promise<void> {
  for (const a of attempts.filter((x) => x.problem && MAYBE_BUSY.has(x.answer ?? ''))) {
    let tries = 0;
    const again = await eventually(
      `${a.target} to answer otherwise than ${a.answer}`,
      async () => {
        tries++;
        const b = await send(caseOf.get(a)!, a.who, `${a.kind} (sent again)`);
        if (!b.problem || !MAYBE_BUSY.has(b.answer ?? '')) return b;
        b.problem = undefined; // the evidence, counted once on the first attempt
        return undefined;
      },
      BUSY_PATIENCE_MS,
      1_000,
    ).catch(() => undefined);
    if (again && !again.problem) {
      a.problem = undefined;
      a.answer = `${a.answer} (busy)`;
    } else if (!again) a.problem = `${a.problem} — the same when sent again alone, ${tries} times over ${BUSY_PATIENCE_MS / 1000} s`;
  }
}

async function fuzzRpc(target: GrpcTarget, shared: RawChannel, rpc: Rpc, first: boolean): Promise<Attempt[]> {
  const rng = Random.for(seed, rpc.path);
  const attempts: Attempt[] = [];
  const caseOf = new Map<Attempt, GrpcCase>();
  const send = async (c: GrpcCase, who: Who, kind: string, channel = shared): Promise<Attempt> => {
    const a = ledger.begin({ marker: c.marker, group: target.name, target: rpc.path.slice(1), who, kind, request: describeGrpcCase(c) });
    attempts.push(a);
    caseOf.set(a, c);
    const md = suite!.metadata(tokens[who]);
    md.set('traceparent', ledger.traceparent(a));
    c.metadata?.(md);
    const answer = rpc.serverStreaming ? await channel.stream(rpc.path, c.bytes, md, DEADLINE_MS, STREAM_CAP) : await channel.unary(rpc.path, c.bytes, md, DEADLINE_MS);
    return Object.assign(a, judge(answer, c.mayBeUnparseable));
  };
  // Generated requests go as each identity; raw bytes (refused before any handler unless they
  // happen to parse) once each, the identity taking turns.
  const cases = grpcCases(rpc, { rng, dict, marker: () => ledger.marker(), count: CASES, serverMaxMessageBytes: SERVER_MAX_MESSAGE_BYTES, ...(first ? { withMetadata: http } : {}) });
  const jobs = cases.flatMap((c, i) => (c.who ? [{ c, who: c.who }] : c.once ? [{ c, who: WHO[i % WHO.length]! }] : WHO.map((who) => ({ c, who }))));
  await pool(jobs, CONCURRENCY, async ({ c, who }) => void (await send(c, who, c.kind)));
  // Sent again on a channel of their own: the shared one may be what broke.
  await confirmBusy(attempts, caseOf, async (c, who, kind) => {
    const fresh = new RawChannel(target.address);
    try {
      return await send(c, who, kind, fresh);
    } finally {
      fresh.close();
    }
  });
  return attempts;
}

async function fuzzRoute(port: number, group: string, route: HttpRoute, cases: HttpCase[], marker: string): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const caseOf = new Map<Attempt, HttpCase>();
  const sendAs = async (c: HttpCase, who: Who, kind: string): Promise<Attempt> => {
    const a = ledger.begin({ marker, group, target: `${c.method} ${route.template}`, who, kind, request: describeHttpCase(c) });
    attempts.push(a);
    caseOf.set(a, c);
    const headers: Record<string, string> = { traceparent: ledger.traceparent(a) };
    if (tokens[who]) headers.authorization = `Bearer ${tokens[who]}`;
    return Object.assign(a, judgeHttp(await send(port, c, headers, c.raw ? RAW_WAIT_MS : HTTP_TIMEOUT_MS), c));
  };
  const jobs = cases.flatMap((c, i) => (c.anonymousOnly || c.raw ? [{ c, who: 'anonymous' as Who }] : c.once ? [{ c, who: WHO[i % WHO.length]! }] : WHO.map((who) => ({ c, who }))));
  await pool(jobs, CONCURRENCY, async ({ c, who }) => void (await sendAs(c, who, c.kind)));
  await confirmBusy(attempts, caseOf, sendAs);
  return attempts;
}

function report(proto: Proto): string {
  const groups = new Map<string, Attempt[]>();
  for (const a of ledger.attempts) if (protoOf(a) === proto) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  const rows = [...groups.entries()].map(([group, attempts]) => {
    const answers = new Map<string, number>();
    for (const a of attempts) answers.set(a.answer ?? '?', (answers.get(a.answer ?? '?') ?? 0) + 1);
    const crashes = exits.filter((e) => e.includes(`during ${proto} ${group}\n`)).length;
    return [
      group,
      String(attempts.length),
      String(crashes),
      String(attempts.filter((a) => a.problem).length),
      String(violations.filter((v) => v.proto === proto && v.group === group).length),
      (seconds.get(`${proto} ${group}`) ?? 0).toFixed(1),
      [...answers.entries()].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', '),
    ];
  });
  const blind = neverServed(proto);
  return `${table([proto === 'gRPC' ? 'service' : 'route group', 'requests', 'crashes', 'internal errors', 'state changes', 'seconds', 'answers'], rows)}\n${LEGEND[proto]}\n` +
    `never served (no request got past validation, so only the refusals were fuzzed): ${blind.length ? `\n  ${blind.join('\n  ')}` : 'none'}`;
}

const LEGEND: Record<Proto, string> = {
  gRPC: [
    'internal errors: INTERNAL from a handler, UNKNOWN, DATA_LOSS, UNIMPLEMENTED, and UNAVAILABLE or DEADLINE_EXCEEDED that came back',
    '  again when the request was sent again alone. Acceptable: OK; STREAMING (a stream still open at its cap, cancelled by us);',
    '  INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, UNAUTHENTICATED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE,',
    '  RESOURCE_EXHAUSTED; UNPARSEABLE: grpc-js\'s INTERNAL "Error deserializing request" to bytes malformed on purpose, before any',
    '  handler (the gRPC status-code spec\'s answer to an unparseable request); "(busy)": UNAVAILABLE or DEADLINE_EXCEEDED at first,',
    '  a proper answer when sent again alone (a loaded machine, a breaker that opened), so not a finding.',
    'state changes: events appended (or catalog/loadgen state changed) by a refused request.',
  ].join('\n'),
  HTTP: [
    'internal errors: any 5xx (a 503 naming a dependency included: the stack is up), or no answer (NO_ANSWER) to well-formed HTTP.',
    '  "closed": the server hung up on broken HTTP sent over a bare socket; "(busy)": a 503 or no answer at first, a proper answer',
    '  when sent again alone (a loaded machine, a breaker that opened), so not a finding.',
    'state changes: events appended (or the catalog changed) by a request answered 4xx or redirected to sign-in.',
  ].join('\n'),
};

/** Targets no request reached past validation (no OK, no stream served): the fuzzer's blind spots, printed not asserted. */
function neverServed(proto: Proto): string[] {
  const served = new Map<string, boolean>();
  // A wrong method's refusal is the point of its case, not a blind spot of the route.
  for (const a of ledger.attempts) {
    if (protoOf(a) !== proto || a.kind.startsWith('method:')) continue;
    served.set(a.target, (served.get(a.target) ?? false) || a.answer === 'OK' || a.answer === 'STREAMING' || /^HTTP [23]/.test(a.answer ?? ''));
  }
  // With what refused the plausible request (as the admin when it went as each identity): where to look.
  const why = (target: string): string => {
    const plausible = ['valid', 'json:valid', 'form:valid', 'query:plausible', 'plain'];
    const refused = ledger.attempts.filter((a) => a.target === target && plausible.includes(a.kind)).sort((x, y) => plausible.indexOf(x.kind) - plausible.indexOf(y.kind));
    const a = refused.find((x) => x.who === 'admin' && x.kind === refused[0]!.kind) ?? refused[0];
    return a ? ` (${a.kind} → ${a.answer}${a.details ? `: ${a.details.replace(/\s+/g, ' ').slice(0, 120)}` : ''})` : '';
  };
  return [...served.entries()].filter(([, ok]) => !ok).map(([target]) => `${target}${why(target)}`);
}

function findings(proto: Proto): string[] {
  return ledger.attempts.filter((a) => a.problem && protoOf(a) === proto).map(explain);
}

describe('fuzzing', () => {
  it('answers every RPC of every running service, for every malformed request, without crashing, failing internally or changing state', async () => {
    const s = suite!;
    const targets = grpcTargets(s.stack.processes, protoModel(loadProtos()));
    // The load generator last: a plausible StartRun from the admin starts a run, which is then stopped.
    targets.sort((a, b) => Number(a.name === 'loadgen') - Number(b.name === 'loadgen'));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => t.rpcs.length === 0)).toEqual([]);
    for (const target of targets) {
      const channel = new RawChannel(target.address);
      for (const [i, rpc] of target.rpcs.entries()) {
        await batch('gRPC', target.name, probes[target.name] ? target.name : undefined, () => fuzzRpc(target, channel, rpc, i === 0), () => !rpc.readOnly);
      }
      channel.close();
      const health = await checkHealth(target.address, '', 5_000).catch((e: Error) => e.message);
      if (health !== 'SERVING') unhealthy.push(`${target.name}: ${health} after its batch`);
      if (target.name === 'loadgen') {
        const loadgen = s.client<LoadgenServiceDefinition>('loadgen', 'mercato.loadgen.v1.LoadgenService');
        await loadgen.call('StopRun', { runId: '' }, { metadata: s.metadata(tokens.admin) }).catch(() => undefined);
      }
    }
    phaseDone('gRPC');
    // eslint-disable-next-line no-console
    console.log(`fuzz: gRPC (seed ${seed}; strings up to ${HUGE_STRING_BYTES} bytes, one request per RPC over the ${SERVER_MAX_MESSAGE_BYTES}-byte limit)\n${report('gRPC')}`);
    expect(unhealthy).toEqual([]);
    expect(findings('gRPC')).toEqual([]);
    expect(violations.filter((v) => v.proto === 'gRPC').map((v) => v.what)).toEqual([]);
  }, 600_000);

  it('answers every HTTP route, for malformed JSON, forms, headers and broken HTTP, without a 5xx or a state change', async () => {
    const s = suite!;
    const base = s.gatewayUrl();
    const port = Number(new URL(base).port);
    const routes: HttpRoute[] = [...(await apiRoutes(base)).routes, ...storefrontRoutes()];
    // A line in the user's cart (the gRPC requests may have emptied it), so the cart and checkout pages render their forms.
    await s.client<CartServiceDefinition>('cart', 'mercato.cart.v1.CartService').call('AddItem', { cartId: http.userId, productId: http.cartProductId, quantity: 1 }, { metadata: s.metadata(tokens.user) });
    // The forms' fields, from the forms the pages render (a new field is fuzzed without a change here).
    const pages = ['/', '/cart', '/checkout', `/p/${encodeURIComponent(http.productId)}`, '/signup', '/signin'];
    for (const [page, token] of pages.flatMap((p) => [[p, tokens.user], [p, undefined]] as const)) {
      const res = await fetch(`${base}${page}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      for (const form of formsIn(await res.text())) {
        const route = routes.find((r) => r.kind === 'form' && fits(r.template, form.action));
        if (route) route.fields = [...new Set([...route.fields, ...form.fields])];
      }
    }
    const allFields = [...new Set(routes.flatMap((r) => r.fields))];
    for (const r of routes) if (r.kind === 'form' && r.fields.length === 0) r.fields = allFields;
    expect(routes.filter((r) => r.kind === 'form').every((r) => r.fields.length > 0)).toBe(true);

    const byGroup = new Map<string, HttpRoute[]>();
    for (const r of routes) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
    for (const [group, list] of byGroup) {
      for (const [i, route] of list.entries()) {
        const rng = Random.for(seed, `${route.method} ${route.template}`);
        const marker = ledger.marker();
        const cases = [...httpCases(route, http, rng, marker), ...(i === 0 ? rawCases(route, http) : [])];
        // The catalog's own tables (reviews, products) read around every writing route.
        const probe = route.method === 'GET' ? undefined : 'catalog';
        await batch('HTTP', group, probe, () => fuzzRoute(port, group, route, cases, marker), (a) => !/^(GET|HEAD) /.test(a.target));
      }
      const health = await fetch(`${base}/healthz`).then((r) => r.status, (e: Error) => e.message);
      if (health !== 200) unhealthy.push(`gateway: /healthz ${health} after the ${group} routes`);
    }
    phaseDone('HTTP');
    // eslint-disable-next-line no-console
    console.log(`fuzz: HTTP (seed ${seed})\n${report('HTTP')}`);
    expect(unhealthy).toEqual([]);
    expect(findings('HTTP')).toEqual([]);
    expect(violations.filter((v) => v.proto === 'HTTP').map((v) => v.what)).toEqual([]);
  }, 600_000);

  it('leaves every process alive and SERVING, and nothing refused changed state', async () => {
    const s = suite!;
    current = 'the final checks';
    // Late events (an outbox, a saga step) traced too.
    await traceNewEvents();
    // eslint-disable-next-line no-console
    console.log(
      `fuzz: ${phases.join(', ')}; ${ledger.attempts.length} requests; events from accepted requests ${acceptedWrites}; ` +
        `events from background writers ${[...background.entries()].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`,
    );
    expect(exits).toEqual([]);
    for (const p of s.stack.processes) {
      const health = p.grpcPort !== undefined ? await checkHealth(`127.0.0.1:${p.grpcPort}`, '', 5_000).catch((e: Error) => e.message) : await fetch(`${s.gatewayUrl()}/healthz`).then((r) => (r.status === 200 ? 'SERVING' : `HTTP ${r.status}`));
      expect({ service: p.name, health }).toEqual({ service: p.name, health: 'SERVING' });
    }
    expect(violations.map((v) => v.what)).toEqual([]);
    // An unhandled rejection is a crash waiting for a Node version that exits on it.
    expect(s.logs.filter((l) => /unhandled promise rejection|uncaughtException/i.test(l))).toEqual([]);
  }, 120_000);
});
