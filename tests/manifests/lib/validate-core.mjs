// Validates core Kubernetes objects with kubernetes-models (an ESM-only package, hence a plain
// Node process rather than Jest's CommonJS runtime). Input: a JSON array of objects on stdin.
// Output: a JSON array of {kind, name, error} for the objects that failed (empty when all pass).
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const objects = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const failures = [];
for (const obj of objects) {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const spec = group === '' ? `kubernetes-models/${version}/${obj.kind}` : `kubernetes-models/${group}/${version}/${obj.kind}`;
  try {
    const mod = await import(spec);
    const Ctor = mod[obj.kind];
    if (!Ctor) throw new Error(`kubernetes-models has no ${obj.apiVersion} ${obj.kind}`);
    new Ctor(obj).validate();
  } catch (err) {
    failures.push({ kind: obj.kind, name: obj.metadata?.name, error: String(err?.message ?? err) });
  }
}
process.stdout.write(JSON.stringify(failures));
