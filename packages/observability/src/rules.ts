// Prometheus recording and alert rules: per-service SLO burn rates (availability and latency,
// multi-window multi-burn-rate), service down, projection lag, breakers stuck open and sentinel's
// predictions. Rendered to charts/mercato/rules/mercato.rules.yaml (npm run gen:dashboards), which
// the chart's PrometheusRule serves; tests/observability/rules/*.test.yaml unit-test every alert.
import type { Topology } from '@mercato/topology';
import { availabilityErrorRatio, latencyErrorRatio } from './promql';
import { FAST_BURN, SLOW_BURN, SLOS, WINDOWS, type BurnWindow } from './slo';

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: { summary: string; description: string; runbook_url: string };
}

export interface RuleGroup {
  name: string;
  rules: Array<RecordingRule | AlertRule>;
}

/** Where the runbook paragraphs are (relative to the repository root); each alert links its anchor. */
export const RUNBOOKS = 'docs/runbooks.md';
export const runbookUrl = (alert: string): string => `${RUNBOOKS}#${alert.toLowerCase()}`;

/** Groups whose name starts with this hold one service's rules; the chart drops disabled services'. */
export const SERVICE_GROUP_PREFIX = 'mercato.service.';

export const record = {
  availability: (w: string) => `mercato:slo_availability_error_ratio:rate${w}`,
  latency: (w: string) => `mercato:slo_latency_error_ratio:rate${w}`,
  availabilityObjective: 'mercato:slo_availability_objective',
  latencyObjective: 'mercato:slo_latency_objective',
};

/** One multi-window burn condition: both windows above factor × the error budget. */
function burn(sli: 'availability' | 'latency', windows: readonly BurnWindow[]): string {
  const ratio = sli === 'availability' ? record.availability : record.latency;
  const objective = sli === 'availability' ? record.availabilityObjective : record.latencyObjective;
  const above = (w: string, factor: number) => `${ratio(w)} > on (job) group_left () (${factor} * (1 - ${objective}))`;
  return windows.map((b) => `(\n  ${above(b.long, b.factor)}\nand\n  ${above(b.short, b.factor)}\n)`).join('\nor\n');
}

function burnAlert(sli: 'availability' | 'latency', speed: 'Fast' | 'Slow'): AlertRule {
  const alert = `Mercato${sli === 'availability' ? 'Availability' : 'Latency'}${speed}Burn`;
  const windows = speed === 'Fast' ? FAST_BURN : SLOW_BURN;
  const what = sli === 'availability' ? 'failed calls (server-sick codes / HTTP 5xx)' : 'calls slower than the SLO bound';
  const pace = windows.map((w) => `${w.factor}x over ${w.long} and ${w.short}`).join(', or ');
  return {
    alert,
    expr: burn(sli, windows),
    for: speed === 'Fast' ? '2m' : '15m',
    labels: { severity: speed === 'Fast' ? 'critical' : 'warning', slo: sli },
    annotations: {
      summary: `{{ $labels.job }} is spending its ${sli} error budget ${speed === 'Fast' ? 'fast' : 'steadily'}.`,
      description: `{{ $labels.job }}: {{ $value | humanizePercentage }} ${what} over the long window; the 30-day ${sli} budget burns at ${pace} its sustainable rate.`,
      runbook_url: runbookUrl(alert),
    },
  };
}

