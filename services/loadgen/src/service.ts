// The loadgen service's set-up, shared by main.ts and the integration tests: the control API, the
// metrics, and a run at start-up when LOADGEN_RATE > 0.
import { ConfigError, env, type Config, type Kit } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import { loadgenAccess, loadgenHandlers, RunControl, runOptionsFromConfig } from './api';
import { mergeWeights, SCENARIO_NAMES } from './mix';
import { LoadgenMetrics } from './metrics';
import { LIMITS } from './options';

function isWeightsObject(value: unknown): value is Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    mergeWeights(Object.entries(value));
    return true;
  } catch {
    return false;
  }
}

export const loadgenConfig = {
  LOADGEN_TARGET_URL: env.optional(env.url(['http:', 'https:'])),
  LOADGEN_RATE: env.number({ default: 0, min: 0, max: LIMITS.rate.max }),
  LOADGEN_RAMP_SECONDS: env.int({ default: 10, min: 0, max: LIMITS.rampSeconds.max }),
  LOADGEN_DURATION_SECONDS: env.int({ default: 0, min: 0, max: LIMITS.durationSeconds.max }),
  LOADGEN_WEIGHTS: env.optional(
    env.json(`a JSON object of weights (0 to 1000000) over the scenarios ${SCENARIO_NAMES.join(', ')}, leaving one positive, e.g. {"browse":5,"checkout":1}`, isWeightsObject),
  ),
  // Set by the stack runner and the chart from the topology (host:port of the gateway's HTTP port).
  GATEWAY_ADDR: env.optional(env.string({ pattern: /^[\w.-]+:\d{1,5}$/, describe: 'the gateway as host:port' })),
};

export async function setupLoadgen(kit: Kit<Config<typeof loadgenConfig>>): Promise<void> {
  const c = kit.config;
  const call = kit.spec.calls.find((x) => x.service === 'gateway');
  const targetUrl = c.LOADGEN_TARGET_URL ?? `http://${c.GATEWAY_ADDR ?? `localhost:${loadTopology().get('gateway').ports.http}`}`;
  const metrics = new LoadgenMetrics(kit.metrics.registry);
  const control = new RunControl({ targetUrl, requestTimeoutMs: call?.deadlineMs || 10_000 }, { metrics, log: kit.log });
  kit.serve('mercato.loadgen.v1.LoadgenService', loadgenHandlers(control), loadgenAccess);
  kit.onShutdown(() => control.abort());

  if (c.LOADGEN_RATE > 0) {
    if (c.LOADGEN_RATE < LIMITS.rate.min) throw new ConfigError('LOADGEN_RATE', `0 or a number from ${LIMITS.rate.min} to ${LIMITS.rate.max}`, String(c.LOADGEN_RATE));
    const options = runOptionsFromConfig(
      {
        targetRate: c.LOADGEN_RATE,
        rampSeconds: c.LOADGEN_RAMP_SECONDS,
        durationSeconds: c.LOADGEN_DURATION_SECONDS,
        weights: Object.entries(c.LOADGEN_WEIGHTS ?? {}).map(([scenario, weight]) => ({ scenario, weight })),
        targetUrl,
        seed: '0',
      },
      control.defaults,
    );
    const run = control.start(options);
    kit.log.info({ runId: run.id, targetUrl, rate: options.rate }, 'load run started at start-up (LOADGEN_RATE)');
  }
}
