// The Helm chart, rendered offline for every mesh and PostgreSQL mode: lint, schema-valid objects
// (kubernetes-models for core kinds, the CRDs' schemas for the rest), and policy checks against
// the topology — hardening, probes, resources, PDB/HPA, named gRPC ports, and the mesh and
// network authorization equal to the call graph, nothing more, nothing missing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { status } from '@grpc/grpc-js';
import { parseFaults } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import {
  chartDir, crdDir, CrdValidator, describeWith, findTool, helmTemplate, isCoreKind, requireAll, run, validateCore,
  type K8sObject,
} from './lib/tools';

const topology = loadTopology();
const helm = findTool('helm');
const promtool = findTool('promtool');
const crdsPresent = fs.existsSync(crdDir);

const VARIANTS: Record<string, Record<string, string>> = {
  'mesh=none': { mesh: 'none' },
  'mesh=none, observability': { mesh: 'none', 'observability.enabled': 'true' },
  'mesh=istio': { mesh: 'istio', 'observability.enabled': 'true' },
  'mesh=linkerd': { mesh: 'linkerd', 'observability.enabled': 'true' },
  'postgres=external': { mesh: 'none', 'postgres.mode': 'external', 'postgres.external.existingSecret': 'pg-urls' },
  'postgres=external (urls)': Object.fromEntries([
    ['postgres.mode', 'external'],
    ...topology.services.filter((s) => s.stateful).map((s) => [`postgres.external.urls.${s.name}`, `postgresql://u:p@db:5432/${s.name.replace(/-/g, '_')}`]),
  ]),
  'postgres=cloudnativepg, istio': { mesh: 'istio', 'postgres.mode': 'cloudnativepg' },
  'postgres=cloudnativepg, linkerd': { mesh: 'linkerd', 'postgres.mode': 'cloudnativepg', 'auth.jwtSecret': 'mercato-jwt' },
};

/** (caller → /pkg.Service/Method) for every gRPC call in the topology. */
const expectedGrpcPairs = new Set(topology.services.flatMap((s) => s.calls.filter((c) => c.protocol === 'grpc').flatMap((c) => c.methods.map((m) => `${s.name} -> ${m.fullPath}`))));
/** (caller → target) for every call, gRPC or HTTP. */
const expectedEdges = new Set(topology.services.flatMap((s) => s.calls.map((c) => `${s.name} -> ${c.service}`)));
const retryablePaths = new Set(topology.services.flatMap((s) => s.calls.flatMap((c) => c.methods.filter((m) => m.idempotency !== 'UNKNOWN' && !m.serverStreaming && !m.clientStreaming).map((m) => m.fullPath))));

const byKind = (objs: K8sObject[], kind: string) => objs.filter((o) => o.kind === kind);
const nameLabel = (sel: Record<string, string> | undefined) => sel?.['app.kubernetes.io/name'];
const sorted = (s: Iterable<string>) => [...s].sort();

