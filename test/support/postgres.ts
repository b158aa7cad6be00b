import pg from 'pg';

/**
 * URL of a fresh, empty database on the test cluster (XINBIAO_TEST_PG, set by `npm test`), so runs never see each
 * other's rows. Throws, so the PostgreSQL tests fail rather than skip, when no cluster was given.
 */
export async function freshPostgres(prefix = 'xinbiao_test'): Promise<string> {
  const url = process.env.XINBIAO_TEST_PG;
  if (!url) throw new Error('XINBIAO_TEST_PG is not set: run the tests with `npm test` (it starts a PostgreSQL cluster) or point XINBIAO_TEST_PG at a server you may create databases on');
  const name = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return Object.assign(new URL(url), { pathname: `/${name}` }).toString();
}

/** A folder for a fresh embedded database (PGlite), in a temp directory of its own. */
async function freshEmbedded(): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  return join(await mkdtemp(join(tmpdir(), 'xinbiao-db-')), 'db');
}

/** Both engines the status service runs on, for `describe.each`: [name, a fresh target (folder or URL)]. */
export const DATABASE_TARGETS: [string, () => Promise<string>][] = [
  ['the embedded database', freshEmbedded],
  ['PostgreSQL', () => freshPostgres()],
];

/** Removes an embedded target's temp directory; PostgreSQL databases go with the throwaway cluster. */
export async function dropTarget(where: string | undefined): Promise<void> {
  if (!where || where.startsWith('postgres')) return;
  const { rm } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  await rm(dirname(where), { recursive: true, force: true });
}
