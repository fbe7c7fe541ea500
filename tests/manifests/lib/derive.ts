// The chart's derived `services:` values, computed from the topology (services/*/service.yaml).
// scripts/gen-chart-values.mjs writes them into charts/mercato/values.yaml between the markers;
// tests/manifests/drift.spec.ts fails when the committed block differs from what this computes.
import type { ServiceSpec, Topology } from '../../../packages/topology/src/index';
import { stringify } from 'yaml';

export const BEGIN_MARKER = '# >>> generated from services/*/service.yaml by `npm run gen:chart` — do not edit by hand';
export const END_MARKER = '# <<< generated';

export interface DerivedMethod {
  name: string;
  path: string;
  /** The kit and the meshes retry only these (NO_SIDE_EFFECTS or IDEMPOTENT, not streaming). */
  retryable: boolean;
  serverStreaming: boolean;
  /** 0 means no deadline (long-lived streams). */
  deadlineMs: number;
}

export interface DerivedCall {
  service: string;
  protocol: 'grpc' | 'http';
  grpcService?: string;
  deadlineMs: number;
  methods: DerivedMethod[];
}

export interface DerivedService {
  enabled: boolean;
  tier: string;
  ports: { grpc?: number; http?: number; metrics: number };
  serves: string[];
  stateful: boolean;
  scrapesAll: boolean;
  calls: DerivedCall[];
  resources: ServiceSpec['resources'];
  scaling: { minReplicas: number; maxReplicas: number; targetCPUUtilizationPercentage: number };
  env: Record<string, string>;
}

export function deriveServices(topology: Topology): Record<string, DerivedService> {
  const out: Record<string, DerivedService> = {};
  for (const s of topology.services) {
    out[s.name] = {
      enabled: true,
      tier: s.tier,
      ports: { ...(s.ports.grpc !== undefined ? { grpc: s.ports.grpc } : {}), ...(s.ports.http !== undefined ? { http: s.ports.http } : {}), metrics: s.ports.metrics },
      serves: [...s.serves],
      stateful: s.stateful,
      scrapesAll: s.scrapes === 'all',
      calls: s.calls.map((c) => ({
        service: c.service,
        protocol: c.protocol,
        ...(c.grpcService !== undefined ? { grpcService: c.grpcService } : {}),
        deadlineMs: c.deadlineMs,
        methods: c.methods.map((m) => ({
          name: m.name,
          path: m.fullPath,
          retryable: m.idempotency !== 'UNKNOWN' && !m.serverStreaming && !m.clientStreaming,
          serverStreaming: m.serverStreaming,
          deadlineMs: m.deadlineMs,
        })),
      })),
      resources: { requests: { ...s.resources.requests }, limits: { ...s.resources.limits } },
      scaling: {
        minReplicas: s.scaling.minReplicas,
        maxReplicas: s.scaling.maxReplicas,
        targetCPUUtilizationPercentage: s.scaling.targetCPUUtilizationPercentage ?? 70,
      },
      env: {},
    };
  }
  return out;
}

/** The YAML block (markers included) that belongs in values.yaml. */
export function renderServicesBlock(topology: Topology): string {
  const body = stringify({ services: deriveServices(topology) }, { lineWidth: 0, flowCollectionPadding: false });
  return `${BEGIN_MARKER}\n${body}${END_MARKER}\n`;
}

/** values.yaml text with its generated block replaced. */
export function spliceValues(valuesText: string, block: string): string {
  const start = valuesText.indexOf(BEGIN_MARKER);
  const end = valuesText.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error('values.yaml: the generated-block markers are missing');
  const after = valuesText.indexOf('\n', end);
  return valuesText.slice(0, start) + block + (after < 0 ? '' : valuesText.slice(after + 1));
}

/** The generated block as committed in values.yaml (markers included). */
export function committedBlock(valuesText: string): string {
  const start = valuesText.indexOf(BEGIN_MARKER);
  const end = valuesText.indexOf(END_MARKER);
  if (start < 0 || end < start) return '';
  return valuesText.slice(start, end + END_MARKER.length) + '\n';
}
