// Reading requests: cookies, the client address behind proxies, loopback hosts, redirects.
import type { IncomingMessage } from 'node:http';
import { clientAddress, isLoopbackHost, parseCookies, serializeCookie } from '../src/http/request';
import { safeLocation } from '../src/http/server';

const req = (remoteAddress: string, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('request helpers', () => {
  it('parses cookies, first one wins, bad encodings are skipped', () => {
    expect(parseCookies('a=1; b=%20x; a=2; c="q"; d=%E0%A4%A; =x; e')).toEqual({ a: '1', b: ' x', c: 'q' });
    expect(Object.getPrototypeOf(parseCookies('__proto__=x'))).toBeNull();
  });

  it('writes cookies with the attributes asked for', () => {
    expect(serializeCookie('mercato_session', 'a b', { httpOnly: true, secure: true, sameSite: 'Lax', maxAgeSeconds: 900 })).toBe('mercato_session=a%20b; Path=/; SameSite=Lax; Max-Age=900; HttpOnly; Secure');
  });

  it('trusts X-Forwarded-For only as far as the configured proxies', () => {
    expect(clientAddress(req('10.0.0.9', '1.2.3.4'), 0)).toBe('10.0.0.9');
    expect(clientAddress(req('10.0.0.9', 'spoofed, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientAddress(req('10.0.0.9', 'spoofed, 1.2.3.4, 10.0.0.2'), 2)).toBe('1.2.3.4');
    expect(clientAddress(req('10.0.0.9'), 1)).toBe('10.0.0.9');
    expect(clientAddress(req('10.0.0.9', 'not an address'), 1)).toBe('10.0.0.9');
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1:8080')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]:8080')).toBe(true);
    expect(isLoopbackHost('shop.example.com')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false);
  });

  it('redirects only within the site', () => {
    expect(safeLocation('/checkout')).toBe('/checkout');
    expect(safeLocation('/orders?x=1')).toBe('/orders?x=1');
    expect(safeLocation('//evil.example')).toBe('/');
    expect(safeLocation('/\\evil.example')).toBe('/');
    expect(safeLocation('https://evil.example')).toBe('/');
  });
});
