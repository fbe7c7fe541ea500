// Sign-up and sign-in: credentials checked against the users table, a session token issued, the
// guest cart merged into the user's, and the user events recorded through the outbox.
import { status } from '@grpc/grpc-js';
import { eventMetadata } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';
import type { UserRegistered } from '@mercato/protos/gen/mercato/gateway/v1/UserRegistered';
import type { UserSignedIn } from '@mercato/protos/gen/mercato/gateway/v1/UserSignedIn';
import type { UserRolesChanged } from '@mercato/protos/gen/mercato/gateway/v1/UserRolesChanged';
import { HttpError } from '../http/errors';
import type { SessionUser } from '../http/router';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from '../auth/passwords';
import { EmailTakenError, normalizeEmail, type User, type UserStore } from '../auth/users';
import type { IssuedToken, Tokens } from '../auth/tokens';
import type { UserEventOutbox } from '../auth/outbox';
import { as, type Backends } from './backends';
import type { SignInInput, SignUpInput } from './inputs';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface SignedIn {
  user: PublicUser;
  session: SessionUser;
  issued: IssuedToken;
  /** What became of the guest cart: merged, dropped (not mergeable), kept for a later try, or there was none. */
  guestCart: MergeOutcome | 'none';
}

export type MergeOutcome = 'merged' | 'dropped' | 'kept';

export const publicUser = (u: User): PublicUser => ({ id: u.id, email: u.email, name: u.name, roles: u.roles });

/**
 * At most `capacity` password hashes at once: each takes 32 MiB and a libuv thread, and the gRPC
 * clients' DNS lookups share that thread pool. Past `queue` waiting, the edge answers 503.
 */
export class KdfBulkhead {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    private readonly capacity = 2,
    private readonly queue = 200,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.capacity) {
      if (this.waiting.length >= this.queue) throw new HttpError('unavailable', 'too many sign-ins at once; try again in a moment', undefined, { headers: { 'retry-after': '1' } });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const eventTime = (now: number) => ({ seconds: String(Math.floor(now / 1000)), nanos: (now % 1000) * 1_000_000 });

export class Accounts {
  private readonly kdf = new KdfBulkhead();
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly users: UserStore,
    private readonly tokens: Tokens,
    private readonly backends: Backends,
    private readonly outbox: UserEventOutbox,
    private readonly adminEmails: ReadonlySet<string>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  rolesFor(email: string): string[] {
    return this.adminEmails.has(normalizeEmail(email)) ? ['admin'] : [];
  }

  async signUp(input: SignUpInput, guestCartId: string | undefined): Promise<SignedIn> {
    const passwordHash = await this.kdf.run(() => hashPassword(input.password));
    const roles = this.rolesFor(input.email);
    let user: User;
    try {
      user = await this.users.create({ email: input.email, name: input.name.trim() || input.email, roles, passwordHash }, (tx, u) => {
        const registered: UserRegistered = { userId: u.id, email: u.email, displayName: u.name, roles, guestCartId: guestCartId ?? '', eventTime: eventTime(this.now()) };
        return this.outbox.enqueue(tx, u.id, { type: 'mercato.gateway.v1.UserRegistered', data: registered }, eventMetadata({ userId: u.id }));
      });
    } catch (err) {
      if (err instanceof EmailTakenError) throw new HttpError('conflict', 'an account with this e-mail already exists; sign in instead', 'email');
      throw err;
    }
    this.outbox.wake();
    return this.session(user, guestCartId);
  }

  /** One answer for an unknown e-mail and a wrong password, taking as long either way. */
  async signIn(input: SignInInput, guestCartId: string | undefined): Promise<SignedIn> {
    const found = await this.users.findByEmail(input.email);
    this.decoy ??= decoyHash();
    const stored = found?.passwordHash ?? (await this.decoy);
    const ok = await this.kdf.run(() => verifyPassword(input.password, stored));
    if (!found || !ok) throw new HttpError('unauthenticated', 'the e-mail or password is incorrect');
    let user = found;
    if (needsRehash(user.passwordHash)) await this.users.setPasswordHash(user.id, await this.kdf.run(() => hashPassword(input.password)));
    // ADMIN_EMAILS is the source of truth for the admin role: a change applies at the next sign-in.
    const roles = this.rolesFor(user.email);
    const at = eventTime(this.now());
    if (roles.join(',') !== user.roles.join(',')) {
      const changed: UserRolesChanged = { userId: user.id, roles, eventTime: at };
      await this.users.setRoles(user.id, roles, (tx) => this.outbox.enqueue(tx, user.id, { type: 'mercato.gateway.v1.UserRolesChanged', data: changed }, eventMetadata({ userId: user.id })));
      user = { ...user, roles };
    }
    const signedIn: UserSignedIn = { userId: user.id, guestCartId: guestCartId ?? '', eventTime: at };
    await this.users.db.transaction((tx) => this.outbox.enqueue(tx, user.id, { type: 'mercato.gateway.v1.UserSignedIn', data: signedIn }, eventMetadata({ userId: user.id })));
    this.outbox.wake();
    return this.session(user, guestCartId);
  }

  private async session(user: User, guestCartId: string | undefined): Promise<SignedIn> {
    const issued = this.tokens.issue(user);
    const session: SessionUser = { id: user.id, name: user.name, roles: user.roles, token: issued.token };
    const guestCart = guestCartId ? await this.mergeGuestCart(session, guestCartId) : 'none';
    return { user: publicUser(user), session, issued, guestCart };
  }

  /**
   * Moves a guest cart's lines into the user's cart (its id is the user id). A cart that cannot
   * be merged (someone else's, already merged) is dropped; only an unavailable cart service keeps
   * it for the next sign-in. Sign-in succeeds either way.
   */
  async mergeGuestCart(user: SessionUser, guestCartId: string): Promise<MergeOutcome> {
    try {
      await this.backends.cart.call('MergeCarts', { guestCartId, cartId: user.id }, as(user));
      return 'merged';
    } catch (err) {
      const code = (err as { code?: number }).code;
      this.log.warn({ guest_cart_id: guestCartId, user_id: user.id, err: (err as Error).message }, 'guest cart not merged');
      return code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED || code === status.RESOURCE_EXHAUSTED ? 'kept' : 'dropped';
    }
  }

  async profile(id: string): Promise<PublicUser | undefined> {
    const u = await this.users.findById(id);
    return u && publicUser(u);
  }

  /** Whether an id is some user's: such an id is never usable as a guest cart. */
  async isUserId(id: string): Promise<boolean> {
    return (await this.users.findById(id)) !== undefined;
  }
}
