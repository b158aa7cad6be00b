import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrivateJwk } from '../../../core/crypto/ed25519';
import type { ListError } from '../../../core/lists/errors';
import { signList } from '../../../core/lists/sign';
import { listKeys } from '../../../core/trust';
import { CreditStatus } from '../../../core/model';
import { verifyTrustList } from '../../../core/trust/verify';
import { startApp } from '../../../server/app';
import { openDatabase, type Database } from '../../../server/db/database';
import { importListFile, importListToDb } from '../../../server/db/import';
import { databaseLists } from '../../../server/db/lists';
import { migrate } from '../../../server/db/migrations';
import { statusRoute } from '../../../server/routes/status';
import { DATABASE_TARGETS, dropTarget, freshPostgres } from '../../support/postgres';

const SAMPLES = join(import.meta.dirname, '../../../samples');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');
const BLACK = '91990000MA5G3R035Y';

async function keys() {
  const root = JSON.parse(await readFile(join(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), 'utf8'));
  const trust = await verifyTrustList((await readFile(join(SAMPLES, 'trust/trust.jws'), 'utf8')).trim(), root, NOW);
  if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
  return listKeys(trust.trust, () => NOW);
}

/** A signed copy of the sample black list with another version and, optionally, other entry lines. */
async function blackVersion(version: number, edit: (lines: string[]) => string[] = (l) => l, keyFile = 'demo-credit-office-2026'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xinbiao-db-list-'));
  const [header, ...entries] = (await readFile(join(SAMPLES, 'lists/demo-black.ndjson'), 'utf8')).trimEnd().split('\n');
  const changed = edit(entries);
  const h = { ...JSON.parse(header!), version, count: changed.length };
  const file = join(dir, 'demo-black.ndjson');
  const bytes = `${[JSON.stringify(h), ...changed].join('\n')}\n`;
  await writeFile(file, bytes);
  const key = JSON.parse(await readFile(join(SAMPLES, `keys/${keyFile}.private.jwk.json`), 'utf8')) as PrivateJwk;
  await writeFile(`${file}.sig`, JSON.stringify(await signList(new TextEncoder().encode(bytes), key, 'demo-credit-office-2026')));
  return file;
}

const refusal = async (p: Promise<unknown>) => ((await p.then(() => undefined, (e: unknown) => e)) as ListError | undefined)?.code;

