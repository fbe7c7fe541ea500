// Server-level chores: databases are created by name on a server given by its URL.
import { nodePostgres } from './node-postgres';

const NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the database when it does not exist yet; returns its URL on the same server. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!NAME_RE.test(name)) throw new Error(`invalid database name "${name}"`);
  const client = new (nodePostgres().Client)({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
