// Session tokens: Ed25519 JWTs from the kit's issuer, verified here with the public key derived
// from the same private key, so the gateway and the services cannot disagree about a token.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { generateSigningKeys, TokenIssuer, TokenVerifier } from '@mercato/kit';
import type { SessionUser } from '../http/router';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface VerifiedToken extends SessionUser {
  issuedAt: number;
  expiresAt: number;
}

export class Tokens {
  private readonly issuer: TokenIssuer;
  private readonly verifier: TokenVerifier;
  readonly publicKeyPem: string;

  constructor(
    privateKeyPem: string,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.issuer = new TokenIssuer(privateKeyPem);
    this.publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
    this.verifier = new TokenVerifier(this.publicKeyPem);
  }

  /** A key pair for a gateway started without JWT_PRIVATE_KEY (its tokens die with it). */
  static generatedKey(): string {
    return generateSigningKeys().privateKey;
  }

  issue(user: { id: string; name: string; roles: string[] }): IssuedToken {
    const now = this.now();
    const token = this.issuer.issue(user.id, { name: user.name, roles: user.roles, ttlSeconds: this.ttlSeconds, now });
    return { token, expiresAt: new Date((Math.floor(now / 1000) + this.ttlSeconds) * 1000) };
  }

  /** The user of a valid token; throws the kit's TokenError saying why a token is refused. */
  verify(token: string): VerifiedToken {
    const user = this.verifier.verify(token, this.now());
    // Signature checked: the claims can be read as they are.
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat?: number; exp: number };
    return { id: user.id, name: user.name, roles: user.roles, token, issuedAt: claims.iat ?? claims.exp - this.ttlSeconds, expiresAt: claims.exp };
  }

  /** Past half its life: a cookie session gets a fresh token, so an active shopper stays signed in. */
  wantsRefresh(t: VerifiedToken): boolean {
    return this.now() / 1000 > t.issuedAt + (t.expiresAt - t.issuedAt) / 2;
  }
}
