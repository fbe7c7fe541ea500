// The HTTP server of the edge, on Node's own http module: route → authenticate → CSRF → access →
// handler → reply, with security headers on every answer, a Prometheus histogram per route, and
// no way for a request to crash the process.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { TokenError, type Logger } from '@mercato/kit';
import { Histogram, type Registry } from 'prom-client';
import { forbidden, HttpError, unauthenticated } from './errors';
import { clientAddress, isLoopbackHost, parseCookies, queryRecord, readForm, readJson, serializeCookie } from './request';
import type { Reply, RequestContext, Route, Router, SessionUser } from './router';
import type { Tokens, VerifiedToken } from '../auth/tokens';

export const SESSION_COOKIE = 'mercato_session';
export const CSRF_COOKIE = 'mercato_csrf';
export const CART_COOKIE = 'mercato_cart';
const CSRF_HEADER = 'x-csrf-token';
const CSRF_FIELD = '_csrf';
const CSRF_FORMAT = /^[A-Za-z0-9_-]{32,64}$/;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// No inline script or style anywhere: the storefront's one script and one stylesheet are files.
// Product images are inline SVG data URLs (one round trip per page).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export interface EdgeOptions {
  router: Router;
  tokens: Tokens;
  log: Logger;
  registry: Registry;
  cookieSecure: boolean;
  trustedProxyHops: number;
  /** Reloads a user for a token refresh; undefined ends the session (the account is gone). */
  refreshUser(id: string): Promise<{ id: string; name: string; roles: string[] } | undefined>;
  /** The HTML page for an error on a page or form route (or a browser lost on an unknown path). */
  renderErrorPage(viewer: PageViewer, err: HttpError): string;
}

/** What a page's frame needs: who is signed in and the CSRF token its forms carry. */
export interface PageViewer {
  readonly user: SessionUser | undefined;
  readonly csrfToken: string;
  readonly path: string;
}

export class HttpEdge {
  readonly server: http.Server;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private draining = false;
  private inFlight = 0;
  private idle: (() => void) | undefined;

