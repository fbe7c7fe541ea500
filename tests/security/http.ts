// HTTP requests to the gateway for the security matrix: any credential by bearer header or session
// cookie, JSON or form bodies, redirects not followed (a sign-in wall is a 303 to /signin).

export const SESSION_COOKIE = 'mercato_session';
export const CSRF_COOKIE = 'mercato_csrf';

export interface HttpRequest {
  /** The whole Authorization header value. */
  authorization?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  location: string | null;
  body: string;
  setCookies: string[];
}

export async function send(baseUrl: string, method: string, path: string, r: HttpRequest = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { accept: 'application/json, text/html', ...r.headers };
  if (r.authorization !== undefined) headers['authorization'] = r.authorization;
  if (r.cookies) headers['cookie'] = Object.entries(r.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
  let body: string | undefined;
  if (r.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(r.json);
  } else if (r.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(r.form).toString();
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), body: await res.text(), setCookies: res.headers.getSetCookie() };
}

/** The value of cookie `name` among Set-Cookie headers (undefined when not set). */
export function cookieFrom(setCookies: string[], name: string): string | undefined {
  for (const c of setCookies) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq).trim() === name) return pair!.slice(eq + 1).trim();
  }
  return undefined;
}

/** "Bearer <token>". */
export const bearer = (token: string): string => `Bearer ${token}`;
