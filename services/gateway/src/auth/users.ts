// The gateway's users: credentials and roles, in its own database (PGlite or PostgreSQL, same SQL).
// E-mail addresses are stored lower-cased, so uniqueness ignores case.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@mercato/db';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  passwordHash: string;
  createdAt: Date;
}

interface Row {
  id: string;
  email: string;
  name: string;
  roles: string[] | string;
  password_hash: string;
  created_at: Date | string;
}

const MIGRATION = `
CREATE TABLE IF NOT EXISTS users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_email_lower CHECK (email = lower(email))
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON users (email);
`;

const COLUMNS = 'id, email, name, roles, password_hash, created_at';

function toUser(r: Row): User {
  // node-postgres parses text[]; PGlite does too, but guard against the literal form.
  const roles = Array.isArray(r.roles) ? r.roles : r.roles.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return { id: r.id, email: r.email, name: r.name, roles, passwordHash: r.password_hash, createdAt: new Date(r.created_at) };
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`an account with e-mail ${email} already exists`);
    this.name = 'EmailTakenError';
  }
}

export interface NewUser {
  email: string;
  name: string;
  roles: string[];
  passwordHash: string;
}

export class UserStore {
  constructor(readonly db: Database) {}

  async migrate(): Promise<void> {
    await this.db.exec(MIGRATION);
  }

  /**
   * Creates a user; `alsoInTransaction` runs in the same transaction (the event outbox), so the
   * user and its events exist together or not at all. Throws EmailTakenError.
   */
  async create(input: NewUser, alsoInTransaction?: (tx: Queryable, user: User) => Promise<void>): Promise<User> {
    const email = normalizeEmail(input.email);
    try {
      return await this.db.transaction(async (tx) => {
        const { rows } = await tx.query<Row>(
          `INSERT INTO users (id, email, name, roles, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
          [randomUUID(), email, input.name, input.roles, input.passwordHash],
        );
        const user = toUser(rows[0]!);
        await alsoInTransaction?.(tx, user);
        return user;
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new EmailTakenError(email);
      throw err;
    }
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [normalizeEmail(email)]);
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  async findById(id: string): Promise<User | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  async setRoles(id: string, roles: string[], alsoInTransaction?: (tx: Queryable) => Promise<void>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET roles = $2 WHERE id = $1', [id, roles]);
      await alsoInTransaction?.(tx);
    });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }
}
