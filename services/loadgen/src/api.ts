// gRPC handlers of mercato.loadgen.v1.LoadgenService over one RunControl: at most one run at a
// time, and the last few kept for GetStats.
import { failedPrecondition, invalidArgument, notFound, type AsyncHandlers, type ServeOptions } from '@mercato/kit';
import type { LoadgenServiceHandlers } from '@mercato/protos/gen/mercato/loadgen/v1/LoadgenService';
import type { Run as RunMessage } from '@mercato/protos/gen/mercato/loadgen/v1/Run';
import type { RunConfig, RunConfig__Output } from '@mercato/protos/gen/mercato/loadgen/v1/RunConfig';
import type { ScenarioStats } from '@mercato/protos/gen/mercato/loadgen/v1/ScenarioStats';
import type { Timestamp } from '@mercato/protos/gen/google/protobuf/Timestamp';
import { isScenarioName, SCENARIO_NAMES, SCENARIOS } from './mix';
import { OptionError, checkRunOptions, type RunOptions } from './options';
import { LoadRun, type RunDeps, type RunState } from './run';

const KEPT_RUNS = 20;
/** Run ids are UUIDs (36 characters); a little room to spare. */
const MAX_RUN_ID = 64;

export interface RunDefaults {
  targetUrl: string;
  requestTimeoutMs: number;
}

export class RunControl {
  private readonly runs = new Map<string, LoadRun>();
  private latest: LoadRun | undefined;

  constructor(
    readonly defaults: RunDefaults,
    private readonly deps: RunDeps,
  ) {}

  get current(): LoadRun | undefined {
    return this.latest;
  }

  /** Starts a run unless one is still going (FAILED_PRECONDITION). */
  start(options: RunOptions): LoadRun {
    if (this.latest && this.latest.state !== 'finished') {
      throw failedPrecondition(`run ${this.latest.id} is still ${this.latest.state.replace('_', ' ')}: stop it first (StopRun)`);
    }
    const run = new LoadRun(options, this.deps);
    this.runs.set(run.id, run);
    this.latest = run;
    // Forget the oldest runs (Map keeps insertion order).
    for (const id of this.runs.keys()) {
      if (this.runs.size <= KEPT_RUNS) break;
      this.runs.delete(id);
    }
    return run;
  }

  /** The run with this id, or the current (last) one for an empty id. */
  find(runId: string): LoadRun {
    // Bounded before it is echoed: a megabyte in NOT_FOUND's message is more than any client takes in a trailer.
    if (runId.length > MAX_RUN_ID) throw invalidArgument('run_id', `must be a run's id (at most ${MAX_RUN_ID} characters) or empty for the latest run`);
    const run = runId ? this.runs.get(runId) : this.latest;
    if (!run) throw runId ? notFound(`run ${runId}`) : notFound('a run (none has been started)');
    return run;
  }

  /** Cuts the current run short (service shutdown). */
  async abort(): Promise<void> {
    this.latest?.abort();
    await this.latest?.done;
  }
}

const STATE: Record<RunState, RunMessage['state']> = {
  ramping_up: 'RUN_STATE_RAMPING_UP',
  running: 'RUN_STATE_RUNNING',
  stopping: 'RUN_STATE_STOPPING',
  finished: 'RUN_STATE_FINISHED',
};

function timestamp(date: Date): Timestamp {
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

function toRunConfig(o: RunOptions): RunConfig {
  return {
    targetRate: o.rate,
    rampSeconds: Math.round(o.rampSeconds),
    durationSeconds: Math.round(o.durationSeconds),
    weights: SCENARIO_NAMES.map((scenario) => ({ scenario, weight: o.weights[scenario] })),
    targetUrl: o.targetUrl,
    seed: String(o.seed),
  };
}

export function toRunMessage(run: LoadRun): RunMessage {
  return {
    runId: run.id,
    config: toRunConfig(run.options),
    state: STATE[run.state],
    startTime: timestamp(run.startTime),
    endTime: run.endTime ? timestamp(run.endTime) : null,
  };
}

/** StartRun's config as run options; errors name the proto field. */
export function runOptionsFromConfig(config: RunConfig__Output | null, defaults: RunDefaults): RunOptions {
  if (!config) throw invalidArgument('config', 'is required');
  const seen = new Set<string>();
  config.weights.forEach((w, i) => {
    if (!isScenarioName(w.scenario)) throw invalidArgument(`config.weights[${i}].scenario`, `must be one of ${SCENARIO_NAMES.join(', ')}`);
    if (seen.has(w.scenario)) throw invalidArgument(`config.weights[${i}].scenario`, `${w.scenario} is given twice`);
    seen.add(w.scenario);
    if (!Number.isFinite(w.weight) || w.weight < 0 || w.weight > 1_000_000) throw invalidArgument(`config.weights[${i}].weight`, 'must be a number from 0 to 1000000');
  });
  try {
    return checkRunOptions(
      {
        targetUrl: config.targetUrl || defaults.targetUrl,
        rate: config.targetRate,
        rampSeconds: config.rampSeconds,
        durationSeconds: config.durationSeconds,
        weights: config.weights.map((w) => [w.scenario, w.weight]),
        seed: config.seed,
        requestTimeoutMs: defaults.requestTimeoutMs,
      },
      { targetUrl: 'config.target_url', rate: 'config.target_rate', rampSeconds: 'config.ramp_seconds', durationSeconds: 'config.duration_seconds', weights: 'config.weights', users: 'config', seed: 'config.seed', maxInflight: 'config', requestTimeoutMs: 'config' },
    );
  } catch (err) {
    if (err instanceof OptionError) throw invalidArgument(err.option, err.problem);
    throw err;
  }
}

export function loadgenHandlers(control: RunControl): AsyncHandlers<LoadgenServiceHandlers> {
  return {
    StartRun: async (req) => {
      const run = control.start(runOptionsFromConfig(req.config, control.defaults));
      return { run: toRunMessage(run) };
    },

    StopRun: async (req) => {
      const run = control.find(req.runId);
      run.stop();
      return { run: toRunMessage(run) };
    },

    GetStats: async (req) => {
      const run = control.find(req.runId);
      const scenarios: ScenarioStats[] = run.stats.summary().map((s) => ({
        scenario: s.scenario,
        started: String(s.started),
        succeeded: String(s.counts.ok),
        expectedFailures: String(s.counts.expected_failure),
        unexpectedFailures: String(s.counts.unexpected_error),
        latencyP50Ms: s.p50Ms,
        latencyP99Ms: s.p99Ms,
      }));
      return { run: toRunMessage(run), scenarios, achievedRate: run.state === 'finished' ? 0 : run.achievedRate() };
    },

    ListScenarios: async () => ({ scenarios: SCENARIOS.map((s) => ({ name: s.name, description: s.description, defaultWeight: s.defaultWeight })) }),
  };
}

/**
 * Starting and stopping load is an operator's act: admin. Reading the stats and the scenarios is
 * public (dashboards and scripts read them; nothing in them is private).
 */
export const loadgenAccess: ServeOptions<LoadgenServiceHandlers> = {
  access: { StartRun: 'admin', StopRun: 'admin', GetStats: 'public', ListScenarios: 'public' },
};