describe.each(DATABASE_TARGETS)('the status service on %s', (_name, target) => {
  let where: string;
  let db: Database;
  beforeAll(async () => {
    where = await target();
    db = await openDatabase(where);
    expect(await migrate(db)).toBe(1);
    expect(await migrate(db)).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await dropTarget(where);
  });

  it('imports the signed sample lists and answers by code and by name over HTTP', async () => {
    const k = await keys();
    for (const id of ['demo-black', 'demo-credit-level', 'demo-red', 'demo-abnormal']) {
      expect(await importListFile(db, join(SAMPLES, `lists/${id}.ndjson`), { keys: k, now: () => NOW })).toMatchObject({ outcome: 'imported', list: { id, version: 1 } });
    }
    // The planner knows the new rows at once (ANALYZE after each import; a never-analysed table has no row estimate).
    const [stats] = await db.query<{ estimated: number; stored: number }>("SELECT (SELECT reltuples::int FROM pg_class WHERE relname = 'entries') AS estimated, (SELECT count(*)::int FROM entries) AS stored");
    expect(stats!.estimated).toBe(stats!.stored);
    const lists = databaseLists(db);
    expect((await lists.byUscc(BLACK.toLowerCase())).map((m) => m.list.id).sort()).toEqual(['demo-black', 'demo-credit-level']);
    expect((await lists.byName('深圳示例失信贸易 有限公司')).map((m) => m.list.id).sort()).toEqual(['demo-black', 'demo-credit-level']);
    expect((await lists.lists()).map((l) => l.id)).toEqual(['demo-abnormal', 'demo-black', 'demo-credit-level', 'demo-red']);
    const { server, drain } = await startApp({ port: 0, plugins: [statusRoute(lists, { now: () => NOW })] });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const found = await fetch(`${base}/v1/subjects/${BLACK}`);
      expect(found.status).toBe(200);
      expect(CreditStatus.parse(await found.json()).listEntries.map((e) => e.list)).toEqual(['black']);
      expect((await fetch(`${base}/v1/subjects/91330106673959654P`)).status).toBe(404);
    } finally {
      await drain();
    }
  }, 60_000);

  it('swaps in a newer version whole, leaves the same version unchanged and refuses an older one', async () => {
    const k = { keys: await keys(), now: () => NOW };
    const file = join(SAMPLES, 'lists/demo-black.ndjson');
    expect((await importListFile(db, file, k)).outcome).toBe('unchanged');
    const v2 = await blackVersion(2, (lines) => lines.slice(0, 1));
    expect(await importListFile(db, v2, k)).toMatchObject({ outcome: 'imported', replaced: 1, list: { version: 2, count: 1 } });
    expect(await refusal(importListFile(db, file, k))).toBe('older-version');
    const entries = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM entries WHERE list_id = 'demo-black'");
    expect(entries[0]!.n).toBe(1);
    expect((await databaseLists(db).byUscc(BLACK)).find((m) => m.list.id === 'demo-black')?.list.version).toBe(2);
  }, 60_000);

  it('leaves the version in force when an import fails a check or is interrupted', async () => {
    const k = { keys: await keys(), now: () => NOW };
    const badLine = await blackVersion(3, (lines) => [...lines, '{"name":"缺少字段"}']);
    expect(await refusal(importListFile(db, badLine, k))).toBe('bad-lines');
    const tampered = await blackVersion(3);
    await writeFile(tampered, (await readFile(tampered, 'utf8')).replace('情节严重', '情节轻微'));
    expect(await refusal(importListFile(db, tampered, k))).toBe('digest-mismatch');
    expect(await refusal(importListFile(db, await blackVersion(3, (l) => l, 'rogue-2026'), k))).toBe('bad-signature');
    const whole = await blackVersion(3);
    async function* cut() {
      const bytes = await readFile(whole);
      yield bytes.subarray(0, bytes.length - 40);
      throw new Error('connection reset');
    }
    expect(await refusal(importListToDb(db, cut(), await readFile(`${whole}.sig`, 'utf8'), k))).toBe('read-failed');
    const versions = await db.query<{ version: number }>("SELECT DISTINCT version FROM entries WHERE list_id = 'demo-black'");
    expect(versions.map((v) => v.version)).toEqual([2]);
    expect(await importListToDb(db, createReadStream(whole), await readFile(`${whole}.sig`, 'utf8'), k)).toMatchObject({ outcome: 'imported', replaced: 2 });
  }, 60_000);

  it('answers the same after the database is closed and opened again', async () => {
    await db.close();
    db = await openDatabase(where);
    expect(await migrate(db)).toBe(0);
    const matches = await databaseLists(db).byUscc(BLACK);
    expect(matches.map((m) => [m.list.id, m.list.version])).toEqual([['demo-black', 3], ['demo-credit-level', 1]]);
  }, 120_000);

  it('answers a re-import from the next lookup of lists that already answered', async () => {
    const lists = databaseLists(db);
    const black = async () => (await lists.byUscc(BLACK)).filter((m) => m.list.id === 'demo-black').map((m) => [m.list.version, (m.line as { reason?: string }).reason]);
    expect(await black()).toEqual([[3, '示例：销售假冒商品，情节严重']]);
    const v4 = await blackVersion(4, (lines) => lines.map((l) => l.replace('销售假冒商品', '虚假宣传')));
    expect(await importListFile(db, v4, { keys: await keys(), now: () => NOW })).toMatchObject({ outcome: 'imported', replaced: 3 });
    expect(await black()).toEqual([[4, '示例：虚假宣传，情节严重']]);
    expect((await lists.byName('深圳示例失信贸易有限公司')).find((m) => m.list.id === 'demo-black')?.list.version).toBe(4);
  }, 60_000);

  it('answers 304 to a repeated request while the lists are unchanged, and 200 with a new ETag after a newer version', async () => {
    let clock = NOW;
    const { server, drain } = await startApp({ port: 0, plugins: [statusRoute(databaseLists(db), { now: () => (clock += 1000) })] });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/subjects/${BLACK}`;
      const first = await fetch(url);
      const tag = first.headers.get('etag')!;
      expect([first.status, tag]).toEqual([200, expect.stringMatching(/^W\//)]);
      expect((await fetch(url, { headers: { 'if-none-match': tag } })).status).toBe(304);
      const v5 = await blackVersion(5, (lines) => lines.map((l) => l.replace('情节严重', '情节特别严重')));
      expect(await importListFile(db, v5, { keys: await keys(), now: () => NOW })).toMatchObject({ outcome: 'imported', list: { version: 5 } });
      const after = await fetch(url, { headers: { 'if-none-match': tag } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(tag);
      expect(CreditStatus.parse(await after.json()).listEntries.map((e) => e.provenance.source)).toEqual(['list:demo-black@v5']);
    } finally {
      await drain();
    }
  }, 60_000);

  it('never answers a lookup from rows a transaction has written and not committed', async () => {
    // Only versions in force have rows: any row will do.
    if ((await db.query('SELECT 1 FROM entries LIMIT 1')).length === 0) await importListFile(db, join(SAMPLES, 'lists/demo-black.ndjson'), { keys: await keys(), now: () => NOW });
    const STAGED = 'STAGED-NOT-COMMITTED';
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let entered!: () => void;
    const inside = new Promise<void>((ok) => (entered = ok));
    const tx = db.transaction(async (t) => {
      // A copy of an entry in force, under another code: a lookup that read it would answer that code as listed.
      await t.query(`INSERT INTO entries (list_id, version, seq, uscc, name_key, line)
        SELECT list_id, version, seq + 1000000, $1, name_key, line FROM entries ORDER BY list_id, seq LIMIT 1`, [STAGED]);
      entered();
      await held;
      throw new Error('rolled back');
    });
    await inside;
    const during = databaseLists(db).byUscc(STAGED);
    await new Promise((ok) => setTimeout(ok, 50));
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await during).toEqual([]);
  }, 60_000);

  it('gives each of many statements run at once its own rows, and an error only to the one that failed', async () => {
    const codes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const answers = await Promise.allSettled([
      ...codes.map((c) => db.prepared('test_echo', 'SELECT $1::text, upper($1)', [c])),
      db.prepared('test_int', 'SELECT $1::int::text', ['not a number']),
      db.prepared('test_echo', 'SELECT $1::text, upper($1)', ["'); DROP TABLE entries; --"]),
      db.prepared('test_typo', 'SELEC 1', []),
      db.prepared('test_int', 'SELECT $1::int::text', ['42']),
    ]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as { code?: string }).code))).toEqual([
      ...codes.map((c) => [[c, c.toUpperCase()]]),
      '22P02', // invalid input syntax for type integer
      [["'); DROP TABLE entries; --", "'); DROP TABLE ENTRIES; --"]],
      '42601', // syntax error
      [['42']],
    ]);
    expect((await databaseLists(db).byUscc(BLACK)).length).toBe(2);
  }, 60_000);
});

describe('several serve processes on one PostgreSQL', () => {
  it('answer the same after an import, whichever of them answered before', async () => {
    const url = await freshPostgres('xinbiao_scale');
    const [a, b] = [await openDatabase(url), await openDatabase(url)];
    const apps: Awaited<ReturnType<typeof startApp>>[] = [];
    try {
      await migrate(a);
      const k = { keys: await keys(), now: () => NOW };
      for (const id of ['demo-black', 'demo-credit-level']) await importListFile(a, join(SAMPLES, `lists/${id}.ndjson`), k);
      for (const d of [a, b]) apps.push(await startApp({ port: 0, plugins: [statusRoute(databaseLists(d), { now: () => NOW })] }));
      const black = async (app: (typeof apps)[number]) => {
        const res = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/subjects/${BLACK}`);
        return CreditStatus.parse(await res.json()).listEntries.map((e) => [e.provenance.source, e.reason]);
      };
      expect(await black(apps[0]!)).toEqual([['list:demo-black@v1', '示例：销售假冒商品，情节严重']]);
      expect(await black(apps[1]!)).toEqual(await black(apps[0]!));
      // A third process (xinbiao list import) puts version 2 in force.
      const importer = await openDatabase(url);
      try {
        await importListFile(importer, await blackVersion(2, (lines) => lines.map((l) => l.replace('销售假冒商品', '虚假宣传'))), k);
      } finally {
        await importer.close();
      }
      expect(await black(apps[1]!)).toEqual([['list:demo-black@v2', '示例：虚假宣传，情节严重']]);
      expect(await black(apps[0]!)).toEqual(await black(apps[1]!));
    } finally {
      await Promise.all(apps.map((app) => app.drain()));
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
