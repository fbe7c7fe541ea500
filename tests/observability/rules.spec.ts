// `promtool test rules` over tests/observability/rules/*.test.yaml against the generated rules file
// (charts/mercato/rules/mercato.rules.yaml): every alert fires on its incident and stays silent on
// normal noise. Also checks that each alert has both kinds of case, and that the tests do catch a
// broken rule (each alert made never-firing, then always-firing, fails them).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadTopology } from '@mercato/topology';
import { alertNames, isAlert, ruleGroups, RULES_FILE } from '@mercato/observability';
import { findTool, repoRoot, requireAll } from '../manifests/lib/tools';

const promtool = findTool('promtool');
const dir = path.join(__dirname, 'rules');
const testFiles = readdirSync(dir).filter((f) => f.endsWith('.test.yaml')).sort();
const alerts = alertNames(ruleGroups(loadTopology()));

interface RuleTests {
  rule_files: string[];
  tests: Array<{ name: string; alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
}

/** `promtool test rules` on `files` in `cwd`: what it says, and whether every test passed. */
function promtoolTest(files: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(promtool!, ['test', 'rules', ...files], { cwd });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The slow-burn file takes most of promtool's time; its alerts have firing and silent cases in the others too. */
const QUICK = testFiles.filter((f) => f !== 'slo-slow-burn.test.yaml');

/** Copies the quick tests and a rules file changed by `mutate` into a temporary folder and runs promtool there. */
async function runMutated(mutate: (groups: any[]) => void): Promise<{ ok: boolean; output: string }> {
  const work = mkdtempSync(path.join(tmpdir(), 'mercato-rules-'));
  try {
    const doc = parse(readFileSync(path.join(repoRoot, RULES_FILE), 'utf8')) as { groups: any[] };
    mutate(doc.groups);
    writeFileSync(path.join(work, 'rules.yaml'), stringify(doc, { lineWidth: 0 }));
    for (const f of QUICK) {
      const t = parse(readFileSync(path.join(dir, f), 'utf8')) as RuleTests;
      t.rule_files = ['rules.yaml'];
      writeFileSync(path.join(work, f), stringify(t, { lineWidth: 0 }));
    }
    return await promtoolTest(QUICK, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const withPromtool = promtool ? test : requireAll ? test : test.skip;
const need = (): void => {
  if (!promtool) throw new Error('promtool is missing (MERCATO_REQUIRE_ALL=1): run scripts/install-tools.sh (Debian package prometheus)');
};

describe('alert rules (promtool test rules)', () => {
  test('the rule tests load the generated rules file', () => {
    expect(testFiles.length).toBeGreaterThan(0);
    for (const f of testFiles) {
      const t = parse(readFileSync(path.join(dir, f), 'utf8')) as RuleTests;
      expect(t.rule_files.map((r) => path.relative(repoRoot, path.resolve(dir, r)))).toEqual([RULES_FILE]);
    }
  });

  test('every alert has a case where it fires and a case where it stays silent', () => {
    const firing = new Set<string>();
    const silent = new Set<string>();
    for (const f of testFiles) {
      const t = parse(readFileSync(path.join(dir, f), 'utf8')) as RuleTests;
      for (const c of t.tests.flatMap((x) => x.alert_rule_test ?? [])) (c.exp_alerts?.length ? firing : silent).add(c.alertname);
    }
    expect(alerts.length).toBeGreaterThanOrEqual(9);
    for (const a of alerts) expect({ alert: a, fires: firing.has(a), silent: silent.has(a) }).toEqual({ alert: a, fires: true, silent: true });
  });

  withPromtool('promtool test rules passes', async () => {
    need();
    // One promtool per file, side by side: promtool works on one core, and Jest's one worker leaves the other idle.
    const runs = await Promise.all(testFiles.map((f) => promtoolTest([path.join(dir, f)], repoRoot)));
    for (const [i, r] of runs.entries()) {
      expect({ file: testFiles[i], failed: /FAILED/.test(r.output) }).toEqual({ file: testFiles[i], failed: false });
      expect({ file: testFiles[i], ok: r.ok, successes: r.output.match(/SUCCESS/g)?.length }).toEqual({ file: testFiles[i], ok: true, successes: 1 });
    }
  }, 300_000);

  withPromtool('the tests catch an alert that never fires, and one that always fires', async () => {
    need();
    // Every alert's expression becomes a constant, so the recording rules feed nothing: dropping
    // them leaves the same verdicts and spares promtool most of its work.
    const forEachAlert = (groups: any[], expr: string) => {
      for (const g of groups) {
        g.rules = g.rules.filter(isAlert);
        for (const r of g.rules) r.expr = expr;
      }
    };
    const [never, always] = await Promise.all([runMutated((groups) => forEachAlert(groups, 'vector(1) < 0')), runMutated((groups) => forEachAlert(groups, 'vector(1)'))]);
    expect(never.ok).toBe(false);
    expect(always.ok).toBe(false);
    // Every alert's own cases notice, not just some of them.
    for (const a of alerts) {
      expect({ alert: a, caught: never.output.includes(`alertname: ${a},`) }).toEqual({ alert: a, caught: true });
      expect({ alert: a, caught: always.output.includes(`alertname: ${a},`) }).toEqual({ alert: a, caught: true });
    }
  }, 300_000);
});

