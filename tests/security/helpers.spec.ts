// The security matrix's own tools, without a stack: the log scanner finds a secret in every form it
// claims to (so "no leak" is not a scanner that never finds anything), and every forged credential
// is one the kit's verifier refuses (so the matrix's denials are about forgery, not typos).
import { generateSigningKeys, TokenIssuer, TokenVerifier } from '@mercato/kit';
import { FORBIDDEN_PATTERNS, findLeaks } from './secrets';
import { algNone, editedClaims, forgedHeaders } from './tamper';

describe('log scanner', () => {
  const card = { name: 'card', value: '4242424242424242' };
  const password = { name: 'password', value: 'Pw#0123456789/+&=' };

  it.each([
    ['as sent', `{"msg":"charging 4242424242424242"}`],
    ['grouped with spaces', 'card 4242 4242 4242 4242 declined'],
    ['grouped with dashes', 'card=4242-4242-4242-4242'],
    ['base64', `blob ${Buffer.from('4242424242424242').toString('base64')}`],
    ['base64 inside a longer value, offset 1', `blob ${Buffer.from('a4242424242424242zz').toString('base64')}`],
    ['base64 inside a longer value, offset 2', `blob ${Buffer.from('ab4242424242424242zz').toString('base64')}`],
    ['base64 inside a longer value, offset 3', `blob ${Buffer.from('abc4242424242424242zz').toString('base64')}`],
  ])('finds a card number %s', (_, line) => {
    expect(findLeaks([line], [card])).toHaveLength(1);
  });

  it('finds a password URL-encoded, JSON-escaped or as base64url', () => {
    for (const line of [`body=${encodeURIComponent(password.value)}`, JSON.stringify({ p: password.value }), Buffer.from(`{"password":"${password.value}"}`).toString('base64url')]) {
      expect(findLeaks([line], [password]).length).toBeGreaterThan(0);
    }
  });

  it('does not flag what may be logged: the last four digits, a redacted field', () => {
    expect(findLeaks(['{"card":{"last4":"4242","brand":"visa"},"password":"[redacted]"}'], [card, password])).toEqual([]);
  });

  it('flags a CVC value and a PEM private key, not a redacted CVC', () => {
    const hits = (line: string) => FORBIDDEN_PATTERNS.filter((p) => p.pattern.test(line)).map((p) => p.name);
    expect(hits('{"card":{"cvc":"737"}}')).toEqual(['a CVC value']);
    expect(hits('card_cvc=1234')).toEqual(['a CVC value']);
    expect(hits('{"card":{"cvc":"[redacted]"}}')).toEqual([]);
    expect(hits('-----BEGIN PRIVATE KEY-----')).toEqual(['a PEM private key']);
  });
});

describe('forged credentials', () => {
  const keys = generateSigningKeys();
  const token = new TokenIssuer(keys.privateKey).issue('user-1', { roles: [] });
  const verifier = new TokenVerifier(keys.publicKey);

  it('start from a token the verifier accepts', () => {
    expect(verifier.verify(token).id).toBe('user-1');
  });

  it('are each refused by the verifier (or are no "Bearer <token>" at all)', () => {
    for (const f of forgedHeaders(token)) {
      const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(f.header);
      if (m) expect(() => verifier.verify(m[1]!)).toThrow();
    }
  });

  it('edit what they claim to', () => {
    const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString('utf8')) as { roles: string[]; sub: string };
    expect(claims(editedClaims(token, { roles: ['admin'] })).roles).toEqual(['admin']);
    expect(JSON.parse(Buffer.from(algNone(token).split('.')[0]!, 'base64url').toString('utf8'))).toEqual({ alg: 'none', typ: 'JWT' });
  });
});
