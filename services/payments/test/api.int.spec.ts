// Payments over real gRPC against a real event store, on the embedded store and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { testDatabaseIfAvailable } from '@mercato/db';
import { clientStore } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { asUser, connect, generateSigningKeys, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { RecordedEvent__Output } from '@mercato/protos/gen/mercato/eventstore/v1/RecordedEvent';
import type { PaymentCard } from '@mercato/protos/gen/mercato/payments/v1/PaymentCard';
import type { PaymentsServiceDefinition } from '@mercato/protos/gen/mercato/payments/v1/PaymentsService';
import { DECLINE_MESSAGES, DECLINING_TEST_CARDS, paymentsConfig, setupPayments, type PaymentsConfig } from '../src';

const PAYMENTS = 'mercato.payments.v1.PaymentsService';
const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const alice = asUser(issuer, 'alice');
const bob = asUser(issuer, 'bob');
const admin = asUser(issuer, 'root', ['admin']);

const VISA = '4242424242424242';
const YEAR = new Date().getUTCFullYear() + 2;
const card = (number = VISA, cvc = '123'): PaymentCard => ({ number, expiryMonth: 12, expiryYear: YEAR, cvc, holderName: 'Alice Shopper' });
const usd = (units: number, nanos = 0) => ({ currencyCode: 'USD', units: String(units), nanos });
const key = () => `key-${randomUUID()}`;

/** Every card number any test sends: none of them may reach the event store. */
const NUMBERS_SENT = [VISA, '5555555555554444', '378282246310005', ...DECLINING_TEST_CARDS.map((c) => c.number)];

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(['pglite', 'postgres'] as const)('payments over gRPC on %s', (backend) => {
  let es: TestEventStore | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const running: RunningService<PaymentsConfig>[] = [];
  const clients: KitClient<PaymentsServiceDefinition>[] = [];
  let client: KitClient<PaymentsServiceDefinition>;

  /** A payments instance on the shared event store, with its own settings. */
  async function startPayments(extra: Record<string, string> = {}): Promise<{ service: RunningService<PaymentsConfig>; client: KitClient<PaymentsServiceDefinition> }> {
    const env = testServiceEnv({ EVENTSTORE_ADDR: es!.address, JWT_PUBLIC_KEY: keys.publicKey, PAYMENTS_FINGERPRINT_KEY: 'an-integration-test-secret', ...extra });
    const service = await startService('payments', setupPayments, { config: paymentsConfig, env });
    const c = connect<PaymentsServiceDefinition>(PAYMENTS, `127.0.0.1:${service.grpcPort}`);
    running.push(service);
    clients.push(c);
    return { service, client: c };
  }

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_payments');
      if (!db) return;
      dropDb = db.drop;
      databaseUrl = db.url;
    }
    es = await startTestEventStore(databaseUrl ? { databaseUrl } : {});
    client = (await startPayments()).client;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of running) await s.shutdown();
    await es?.stop();
    await dropDb?.();
  });
  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (es) await fn();
    });

  const typesIn = async (stream: string): Promise<string[]> => (await clientStore(es!.client).readStream(stream)).map((e) => e.type.replace('mercato.payments.v1.', ''));
  async function everyEvent(): Promise<RecordedEvent__Output[]> {
    const out: RecordedEvent__Output[] = [];
    let from: { start: object } | { position: { commit: string; prepare: string } } = { start: {} };
    for (;;) {
      const page = await es!.client.readAll({ direction: 'READ_DIRECTION_FORWARDS', ...from, maxCount: 1000 });
      out.push(...page.events);
      if (page.endOfAll || !page.nextPosition) return out;
      from = { position: page.nextPosition };
    }
  }
  const authorize = (idempotencyKey: string, source: { cardToken: string } | { card: PaymentCard }, amount = usd(100), orderId = 'order-1', customerId = 'alice') =>
    client.call('Authorize', { idempotencyKey, orderId, customerId, amount, ...source });

  run('tokenizes a card, authorizes with the token and captures it', async () => {
    const k = key();
    const tokenized = await client.call('TokenizeCard', { card: card(), idempotencyKey: k });
    expect(tokenized.cardToken).toMatch(/^tok_[0-9a-f]{32}$/);
    expect(tokenized.card).toEqual({ brand: 'CARD_BRAND_VISA', last4: '4242', expiryMonth: 12, expiryYear: YEAR });
    await expect(client.call('TokenizeCard', { card: card(), idempotencyKey: k })).resolves.toEqual(tokenized);
    expect(await typesIn(`card-${tokenized.cardToken}`)).toEqual(['CardTokenized']);

    const { payment } = await authorize(key(), { cardToken: tokenized.cardToken }, usd(42, 500_000_000));
    expect(payment).toMatchObject({ status: 'PAYMENT_STATUS_AUTHORIZED', orderId: 'order-1', customerId: 'alice', authorizedAmount: usd(42, 500_000_000), card: tokenized.card, declineReason: 'DECLINE_REASON_UNSPECIFIED' });
    const captured = await client.call('Capture', { paymentId: payment!.paymentId });
    expect(captured.payment).toMatchObject({ status: 'PAYMENT_STATUS_CAPTURED', capturedAmount: usd(42, 500_000_000) });
    await expect(client.call('Capture', { paymentId: payment!.paymentId })).resolves.toEqual(captured);
    expect(await typesIn(`payment-${payment!.paymentId}`)).toEqual(['PaymentAuthorized', 'PaymentCaptured']);
  });

  run('declines each test card with its reason, as an answer, also after tokenization', async () => {
    for (const test of DECLINING_TEST_CARDS) {
      const { cardToken } = await client.call('TokenizeCard', { card: card(test.number) });
      const { payment } = await authorize(key(), { cardToken });
      expect(payment).toMatchObject({ status: 'PAYMENT_STATUS_DECLINED', declineReason: test.reason, declineMessage: DECLINE_MESSAGES[test.reason], authorizedAmount: usd(0) });
      expect(await typesIn(`payment-${payment!.paymentId}`)).toEqual(['PaymentDeclined']);
      const direct = await authorize(key(), { card: card(test.number) });
      expect(direct.payment).toMatchObject({ status: 'PAYMENT_STATUS_DECLINED', declineReason: test.reason });
    }
    const { payment } = await authorize(key(), { card: card('4000000000000002') });
    await expect(client.call('Capture', { paymentId: payment!.paymentId })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    await expect(client.call('Void', { paymentId: payment!.paymentId })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    const other = await authorize(key(), { card: card('5555555555554444') });
    expect(other.payment).toMatchObject({ status: 'PAYMENT_STATUS_AUTHORIZED', card: { brand: 'CARD_BRAND_MASTERCARD', last4: '4444' } });
  });

  run('authorizes once per idempotency key, even when retried at the same time', async () => {
    const k = key();
    const answers = await Promise.all([1, 2, 3].map(() => authorize(k, { card: card() })));
    const ids = new Set(answers.map((a) => a.payment!.paymentId));
    expect(ids.size).toBe(1);
    const [paymentId] = [...ids];
    expect(await typesIn(`payment-${paymentId}`)).toEqual(['PaymentAuthorized']);
    const again = await authorize(k, { card: card() });
    expect(again).toEqual(answers[0]);
    expect(await typesIn(`payment-${paymentId}`)).toEqual(['PaymentAuthorized']);

    await expect(authorize(k, { card: card() }, usd(101))).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringMatching(/^idempotency_key: /) });
    await expect(authorize(k, { card: card() }, usd(100), 'order-2')).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await typesIn(`payment-${paymentId}`)).toEqual(['PaymentAuthorized']);
  });

  run('answers NOT_FOUND for an unknown card token or payment', async () => {
    await expect(authorize(key(), { cardToken: `tok_${'0'.repeat(32)}` })).rejects.toMatchObject({ code: status.NOT_FOUND, details: expect.stringMatching(/^card_token: /) });
    await expect(client.call('Capture', { paymentId: randomUUID() })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(client.call('GetPayment', { paymentId: randomUUID() }, alice)).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  run('captures part of an authorization once, never more than authorized', async () => {
    const { payment } = await authorize(key(), { card: card() });
    const paymentId = payment!.paymentId;
    await expect(client.call('Capture', { paymentId, amount: usd(100, 1) })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringMatching(/^amount: /) });
    await expect(client.call('Capture', { paymentId, amount: { currencyCode: 'EUR', units: '1', nanos: 0 } })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^amount\.currency_code: /) });
    const partial = await client.call('Capture', { paymentId, amount: usd(60) });
    expect(partial.payment).toMatchObject({ status: 'PAYMENT_STATUS_CAPTURED', authorizedAmount: usd(100), capturedAmount: usd(60) });
    await expect(client.call('Capture', { paymentId, amount: usd(60) })).resolves.toEqual(partial);
    await expect(client.call('Capture', { paymentId, amount: usd(40) })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await typesIn(`payment-${paymentId}`)).toEqual(['PaymentAuthorized', 'PaymentCaptured']);
  });

  run('voids an authorization before capture, once, and then refuses to capture it', async () => {
    const { payment } = await authorize(key(), { card: card() });
    const paymentId = payment!.paymentId;
    const voided = await client.call('Void', { paymentId });
    expect(voided.payment).toMatchObject({ status: 'PAYMENT_STATUS_VOIDED' });
    await expect(client.call('Void', { paymentId })).resolves.toEqual(voided);
    await expect(client.call('Capture', { paymentId })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await typesIn(`payment-${paymentId}`)).toEqual(['PaymentAuthorized', 'PaymentVoided']);

    const capturedOne = await authorize(key(), { card: card() });
    await client.call('Capture', { paymentId: capturedOne.payment!.paymentId });
    await expect(client.call('Void', { paymentId: capturedOne.payment!.paymentId })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
  });

  run('refunds for admins only, each refund once by its key, up to the capture', async () => {
    const { payment } = await authorize(key(), { card: card() });
    const paymentId = payment!.paymentId;
    const refund = (idempotencyKey: string, amount?: ReturnType<typeof usd>) => ({ paymentId, idempotencyKey, reason: 'damaged in transit', ...(amount ? { amount } : {}) });
    await expect(client.call('Refund', refund('r-1'), admin)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    await client.call('Capture', { paymentId });

    await expect(client.call('Refund', refund('r-1', usd(30)))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(client.call('Refund', refund('r-1', usd(30)), alice)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const first = await client.call('Refund', refund('r-1', usd(30)), admin);
    expect(first.payment).toMatchObject({ status: 'PAYMENT_STATUS_PARTIALLY_REFUNDED', refundedAmount: usd(30) });
    await expect(client.call('Refund', refund('r-1', usd(30)), admin)).resolves.toEqual(first);
    await expect(client.call('Refund', refund('r-2', usd(71)), admin)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    const rest = await client.call('Refund', refund('r-2'), admin);
    expect(rest.payment).toMatchObject({ status: 'PAYMENT_STATUS_REFUNDED', refundedAmount: usd(100) });
    await expect(client.call('Refund', refund('r-3'), admin)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await typesIn(`payment-${paymentId}`)).toEqual(['PaymentAuthorized', 'PaymentCaptured', 'PaymentRefunded', 'PaymentRefunded']);
  });

  run('shows a payment to its customer and to admins only', async () => {
    const { payment } = await authorize(key(), { card: card() });
    const paymentId = payment!.paymentId;
    await expect(client.call('GetPayment', { paymentId }, alice)).resolves.toEqual({ payment });
    await expect(client.call('GetPayment', { paymentId: paymentId.toUpperCase() }, admin)).resolves.toEqual({ payment });
    await expect(client.call('GetPayment', { paymentId }, bob)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(client.call('GetPayment', { paymentId })).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    // A user's token forwarded on Authorize must be the customer's own.
    await expect(client.call('Authorize', { idempotencyKey: key(), orderId: 'order-9', customerId: 'alice', amount: usd(5), card: card() }, bob)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });

  run('answers INVALID_ARGUMENT naming the field, and writes nothing', async () => {
    const before = (await everyEvent()).length;
    const ok = { idempotencyKey: key(), orderId: 'order-1', customerId: 'alice', amount: usd(10), card: card() };
    const cases: Array<[keyof PaymentsServiceDefinition & string, object, RegExp]> = [
      ['TokenizeCard', {}, /^card: is required/],
      ['TokenizeCard', { card: card('4242424242424241') }, /^card\.number: /],
      ['TokenizeCard', { card: { ...card(), number: '4242-4242-4242-4242' } }, /^card\.number: /],
      ['TokenizeCard', { card: { ...card(), expiryMonth: 13 } }, /^card\.expiry_month: /],
      ['TokenizeCard', { card: { ...card(), expiryYear: YEAR - 4 } }, /^card\.expiry_year: /],
      ['TokenizeCard', { card: card('378282246310005', '123') }, /^card\.cvc: must be 4 digits/],
      ['TokenizeCard', { card: card(), idempotencyKey: 'x'.repeat(201) }, /^idempotency_key: /],
      ['Authorize', { ...ok, idempotencyKey: '' }, /^idempotency_key: is required/],
      ['Authorize', { ...ok, orderId: '' }, /^order_id: /],
      ['Authorize', { ...ok, customerId: '' }, /^customer_id: /],
      ['Authorize', { ...ok, amount: null }, /^amount: is required/],
      ['Authorize', { ...ok, amount: usd(0) }, /^amount: must be greater than zero/],
      ['Authorize', { ...ok, amount: { currencyCode: 'usd', units: '1', nanos: 0 } }, /^amount\.currency_code: /],
      ['Authorize', { ...ok, amount: usd(1, -5) }, /^amount\.nanos: /],
      ['Authorize', { ...ok, card: undefined }, /^card_token: a card_token or a card is required/],
      ['Authorize', { ...ok, card: undefined, cardToken: 'not-a-token' }, /^card_token: must be a token/],
      ['Authorize', { ...ok, card: { ...card(), cvc: '' } }, /^card\.cvc: /],
      ['Capture', { paymentId: 'payment-1' }, /^payment_id: must be a UUID/],
      ['Capture', { paymentId: randomUUID(), amount: usd(-1) }, /^amount: must not be negative/],
      ['Void', { paymentId: '' }, /^payment_id: is required/],
      ['Refund', { paymentId: randomUUID(), idempotencyKey: '' }, /^idempotency_key: is required/],
      ['Refund', { paymentId: randomUUID(), idempotencyKey: 'r', reason: 'x'.repeat(501) }, /^reason: /],
      ['GetPayment', { paymentId: 'nope' }, /^payment_id: /],
    ];
    for (const [method, request, message] of cases) {
      const call = (client.call as (m: string, r: object, o: object) => Promise<unknown>).bind(client);
      await expect(call(method, request, admin)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(message) });
    }
    expect((await everyEvent()).length).toBe(before);
  });

  run('fails every call with UNAVAILABLE at failure rate 1, writing nothing', async () => {
    const { payment } = await authorize(key(), { card: card() });
    const flaky = (await startPayments({ PAYMENTS_FAILURE_RATE: '1' })).client;
    const before = (await everyEvent()).length;
    await expect(flaky.call('TokenizeCard', { card: card(), idempotencyKey: key() })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(flaky.call('Authorize', { idempotencyKey: key(), orderId: 'order-1', customerId: 'alice', amount: usd(1), card: card() })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(flaky.call('Capture', { paymentId: payment!.paymentId })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(flaky.call('Void', { paymentId: payment!.paymentId })).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(flaky.call('Refund', { paymentId: payment!.paymentId, idempotencyKey: 'r-1' }, admin)).rejects.toMatchObject({ code: status.UNAVAILABLE });
    await expect(flaky.call('GetPayment', { paymentId: payment!.paymentId }, alice)).rejects.toMatchObject({ code: status.UNAVAILABLE });
    // Malformed input is still refused as such: validation comes before the simulated provider.
    await expect(flaky.call('Capture', { paymentId: 'nope' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    expect((await everyEvent()).length).toBe(before);
    expect(await typesIn(`payment-${payment!.paymentId}`)).toEqual(['PaymentAuthorized']);
  });

  run("stops waiting out the latency when the caller's deadline passes", async () => {
    const slow = await startPayments({ PAYMENTS_LATENCY_MS: '60000' });
    const before = (await everyEvent()).length;
    await expect(slow.client.call('Authorize', { idempotencyKey: key(), orderId: 'order-1', customerId: 'alice', amount: usd(1), card: card() }, { deadlineMs: 200 })).rejects.toMatchObject({
      code: status.DEADLINE_EXCEEDED,
    });
    // The handler finishes (as CANCELLED) long before the 60 s latency would have run out.
    const handled = slow.service.kit.metrics.serverHandled;
    await waitUntil('the cancelled call to be handled', async () => (await handled.get()).values.some((v) => v.labels.grpc_method === 'Authorize' && v.labels.grpc_code === 'Canceled'));
    expect((await everyEvent()).length).toBe(before);
  });

  run('keeps no card number in any stored event', async () => {
    for (const number of NUMBERS_SENT) {
      const cvc = number.startsWith('37') ? '1234' : '123';
      const { cardToken } = await client.call('TokenizeCard', { card: card(number, cvc), idempotencyKey: key() });
      await authorize(key(), { cardToken });
      await authorize(key(), { card: card(number, cvc) });
    }
    const events = await everyEvent();
    expect(events.length).toBeGreaterThanOrEqual(3 * NUMBERS_SENT.length);
    for (const e of events) {
      const stored = Buffer.concat([Buffer.from(e.data), Buffer.from(JSON.stringify(e.metadata)), Buffer.from(e.stream)]);
      for (const number of NUMBERS_SENT) expect(stored.includes(number)).toBe(false);
      expect(stored.includes(Buffer.from('Alice Shopper'))).toBe(false);
    }
  });
});
