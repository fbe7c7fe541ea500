// Password hashing: scrypt with a per-user salt, parameters stored with the hash.
import { DEFAULT_PARAMS, hashPassword, needsRehash, verifyPassword } from '../src/auth/passwords';

// Cheaper parameters keep the suite fast; one test checks the production ones.
const FAST = { logN: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('uses scrypt with N = 2^15, r = 8, p = 1 by default, recorded in the hash', async () => {
    expect(DEFAULT_PARAMS).toEqual({ logN: 15, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
  });

  it('accepts only the same password', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash: the same password hashes differently', async () => {
    const a = await hashPassword('same password here', FAST);
    const b = await hashPassword('same password here', FAST);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('treats a malformed or out-of-bounds stored hash as a mismatch, never an error', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$40$8$1$AAAA$AAAA')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$10$8$1$AAAA')).resolves.toBe(false);
  });

  it('asks for a re-hash when the stored parameters are weaker than today\'s', async () => {
    expect(needsRehash(await hashPassword('some password', FAST))).toBe(true);
    expect(needsRehash('scrypt$15$8$1$AAAA$AAAA')).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