describeWith('helm', helm !== undefined, () => {
  const rendered = new Map<string, K8sObject[]>();
  beforeAll(() => {
    for (const [name, sets] of Object.entries(VARIANTS)) rendered.set(name, helmTemplate(helm!, sets));
  });

  test.each(Object.entries(VARIANTS))('helm lint --strict (%s)', (_name, sets) => {
    const args = ['lint', '--strict', chartDir];
    for (const [k, v] of Object.entries(sets)) args.push('--set', `${k}=${v}`);
    expect(run(helm!, args)).toMatch(/0 chart\(s\) failed/);
  });

  test('values.schema.json rejects unknown and invalid values', () => {
    for (const bad of ['mesh=consul', 'postgres.mode=mysql', 'typo=1', 'services.catalog.scaling.minReplicas=0', 'faults.services.payments.rules[0].errorRate=2', 'faults.services.payments.rules[0].method=Authorize']) {
      expect(() => run(helm!, ['template', 'x', chartDir, '--set', bad])).toThrow(/schema|must be|additional/i);
    }
  });

  test('postgres=external without a Secret or URLs fails with a clear message', () => {
    expect(() => run(helm!, ['template', 'x', chartDir, '--set', 'postgres.mode=external'])).toThrow(/postgres.external.existingSecret/);
  });

  test.each(Object.keys(VARIANTS))('every core object validates with kubernetes-models (%s)', (variant) => {
    const core = rendered.get(variant)!.filter(isCoreKind);
    expect(core.length).toBeGreaterThan(0);
    expect(validateCore(core)).toEqual([]);
  });

  let crds: CrdValidator | undefined;
  const crdTest = crdsPresent ? test.each(Object.keys(VARIANTS)) : requireAll ? test.each(Object.keys(VARIANTS)) : test.skip.each(Object.keys(VARIANTS));
  crdTest('every custom resource validates against its CRD schema (%s)', (variant) => {
    if (!crdsPresent) throw new Error(`CRD schemas missing at ${crdDir} (MERCATO_REQUIRE_ALL=1)`);
    // One validator for every variant: each CRD schema is compiled once.
    crds ??= new CrdValidator(crdDir);
    for (const obj of rendered.get(variant)!.filter((o) => !isCoreKind(o))) {
      expect(crds.has(obj)).toBe(true);
      crds.validate(obj);
    }
  });

  test('the validators do reject broken objects (so a pass means something)', () => {
    const d = structuredClone(rendered.get('mesh=none')!.find((o) => o.kind === 'Deployment')!);
    d.spec.replicas = 'three';
    expect(validateCore([d])).toHaveLength(1);
    if (crdsPresent) {
      const pa = structuredClone(rendered.get('mesh=istio')!.find((o) => o.kind === 'PeerAuthentication')!);
      pa.spec.mtls.mode = 'SOMETIMES';
      expect(() => new CrdValidator(crdDir).validate(pa)).toThrow();
    }
  });

  test.each(Object.keys(VARIANTS))('every service of the topology is deployed, once (%s)', (variant) => {
    const deployments = byKind(rendered.get(variant)!, 'Deployment');
    expect(sorted(deployments.map((d) => d.metadata.name))).toEqual(sorted(topology.services.map((s) => s.name)));
  });

  test.each(Object.keys(VARIANTS))('workloads are hardened, probed, resourced, drained, with PDB and HPA (%s)', (variant) => {
    const objs = rendered.get(variant)!;
    const mode = VARIANTS[variant]!['postgres.mode'] ?? 'embedded';
    const deployments = byKind(objs, 'Deployment');
    for (const d of deployments) {
      const spec = topology.get(d.metadata.name);
      const pod = d.spec.template.spec;
      const where = `${variant}: ${d.metadata.name}`;
      expect({ where, ...pod.securityContext }).toMatchObject({ where, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.serviceAccountName).toBe(d.metadata.name);
      expect(pod.topologySpreadConstraints?.length).toBeGreaterThan(0);
      const drain = { preStop: 5, drainMs: 2000, graceMs: 10000 };
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(drain.preStop + (drain.drainMs + drain.graceMs) / 1000);
      expect(pod.volumes.some((v: any) => v.name === 'tmp' && v.emptyDir)).toBe(true);
      for (const c of pod.containers) {
        expect({ where, ...c.securityContext }).toMatchObject({ where, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
        expect(c.volumeMounts.some((m: any) => m.mountPath === '/tmp')).toBe(true);
        for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
          if (spec.ports.grpc !== undefined) expect({ where, probe, grpc: c[probe]?.grpc }).toEqual({ where, probe, grpc: { port: spec.ports.grpc } });
          else expect({ where, probe, path: c[probe]?.httpGet?.path }).toEqual({ where, probe, path: '/healthz' });
        }
        expect(c.resources.requests.cpu).toBeDefined();
        expect(c.resources.requests.memory).toBeDefined();
        expect(c.resources.limits.memory).toBeDefined();
        expect(c.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
        const env = new Map<string, any>(c.env.map((e: any) => [e.name, e]));
        for (const call of spec.calls) expect(env.has(`${call.service.toUpperCase().replace(/-/g, '_')}_ADDR`)).toBe(true);
        if (d.metadata.name === 'sentinel') {
          // Sentinel is told every other service's metrics address (its default is 127.0.0.1).
          const targets = String(env.get('SENTINEL_TARGETS')?.value ?? '').split(',').map((t) => t.split('=')[0]!);
          expect({ where, targets: sorted(targets) }).toEqual({ where, targets: sorted(deployments.map((x) => x.metadata.name).filter((n) => n !== 'sentinel')) });
        }
        if (spec.stateful) {
          if (mode === 'embedded') expect(env.get('DATA_DIR')?.value).toBe('/data');
          else expect(env.get('DATABASE_URL')?.valueFrom?.secretKeyRef?.name).toBeTruthy();
        }
      }
      const pinned = spec.stateful && mode === 'embedded';
      const pdbs = byKind(objs, 'PodDisruptionBudget').filter((p) => nameLabel(p.spec.selector.matchLabels) === d.metadata.name);
      expect({ where, pdbs: pdbs.length }).toEqual({ where, pdbs: 1 });
      const hpas = byKind(objs, 'HorizontalPodAutoscaler').filter((h) => h.spec.scaleTargetRef.name === d.metadata.name);
      if (pinned) {
        // PGlite lives in the pod: one replica, replaced (not rolled), never autoscaled.
        expect({ where, replicas: d.spec.replicas, strategy: d.spec.strategy.type, hpas: hpas.length }).toEqual({ where, replicas: 1, strategy: 'Recreate', hpas: 0 });
      } else {
        expect({ where, hpas: hpas.length }).toEqual({ where, hpas: 1 });
        expect(hpas[0]!.spec.minReplicas).toBe(spec.scaling.minReplicas);
        expect(hpas[0]!.spec.maxReplicas).toBe(spec.scaling.maxReplicas);
      }
    }
  });

  test.each(Object.keys(VARIANTS))('every gRPC port is named grpc-* with appProtocol grpc (%s)', (variant) => {
    const services = byKind(rendered.get(variant)!, 'Service');
    expect(services).toHaveLength(topology.services.length);
    const mesh = VARIANTS[variant]!['mesh'] ?? 'none';
    for (const s of services) {
      const spec = topology.get(s.metadata.name);
      const grpc = s.spec.ports.filter((p: any) => p.port === spec.ports.grpc);
      expect(grpc).toHaveLength(spec.ports.grpc === undefined ? 0 : 1);
      for (const p of grpc) {
        expect(p.name).toMatch(/^grpc-/);
        expect(p.appProtocol).toBe('grpc');
      }
      // Headless without a mesh (the kit balances); ClusterIP with one (Linkerd doesn't balance headless).
      expect(s.spec.clusterIP === 'None').toBe(mesh === 'none');
    }
  });

  test.each(Object.keys(VARIANTS))('the kit retries only where no mesh does; no mesh: round_robin over DNS (%s)', (variant) => {
    const mesh = VARIANTS[variant]!['mesh'] ?? 'none';
    for (const d of byKind(rendered.get(variant)!, 'Deployment')) {
      const env = new Map<string, string>(d.spec.template.spec.containers[0].env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]));
      expect(env.get('CLIENT_RETRIES')).toBe(mesh === 'none' ? 'true' : 'false');
      if (mesh === 'none') {
        expect(env.get('GRPC_LB_POLICY')).toBe('round_robin');
        expect(Number(env.get('GRPC_MAX_CONNECTION_AGE_MS'))).toBeGreaterThan(0);
      }
      for (const call of topology.get(d.metadata.name).calls) {
        const addr = env.get(`${call.service.toUpperCase().replace(/-/g, '_')}_ADDR`)!;
        expect(addr.startsWith('dns:///')).toBe(mesh === 'none' && call.protocol === 'grpc');
        expect(addr).toContain(`${call.service}.mercato.svc.cluster.local:`);
      }
    }
  });

  test.each(Object.keys(VARIANTS))('NetworkPolicies allow exactly the call graph, plus DNS and the metrics scrape (%s)', (variant) => {
    const objs = rendered.get(variant)!;
    const policies = byKind(objs, 'NetworkPolicy');
    const deny = policies.find((p) => p.metadata.name === 'default-deny')!;
    expect(deny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(deny.spec.ingress).toBeUndefined();
    expect(deny.spec.egress).toBeUndefined();
    const ingress = new Set<string>();
    const egress = new Set<string>();
    const scrapers = new Set(topology.services.filter((s) => s.scrapes === 'all').map((s) => s.name));
    for (const p of policies.filter((p) => topology.services.some((s) => s.name === nameLabel(p.spec.podSelector.matchLabels)))) {
      const self = nameLabel(p.spec.podSelector.matchLabels)!;
      const spec = topology.get(self);
      for (const rule of p.spec.ingress ?? []) {
        for (const peer of rule.from ?? []) {
          const from = nameLabel(peer.podSelector?.matchLabels);
          if (from === undefined) continue;
          if (scrapers.has(from) && rule.ports.every((pt: any) => pt.port === spec.ports.metrics)) continue;
          ingress.add(`${from} -> ${self}`);
        }
        if (!rule.from) expect(rule.ports.map((pt: any) => pt.port)).toEqual([spec.ports.http]); // only the edge is open to anyone
      }
      expect(p.spec.egress.some((r: any) => r.ports?.some((pt: any) => pt.port === 53))).toBe(true);
      expect(p.spec.ingress.some((r: any) => r.ports?.some((pt: any) => pt.port === spec.ports.metrics) && r.from?.[0]?.namespaceSelector)).toBe(true);
      for (const rule of p.spec.egress ?? []) {
        for (const peer of rule.to ?? []) {
          const to = nameLabel(peer.podSelector?.matchLabels);
          if (to === undefined) continue;
          if (scrapers.has(self) && rule.ports.every((pt: any) => pt.port === topology.get(to).ports.metrics)) continue;
          egress.add(`${self} -> ${to}`);
        }
      }
    }
    expect(sorted(ingress)).toEqual(sorted(expectedEdges));
    expect(sorted(egress)).toEqual(sorted(expectedEdges));
  });

  describe('mesh=istio', () => {
    const objs = () => rendered.get('mesh=istio')!;

    test('strict mTLS for every service; no policy left out', () => {
      const pa = byKind(objs(), 'PeerAuthentication');
      expect(sorted(pa.map((p) => nameLabel(p.spec.selector.matchLabels)!))).toEqual(sorted(topology.services.map((s) => s.name)));
      for (const p of pa) expect(p.spec.mtls.mode).toBe('STRICT');
      for (const d of byKind(objs(), 'Deployment')) expect(d.spec.template.metadata.labels['sidecar.istio.io/inject']).toBe('true');
    });

    test('AuthorizationPolicies allow exactly the (caller → method) pairs of the topology', () => {
      const allowed = new Set<string>();
      for (const ap of byKind(objs(), 'AuthorizationPolicy')) {
        expect(ap.spec.action).toBe('ALLOW');
        const target = nameLabel(ap.spec.selector.matchLabels)!;
        const spec = topology.get(target);
        for (const rule of ap.spec.rules) {
          const principals: string[] = (rule.from ?? []).flatMap((f: any) => f.source.principals ?? []);
          const ops = (rule.to ?? []).map((t: any) => t.operation);
          if (principals.length === 0) {
            // Unauthenticated rules: only the edge's HTTP port and GET /metrics.
            for (const op of ops) {
              const ok = (spec.ports.http !== undefined && op.ports.join() === String(spec.ports.http)) || (op.ports.join() === String(spec.ports.metrics) && op.paths.join() === '/metrics');
              expect({ target, op, ok }).toEqual({ target, op, ok: true });
            }
            continue;
          }
          for (const principal of principals) {
            const m = /^cluster\.local\/ns\/mercato\/sa\/([a-z0-9-]+)$/.exec(principal);
            expect(m).not.toBeNull();
            for (const op of ops) {
              if (!op.paths) {
                expect(op.ports).toEqual([String(spec.ports.http)]); // an HTTP caller (loadgen → gateway)
                continue;
              }
              expect(op.methods).toEqual(['POST']);
              for (const p of op.paths) allowed.add(`${m![1]} -> ${p}`);
            }
          }
          const http = topology.services.find((s) => s.name === m1(principals[0]!))!.calls.find((c) => c.service === target);
          expect(http).toBeDefined();
        }
      }
      expect(sorted(allowed)).toEqual(sorted(expectedGrpcPairs));
    });

    test('VirtualServices retry only idempotent methods; every called method has its route and timeout', () => {
      const routed = new Set<string>();
      for (const vs of byKind(objs(), 'VirtualService')) {
        for (const route of vs.spec.http) {
          const exact: string | undefined = route.match?.[0]?.uri?.exact;
          if (exact === undefined) {
            expect(route.retries.attempts).toBe(0);
            continue;
          }
          routed.add(exact);
          expect(route.timeout).toMatch(/^\d+(ms|s)$/);
          if (route.retries.attempts > 0) {
            expect(retryablePaths.has(exact)).toBe(true);
            expect(route.retries.perTryTimeout).toMatch(/^\d+ms$/);
          } else {
            expect(route.retries.attempts).toBe(0);
          }
        }
      }
      expect(sorted(routed)).toEqual(sorted(new Set([...expectedGrpcPairs].map((p) => p.split(' -> ')[1]!))));
    });

    test('DestinationRules: bulkhead, outlier detection on gateway errors, no locality failover', () => {
      const drs = byKind(objs(), 'DestinationRule');
      expect(drs).toHaveLength(topology.services.filter((s) => s.ports.grpc !== undefined).length);
      for (const dr of drs) {
        expect(dr.spec.trafficPolicy.connectionPool.http.http2MaxRequests).toBeGreaterThan(0);
        expect(dr.spec.trafficPolicy.outlierDetection.consecutiveGatewayErrors).toBeGreaterThan(0);
        expect(dr.spec.trafficPolicy.loadBalancer.localityLbSetting.enabled).toBe(false);
      }
    });

    test('Sidecars scope egress to the services each one calls', () => {
      for (const sc of byKind(objs(), 'Sidecar')) {
        const self = nameLabel(sc.spec.workloadSelector.labels)!;
        const spec = topology.get(self);
        const hosts: string[] = sc.spec.egress[0].hosts.filter((h: string) => h.startsWith('./'));
        const expected = spec.scrapes === 'all' ? topology.services.filter((s) => s.name !== self).map((s) => s.name) : spec.calls.map((c) => c.service);
        expect(sorted(hosts.map((h) => h.slice(2).split('.')[0]!))).toEqual(sorted(expected));
      }
    });
  });

  describe('mesh=linkerd', () => {
    const objs = () => rendered.get('mesh=linkerd')!;

    test('injection on every pod; no ServiceProfiles; failure accrual on every Service', () => {
      for (const d of byKind(objs(), 'Deployment')) expect(d.spec.template.metadata.annotations['linkerd.io/inject']).toBe('enabled');
      expect(byKind(objs(), 'ServiceProfile')).toHaveLength(0);
      for (const s of byKind(objs(), 'Service')) expect(s.metadata.annotations?.['balancer.linkerd.io/failure-accrual']).toBe('consecutive');
    });

    test('AuthorizationPolicies allow exactly the (caller → method) pairs of the topology', () => {
      const routes = new Map(byKind(objs(), 'GRPCRoute').map((r) => [r.metadata.name, r]));
      const authns = new Map(byKind(objs(), 'MeshTLSAuthentication').map((a) => [a.metadata.name, a]));
      const allowed = new Set<string>();
      for (const ap of byKind(objs(), 'AuthorizationPolicy')) {
        const ref = ap.spec.requiredAuthenticationRefs[0];
        if (ref.kind === 'NetworkAuthentication') {
          // Unauthenticated: only health checks, metrics and the edge's HTTP port.
          expect(ap.metadata.name).toMatch(/-(health|metrics|http)$/);
          continue;
        }
        expect(ap.spec.targetRef.kind).toBe('GRPCRoute');
        const route = routes.get(ap.spec.targetRef.name)!;
        expect(route.spec.parentRefs[0].kind).toBe('Server');
        const callers = authns.get(ref.name)!.spec.identityRefs.map((i: any) => i.name as string);
        for (const rule of route.spec.rules) {
          for (const match of rule.matches) {
            for (const caller of callers) allowed.add(`${caller} -> /${match.method.service}/${match.method.method}`);
          }
        }
      }
      expect(sorted(allowed)).toEqual(sorted(expectedGrpcPairs));
    });

    test('outbound routes: retries only for idempotent methods, timeouts where there is a deadline', () => {
      const out = byKind(objs(), 'GRPCRoute').filter((r) => r.spec.parentRefs[0].kind === 'Service');
      expect(out.length).toBeGreaterThan(0);
      for (const r of out) {
        const m = r.spec.rules[0].matches[0].method;
        const p = `/${m.service}/${m.method}`;
        const retries = r.metadata.annotations?.['retry.linkerd.io/grpc'] !== undefined;
        if (retries) expect(retryablePaths.has(p)).toBe(true);
      }
    });
  });

  const promTest = promtool ? test : requireAll ? test : test.skip;
  promTest('promtool check rules accepts the PrometheusRule', () => {
    if (!promtool) throw new Error('promtool missing (MERCATO_REQUIRE_ALL=1): run scripts/install-tools.sh');
    const rule = byKind(rendered.get('mesh=none, observability')!, 'PrometheusRule')[0]!;
    const alerts = rule.spec.groups.flatMap((g: any) => g.rules.filter((r: any) => r.alert !== undefined));
    expect(alerts.filter((r: any) => r.alert === 'MercatoServiceDown')).toHaveLength(topology.services.length);
    // Every alert links its runbook paragraph.
    for (const a of alerts) expect(a.annotations.runbook_url).toMatch(/^docs\/runbooks\.md#[a-z]+$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-rules-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(file, JSON.stringify({ groups: rule.spec.groups }));
    try {
      expect(run(promtool!, ['check', 'rules', file])).toMatch(/SUCCESS/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the Grafana dashboard ConfigMaps hold the generated dashboards (charts/mercato/dashboards), one each', () => {
    const cms = byKind(rendered.get('mesh=none, observability')!, 'ConfigMap').filter((c) => c.metadata.labels?.['grafana_dashboard'] === '1');
    const files = fs.readdirSync(path.join(chartDir, 'dashboards')).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(sorted(cms.flatMap((c) => Object.keys(c.data)))).toEqual(files);
    for (const cm of cms) {
      for (const [file, text] of Object.entries<string>(cm.data)) {
        expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(path.join(chartDir, 'dashboards', file), 'utf8')));
      }
    }
  });

  test('fault flags: one ConfigMap key per enabled service, mounted whole as its FAULTS_FILE, each a document the kit accepts', () => {
    const rule = 'faults.services.payments.rules[0]';
    const objs = helmTemplate(helm!, { 'services.risk.enabled': 'false', [`${rule}.method`]: 'mercato.payments.v1.PaymentsService/Authorize', [`${rule}.delayMs`]: '300', [`${rule}.errorRate`]: '1', [`${rule}.errorCode`]: 'UNAVAILABLE' });
    const cm = byKind(objs, 'ConfigMap').find((c) => c.metadata.name === 'faults')!;
    const deployments = byKind(objs, 'Deployment');
    expect(sorted(Object.keys(cm.data))).toEqual(sorted(deployments.map((d) => `${d.metadata.name}.json`)));
    expect(Object.keys(cm.data)).not.toContain('risk.json');
    for (const [key, text] of Object.entries<string>(cm.data)) {
      const rules = parseFaults(text, key);
      if (key === 'payments.json') expect(rules).toEqual([{ method: 'mercato.payments.v1.PaymentsService/Authorize', delayMs: 300, delayJitterMs: 0, errorRate: 1, errorCode: status.UNAVAILABLE }]);
      else expect(rules).toEqual([]);
    }
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const container = pod.containers[0];
      expect(container.env).toContainEqual({ name: 'FAULTS_FILE', value: `/etc/mercato/faults/${d.metadata.name}.json` });
      // A subPath mount would never see the ConfigMap's updates: the whole volume is mounted.
      expect(container.volumeMounts).toContainEqual({ name: 'faults', mountPath: '/etc/mercato/faults', readOnly: true });
      expect(pod.volumes).toContainEqual({ name: 'faults', configMap: { name: 'faults' } });
    }
    const off = helmTemplate(helm!, { 'faults.enabled': 'false' });
    expect(byKind(off, 'ConfigMap').map((c) => c.metadata.name)).not.toContain('faults');
    for (const d of byKind(off, 'Deployment')) expect(d.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name)).not.toContain('FAULTS_FILE');
  });

  test('the PrometheusRule leaves out the rules of disabled services', () => {
    const objs = helmTemplate(helm!, { 'observability.enabled': 'true', 'services.risk.enabled': 'false' });
    const names = byKind(objs, 'PrometheusRule')[0]!.spec.groups.map((g: any) => g.name as string);
    expect(names).toContain('mercato.service.catalog');
    expect(names).not.toContain('mercato.service.risk');
    expect(names).toContain('mercato.slo.burn');
  });
}, 'charts/mercato');

function m1(principal: string): string {
  return principal.split('/sa/')[1]!;
}