export function ruleGroups(topology: Topology): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const s of topology.services) {
    const slo = SLOS.find((x) => x.service === s.name);
    const rules: Array<RecordingRule | AlertRule> = [];
    if (slo) {
      // The job label is in the result already; stating it keeps each group's records distinct for promtool.
      for (const w of WINDOWS) rules.push({ record: record.availability(w), expr: availabilityErrorRatio(slo, w), labels: { job: s.name } });
      for (const w of WINDOWS) rules.push({ record: record.latency(w), expr: latencyErrorRatio(slo, w), labels: { job: s.name } });
      rules.push({ record: record.availabilityObjective, expr: `vector(${slo.availability})`, labels: { job: s.name } });
      rules.push({ record: record.latencyObjective, expr: `vector(${slo.latencyTarget})`, labels: { job: s.name } });
    }
    rules.push({
      alert: 'MercatoServiceDown',
      expr: `sum by (namespace, job) (up{job="${s.name}"}) == 0 or absent(up{job="${s.name}"})`,
      for: '5m',
      labels: { severity: 'critical', service: s.name },
      annotations: {
        summary: `No ${s.name} instance has been scrapeable for 5 minutes.`,
        description: `Every ${s.name} target is down or missing.`,
        runbook_url: runbookUrl('MercatoServiceDown'),
      },
    });
    groups.push({ name: `${SERVICE_GROUP_PREFIX}${s.name}`, rules });
  }
  groups.push({
    name: 'mercato.slo.burn',
    rules: [burnAlert('availability', 'Fast'), burnAlert('availability', 'Slow'), burnAlert('latency', 'Fast'), burnAlert('latency', 'Slow')],
  });
  groups.push({
    name: 'mercato.patterns',
    rules: [
      {
        alert: 'MercatoProjectionLagging',
        expr: 'max by (namespace, job, projection) (mercato_projection_lag_seconds) > 60',
        for: '5m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'The {{ $labels.projection }} projection of {{ $labels.job }} applies events more than a minute after they were written.',
          description: 'Events reach the {{ $labels.projection }} read model {{ $value | humanizeDuration }} late: order views and sales figures are stale.',
          runbook_url: runbookUrl('MercatoProjectionLagging'),
        },
      },
      {
        alert: 'MercatoProjectionStopped',
        expr: 'max by (namespace, job, projection) (mercato_projection_running) == 0',
        for: '5m',
        labels: { severity: 'critical' },
        annotations: {
          summary: 'The {{ $labels.projection }} projection of {{ $labels.job }} is not running on any instance.',
          description: 'No instance of {{ $labels.job }} has run the {{ $labels.projection }} projection for 5 minutes: the read model no longer follows the event log.',
          runbook_url: runbookUrl('MercatoProjectionStopped'),
        },
      },
      {
        alert: 'MercatoBreakerStuckOpen',
        // Never closed at any scrape of the last 5 minutes, for 5 minutes more: open or probing
        // half-open for 10 minutes. A breaker that opens and recovers within minutes stays quiet.
        expr: 'max by (namespace, job, target) (min_over_time(mercato_breaker_state[5m])) > 0',
        for: '5m',
        labels: { severity: 'warning' },
        annotations: {
          summary: '{{ $labels.job }} has not been able to close its circuit breaker to {{ $labels.target }} for 10 minutes.',
          description: 'Calls from {{ $labels.job }} to {{ $labels.target }} are being rejected or fall back: the target keeps failing with server-sick codes.',
          runbook_url: runbookUrl('MercatoBreakerStuckOpen'),
        },
      },
      {
        alert: 'MercatoSentinelPredictsBreach',
        expr: 'max by (namespace, service, signal) (mercato_sentinel_predicted_breach) > 0',
        for: '2m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'Sentinel forecasts that {{ $labels.service }} breaches its {{ $labels.signal }} threshold soon.',
          description: 'The forecast of {{ $labels.signal }} for {{ $labels.service }} crosses its threshold within the horizon (see mercato_sentinel_breach_eta_seconds); act before it does.',
          runbook_url: runbookUrl('MercatoSentinelPredictsBreach'),
        },
      },
    ],
  });
  return groups;
}

export const isAlert = (r: RecordingRule | AlertRule): r is AlertRule => 'alert' in r;

/** Every alert name the rules define. */
export function alertNames(groups: RuleGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.rules.filter(isAlert).map((r) => r.alert)))].sort();
}
