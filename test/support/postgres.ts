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
