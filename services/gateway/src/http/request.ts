// Reading requests safely: bounded bodies, JSON and form decoding that cannot throw past us,
// cookies, and the client address behind a known number of proxies.
import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError } from './errors';

export const BODY_LIMIT_BYTES = 64 * 1024;

/** The raw body, refused past `limit` bytes without buffering the rest. */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw badRequest('body', `must be at most ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw badRequest('body', `must be at most ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A JSON body: undefined when empty; 400 on another media type or malformed JSON. */
export async function readJson(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) return undefined;
  // Requiring the JSON media type also keeps cross-site HTML forms out: they cannot send it
  // without a CORS preflight, which this API never grants.
  if (mediaType(req) !== 'application/json') throw new HttpError('invalid_argument', 'body: Content-Type must be application/json', 'body');
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest('body', `is not valid JSON (${(err as Error).message.slice(0, 120)})`);
  }
}

/** An HTML form body (application/x-www-form-urlencoded) as a plain record of first values. */
export async function readForm(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Record<string, string>> {
  const raw = await readBody(req, limit);
  const type = mediaType(req);
  if (raw.length > 0 && type !== 'application/x-www-form-urlencoded') throw badRequest('body', 'must be an HTML form (application/x-www-form-urlencoded)');
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) if (!(k in out)) out[k] = v;
  return out;
}

/** First value of each query parameter, without prototype keys. */
export function queryRecord(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      // A cookie we did not write: ignore it rather than fail the request.
    }
  }
  return out;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Lax' | 'Strict';
}

export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', `SameSite=${o.sameSite}`];
  if (o.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(o.maxAgeSeconds))}`);
  if (o.httpOnly) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The client's address: the socket's peer, or with `trustedHops` proxies in front (an ingress,
 * a load balancer) the X-Forwarded-For entry the outermost trusted proxy saw. Entries further
 * left are written by the client and never trusted.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const entry = list[list.length - trustedHops];
  return entry && /^[0-9a-fA-F:.]{2,45}$/.test(entry) ? entry : peer;
}

/** A loopback host name (npm start on a laptop), from the Host header without its port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
