// The gateway client's own rules: Retry-After honoured per limit key (a held-back call is not
// sent), errors that say which route answered what, and no cookies (Bearer and X-Cart-Id only).
import { GatewayClient, HttpError, parseRetryAfter, RateLimitedError, TransportError } from '../src/gateway';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A recording fetch answering from a queue (the client's logic only; the real gateway is in the stack test). */
function recorder(answers: Array<() => Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const f = (async (url: URL, init: RequestInit) => {
    sent.push({ url: String(url), method: String(init.method), headers: init.headers as Record<string, string>, body: init.body as string | undefined });
    const next = answers.shift();
    if (!next) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return next();
  }) as unknown as typeof fetch;
  return { fetch: f, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): (() => Response) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and waits a second for anything else', () => {
    expect(parseRetryAfter('5', 0)).toBe(5_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(null, 0)).toBe(1_000);
    expect(parseRetryAfter('soon', 0)).toBe(1_000);
    expect(parseRetryAfter('999999', 0)).toBe(300_000);
  });
});

describe('gateway client', () => {
  let now = 0;
  const client = (f: typeof fetch) => new GatewayClient({ baseUrl: 'http://gw.test:8080/', timeoutMs: 1_000, now: () => now, fetch: f });

  beforeEach(() => {
    now = 0;
  });

  it('sends Bearer tokens and X-Cart-Id under /api/v1, JSON in and out', async () => {
    const r = recorder([json(200, { cart: { items: [] } })]);
    const res = await client(r.fetch).request({ path: '/cart/items', route: 'POST /cart/items', token: 'tok', cartId: 'c-1', body: { product_id: 'p', quantity: 1 }, query: { a: 1, b: undefined }, expect: [200], limitKey: 'user:1' });
    expect(res).toEqual({ status: 200, body: { cart: { items: [] } } });
    expect(r.sent[0]).toEqual({
      url: 'http://gw.test:8080/api/v1/cart/items?a=1',
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer tok', 'x-cart-id': 'c-1' },
      body: '{"product_id":"p","quantity":1}',
    });
  });

  it('after a 429 holds back calls under the same limit key until Retry-After has passed', async () => {
    const r = recorder([json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }), json(200, {}), json(200, {})]);
    const c = client(r.fetch);
    const call = (limitKey: string) => c.request({ path: '/checkout', route: 'POST /checkout', body: {}, expect: [200], limitKey });
    await expect(call('user:1:checkout')).rejects.toBeInstanceOf(RateLimitedError);
    now = 1_999;
    await expect(call('user:1:checkout')).rejects.toMatchObject({ name: 'RateLimitedError', retryAtMs: 2_000 });
    expect(r.sent).toHaveLength(1);
    // Another shopper's limit is not affected.
    await expect(call('user:2:checkout')).resolves.toMatchObject({ status: 200 });
    now = 2_000;
    await expect(call('user:1:checkout')).resolves.toMatchObject({ status: 200 });
    expect(r.sent).toHaveLength(3);
  });

  it('reports an unexpected status with the route, the error code, field and message', async () => {
    const r = recorder([json(400, { error: { code: 'invalid_argument', message: 'must be from 1 to 99', field: 'quantity' } })]);
    const err = await client(r.fetch).request({ path: '/cart/items', route: 'POST /cart/items', body: {}, expect: [200], limitKey: 'client' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).message).toBe('POST /cart/items → 400 invalid_argument (quantity): must be from 1 to 99');
    expect((err as HttpError).code).toBe('invalid_argument');
  });

  it('reports no answer as a transport error naming the cause', async () => {
    const r = recorder([]);
    const err = await client(r.fetch).request({ path: '/categories', route: 'GET /categories', expect: [200], limitKey: 'client' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as Error).message).toBe('GET /categories → no answer (ECONNREFUSED)');
  });
});
