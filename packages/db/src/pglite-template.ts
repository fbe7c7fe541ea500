// A fresh embedded database starts from a copy of a fresh cluster instead of running initdb.
// initdb inside PGlite costs seconds and about half a gigabyte that the process never gives back
// (measured: 630–740 MB idle RSS after initdb, 440 MB when loaded from a template), and `npm start`
// opens six of them. So initdb runs once per machine and PGlite version, in a short-lived child
// process, which saves the data directory as a tarball in the OS temp folder; every in-memory
// database then loads that tarball. The file appears under its final name by an atomic rename, so
// a reader never sees half of it, and concurrent first starts each write their own and one wins.
import { spawn } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MODULE_PATH = require.resolve('@electric-sql/pglite');

function pgliteVersion(): string {
  // dist/index.cjs → the package folder (its package.json is not exported, so read the file).
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(MODULE_PATH), '..', 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('cannot read the @electric-sql/pglite version');
  return pkg.version;
}

/** Where the template of this PGlite version lives (one per user: the temp folder may be shared). */
export function pgliteTemplatePath(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return path.join(tmpdir(), `mercato-pglite-${pgliteVersion()}-${uid}.tar`);
}

const MAKE_TEMPLATE = `
const [moduleUrl, out] = process.argv.slice(1);
const { PGlite } = await import(moduleUrl);
const { writeFile, rename } = await import('node:fs/promises');
const db = new PGlite();
await db.waitReady;
const dump = await db.dumpDataDir('none');
await db.close();
const tmp = out + '.' + process.pid + '.tmp';
await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
await rename(tmp, out);
`;

function makeTemplate(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', MAKE_TEMPLATE, pathToFileURL(MODULE_PATH).href, out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`making the PGlite template failed (exit ${code}): ${stderr.trim().slice(-500)}`))));
  });
}

let pending: Promise<string> | undefined;

/** Makes the template if there is none yet; resolves to its path. */
export function ensurePgliteTemplate(): Promise<string> {
  pending ??= (async () => {
    const file = pgliteTemplatePath();
    const exists = await stat(file).then((s) => s.size > 0, () => false);
    if (!exists) await makeTemplate(file);
    return file;
  })();
  pending.catch(() => (pending = undefined));
  return pending;
}

/** The template tarball, made on first use. */
export async function pgliteTemplate(): Promise<Blob> {
  return new Blob([await readFile(await ensurePgliteTemplate())]);
}

/** Forgets a template that PGlite could not load (it is made again on next use). */
export async function discardPgliteTemplate(): Promise<void> {
  pending = undefined;
  await rm(pgliteTemplatePath(), { force: true });
}
