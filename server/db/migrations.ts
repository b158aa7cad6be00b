import type { Database } from './database';

/**
 * The schema, as numbered steps applied once each in order and recorded in `xinbiao_migrations`. A small table of
 * our own rather than a migration library: two tables, SQL that must run the same on PGlite and PostgreSQL, and no
 * down-migrations. Append new steps; never edit an applied one.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE lists (
     id text PRIMARY KEY,
     version integer NOT NULL,
     info jsonb NOT NULL
   );
   CREATE TABLE entries (
     list_id text NOT NULL,
     version integer NOT NULL,
     seq integer NOT NULL,
     uscc text,
     name_key text NOT NULL,
     line jsonb NOT NULL,
     PRIMARY KEY (list_id, version, seq)
   );
   CREATE INDEX entries_uscc ON entries (uscc) WHERE uscc IS NOT NULL;
   CREATE INDEX entries_name ON entries (name_key);`,
];

/** Arbitrary constant: several `serve` processes starting on one PostgreSQL migrate one at a time. */
const LOCK = 0x78696e62;

/**
 * Brings the schema up to date; returns the steps applied now (0 when it already was). Another part of the project
 * that keeps tables in the same database (audit campaigns) passes its own steps and its own record table, so the
 * two step lists number independently.
 */
export async function migrate(db: Database, steps: readonly string[] = MIGRATIONS, table = 'xinbiao_migrations'): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const [row] = await tx.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${table}`);
    const from = row?.v ?? 0;
    for (let v = from + 1; v <= steps.length; v++) {
      for (const statement of steps[v - 1]!.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query(`INSERT INTO ${table} (version) VALUES ($1)`, [v]);
    }
    return steps.length - from;
  });
}
