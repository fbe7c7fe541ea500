// k8s/: every overlay builds with `kubectl kustomize`, its objects validate, and it builds to
// exactly what `helm template` renders with the same option (so kubectl apply -k and helm install
// deploy the same thing).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crdDir, CrdValidator, describeWith, findTool, helmTemplate, isCoreKind, parseObjects, repoRoot, run, validateCore, type K8sObject } from './lib/tools';

const kubectl = findTool('kubectl');
const helm = findTool('helm');
const OVERLAYS: Record<string, Record<string, string>> = {
  'k8s/base': {},
  'k8s/overlays/istio': { mesh: 'istio' },
  'k8s/overlays/linkerd': { mesh: 'linkerd' },
  'k8s/overlays/observability': { 'observability.enabled': 'true' },
  'k8s/overlays/istio-observability': { mesh: 'istio', 'observability.enabled': 'true' },
  'k8s/overlays/linkerd-observability': { mesh: 'linkerd', 'observability.enabled': 'true' },
};

function normalize(o: K8sObject): unknown {
  const c = structuredClone(o);
  for (const container of c.spec?.template?.spec?.containers ?? []) container.env?.sort((a: any, b: any) => a.name.localeCompare(b.name));
  return c;
}

describeWith('kubectl', kubectl !== undefined, () => {
  // Each overlay is built once, and each CRD schema compiled once, for all the tests below.
  const builds = new Map<string, K8sObject[]>();
  const build = (dir: string): K8sObject[] => {
    let objs = builds.get(dir);
    if (!objs) {
      objs = parseObjects(run(kubectl!, ['kustomize', path.join(repoRoot, dir)]));
      builds.set(dir, objs);
    }
    return objs;
  };
  let crds: CrdValidator | undefined;

  test('every overlay is listed here', () => {
    const dirs = fs.readdirSync(path.join(repoRoot, 'k8s', 'overlays')).map((d) => `k8s/overlays/${d}`);
    expect(dirs.sort()).toEqual(Object.keys(OVERLAYS).filter((k) => k !== 'k8s/base').sort());
  });

  test.each(Object.keys(OVERLAYS))('kubectl kustomize %s builds and every object validates', (dir) => {
    const objs = build(dir);
    expect(objs.length).toBeGreaterThan(14);
    expect(validateCore(objs.filter(isCoreKind))).toEqual([]);
    if (fs.existsSync(crdDir)) {
      crds ??= new CrdValidator(crdDir);
      for (const o of objs.filter((x) => !isCoreKind(x))) crds.validate(o);
    } else if (process.env['MERCATO_REQUIRE_ALL'] === '1') {
      throw new Error(`CRD schemas missing at ${crdDir}`);
    }
  });

  const withHelm = helm ? test.each(Object.keys(OVERLAYS)) : test.skip.each(Object.keys(OVERLAYS));
  withHelm('kubectl kustomize %s equals helm template with the same option', (dir) => {
    const built = build(dir).filter((o) => o.kind !== 'Namespace');
    const rendered = helmTemplate(helm!, { 'observability.enabled': 'false', ...OVERLAYS[dir] });
    const index = (objs: K8sObject[]) => new Map(objs.map((o) => [`${o.kind}/${o.metadata.name}`, normalize(o)]));
    const a = index(built);
    const b = index(rendered);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of b) expect({ k, v: a.get(k) }).toEqual({ k, v });
  });
}, 'k8s/ (kustomize)');
