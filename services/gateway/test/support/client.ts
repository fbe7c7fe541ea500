// An HTTP client for the gateway tests: a cookie jar like a browser's (or none, like a script),
// JSON and form bodies, redirects left to the test.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RequestOptions {
  json?: unknown;
  raw?: string;
  contentType?: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Send no cookies and keep none (a script). */
  noCookies?: boolean;
}

export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly defaults: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, o: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...this.defaults, ...o.headers };
    let body: string | undefined;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers['content-type'] ??= 'application/json';
    } else if (o.form) {
      body = new URLSearchParams(o.form).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (o.raw !== undefined) {
      body = o.raw;
      if (o.contentType) headers['content-type'] = o.contentType;
    }
    if (!o.noCookies && this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    if (!o.noCookies) {
      for (const c of res.headers.getSetCookie()) {
        const [pair, ...attrs] = c.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = decodeURIComponent(pair!.slice(eq + 1).trim());
        const maxAge = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('max-age='));
        if (maxAge && Number(maxAge.split('=')[1]) <= 0) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, json: parsed };
  }

  get(path: string, o?: RequestOptions) {
    return this.request('GET', path, o);
  }
  post(path: string, json?: unknown, o: RequestOptions = {}) {
    return this.request('POST', path, { ...o, ...(json !== undefined ? { json } : {}) });
  }
  patch(path: string, json?: unknown, o: RequestOptions = {}) {
    return this.request('PATCH', path, { ...o, ...(json !== undefined ? { json } : {}) });
  }
  delete(path: string, o?: RequestOptions) {
    return this.request('DELETE', path, o);
  }

  /** The CSRF header a cookie-authenticated API write needs (the page's script sends the same). */
  csrf(): Record<string, string> {
    const token = this.cookies.get('mercato_csrf');
    return token ? { 'x-csrf-token': token } : {};
  }
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export { eventually } from '../../../../tests/support/suite';


/** A request through node:http, for what fetch will not send (a Host header, a lying Content-Length). */
export function rawRequest(port: number, o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: o.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** A local port nothing listens on (a service that is down). */
export async function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}
