// The route table: every route the gateway answers, with what the OpenAPI document says about
// the JSON ones. Paths use OpenAPI's template syntax ("/api/v1/products/{id}").
import type { IncomingMessage } from 'node:http';
import type { Logger } from '@mercato/kit';
import type { JsonSchema, Schema } from './schema';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Access = 'public' | 'user' | 'admin';
/**
 * api: JSON under /api/v1 (errors as JSON, CSRF header when cookie-authenticated);
 * page: HTML (errors as pages); form: an HTML form post (its _csrf field is always checked);
 * asset and ops: static files, /healthz, /openapi.json.
 */
export type RouteKind = 'api' | 'page' | 'form' | 'asset' | 'ops';

export interface SessionUser {
  id: string;
  name: string;
  roles: string[];
  /** The verified JWT, forwarded to the services as "authorization: Bearer". */
  token: string;
}

export interface ResponseDoc {
  description: string;
  schema?: JsonSchema;
  headers?: Record<string, string>;
}

export interface RouteDoc {
  summary: string;
  tag: string;
  description?: string;
  params?: Schema<unknown, boolean> & { props: Record<string, Schema<unknown, boolean>> };
  query?: Schema<unknown, boolean> & { props: Record<string, Schema<unknown, boolean>> };
  body?: Schema<unknown, boolean>;
  responses: Record<number, ResponseDoc>;
}

export type Reply =
  | { type: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { type: 'html'; status: number; body: string; headers?: Record<string, string> }
  | { type: 'redirect'; location: string }
  | { type: 'empty'; status: number }
  | { type: 'raw'; status: number; contentType: string; body: Buffer | string; headers?: Record<string, string> };

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: string;
  readonly path: string;
  /** The matched route's path template (the metrics label). */
  readonly route: string;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly ip: string;
  readonly cookies: Record<string, string>;
  readonly user: SessionUser | undefined;
  /** How the user was authenticated. */
  readonly via: 'bearer' | 'cookie' | undefined;
  /** The CSRF token of this browser (set as a cookie when new): forms embed it. */
  readonly csrfToken: string;
  readonly log: Logger;
  /** The parsed form of a 'form' route (its _csrf already checked). */
  readonly form: Record<string, string>;
  setCookie(name: string, value: string, options: { httpOnly: boolean; maxAgeSeconds?: number }): void;
  clearCookie(name: string): void;
  /** Replaces the session (sign-in, sign-up) for the rest of the request and, by cookie, the browser. */
  startSession(user: SessionUser): void;
  endSession(): void;
  requireUser(): SessionUser;
  requireAdmin(): SessionUser;
  readJson(): Promise<unknown>;
}

export interface Route {
  method: Method;
  path: string;
  kind: RouteKind;
  access: Access;
  /** Required for 'api' routes: the OpenAPI document is built from it. */
  doc?: RouteDoc;
  handle(ctx: RequestContext): Promise<Reply>;
}

interface Compiled {
  route: Route;
  segments: string[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: Compiled[] = [];

  add(route: Route): this {
    if (route.kind === 'api' && !route.doc) throw new Error(`${route.method} ${route.path}: an API route needs its OpenAPI doc`);
    if (this.compiled.some((c) => c.route.method === route.method && c.route.path === route.path)) throw new Error(`${route.method} ${route.path} is defined twice`);
    this.compiled.push({ route, segments: route.path.split('/').slice(1) });
    return this;
  }

  get routes(): readonly Route[] {
    return this.compiled.map((c) => c.route);
  }

  /** The route for a method and path; 'method' when the path exists under other methods only. */
  match(method: string, path: string): Match | { allowed: Method[] } | undefined {
    const parts = path.split('/').slice(1);
    const allowed: Method[] = [];
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, parts);
      if (!params) continue;
      if (c.route.method === method || (method === 'HEAD' && c.route.method === 'GET')) return { route: c.route, params };
      allowed.push(c.route.method);
    }
    return allowed.length ? { allowed } : undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith('{') && p.endsWith('}')) {
      if (v === '') return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(v);
      } catch {
        return undefined;
      }
      params[p.slice(1, -1)] = decoded;
    } else if (p !== v) return undefined;
  }
  return params;
}
