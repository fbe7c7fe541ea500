// The gateway's set-up, shared by main.ts and the tests: users in its own database, session
// tokens, clients for the services, and the HTTP server with the storefront and the JSON API.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { ConfigError, env, type Config, type Kit } from '@mercato/kit';
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { UserStore } from './auth/users';
import { UserEventOutbox } from './auth/outbox';
import { Tokens } from './auth/tokens';
import { RateLimiter } from './auth/ratelimit';
import { HttpEdge } from './http/server';
import { Router } from './http/router';
import { backendsOf } from './shop/backends';
import { Shop } from './shop/shop';
import { Accounts } from './shop/accounts';
import { apiRoutes } from './api/routes';
import { webRoutes } from './web/routes';
import { opsRoutes } from './ops';
import { loadAssets } from './web/assets';
import { Layout } from './web/layout';
import { errorPage } from './web/pages';

export const gatewayConfig = {
  HTTP_HOST: env.optional(env.string({ describe: 'a host name or IP address to listen on (unset: GRPC_HOST)' })),
  /** Unset: the http port in service.yaml. */
  HTTP_PORT: env.optional(env.port()),
  JWT_PRIVATE_KEY: env.optional(env.string({ pattern: /BEGIN PRIVATE KEY/, maxLength: 8192, describe: 'an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)' })),
  JWT_TTL_SECONDS: env.int({ default: 900, min: 60, max: 7 * 24 * 3600 }),
  ADMIN_EMAILS: env.string({ default: '', maxLength: 8192, describe: 'comma-separated e-mail addresses' }),
  COOKIE_SECURE: env.bool({ default: true }),
  RATE_LIMIT_SIGNIN_PER_MINUTE: env.int({ default: 10, min: 0, max: 1_000_000 }),
  RATE_LIMIT_CHECKOUT_PER_MINUTE: env.int({ default: 5, min: 0, max: 1_000_000 }),
  TRUSTED_PROXY_HOPS: env.int({ default: 0, min: 0, max: 10 }),
};

export type GatewayConfig = Config<typeof gatewayConfig>;

/** What tests need from a gateway started in-process. */
export interface GatewayHandle {
  httpPort: number;
  tokens: Tokens;
  edge: HttpEdge;
}

const handles = new WeakMap<object, GatewayHandle>();

/** The HTTP side of a gateway started with startService (its port, its token issuer). */
export function gatewayOf(kit: object): GatewayHandle {
  const h = handles.get(kit);
  if (!h) throw new Error('not a gateway started with setupGateway');
  return h;
}

/** The signing key: given (PKCS#8 PEM, "\n" escapes allowed), or generated with a warning. */
function signingKey(kit: Kit<GatewayConfig>): string {
  const given = kit.config.JWT_PRIVATE_KEY;
  if (!given) {
    kit.log.warn('JWT_PRIVATE_KEY is unset: signing with a key generated now; sessions end when this process does, and other services need its public key');
    return Tokens.generatedKey();
  }
  const pem = given.includes('\\n') ? given.replace(/\\n/g, '\n') : given;
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(key.asymmetricKeyType ?? 'unknown');
  } catch {
    throw new ConfigError('JWT_PRIVATE_KEY', 'an Ed25519 private key in PKCS#8 PEM', '(a key that does not parse as one)');
  }
  return pem;
}

export async function setupGateway(kit: Kit<GatewayConfig>): Promise<void> {
  const c = kit.config;
  const tokens = new Tokens(signingKey(kit), c.JWT_TTL_SECONDS);
  // The services verify with JWT_PUBLIC_KEY: a gateway signing with another key would be refused everywhere.
  if (c.JWT_PUBLIC_KEY && !samePublicKey(c.JWT_PUBLIC_KEY, tokens.publicKeyPem)) {
    throw new ConfigError('JWT_PUBLIC_KEY', 'the public key of JWT_PRIVATE_KEY', '(a different key)');
  }

  const db = await kit.database();
  const users = new UserStore(db);
  await users.migrate();
  const events = clientStore(new EventStoreClient(kit.client('eventstore')));
  const outbox = new UserEventOutbox(db, async (stream, batch) => void (await events.append(stream, batch, { kind: 'any' })), kit.log);
  await outbox.migrate();

  const backends = backendsOf(kit);
  const shop = new Shop(backends, kit.log);
  const adminEmails = new Set(c.ADMIN_EMAILS.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean));
  const accounts = new Accounts(users, tokens, backends, outbox, adminEmails, kit.log);
  const signInLimiter = new RateLimiter(c.RATE_LIMIT_SIGNIN_PER_MINUTE, 60_000);
  const checkoutLimiter = new RateLimiter(c.RATE_LIMIT_CHECKOUT_PER_MINUTE, 60_000);
  const assets = loadAssets();
  const layout = new Layout(assets);

  const router = new Router();
  let edge: HttpEdge | undefined;
  const routes = [
    ...apiRoutes({ shop, accounts, signInLimiter, checkoutLimiter }),
    ...webRoutes({ shop, accounts, layout, signInLimiter, checkoutLimiter }),
    ...opsRoutes({ router, assets, ready: async () => Boolean(edge && !edge.isDraining) && (await pingWithin(() => db.ping(), 1_000)) }),
  ];
  for (const r of routes) router.add(r);

  edge = new HttpEdge({
    router,
    tokens,
    log: kit.log,
    registry: kit.metrics.registry,
    cookieSecure: c.COOKIE_SECURE,
    trustedProxyHops: c.TRUSTED_PROXY_HOPS,
    refreshUser: async (id) => {
      const u = await users.findById(id);
      return u && { id: u.id, name: u.name, roles: accounts.rolesFor(u.email) };
    },
    renderErrorPage: (viewer, err) => layout.render({ title: err.status === 404 ? 'Not found' : 'Error', viewer, main: errorPage(err.status, err.message) }),
  });
  const port = await edge.listen(c.HTTP_PORT ?? kit.spec.ports.http ?? 8080, c.HTTP_HOST ?? c.GRPC_HOST);
  const running = edge;
  outbox.start();
  // Runs before the database closes (hooks run in reverse order of registration).
  kit.onShutdown(async () => {
    await running.close(c.SHUTDOWN_GRACE_MS);
    await outbox.stop();
  });
  handles.set(kit, { httpPort: port, tokens, edge: running });
  kit.log.info({ http_port: port, admin_emails: adminEmails.size }, 'storefront and JSON API serving');
}

function samePublicKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}

async function pingWithin(ping: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([ping().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
