// HTTP for the fuzzer: the gateway's routes (the JSON API from its OpenAPI document, the
// storefront's pages and forms from its own route table, their fields from the forms the pages
// render), the cases sent to each (malformed JSON and forms, wrong content types, huge bodies, odd
// path parameters, bad headers, broken HTTP on a bare socket) and a sender that reports what came
// back, or that nothing did.
import http from 'node:http';
import net from 'node:net';
import { webRoutes, type WebDeps } from '../../services/gateway/src/web/routes';
import { opsRoutes } from '../../services/gateway/src/ops';
import type { Random } from './random';

export type JsonSchema = Record<string, unknown>;

export interface HttpRoute {
  method: string;
  /** OpenAPI template syntax: "/api/v1/products/{id}". */
  template: string;
  /** The report's row: "api:<tag>", "pages", "forms", "ops". */
  group: string;
  kind: 'api' | 'page' | 'form' | 'ops' | 'asset';
  /** The JSON request body's schema ($refs resolved on use). */
  body?: JsonSchema;
  /** Query parameters and their schemas. */
  query: Record<string, JsonSchema>;
  /** A form's field names, from the forms the storefront renders. */
  fields: string[];
}

interface OpenApi {
  paths: Record<string, Record<string, { tags?: string[]; parameters?: Array<{ name: string; in: string; schema: JsonSchema }>; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** The JSON API as its OpenAPI document describes it (so a new route is fuzzed without a change here). */
export async function apiRoutes(base: string): Promise<{ routes: HttpRoute[]; components: Record<string, JsonSchema> }> {
  const doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApi;
  const routes: HttpRoute[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const query = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
      const body = op.requestBody?.content['application/json']?.schema;
      routes.push({ method: method.toUpperCase(), template, group: `api:${op.tags?.[0] ?? 'untagged'}`, kind: 'api', query, fields: [], ...(body ? { body } : {}) });
    }
  }
  return { routes, components: doc.components.schemas };
}

/** The storefront's pages and forms and the machine routes, from the gateway's own route table. */
export function storefrontRoutes(): HttpRoute[] {
  // Building the table runs no handler: the dependencies are only captured.
  const table = [...webRoutes({} as WebDeps), ...opsRoutes({ router: undefined as never, assets: new Map(), ready: async () => true })];
  return table.map((r) => ({ method: r.method, template: r.path, group: r.kind === 'form' ? 'forms' : r.kind === 'page' ? 'pages' : 'ops', kind: r.kind, query: {}, fields: [] }));
}

const segments = (p: string): string[] => p.split('?')[0]!.split('/').slice(1);

/** Does a concrete path fit a template ("/cart/items/TOY-1/remove" fits "/cart/items/{product_id}/remove")? */
export function fits(template: string, path: string): boolean {
  const t = segments(template);
  const p = segments(path);
  return t.length === p.length && t.every((s, i) => (s.startsWith('{') ? p[i] !== '' : s === p[i]));
}

const unescapeHtml = (s: string): string => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Field names of every POST form in a page, by the action they post to. */
export function formsIn(html: string): Array<{ action: string; fields: string[] }> {
  const out: Array<{ action: string; fields: string[] }> = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    if (!/method="post"/i.test(attrs)) continue;
    const action = unescapeHtml(/action="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const fields = [...m[2]!.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)].map((f) => unescapeHtml(f[1]!));
    out.push({ action, fields: [...new Set(fields)] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cases.

/** What the cases need from the running suite. */
export interface HttpContext {
  productId: string;
  /** A product kept in the user's cart, so the cart and checkout pages render their forms. */
  cartProductId: string;
  categoryId: string;
  orderId: string;
  userId: string;
  /** A valid CSRF token: sent as both the mercato_csrf cookie and the _csrf field. */
  csrf: string;
  expiredToken: string;
  foreignToken: string;
  userToken: string;
  components: Record<string, JsonSchema>;
}

export interface HttpCase {
  /** "json:missing:email", "form:duplicate:quantity", "header:huge-cookie", "raw:te-and-cl" … */
  kind: string;
  method: string;
  /** As sent: already percent-encoded (or not, on purpose, for raw cases). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The exact bytes of a request sent over a bare socket (malformed HTTP, huge or lying bodies). */
  raw?: Buffer;
  /** Raw cases only: send `raw` in pieces of this size, stopping once an answer starts. */
  chunkBytes?: number;
  /** Headers carry their own credentials: not sent as each identity. */
  anonymousOnly?: boolean;
  /** Sent once, by one identity in turn (odd parameters and bodies that fail before identity matters). */
  once?: boolean;
}

/** A real value for a template's parameter, so a plausible request reaches the handler. */
function paramValue(template: string, ctx: HttpContext): string {
  if (template.startsWith('/static')) return 'app.js';
  if (/\/orders\//.test(template)) return ctx.orderId;
  if (template.startsWith('/c/')) return ctx.categoryId;
  return ctx.productId;
}

/** Path parameters people do not type (percent-encoded as a client would send them, or broken on purpose). */
const ODD_PARAMS = ['.', '..', '%2e%2e', '%2F..%2F..%2Fetc%2Fpasswd', '%00', '%FF%FE', '%E0%A4%A', '%', 'a'.repeat(5000), '%F0%9F%99%82', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', "'%20OR%20'1'%3D'1", '-1', '0', 'not-a-uuid', '%20', '__proto__', 'constructor', '%C0%AE%C0%AE'];

export function fill(template: string, ctx: HttpContext, odd?: { name: string; value: string }): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (odd && odd.name === name ? odd.value : encode(paramValue(template, ctx))));
}

const resolve = (s: JsonSchema, ctx: HttpContext): JsonSchema => {
  const ref = s.$ref as string | undefined;
  return ref ? resolve(ctx.components[ref.split('/').pop()!] ?? {}, ctx) : s;
};

/** A plausible value for a field, from its name first and its schema second. */
function plausible(name: string, schema: JsonSchema, ctx: HttpContext, rng: Random, marker: string): unknown {
  const n = name.toLowerCase();
  const named: Record<string, () => unknown> = {
    product_id: () => ctx.productId,
    category: () => ctx.categoryId,
    quantity: () => rng.range(1, 3),
    rating: () => rng.range(1, 5),
    email: () => `${marker}@example.com`,
    password: () => 'correct horse battery staple',
    name: () => 'Ada Fuzz',
    recipient: () => 'Ada Lovelace',
    holder_name: () => 'Ada Lovelace',
    address_lines: () => ['12 Analytical Row'],
    address_line1: () => '12 Analytical Row',
    locality: () => 'Springfield',
    administrative_area: () => 'IL',
    postal_code: () => '62701',
    region_code: () => 'US',
    phone: () => '+14155550100',
    number: () => rng.pick(['4242424242424242', '4000000000000002']),
    card_number: () => '4242424242424242',
    expiry_month: () => 12,
    card_expiry_month: () => '12',
    expiry_year: () => 2031,
    card_expiry_year: () => '31',
    cvc: () => '123',
    card_cvc: () => '123',
    idempotency_key: () => `${marker}-${rng.word(8)}`,
    shipping_speed: () => 'standard',
    order_by: () => 'rating',
    page_size: () => 10,
    page_token: () => '',
    q: () => 'espresso',
    title: () => `Fuzz ${marker}`,
    body: () => `A review by the fuzzer ${marker}.`,
    from: () => new Date(Date.now() - 3_600_000).toISOString(),
    to: () => new Date().toISOString(),
    next: () => '/',
    action: () => rng.pick(['quote', 'place']),
  };
  if (named[n]) return named[n]();
  if (n.startsWith('card_')) return '1';
  const s = resolve(schema, ctx);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).find((v) => v !== null);
  if (Array.isArray(s.oneOf)) return plausible(name, (s.oneOf as JsonSchema[]).find((o) => o.type !== 'null') ?? {}, ctx, rng, marker);
  switch (type) {
    case 'object':
      return objectOf(s, ctx, rng, marker);
    case 'array':
      return [plausible(name.replace(/s$/, ''), (s.items as JsonSchema) ?? {}, ctx, rng, marker)];
    case 'integer':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return `fuzz ${marker}`.slice(0, typeof s.maxLength === 'number' ? s.maxLength : 100);
  }
}

function objectOf(schema: JsonSchema, ctx: HttpContext, rng: Random, marker: string): Record<string, unknown> {
  const s = resolve(schema, ctx);
  const required = new Set((s.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries((s.properties as Record<string, JsonSchema> | undefined) ?? {})) {
    if (required.has(name) || rng.chance(0.7)) out[name] = plausible(name, prop, ctx, rng, marker);
  }
  return out;
}

/** Dotted paths to every property of a body (nested objects included). */
function propertyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [prefix + k, ...propertyPaths(v, `${prefix}${k}.`)]);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown, remove = false): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  if (remove) delete cur[keys[keys.length - 1]!];
  else cur[keys[keys.length - 1]!] = value;
}

const WRONG_TYPES: unknown[] = [123, -1, 'text', true, null, [], {}, 1.5, [1, 2], { nested: { deeper: true } }];
const ODD_VALUES: unknown[] = ['', ' ', '\u0000', 'x'.repeat(5000), '😀'.repeat(200), '\ud800', "' OR 1=1 --", '<script>alert(1)</script>', -1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 1.5, 99999999999, '1e999', 'NaN'];

const MALFORMED_JSON: Array<[string, Buffer]> = [
  ['truncated', Buffer.from('{"product_id": "a", "quantity": ')],
  ['open-brace', Buffer.from('{')],
  ['array', Buffer.from('[]')],
  ['null', Buffer.from('null')],
  ['string', Buffer.from('"just text"')],
  ['number', Buffer.from('123')],
  ['trailing-garbage', Buffer.from('{"a":1} garbage')],
  ['bom', Buffer.from('\ufeff{}')],
  ['invalid-utf8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ['single-quotes', Buffer.from("{'a': 1}")],
  ['nan', Buffer.from('{"quantity": NaN}')],
  ['number-overflow', Buffer.from('{"quantity": 1e999, "rating": -1e999}')],
  ['deep-nesting', Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
  ['proto-pollution', Buffer.from('{"__proto__": {"admin": true, "roles": ["admin"]}, "constructor": {"prototype": {"admin": true}}}')],
];

const CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=fuzz', 'application/json; charset=utf-16', '', 'APPLICATION/JSON', 'application/json, text/html', 'application/vnd.api+json', 'application/json; charset=utf-8; boundary=x'];

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

/** Percent-encoding that also takes what encodeURIComponent refuses (a lone surrogate): its UTF-8 bytes. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

/** A bare-socket request (Connection: close, so the server ends it). */
function rawRequest(method: string, path: string, headers: string[], body: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([Buffer.from(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`, 'latin1'), body]);
}

/** The cases for one route: plausible, malformed and hostile, bounded by `rng`'s picks. */
export function httpCases(route: HttpRoute, ctx: HttpContext, rng: Random, marker: string): HttpCase[] {
  const path = fill(route.template, ctx);
  const cases: HttpCase[] = [];
  const add = (c: Omit<HttpCase, 'method' | 'path' | 'headers'> & Partial<Pick<HttpCase, 'method' | 'path' | 'headers'>>) => cases.push({ method: route.method, path, headers: {}, ...c });
  const csrfCookie = `mercato_csrf=${ctx.csrf}`;
  const bodyRoute = route.method !== 'GET' && route.method !== 'HEAD';

  add({ kind: 'plain', ...(route.kind === 'form' ? { headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(`_csrf=${ctx.csrf}`) } : {}) });

  for (const name of [...route.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
    for (const value of rng.sample(ODD_PARAMS, 4)) add({ kind: `param:${name}=${value.slice(0, 24)}`, once: true, path: fill(route.template, ctx, { name, value }), ...(route.kind === 'form' ? { headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(`_csrf=${ctx.csrf}`) } : {}) });
  }

  if (!bodyRoute) {
    const names = Object.keys(route.query).length ? Object.keys(route.query) : ['q', 'page_token', 'order_by', 'category', 'next', 'from', 'to', 'page_size', 'reviewed'];
    // Every declared parameter with a plausible value: reaches the handler (a search needs its q).
    if (Object.keys(route.query).length) {
      const plausibleQuery = Object.entries(route.query).map(([name, schema]) => `${encode(name)}=${encode(String(plausible(name, schema, ctx, rng, marker)))}`);
      add({ kind: 'query:plausible', path: `${path}?${plausibleQuery.join('&')}` });
    }
    const odd = ['', 'x'.repeat(10_000), '-1', '0', '1e9', 'NaN', '%FF%FE', '%00', '../..', 'AAAA', Buffer.from('{"offset":-1}').toString('base64url'), '<script>', '//evil.example/x', 'javascript:alert(1)'];
    for (let i = 0; i < 4; i++) {
      const name = rng.pick(names);
      const value = rng.pick(odd);
      const encoded = /%/.test(value) ? value : encode(value);
      const twice = rng.chance(0.3) ? `&${name}=${encode(rng.pick(odd))}` : '';
      add({ kind: `query:${name}=${value.slice(0, 24)}${twice ? ' (twice)' : ''}`, once: true, path: `${path}?${name}=${encoded}${twice}` });
    }
  }

  if (route.kind === 'api' && bodyRoute) {
    const valid = route.body ? objectOf(route.body, ctx, rng, marker) : {};
    const paths = propertyPaths(valid);
    const jsonHeaders = { 'content-type': 'application/json' };
    add({ kind: 'json:valid', headers: jsonHeaders, body: json(valid) });
    for (const p of rng.sample(paths, 2)) {
      const copy = structuredClone(valid);
      setPath(copy, p, undefined, true);
      add({ kind: `json:missing:${p}`, headers: jsonHeaders, body: json(copy) });
    }
    for (const p of rng.sample(paths, 2)) {
      const copy = structuredClone(valid);
      const wrong = rng.pick(WRONG_TYPES);
      setPath(copy, p, wrong);
      add({ kind: `json:wrong-type:${p}=${JSON.stringify(wrong)}`, headers: jsonHeaders, body: json(copy) });
    }
    for (const p of rng.sample(paths, 3)) {
      const copy = structuredClone(valid);
      const odd = rng.pick(ODD_VALUES);
      setPath(copy, p, odd);
      add({ kind: `json:boundary:${p}=${JSON.stringify(odd).slice(0, 24)}`, headers: jsonHeaders, body: json(copy) });
    }
    add({ kind: 'json:extra-fields', headers: jsonHeaders, body: Buffer.from(`{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"unknown_field":[1,2,3],${json(valid).toString().slice(1)}`) });
    if (paths[0]) add({ kind: `json:duplicate-key:${paths[0]}`, headers: jsonHeaders, body: Buffer.from(`{"${paths[0].split('.')[0]}":"first",${json(valid).toString().slice(1)}`) });
    add({ kind: 'json:big-field', headers: jsonHeaders, body: json({ ...valid, [paths[0] ?? 'x']: 'y'.repeat(60_000) }) });
    for (const [name, body] of rng.sample(MALFORMED_JSON, 5)) add({ kind: `json:malformed:${name}`, once: true, headers: jsonHeaders, body });
    for (const type of rng.sample(CONTENT_TYPES, 2)) add({ kind: `content-type:${type || '(none)'}`, once: true, headers: type ? { 'content-type': type } : {}, body: json(valid) });
    add({ kind: 'json:over-limit', raw: rawRequest(route.method, path, ['Content-Type: application/json', `Content-Length: ${70_000}`], json({ x: 'z'.repeat(69_990) }).subarray(0, 70_000)) });
  }

  if (route.kind === 'form') {
    const fields = route.fields.filter((f) => f !== '_csrf');
    const values = Object.fromEntries(fields.map((f) => [f, String(plausible(f, {}, ctx, rng, marker))]));
    const headers = { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' };
    const form = (v: Record<string, string>, csrf: string | undefined = ctx.csrf, extra = '') =>
      Buffer.from([...(csrf !== undefined ? [`_csrf=${encode(csrf)}`] : []), ...Object.entries(v).map(([k, x]) => `${encode(k)}=${encode(x)}`)].join('&') + extra);
    add({ kind: 'form:valid', headers, body: form(values) });
    for (const f of rng.sample(fields, 2)) {
      const { [f]: _, ...rest } = values;
      add({ kind: `form:missing:${f}`, headers, body: form(rest) });
    }
    for (const f of rng.sample(fields, 1)) add({ kind: `form:duplicate:${f}`, headers, body: form(values, ctx.csrf, `&${encode(f)}=${encode(String(rng.pick(ODD_VALUES)))}`) });
    for (const f of rng.sample(fields, 2)) add({ kind: `form:odd:${f}`, headers, body: form({ ...values, [f]: String(rng.pick(ODD_VALUES)) }) });
    for (const f of rng.sample(fields, 1)) add({ kind: `form:oversized:${f}`, headers, body: form({ ...values, [f]: 'w'.repeat(10_000) }) });
    add({ kind: 'form:bad-percent', headers, body: form(values, ctx.csrf, `&${fields[0] ?? 'x'}=%zz%FF%00%E0%A4%A&%=%`) });
    add({ kind: 'form:proto-keys', headers, body: form(values, ctx.csrf, '&__proto__=x&constructor=y&hasOwnProperty=z&toString=1') });
    add({ kind: 'form:array-syntax', headers, body: form(values, ctx.csrf, `&${fields[0] ?? 'x'}[]=1&${fields[0] ?? 'x'}[a]=2`) });
    add({ kind: 'form:no-csrf', headers, body: form(values, undefined) });
    add({ kind: 'form:wrong-csrf', headers, body: form(values, 'A'.repeat(43)) });
    add({ kind: 'form:json-body', headers: { cookie: csrfCookie, 'content-type': 'application/json' }, body: json({ _csrf: ctx.csrf, ...values }) });
    add({ kind: 'form:over-limit', raw: rawRequest(route.method, path, [`Cookie: ${csrfCookie}`, 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 70000'], Buffer.from(`_csrf=${ctx.csrf}&f=${'v'.repeat(70_000)}`).subarray(0, 70_000)) });
  }

  // Headers, sent without an identity of their own: each carries its credentials, or none.
  const headerCases: Array<[string, Record<string, string>]> = [
    ['huge-cookie', { cookie: `a=${'x'.repeat(12_000)}` }],
    ['malformed-cookie', { cookie: 'mercato_session=%E0%A4%A; mercato_csrf=;;;=;; =x; mercato_cart' }],
    ['garbage-session', { cookie: 'mercato_session=not.a.token' }],
    ['expired-session', { cookie: `mercato_session=${ctx.expiredToken}` }],
    ['foreign-session', { cookie: `mercato_session=${ctx.foreignToken}` }],
    ['cart-cookie-of-a-user', { cookie: `mercato_cart=${ctx.userId}` }],
    ['bearer-empty', { authorization: 'Bearer' }],
    ['bearer-huge', { authorization: `Bearer ${'a'.repeat(5000)}` }],
    ['basic-auth', { authorization: 'Basic Zm9vOmJhcg==' }],
    ['bearer-expired', { authorization: `Bearer ${ctx.expiredToken}` }],
    ['bearer-foreign', { authorization: `Bearer ${ctx.foreignToken}` }],
    ['bearer-lowercase', { authorization: `bearer ${ctx.userToken}` }],
    ['bearer-three-dots', { authorization: 'Bearer a.b.c' }],
    ['cart-header-junk', { 'x-cart-id': 'not-a-uuid' }],
    ['cart-header-of-a-user', { 'x-cart-id': ctx.userId }],
    ['cart-header-huge', { 'x-cart-id': 'c'.repeat(2000) }],
    ['csrf-header-junk', { cookie: `mercato_session=${ctx.userToken}; ${csrfCookie}`, 'x-csrf-token': 'junk' }],
    ['accept-html', { accept: 'text/html' }],
    ['accept-junk', { accept: '*/*;q=abc, ;;, text/html;level=x' }],
    ['forwarded-junk', { 'x-forwarded-for': '1.1.1.1, <script>, ::::, 999.999.999.999' }],
    ['host-junk', { host: 'evil.example:99999' }],
  ];
  for (const [name, headers] of rng.sample(headerCases, 4)) {
    add({ kind: `header:${name}`, headers: bodyRoute ? { ...headers, 'content-type': 'application/json' } : headers, ...(bodyRoute ? { body: Buffer.from('{}') } : {}), anonymousOnly: true });
  }
  for (const method of rng.sample(['PUT', 'OPTIONS', 'TRACE', 'PATCH', 'DELETE', 'HEAD', 'POST', 'GET'].filter((m) => m !== route.method), 2)) {
    add({ kind: `method:${method}`, method, anonymousOnly: true });
  }
  return cases;
}

/** Broken HTTP on a bare socket, aimed at one route of each group. */
export function rawCases(route: HttpRoute, ctx: HttpContext): HttpCase[] {
  const path = fill(route.template, ctx);
  const m = route.method;
  const c = (kind: string, raw: Buffer, chunkBytes?: number): HttpCase => ({ kind: `raw:${kind}`, method: m, path, headers: {}, raw, anonymousOnly: true, ...(chunkBytes ? { chunkBytes } : {}) });
  const ct = 'Content-Type: application/json';
  return [
    c('length-longer-than-body', rawRequest(m, path, [ct, 'Content-Length: 100'], Buffer.from('{"a":1}'))),
    c('length-shorter-than-body', rawRequest(m, path, [ct, 'Content-Length: 5'], Buffer.from('{"product_id":"x","quantity":1}GET / HTTP/1.1\r\n\r\n'))),
    c('chunked-and-length', rawRequest(m, path, [ct, 'Transfer-Encoding: chunked', 'Content-Length: 5'], Buffer.from('7\r\n{"a":1}\r\n0\r\n\r\n'))),
    c('bad-chunk-size', rawRequest(m, path, [ct, 'Transfer-Encoding: chunked'], Buffer.from('zz\r\nabc\r\n0\r\n\r\n'))),
    c('chunked-1MiB', rawRequest(m, path, [ct, 'Transfer-Encoding: chunked'], Buffer.concat([...Array<Buffer>(16).fill(Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x20), Buffer.from('\r\n')])), Buffer.from('0\r\n\r\n')])), 0x10000),
    c('declared-100MiB', rawRequest(m, path, [ct, `Content-Length: ${100 * 1024 * 1024}`])),
    c('two-lengths', rawRequest(m, path, [ct, 'Content-Length: 2', 'Content-Length: 7'], Buffer.from('{}'))),
    c('garbage-request-line', Buffer.from('GARBAGE\r\n\r\n')),
    c('header-without-colon', Buffer.from(`${m} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nNoColonHere\r\n\r\n`)),
    c('nul-in-header', Buffer.from(`${m} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Fuzz: a\u0000b\r\n\r\n`, 'latin1')),
    c('header-over-16KiB', rawRequest(m, path, [`Cookie: a=${'x'.repeat(20_000)}`])),
    c('url-100KB', rawRequest('GET', `${path}?q=${'a'.repeat(100_000)}`, [])),
    c('unescaped-path', Buffer.from(`GET /p/ü %%% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'utf8')),
    c('http-1.0-no-host', Buffer.from(`GET ${path} HTTP/1.0\r\n\r\n`)),
    c('unknown-method', rawRequest('FUZZ', path, [])),
    c('early-close', rawRequest(m, path, [ct, 'Content-Length: 1000'], Buffer.from('{"a":'))),
    c('pipelined-garbage', Buffer.concat([rawRequest('GET', '/healthz', []).subarray(0, -2), Buffer.from('\r\n\x00\x01\x02 garbage\r\n\r\n')])),
  ];
}

// ---------------------------------------------------------------------------------------------
// Sending.

export interface HttpAnswer {
  /** Every status line that came back (a raw request may get two). */
  statuses: number[];
  location?: string;
  /** The start of an error's body (a 4xx names the field, a 5xx the dependency that failed). */
  body?: string;
  /** No (complete) answer: the error, or "closed" when the server hung up. */
  error?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function closeAgent(): void {
  agent.destroy();
}

export function send(port: number, c: HttpCase, extraHeaders: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
  return c.raw ? sendRaw(port, c, timeoutMs) : sendHttp(port, c, extraHeaders, timeoutMs);
}

function sendHttp(port: number, c: HttpCase, extraHeaders: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request({ host: '127.0.0.1', port, method: c.method, path: c.path, agent, headers: { ...extraHeaders, ...c.headers, ...(c.body ? { 'content-length': String(c.body.length) } : {}) }, timeout: timeoutMs }, (res) => {
        const status = res.statusCode ?? 0;
        let body = '';
        res.on('data', (chunk: Buffer) => {
          if (status >= 400 && body.length < 300) body += chunk.toString('utf8');
        });
        res.on('end', () => resolve({ statuses: [status], ...(res.headers.location ? { location: res.headers.location } : {}), ...(status >= 400 ? { body: body.slice(0, 300) } : {}) }));
        res.on('error', (err) => resolve({ statuses: [res.statusCode ?? 0], error: err.message }));
      });
    } catch (err) {
      // Node refuses to send it (e.g. a header value it considers invalid): nothing reached the server.
      resolve({ statuses: [], error: `not sent: ${(err as Error).message}` });
      return;
    }
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ statuses: [], error: err.message }));
    req.end(c.body);
  });
}

/** A bare socket: writes the bytes (in pieces when asked), reads whatever comes back until the server hangs up. */
function sendRaw(port: number, c: HttpCase, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let answered = false;
    let done = false;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('latin1');
      const statuses = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
      resolve({ statuses, ...(statuses.length === 0 ? { error: error ?? 'closed' } : {}) });
    };
    // A lying Content-Length makes the server wait for bytes that never come: stop waiting.
    const timer = setTimeout(() => finish('no answer (we hung up)'), timeoutMs);
    socket.on('data', (d) => {
      answered = true;
      received.push(d);
    });
    socket.on('error', (err) => finish(err.message));
    socket.on('close', () => finish());
    socket.on('connect', async () => {
      const raw = c.raw!;
      const step = c.chunkBytes ?? raw.length;
      for (let i = 0; i < raw.length && !answered && !socket.destroyed; i += step) {
        if (!socket.write(raw.subarray(i, i + step))) await new Promise((r) => socket.once('drain', r));
      }
      if (c.kind === 'raw:early-close') socket.destroy();
    });
  });
}

