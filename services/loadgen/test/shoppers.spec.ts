// The shoppers' session rules, over a recording fetch (the client's logic; the real gateway is in
// the stack test): one sign-in for concurrent 401s, sign-up again for a forgotten account, and a
// sign-in 429 that holds back every shopper's sign-in until Retry-After.
import { GatewayClient, RateLimitedError } from '../src/gateway';
import { Rng } from '../src/mix';
import { ShopperPool } from '../src/shoppers';

type Handler = (body: Record<string, unknown> | undefined, headers: Record<string, string>) => [number, unknown, Record<string, string>?];

function routed(routes: Record<string, Handler>): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const f = (async (url: URL, init: RequestInit) => {
    const key = `${String(init.method)} ${new URL(String(url)).pathname.replace('/api/v1', '')}`;
    calls.push(key);
    const handler = routes[key];
    if (!handler) return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    const [status, body, headers] = handler(init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined, init.headers as Record<string, string>);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as unknown as typeof fetch;
  return { fetch: f, calls };
}

const session = (id: string, token: string) => ({ user: { id, email: 'x@example.com', name: 'X', roles: [] }, token, expires_at: new Date(Date.now() + 900_000).toISOString() });

describe('shopper pool', () => {
  let now = 0;
  const gatewayWith = (f: typeof fetch) => new GatewayClient({ baseUrl: 'http://gw.test', timeoutMs: 1_000, now: () => now, fetch: f });

  beforeEach(() => {
    now = 0;
  });

  it('signs shoppers up with distinct e-mails and leases each to one scenario at a time', async () => {
    const emails = new Set<string>();
    const r = routed({ 'POST /auth/signup': (b) => (emails.add(String(b!.email)), [201, session(`u${emails.size}`, `t${emails.size}`)]) });
    const pool = new ShopperPool(gatewayWith(r.fetch));
    await pool.signUp(0);
    await pool.signUp(1);
    expect(emails.size).toBe(2);
    expect(pool.size).toBe(2);
    const rng = new Rng(3);
    const a = pool.lease(rng)!;
    const b = pool.lease(rng)!;
    expect(a).not.toBe(b);
    expect(pool.lease(rng)).toBeUndefined();
    pool.release(a);
    expect(pool.lease(rng)).toBe(a);
  });

  it('on 401 signs in once for all concurrent callers, then repeats each call with the new token', async () => {
    let signIns = 0;
    const r = routed({
      'POST /auth/signup': () => [201, session('u1', 'old')],
      'POST /auth/signin': () => (signIns++, [200, session('u1', 'new')]),
      'GET /orders': (_, h) => (h.authorization === 'Bearer new' ? [200, { orders: [] }] : [401, { error: { code: 'unauthenticated' } }]),
    });
    const pool = new ShopperPool(gatewayWith(r.fetch));
    const s = await pool.signUp(0);
    const spec = { path: '/orders', route: 'GET /orders', expect: [200], limitKey: 'user:0' } as const;
    const answers = await Promise.all([pool.call(s, spec), pool.call(s, spec), pool.call(s, spec)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(signIns).toBe(1);
    expect(s.token).toBe('new');
  });

  it('signs up again when the gateway no longer knows the account', async () => {
    let signUps = 0;
    const r = routed({
      'POST /auth/signup': () => (signUps++, [201, session(`u${signUps}`, `t${signUps}`)]),
      'POST /auth/signin': () => [401, { error: { code: 'unauthenticated', message: 'wrong e-mail or password' } }],
      'GET /orders': (_, h) => (h.authorization === 'Bearer t2' ? [200, { orders: [] }] : [401, {}]),
    });
    const pool = new ShopperPool(gatewayWith(r.fetch));
    const s = await pool.signUp(0);
    await expect(pool.call(s, { path: '/orders', route: 'GET /orders', expect: [200], limitKey: 'user:0' })).resolves.toMatchObject({ status: 200 });
    expect(signUps).toBe(2);
    expect(s.userId).toBe('u2');
  });

  it('after a sign-in 429, no shopper signs in before Retry-After; their calls end rate limited', async () => {
    const r = routed({
      'POST /auth/signup': (b) => [201, session(String(b!.email), 'expired')],
      'POST /auth/signin': () => [429, { error: { code: 'rate_limited' } }, { 'retry-after': '30' }],
      'GET /cart': () => [401, {}],
    });
    const pool = new ShopperPool(gatewayWith(r.fetch));
    const a = await pool.signUp(0);
    const b = await pool.signUp(1);
    const spec = { path: '/cart', route: 'GET /cart', expect: [200], limitKey: 'x' } as const;
    await expect(pool.call(a, spec)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(pool.call(b, spec)).rejects.toBeInstanceOf(RateLimitedError);
    expect(r.calls.filter((c) => c === 'POST /auth/signin')).toHaveLength(1);
    now = 30_000;
    await expect(pool.call(b, spec)).rejects.toBeInstanceOf(RateLimitedError);
    expect(r.calls.filter((c) => c === 'POST /auth/signin')).toHaveLength(2);
  });
});
