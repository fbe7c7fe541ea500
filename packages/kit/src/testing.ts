// For service tests: the environment of a service started in-process on free local ports, and
// call options carrying a signed user token.
import { Metadata } from '@grpc/grpc-js';
import type { TokenIssuer } from './auth';

/** Loopback, free ports, quiet logs, a short drain: merge a test's own variables over it. */
export function testServiceEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    GRPC_HOST: '127.0.0.1',
    METRICS_HOST: '127.0.0.1',
    GRPC_PORT: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
    SHUTDOWN_GRACE_MS: '300',
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** `{ metadata }` with `authorization: Bearer <token>` for the user (roles e.g. ['admin']). */
export function asUser(issuer: TokenIssuer, userId: string, roles: string[] = []): { metadata: Metadata } {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${issuer.issue(userId, { roles, name: `User ${userId}` })}`);
  return { metadata };
}
