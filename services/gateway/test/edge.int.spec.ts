// The gateway on its own, with every service behind it down: what it must do without them
// (accounts, tokens, CSRF, rate limits, input checks, headers, metrics), and how it answers when a
// required service is missing. On the embedded database and on PostgreSQL.
import { generateSigningKeys, startService, testServiceEnv, TokenIssuer, type RunningService } from '@mercato/kit';
import { testDatabaseIfAvailable } from '@mercato/db';
import { gatewayConfig, gatewayOf, setupGateway } from '../src/service';
import { bearer, Client, deadPort, rawRequest } from './support/client';

const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const API = '/api/v1';
const PASSWORD = 'correct horse battery';
let seq = 0;
const email = (tag: string) => `${tag}-${Date.now().toString(36)}-${seq++}@example.com`;

describe.each(['pglite', 'postgres'] as const)('gateway edge on %s', (backend) => {
  let svc: RunningService<unknown> | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  let base = '';
  let port = 0;
  const ip = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` });
  const client = (n = 1) => new Client(base, ip(n));

  beforeAll(async () => {
    const dead = `127.0.0.1:${await deadPort()}`;
    const env = testServiceEnv({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      JWT_PRIVATE_KEY: keys.privateKey,
      JWT_PUBLIC_KEY: keys.publicKey,
      JWT_TTL_SECONDS: '900',
      ADMIN_EMAILS: ' Boss@Example.com , other@example.com',
      COOKIE_SECURE: 'true',
      TRUSTED_PROXY_HOPS: '1',
      RATE_LIMIT_SIGNIN_PER_MINUTE: '3',
      ...Object.fromEntries(['CATALOG', 'CART', 'ORDERS', 'ORDER_HISTORY', 'SHIPPING', 'RECOMMENDATIONS', 'ASSISTANT', 'EVENTSTORE'].map((t) => [`${t}_ADDR`, dead])),
    });
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_gateway');
      if (!db) return;
      dropDb = db.drop;
      env.DATABASE_URL = db.url;
    }
    svc = await startService('gateway', setupGateway, { env, config: gatewayConfig });
    port = gatewayOf(svc.kit).httpPort;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await svc?.shutdown();
    await dropDb?.();
  });

  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (svc) await fn();
    });

  async function signUp(c: Client, tag = 'user', name = 'Ada') {
    const res = await c.post(`${API}/auth/signup`, { email: email(tag), password: PASSWORD, name });
    expect(res.status).toBe(201);
    return res.json as { user: { id: string; email: string; roles: string[] }; token: string; expires_at: string };
  }

  run('answers /healthz while serving', async () => {
    const res = await client().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'serving' });
  });

  run('sends the security headers on pages and API answers', async () => {
    for (const path of ['/signin', `${API}/me`]) {
      const res = await client().get(path);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });

  run('answers 503 naming the service when a required one is down, and stays up', async () => {
    const api = await client().get(`${API}/products`);
    expect(api.status).toBe(503);
    expect(api.json.error).toMatchObject({ code: 'unavailable' });
    expect(api.json.error.message).toContain('catalog');
    expect(api.headers.get('retry-after')).toBeTruthy();
    const page = await client().get('/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Temporarily unavailable');
    expect((await client().get('/healthz')).status).toBe(200);
  });

  run('signs up (e-mail lower-cased, admin by ADMIN_EMAILS), refuses the same e-mail twice in any case', async () => {
    const c = client();
    const res = await c.post(`${API}/auth/signup`, { email: 'BOSS@example.com', password: PASSWORD, name: 'The Boss' });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: 'boss@example.com', name: 'The Boss', roles: ['admin'] });
    expect(Date.parse(res.json.expires_at)).toBeGreaterThan(Date.now() + 800_000);
    const again = await client().post(`${API}/auth/signup`, { email: 'Boss@Example.COM', password: PASSWORD, name: 'Copy' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'conflict', field: 'email' });
    const other = await signUp(client(), 'customer');
    expect(other.user.roles).toEqual([]);
  });

  run('sets the session as an HttpOnly SameSite=Lax cookie, Secure except on a loopback host', async () => {
    const body = JSON.stringify({ email: email('cookie'), password: PASSWORD, name: 'Cookie' });
    const remote = await rawRequest(port, { method: 'POST', path: `${API}/auth/signup`, headers: { host: 'shop.example.com', 'content-type': 'application/json' }, body });
    const cookies = remote.headers['set-cookie'] as string[];
    const session = cookies.find((c) => c.startsWith('mercato_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Max-Age=900/);
    const csrf = cookies.find((c) => c.startsWith('mercato_csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    const local = await rawRequest(port, { path: '/signin', headers: { host: `127.0.0.1:${port}` } });
    expect((local.headers['set-cookie'] as string[]).find((c) => c.startsWith('mercato_csrf='))).not.toMatch(/Secure/);
  });

  run('signs in with the right password; one 401 message for a wrong password and an unknown e-mail', async () => {
    const c = client(10);
    const { user } = await signUp(c, 'signin');
    const good = await client(11).post(`${API}/auth/signin`, { email: user.email.toUpperCase(), password: PASSWORD });
    expect(good.status).toBe(200);
    expect(good.json.user.id).toBe(user.id);
    const wrong = await client(12).post(`${API}/auth/signin`, { email: user.email, password: 'wrong password!' });
    const unknown = await client(13).post(`${API}/auth/signin`, { email: 'nobody@example.com', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error).toEqual(unknown.json.error);
    expect(wrong.json.error.code).toBe('unauthenticated');
  });

  run('rate-limits sign-in per client address with 429 and Retry-After', async () => {
    const c = client(50);
    for (let i = 0; i < 3; i++) expect((await c.post(`${API}/auth/signin`, { email: 'nobody@example.com', password: 'x' })).status).toBe(401);
    const limited = await c.post(`${API}/auth/signin`, { email: 'nobody@example.com', password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The HTML form shares the budget of the address.
    await c.get('/signin');
    const form = await c.request('POST', '/signin', { form: { _csrf: c.cookies.get('mercato_csrf')!, email: 'nobody@example.com', password: 'x' } });
    expect(form.status).toBe(429);
    expect(form.text).toContain('Too many sign-in attempts');
    // Another client is not affected.
    expect((await client(51).post(`${API}/auth/signin`, { email: 'nobody@example.com', password: 'x' })).status).toBe(401);
  });

  run('refuses unsigned, expired, tampered and foreign tokens with 401', async () => {
    const { user, token } = await signUp(client(), 'tokens');
    expect((await client().get(`${API}/me`, { headers: bearer(token) })).json.user.id).toBe(user.id);
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${s}`;
    const expired = issuer.issue(user.id, { name: 'Ada', ttlSeconds: 60, now: Date.now() - 3_600_000 });
    const foreign = new TokenIssuer(generateSigningKeys().privateKey).issue(user.id, { name: 'Ada' });
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['none', {}, /sign in/],
      ['unsigned', bearer(`${h}.${p}.`), /refused/],
      ['alg none', bearer(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`), /refused/],
      ['tampered', bearer(tampered), /bad token signature/],
      ['expired', bearer(expired), /expired/],
      ['foreign key', bearer(foreign), /bad token signature/],
      ['not bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, /Bearer/],
    ];
    for (const [what, headers, message] of cases) {
      const res = await client().get(`${API}/me`, { headers });
      expect({ what, status: res.status, code: res.json?.error?.code }).toEqual({ what, status: 401, code: 'unauthenticated' });
      expect(res.json.error.message).toMatch(message);
    }
    // A bad token is refused even where no sign-in is needed.
    expect((await client().get(`${API}/categories`, { headers: bearer(tampered) })).status).toBe(401);
  });

  run('asks cookie-authenticated API writes for the CSRF header, and form posts for the _csrf field', async () => {
    const c = client();
    await signUp(c, 'csrf');
    expect(c.cookies.get('mercato_session')).toBeTruthy();
    const missing = await c.post(`${API}/auth/signout`);
    expect(missing.status).toBe(403);
    expect(missing.json.error).toMatchObject({ code: 'forbidden' });
    expect(missing.json.error.message).toContain('X-CSRF-Token');
    const wrong = await c.post(`${API}/auth/signout`, undefined, { headers: { 'x-csrf-token': 'A'.repeat(32) } });
    expect(wrong.status).toBe(403);
    const form = await c.request('POST', '/signout', { form: {} });
    expect(form.status).toBe(403);
    expect(form.headers.get('content-type')).toContain('text/html');
    expect((await c.get(`${API}/me`)).status).toBe(200);
    const ok = await c.post(`${API}/auth/signout`, undefined, { headers: c.csrf() });
    expect(ok.status).toBe(204);
    expect(c.cookies.has('mercato_session')).toBe(false);
    expect((await c.get(`${API}/me`)).status).toBe(401);
    // Bearer requests carry no ambient credential: no CSRF token needed.
    const { token } = await signUp(client(), 'csrf-bearer');
    expect((await client().post(`${API}/auth/signout`, undefined, { headers: bearer(token) })).status).toBe(204);
  });

  run('renews a cookie session past half its life, and drops an expired one', async () => {
    const { user } = await signUp(client(), 'refresh', 'Refresh Me');
    const old = issuer.issue(user.id, { name: 'Refresh Me', ttlSeconds: 900, now: Date.now() - 600_000 });
    const c = client();
    c.cookies.set('mercato_session', old);
    const res = await c.get(`${API}/me`);
    expect(res.status).toBe(200);
    expect(c.cookies.get('mercato_session')).not.toBe(old);
    const fresh = JSON.parse(Buffer.from(c.cookies.get('mercato_session')!.split('.')[1]!, 'base64url').toString()) as { sub: string; exp: number };
    expect(fresh.sub).toBe(user.id);
    expect(fresh.exp * 1000).toBeGreaterThan(Date.now() + 800_000);

    const gone = client();
    gone.cookies.set('mercato_session', issuer.issue(user.id, { ttlSeconds: 60, now: Date.now() - 3_600_000 }));
    const page = await gone.get('/signin');
    expect(page.status).toBe(200);
    expect(gone.cookies.has('mercato_session')).toBe(false);
  });

  run('rejects malformed bodies with 400 naming the field, without a 500', async () => {
    const c = client();
    const cases: Array<[string, Parameters<Client['request']>[2], string]> = [
      ['malformed JSON', { raw: '{"email": "a@b.c",', contentType: 'application/json' }, 'body'],
      ['a JSON list', { raw: '[1,2]', contentType: 'application/json' }, 'body'],
      ['JSON null', { raw: 'null', contentType: 'application/json' }, 'body'],
      ['no body', {}, 'body'],
      ['a form instead of JSON', { raw: 'email=a%40b.co', contentType: 'application/x-www-form-urlencoded' }, 'body'],
      ['an oversized body', { raw: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(70_000), name: 'A' }), contentType: 'application/json' }, 'body'],
      ['a missing field', { json: { email: 'a@b.co', name: 'A' } }, 'password'],
      ['a wrong type', { json: { email: 'a@b.co', password: ['x'], name: 'A' } }, 'password'],
      ['a short password', { json: { email: 'a@b.co', password: 'short', name: 'A' } }, 'password'],
      ['a bad e-mail', { json: { email: 'a@', password: PASSWORD, name: 'A' } }, 'email'],
      ['an empty name', { json: { email: 'a@b.co', password: PASSWORD, name: '' } }, 'name'],
    ];
    for (const [what, options, field] of cases) {
      const res = await c.request('POST', `${API}/auth/signup`, options);
      expect({ what, status: res.status, field: res.json?.error?.field }).toEqual({ what, status: 400, field });
    }
  });

  run('refuses a body larger than its declared length without reading it all', async () => {
    const res = await rawRequest(port, { method: 'POST', path: `${API}/auth/signin`, headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) }, body: '{}' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.field).toBe('body');
  });

  run('answers unknown paths 404 and wrong methods 405 with Allow', async () => {
    expect((await client().get(`${API}/nope`)).status).toBe(404);
    const res = await client().request('PUT', `${API}/cart`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    const html = await client().get('/nowhere', { headers: { accept: 'text/html' } });
    expect(html.status).toBe(404);
    expect(html.text).toContain('Page not found');
  });

  run("never lets a guest use a user's id as a cart", async () => {
    const { user } = await signUp(client(), 'squat');
    const res = await client().post(`${API}/cart/items`, { product_id: 'APP-0001', quantity: 1 }, { headers: { 'x-cart-id': user.id } });
    expect(res.status).toBe(403);
    expect((await client().get(`${API}/cart`, { headers: { 'x-cart-id': 'not-a-uuid' } })).json.error.field).toBe('X-Cart-Id');
  });

  run('re-renders the sign-up form with the problem next to its field', async () => {
    const c = client();
    await c.get('/signup');
    const res = await c.request('POST', '/signup', { form: { _csrf: c.cookies.get('mercato_csrf')!, name: 'Ada', email: 'ada@example.com', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<input id="f-password"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('id="f-password-error"');
    expect(res.text).toContain('value="ada@example.com"');
  });

  run('counts requests per route template in http_server_request_duration_seconds', async () => {
    await client().get('/healthz');
    await client().get(`${API}/products/APP-0001`);
    const metrics = await (await fetch(`http://127.0.0.1:${svc!.metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*method="GET"[^}]*route="\/healthz"[^}]*status="200"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/products\/\{id\}"[^}]*status="503"/);
  });
});
