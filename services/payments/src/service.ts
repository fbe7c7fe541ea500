// The payments service's set-up, shared by main.ts and the integration tests (its own and others').
import { clientStore, type EventStorePort } from '@mercato/eventsourcing';
import { env, type CallContext, type Config, type Kit } from '@mercato/kit';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import { paymentsAccess, paymentsHandlers } from './api';
import { CardKeys } from './card-keys';
import { Flakiness } from './flakiness';

/** The development default of PAYMENTS_FINGERPRINT_KEY: fine on a laptop, never in production. */
export const DEVELOPMENT_FINGERPRINT_KEY = 'mercato-development-fingerprint-key';

export const paymentsConfig = {
  PAYMENTS_LATENCY_MS: env.int({ default: 0, min: 0, max: 60_000 }),
  PAYMENTS_LATENCY_JITTER_MS: env.int({ default: 0, min: 0, max: 60_000 }),
  PAYMENTS_FAILURE_RATE: env.number({ default: 0, min: 0, max: 1 }),
  PAYMENTS_FINGERPRINT_KEY: env.string({ default: DEVELOPMENT_FINGERPRINT_KEY, pattern: /^.{16,}$/, describe: 'a secret of at least 16 characters' }),
};

export type PaymentsConfig = Config<typeof paymentsConfig>;

export function setupPayments(kit: Kit<PaymentsConfig>): void {
  const c = kit.config;
  if (c.PAYMENTS_FINGERPRINT_KEY === DEVELOPMENT_FINGERPRINT_KEY) kit.log.warn('PAYMENTS_FINGERPRINT_KEY is the development default: set a secret one in production');
  const rpc = kit.client<EventStoreServiceDefinition>('eventstore');
  // Per call: cancelling the incoming call (or its deadline passing) cancels its event store calls.
  const store = (ctx: CallContext): EventStorePort =>
    clientStore({
      append: (req) => rpc.call('Append', req, { signal: ctx.signal }),
      readStream: (req) => rpc.call('ReadStream', req, { signal: ctx.signal }),
      subscribe: () => {
        throw new Error('payments reads its streams; it does not subscribe');
      },
    });
  const handlers = paymentsHandlers({
    store,
    keys: new CardKeys(c.PAYMENTS_FINGERPRINT_KEY),
    flakiness: new Flakiness({ latencyMs: c.PAYMENTS_LATENCY_MS, jitterMs: c.PAYMENTS_LATENCY_JITTER_MS, failureRate: c.PAYMENTS_FAILURE_RATE }),
    onInjected: (ctx, kind) => kit.metrics.faultInjections.inc({ grpc_service: ctx.service, grpc_method: ctx.method, kind }),
  });
  kit.serve('mercato.payments.v1.PaymentsService', handlers, paymentsAccess);
}
