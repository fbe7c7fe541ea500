// JSON Web Tokens signed with Ed25519 (EdDSA): the gateway signs with its private key; every
// service verifies with the public key alone. Short-lived by design.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

export interface AuthUser {
  id: string;
  /** Display name; the id when the token carries none. */
  name: string;
  roles: string[];
  /** The raw bearer token, forwarded on calls made on the user's behalf. */
  token: string;
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const HEADER = base64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' }));
const ISSUER = 'mercato';
const CLOCK_SKEW_S = 30;

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

export function generateSigningKeys(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export interface IssueOptions {
  roles?: string[];
  name?: string;
  ttlSeconds?: number;
  now?: number;
}

export class TokenIssuer {
  private readonly key: KeyObject;
  constructor(privateKeyPem: string) {
    this.key = createPrivateKey(privateKeyPem);
    if (this.key.asymmetricKeyType !== 'ed25519') throw new TokenError('the signing key must be an Ed25519 private key');
  }

  issue(userId: string, options: IssueOptions = {}): string {
    const now = Math.floor((options.now ?? Date.now()) / 1000);
    const claims = {
      iss: ISSUER,
      sub: userId,
      roles: options.roles ?? [],
      ...(options.name ? { name: options.name } : {}),
      iat: now,
      exp: now + (options.ttlSeconds ?? 900),
      jti: randomUUID(),
    };
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return `${body}.${sign(null, Buffer.from(body), this.key).toString('base64url')}`;
  }
}

const CACHE_LIMIT = 10_000;

export class TokenVerifier {
  private readonly key: KeyObject;
  /** Verified tokens: the signature check is the costliest step of a call, so do it once per token. */
  private readonly cache = new Map<string, { user: AuthUser; exp: number; iat: number | undefined }>();
  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
    if (this.key.asymmetricKeyType !== 'ed25519') throw new TokenError('the verification key must be an Ed25519 public key');
  }

  /** Returns the user of a valid token; throws TokenError saying why a token is refused. */
  verify(token: string, now = Date.now()): AuthUser {
    const hit = this.cache.get(token);
    if (hit) {
      this.checkTimes(hit.exp, hit.iat, now);
      return hit.user;
    }
    const verified = this.verifyFully(token, now);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(token, verified);
    return verified.user;
  }

  private checkTimes(exp: number, iat: number | undefined, now: number): void {
    const nowS = Math.floor(now / 1000);
    if (exp + CLOCK_SKEW_S < nowS) throw new TokenError('token expired');
    if (iat !== undefined && iat - CLOCK_SKEW_S > nowS) throw new TokenError('token issued in the future');
  }

  private verifyFully(token: string, now: number): { user: AuthUser; exp: number; iat: number | undefined } {
    const parts = token.split('.');
    if (parts.length !== 3 || token.length > 4096) throw new TokenError('malformed token');
    const [header, payload, signature] = parts as [string, string, string];
    if (header !== HEADER) throw new TokenError('unsupported token header');
    const ok = verify(null, Buffer.from(`${header}.${payload}`), this.key, Buffer.from(signature, 'base64url'));
    if (!ok) throw new TokenError('bad token signature');
    let claims: { iss?: unknown; sub?: unknown; name?: unknown; roles?: unknown; exp?: unknown; iat?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      throw new TokenError('malformed token claims');
    }
    if (claims.iss !== ISSUER) throw new TokenError('wrong token issuer');
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 128) throw new TokenError('token has no subject');
    if (typeof claims.exp !== 'number') throw new TokenError('token has no expiry');
    const iat = typeof claims.iat === 'number' ? claims.iat : undefined;
    this.checkTimes(claims.exp, iat, now);
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    const name = typeof claims.name === 'string' && claims.name.length > 0 && claims.name.length <= 100 ? claims.name : claims.sub;
    return { user: { id: claims.sub, name, roles, token }, exp: claims.exp, iat };
  }
}

/** Who may call a method: anyone, a signed-in user, or an admin. */
export type AccessRule = 'public' | 'user' | 'admin';