  constructor(private readonly o: EdgeOptions) {
    this.duration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Duration of HTTP server requests, per method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [o.registry],
    });
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.requestTimeout = 30_000;
    this.server.headersTimeout = 15_000;
    this.server.keepAliveTimeout = 5_000;
    this.server.maxRequestsPerSocket = 1_000;
    // A malformed request line or headers: answer 400 and drop the connection.
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => reject(new Error(err.code === 'EADDRINUSE' ? `HTTP port ${port} on ${host} is already in use` : `cannot listen on ${host}:${port}: ${err.message}`));
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** /healthz turns 503, new connections are refused, in-flight requests get `graceMs` to finish. */
  async close(graceMs: number): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0) {
      await Promise.race([new Promise<void>((resolve) => (this.idle = resolve)), new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
    this.server.closeAllConnections();
    await closed;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    this.inFlight++;
    let routeLabel = 'unmatched';
    const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
    res.once('close', () => {
      this.duration.observe({ method, route: routeLabel, status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
      if (--this.inFlight === 0 && this.idle) this.idle();
    });
    const state = new ResponseState(this.o, req);
    let route: Route | undefined;
    let ctx: RequestContext | undefined;
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://edge.invalid');
      } catch {
        throw new HttpError('invalid_argument', 'the request URL is malformed', 'url');
      }
      const found = this.o.router.match(method, url.pathname);
      if (!found) throw new HttpError('not_found', `nothing at ${url.pathname}`);
      if ('allowed' in found) {
        routeLabel = 'unmatched';
        throw new HttpError('invalid_argument', `${method} is not allowed here; use ${found.allowed.join(' or ')}`, undefined, { status: 405, headers: { allow: found.allowed.join(', ') } });
      }
      route = found.route;
      routeLabel = route.path;
      ctx = await this.context(req, route, found.params, url, state);
      if (this.draining && route.kind !== 'ops') state.headers['connection'] = 'close';
      this.authorize(route, ctx);
      const reply = await route.handle(ctx);
      this.write(req, res, state, reply, route);
    } catch (err) {
      this.fail(req, res, state, err, route, ctx);
    }
  }

  /** Who is calling, the form of a form post (its CSRF token checked), and the per-request helpers. */
  private async context(req: IncomingMessage, route: Route, params: Record<string, string>, url: URL, state: ResponseState): Promise<RequestContext> {
    const o = this.o;
    const cookies = parseCookies(req.headers.cookie);
    state.cookies = cookies;
    let user: SessionUser | undefined;
    let via: 'bearer' | 'cookie' | undefined;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/.exec(authorization);
      if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
      try {
        user = o.tokens.verify(m[1]!);
      } catch (err) {
        throw unauthenticated(`the token was refused: ${err instanceof TokenError ? err.message : 'invalid token'}`);
      }
      via = 'bearer';
    } else if (cookies[SESSION_COOKIE]) {
      let verified: VerifiedToken | undefined;
      try {
        verified = o.tokens.verify(cookies[SESSION_COOKIE]);
      } catch {
        // An expired or foreign session cookie: carry on signed out, and drop it.
        state.clear(SESSION_COOKIE);
      }
      if (verified && o.tokens.wantsRefresh(verified)) {
        const fresh = await o.refreshUser(verified.id);
        if (fresh) user = state.setSession({ ...fresh, token: o.tokens.issue(fresh).token });
        else state.clear(SESSION_COOKIE);
      } else user = verified;
      if (user) via = 'cookie';
    }
    let form: Record<string, string> = {};
    if (route.kind === 'form') {
      form = await readForm(req);
      // Double submit: the form's hidden field must equal this browser's CSRF cookie, which a
      // cross-site page can neither read nor set.
      if (!sameToken(form[CSRF_FIELD], cookies[CSRF_COOKIE])) throw forbidden('this form has expired or did not come from this site; reload the page and try again');
    } else if (route.kind === 'api' && via === 'cookie' && STATE_CHANGING.has(req.method ?? '')) {
      const header = req.headers[CSRF_HEADER];
      if (!sameToken(Array.isArray(header) ? header[0] : header, cookies[CSRF_COOKIE])) {
        throw forbidden(`a cookie-authenticated ${req.method} needs the X-CSRF-Token header equal to the ${CSRF_COOKIE} cookie`);
      }
    }
    const ctx: RequestContext = {
      req,
      method: req.method ?? 'GET',
      path: url.pathname,
      route: route.path,
      params,
      query: queryRecord(url.searchParams),
      ip: clientAddress(req, o.trustedProxyHops),
      cookies,
      get user() {
        return user;
      },
      get via() {
        return via;
      },
      get csrfToken() {
        return state.csrfToken();
      },
      log: o.log,
      form,
      setCookie: (name, value, options) => state.set(name, value, options),
      clearCookie: (name) => state.clear(name),
      startSession: (u) => {
        user = state.setSession(u);
        via = 'cookie';
      },
      endSession: () => {
        user = undefined;
        via = undefined;
        state.clear(SESSION_COOKIE);
      },
      requireUser: () => {
        if (!user) throw unauthenticated('sign in first (a session cookie or "Authorization: Bearer <token>")');
        return user;
      },
      requireAdmin: () => {
        const u = ctx.requireUser();
        if (!u.roles.includes('admin')) throw forbidden('this needs the admin role');
        return u;
      },
      readJson: () => readJson(req),
    };
    return ctx;
  }

  private authorize(route: Route, ctx: RequestContext): void {
    if (route.access === 'public') return;
    if (!ctx.user && (route.kind === 'page' || route.kind === 'form')) {
      const back = route.kind === 'page' ? ctx.req.url ?? '/' : '/';
      throw new Redirect(`/signin?next=${encodeURIComponent(back)}`);
    }
    if (route.access === 'admin') ctx.requireAdmin();
    else ctx.requireUser();
  }

  private write(req: IncomingMessage, res: ServerResponse, state: ResponseState, reply: Reply, route: Route | undefined): void {
    const headers: Record<string, string | string[]> = { ...securityHeaders(this.o.cookieSecure), ...state.headers };
    if (route?.kind !== 'asset') headers['cache-control'] = 'no-store';
    if (state.setCookies.length) headers['set-cookie'] = state.setCookies;
    let status: number;
    let body: string | Buffer | undefined;
    switch (reply.type) {
      case 'json':
        status = reply.status;
        body = JSON.stringify(reply.body);
        Object.assign(headers, { 'content-type': 'application/json; charset=utf-8' }, reply.headers);
        break;
      case 'html':
        status = reply.status;
        body = reply.body;
        Object.assign(headers, { 'content-type': 'text/html; charset=utf-8' }, reply.headers);
        break;
      case 'redirect':
        // 303: the browser follows with a GET (post/redirect/get).
        status = 303;
        headers['location'] = safeLocation(reply.location);
        break;
      case 'empty':
        status = reply.status;
        break;
      case 'raw':
        status = reply.status;
        body = reply.body;
        Object.assign(headers, { 'content-type': reply.contentType }, reply.headers);
        break;
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private fail(req: IncomingMessage, res: ServerResponse, state: ResponseState, err: unknown, route: Route | undefined, ctx: RequestContext | undefined): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof Redirect) return this.write(req, res, state, { type: 'redirect', location: err.location }, route);
    let e: HttpError;
    if (err instanceof HttpError) e = err;
    else {
      const incident = randomUUID();
      this.o.log.error({ err, incident, route: route?.path }, 'unhandled error in an HTTP handler');
      e = new HttpError('internal', `internal error (incident ${incident})`);
    }
    // An outage of a service behind us shows in the breaker and HTTP metrics; a line per request would flood the log.
    if (e.status >= 500) this.o.log[e.status === 503 ? 'debug' : 'warn']({ route: route?.path, status: e.status, err: e.message }, 'request failed');
    // A body we did not read (too large, refused early) must not be parsed as the next request.
    if (!req.complete) state.headers['connection'] = 'close';
    Object.assign(state.headers, e.headers);
    const wantsHtml = route ? route.kind === 'page' || route.kind === 'form' : acceptsHtml(req) && !(req.url ?? '').startsWith('/api/');
    if (wantsHtml) {
      const viewer: PageViewer = ctx ?? { user: this.sessionOf(state.cookies), csrfToken: state.csrfToken(), path: (req.url ?? '/').split('?')[0]! };
      return this.write(req, res, state, { type: 'html', status: e.status, body: this.o.renderErrorPage(viewer, e) }, route);
    }
    this.write(req, res, state, { type: 'json', status: e.status, body: e.body() }, route);
  }

  private sessionOf(cookies: Record<string, string>): SessionUser | undefined {
    try {
      return cookies[SESSION_COOKIE] ? this.o.tokens.verify(cookies[SESSION_COOKIE]) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Thrown to answer with a redirect from anywhere in the pipeline (sign-in walls). */
export class Redirect extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

/** Cookies and headers gathered while a request runs. */
class ResponseState {
  readonly headers: Record<string, string> = {};
  readonly setCookies: string[] = [];
  cookies: Record<string, string> = {};
  private csrf: string | undefined;
  private readonly secure: boolean;

  constructor(
    private readonly o: EdgeOptions,
    req: IncomingMessage,
  ) {
    // Loopback over plain HTTP (npm start): browsers treat it as a secure context, but not all
    // of them keep Secure cookies from it; nothing there leaves the machine anyway.
    const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
    this.secure = o.cookieSecure && (encrypted || !isLoopbackHost(req.headers.host));
  }

  set(name: string, value: string, options: { httpOnly: boolean; maxAgeSeconds?: number }): void {
    this.setCookies.push(serializeCookie(name, value, { ...options, secure: this.secure, sameSite: 'Lax' }));
  }

  clear(name: string): void {
    this.set(name, '', { httpOnly: name !== CSRF_COOKIE, maxAgeSeconds: 0 });
  }

  csrfToken(): string {
    if (this.csrf) return this.csrf;
    const existing = this.cookies[CSRF_COOKIE];
    if (existing && CSRF_FORMAT.test(existing)) this.csrf = existing;
    else {
      this.csrf = randomBytes(24).toString('base64url');
      // Readable by the page's script (it sends it back as X-CSRF-Token); a year, like the browser session.
      this.set(CSRF_COOKIE, this.csrf, { httpOnly: false, maxAgeSeconds: 365 * 24 * 3600 });
    }
    return this.csrf;
  }

  /** The session cookie lives as long as its token; the CSRF cookie comes with it. */
  setSession(user: SessionUser): SessionUser {
    this.set(SESSION_COOKIE, user.token, { httpOnly: true, maxAgeSeconds: this.o.tokens.ttlSeconds });
    this.csrfToken();
    return user;
  }
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || !CSRF_FORMAT.test(a) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function securityHeaders(hsts: boolean): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Only same-site paths: a "next" parameter must not send anyone elsewhere. */
export function safeLocation(location: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(location) ? location : '/';
}

function acceptsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}