/** The exact request, readable (long values abbreviated). */
export function describeHttpCase(c: HttpCase): string {
  const show = (b: Buffer) => (b.length > 300 ? `${JSON.stringify(b.subarray(0, 200).toString('latin1'))}… (${b.length} bytes)` : JSON.stringify(b.toString('latin1')));
  if (c.raw) return `raw ${show(c.raw)}`;
  const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, v.length > 80 ? `<${v.length} chars: ${v.slice(0, 24)}…>` : v]));
  return `${c.method} ${c.path.length > 200 ? `${c.path.slice(0, 200)}… (${c.path.length} chars)` : c.path} headers=${JSON.stringify(headers)}${c.body ? ` body=${show(c.body)}` : ''}`;
}

/**
 * The verdict on an HTTP answer: 2xx, or a redirect that is not the sign-in wall, served it; a 503
 * or 504 or no answer leaves it unknown (a dependency's deadline may have passed after it did the
 * work); anything else refused it. Any 5xx is a finding, and so is no answer to well-formed HTTP.
 */
export function judgeHttp(answer: HttpAnswer, c: HttpCase): { answer: string; accepted: boolean | undefined; details?: string; problem?: string } {
  const status = answer.statuses.find((st) => st >= 500) ?? answer.statuses[0];
  if (status === undefined) return c.raw ? { answer: 'closed', accepted: undefined } : { answer: 'NO_ANSWER', accepted: undefined, problem: `no answer: ${answer.error}` };
  const accepted = status === 503 || status === 504 ? undefined : status < 300 || (status < 400 && !(answer.location ?? '').startsWith('/signin'));
  return { answer: `HTTP ${status}`, accepted, ...(answer.body ? { details: answer.body.slice(0, 200) } : {}), ...(status >= 500 ? { problem: `HTTP ${status}: ${answer.body ?? ''}` } : {}) };
}
