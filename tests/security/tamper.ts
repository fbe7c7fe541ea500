// Forged and broken credentials built from a genuine token: what an attacker holding one token (or
// none) can send. Every one of them must be refused as unauthenticated wherever it is presented.

/** A token whose header says alg "none" and whose signature is dropped (the classic JWT bypass). */
export function algNone(token: string): string {
  const [, payload] = token.split('.');
  return `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
}

/** The genuine token with its claims edited (e.g. roles: ["admin"]) and the old signature kept. */
export function editedClaims(token: string, edit: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, ...edit })).toString('base64url')}.${signature}`;
}

/**
 * Authorization header values that are not a well-formed "Bearer <jwt>" (or carry a forged token),
 * each with a name for the report. `token` is a genuine token of the caller.
 */
export function forgedHeaders(token: string): Array<{ name: string; header: string }> {
  const [header, payload] = token.split('.') as [string, string, string];
  return [
    { name: 'alg none', header: `Bearer ${algNone(token)}` },
    { name: 'claims edited (roles admin), old signature', header: `Bearer ${editedClaims(token, { roles: ['admin'] })}` },
    { name: 'subject edited, old signature', header: `Bearer ${editedClaims(token, { sub: 'someone-else' })}` },
    { name: 'expiry extended, old signature', header: `Bearer ${editedClaims(token, { exp: Math.floor(Date.now() / 1000) + 86_400 * 365 })}` },
    { name: 'signature stripped', header: `Bearer ${header}.${payload}.` },
    { name: 'two parts only', header: `Bearer ${header}.${payload}` },
    { name: '"Bearer" without a token', header: 'Bearer' },
    { name: 'Basic credentials', header: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    { name: 'token without the scheme', header: token },
    { name: 'token and trailing junk', header: `Bearer ${token} x` },
    { name: 'not a JWT', header: 'Bearer not-a-jwt' },
  ];
}
