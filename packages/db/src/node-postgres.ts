// node-postgres loads on first use: a process opens PostgreSQL or PGlite, and many open neither (a
// stateless service); requiring pg costs tens of milliseconds of every start-up.
import type pg from 'pg';

export function nodePostgres(): typeof pg {
  return require('pg') as typeof pg;
}
