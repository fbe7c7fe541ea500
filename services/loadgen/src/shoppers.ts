// The synthetic shoppers: accounts made with POST /auth/signup at the start of a run, then used
// with Bearer tokens. A 401 signs the shopper in again (once, shared by concurrent callers) and
// repeats the call; an account the gateway forgot (a restart on an in-memory store) is signed up
// again. Sign-in is limited per client address, so its 429 holds back every shopper's sign-in;
// to keep clear of that limit, each token is renewed in the background at a random point in the
// second half of its life, rather than all of them expiring together.
import { randomBytes } from 'node:crypto';
import { ContractError, GatewayClient, HttpError, type RequestSpec, type Response } from './gateway';
import type { Rng } from './mix';

export interface Shopper {
  readonly index: number;
  readonly email: string;
  readonly password: string;
  readonly name: string;
  userId: string;
  token: string;
  /** Wall-clock ms after which the token is renewed in the background; Infinity when unknown. */
  renewAt: number;
  /** Leased by a scenario that changes the shopper's cart. */
  busy: boolean;
  refreshing?: Promise<void>;
}

interface AuthAnswer {
  user?: { id?: unknown };
  token?: unknown;
  expires_at?: unknown;
}

export const SIGNIN_LIMIT_KEY = 'client:signin';
export const SIGNUP_LIMIT_KEY = 'client:signup';

export class ShopperPool {
  readonly shoppers: Shopper[] = [];
  private readonly tag = randomBytes(4).toString('hex');

  constructor(private readonly gateway: GatewayClient) {}

  /** Signs up shopper number `index` (no retries: the caller decides). */
  async signUp(index: number): Promise<Shopper> {
    const email = `loadgen-${this.tag}-${index + 1}@example.com`;
    const password = randomBytes(18).toString('base64url');
    const name = `Shopper ${index + 1}`;
    const res = await this.gateway.request<AuthAnswer>({ path: '/auth/signup', route: 'POST /auth/signup', body: { email, password, name }, expect: [201], limitKey: SIGNUP_LIMIT_KEY });
    const shopper: Shopper = { index, email, password, name, ...authOf(res, 'POST /auth/signup'), busy: false };
    this.shoppers[index] = shopper;
    return shopper;
  }

  get size(): number {
    return this.shoppers.filter(Boolean).length;
  }

  /** A free shopper, marked busy until release(); undefined when all are busy. */
  lease(rng: Rng, prefer?: (s: Shopper) => boolean): Shopper | undefined {
    const free = this.shoppers.filter((s) => s && !s.busy);
    if (free.length === 0) return undefined;
    const preferred = prefer ? free.filter(prefer) : free;
    const s = rng.pick(preferred.length > 0 ? preferred : free);
    s.busy = true;
    return s;
  }

  release(s: Shopper): void {
    s.busy = false;
  }

  /** Any shopper (for read-only scenarios that may share one). */
  any(rng: Rng): Shopper | undefined {
    const all = this.shoppers.filter(Boolean);
    return all.length ? rng.pick(all) : undefined;
  }

  /** A call as the shopper; a 401 signs in again and repeats the call once. */
  async call<T>(s: Shopper, spec: Omit<RequestSpec, 'token'>): Promise<Response<T>> {
    const token = s.token;
    if (Date.now() >= s.renewAt && !s.refreshing) this.refresh(s, token).catch(() => undefined);
    try {
      return await this.gateway.request<T>({ ...spec, token });
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 401)) throw err;
    }
    await this.refresh(s, token);
    return this.gateway.request<T>({ ...spec, token: s.token });
  }

  /** Signs the shopper in again unless someone already replaced `staleToken`. */
  refresh(s: Shopper, staleToken: string): Promise<void> {
    if (s.token !== staleToken) return Promise.resolve();
    s.refreshing ??= this.signIn(s).finally(() => (s.refreshing = undefined));
    return s.refreshing;
  }

  private async signIn(s: Shopper): Promise<void> {
    try {
      const res = await this.gateway.request<AuthAnswer>({ path: '/auth/signin', route: 'POST /auth/signin', body: { email: s.email, password: s.password }, expect: [200], limitKey: SIGNIN_LIMIT_KEY });
      Object.assign(s, authOf(res, 'POST /auth/signin'));
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 401)) throw err;
      // The gateway no longer knows the account (e.g. it restarted on an in-memory store).
      const res = await this.gateway.request<AuthAnswer>({ path: '/auth/signup', route: 'POST /auth/signup', body: { email: s.email, password: s.password, name: s.name }, expect: [201], limitKey: SIGNUP_LIMIT_KEY });
      Object.assign(s, authOf(res, 'POST /auth/signup'));
    }
  }
}

function authOf(res: Response<AuthAnswer>, route: string): { userId: string; token: string; renewAt: number } {
  const token = res.body?.token;
  const userId = res.body?.user?.id;
  if (typeof token !== 'string' || token === '') throw new ContractError(route, 'answer has no token');
  if (typeof userId !== 'string' || userId === '') throw new ContractError(route, 'answer has no user.id');
  const expires = typeof res.body?.expires_at === 'string' ? Date.parse(res.body.expires_at) : NaN;
  const now = Date.now();
  const renewAt = Number.isFinite(expires) && expires > now ? now + (expires - now) * (0.5 + 0.4 * Math.random()) : Infinity;
  return { userId, token, renewAt };
}
