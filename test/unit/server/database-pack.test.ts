import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrivateJwk } from '../../../core/crypto/ed25519';
import type { ListError } from '../../../core/lists/errors';
import { manifestBytes, type PackManifest } from '../../../core/lists/pack';
import { signList } from '../../../core/lists/sign';
import { listKeys } from '../../../core/trust';
import { verifyTrustList } from '../../../core/trust/verify';
import { writePack } from '../../../cli/commands/list-pack';
import { openDatabase, type Database } from '../../../server/db/database';
import { importListFile } from '../../../server/db/import';
import { importFile } from '../../../server/db/import-pack';
import { databaseLists } from '../../../server/db/lists';
import { migrate } from '../../../server/db/migrations';
import { DATABASE_TARGETS, dropTarget } from '../../support/postgres';

// The status service reads packed lists (`xinbiao list pack`) as it reads the NDJSON they were packed from.
const SAMPLES = join(import.meta.dirname, '../../../samples');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');
const BLACK = '91990000MA5G3R035Y';
const OFFICE = 'demo-credit-office-2026';

async function keys() {
  const root = JSON.parse(await readFile(join(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), 'utf8'));
  const trust = await verifyTrustList((await readFile(join(SAMPLES, 'trust/trust.jws'), 'utf8')).trim(), root, NOW);
  if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
  return listKeys(trust.trust, () => NOW);
}

const privateKey = async (name: string) => JSON.parse(await readFile(join(SAMPLES, `keys/${name}.private.jwk.json`), 'utf8')) as PrivateJwk;

/** A signed NDJSON copy of the sample black list at `version` with these entry lines, packed into its own folder. */
async function packedBlack(version: number, edit: (lines: string[]) => string[] = (l) => l, keyFile = OFFICE): Promise<{ dir: string; manifest: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'xinbiao-db-pack-'));
  const [header, ...entries] = (await readFile(join(SAMPLES, 'lists/demo-black.ndjson'), 'utf8')).trimEnd().split('\n');
  const lines = edit(entries);
  const file = join(dir, 'demo-black.ndjson');
  await writeFile(file, `${[JSON.stringify({ ...JSON.parse(header!), version, count: lines.length }), ...lines].join('\n')}\n`);
  // Another key under the office's key id: a forger who knows the id, not the key.
  const key = { ...(await privateKey(keyFile)), kid: OFFICE };
  await writePack(() => createReadStream(file), 'demo-black', join(dir, 'out'), key, { now: () => NOW });
  return { dir, manifest: join(dir, 'out', 'demo-black.pack.json') };
}

/** Rewrites a pack's manifest and signs it again with the office's own key: a publisher gone wrong, not a forger. */
async function resign(manifestFile: string, change: (m: PackManifest) => PackManifest): Promise<void> {
  const m = change(JSON.parse(await readFile(manifestFile, 'utf8')) as PackManifest);
  const bytes = manifestBytes(m);
  await writeFile(manifestFile, bytes);
  await writeFile(`${manifestFile}.sig`, JSON.stringify(await signList(bytes, await privateKey(OFFICE))));
}

const refusal = async (p: Promise<unknown>) => ((await p.then(() => undefined, (e: unknown) => e)) as ListError | undefined)?.code;

describe.each(DATABASE_TARGETS)('packed lists in the status service on %s', (_name, target) => {
  let where: string;
  let db: Database;
  beforeAll(async () => {
    where = await target();
    db = await openDatabase(where);
    await migrate(db);
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await dropTarget(where);
  });

  it('imports a pack of the sample black list: the same entries, count and source digest as its NDJSON', async () => {
    const k = { keys: await keys(), now: () => NOW };
    const { manifest } = await packedBlack(1);
    const r = await importFile(db, manifest, k);
    const ndjsonDigest = createHash('sha256').update(await readFile(join(SAMPLES, 'lists/demo-black.ndjson'))).digest('hex');
    expect(r).toMatchObject({ outcome: 'imported', list: { id: 'demo-black', version: 1, count: 2, keyId: OFFICE, sha256: ndjsonDigest } });
    const lists = databaseLists(db);
    expect((await lists.byUscc(BLACK)).map((m) => [m.list.id, m.line.name, 'until' in m.line ? m.line.until : null])).toEqual([['demo-black', '深圳示例失信贸易有限公司', '2029-05-09']]);
    expect((await lists.byName('上海示例过期茶叶有限公司')).map((m) => m.line.uscc)).toEqual(['91990000MA1C9J06X5']);
    // The NDJSON of the same version is that version: unchanged, and so is the same pack again.
    expect((await importListFile(db, join(SAMPLES, 'lists/demo-black.ndjson'), k)).outcome).toBe('unchanged');
    expect((await importFile(db, manifest, k)).outcome).toBe('unchanged');
  }, 60_000);

  it('a newer pack replaces the version whole, an entry without a code included', async () => {
    const k = { keys: await keys(), now: () => NOW };
    const noCode = JSON.stringify({ name: '示例无照经营户', reason: '示例：无照经营', authority: '示例市市场监督管理局（虚构）', since: '2026-09-01' });
    const { manifest } = await packedBlack(2, (lines) => [lines[0]!, noCode]);
    expect(await importFile(db, manifest, k)).toMatchObject({ outcome: 'imported', replaced: 1, list: { version: 2, count: 2 } });
    const lists = databaseLists(db);
    expect((await lists.byName('示例无照经营户')).map((m) => [m.list.version, 'reason' in m.line ? m.line.reason : null])).toEqual([[2, '示例：无照经营']]);
    expect(await lists.byName('上海示例过期茶叶有限公司')).toEqual([]);
    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM entries WHERE list_id = 'demo-black'");
    expect(rows[0]!.n).toBe(2);
  }, 60_000);

  it('refuses a changed shard, a foreign key, a path out of the folder, a short count and an older version, leaving version 2', async () => {
    const k = { keys: await keys(), now: () => NOW };
    const changed = await packedBlack(3);
    const shardDir = join(changed.dir, 'out', 'demo-black.v3.name');
    const shard = join(shardDir, (await readdir(shardDir))[0]!);
    await writeFile(shard, (await readFile(shard, 'utf8')).replace('情节严重', '情节轻微'));
    expect(await refusal(importFile(db, changed.manifest, k))).toBe('digest-mismatch');

    expect(await refusal(importFile(db, (await packedBlack(3, (l) => l, 'rogue-2026')).manifest, k))).toBe('bad-signature');

    const escape = await packedBlack(3);
    await resign(escape.manifest, (m) => ({ ...m, indexes: { ...m.indexes, name: { ...m.indexes.name, dir: '..' } } }));
    expect(await refusal(importFile(db, escape.manifest, k))).toBe('bad-pack');

    const short = await packedBlack(3);
    await resign(short.manifest, (m) => ({ ...m, list: { ...m.list, count: 3 } }));
    expect(await refusal(importFile(db, short.manifest, k))).toBe('count-mismatch');

    expect(await refusal(importFile(db, (await packedBlack(1)).manifest, k))).toBe('older-version');
    const versions = await db.query<{ version: number }>("SELECT DISTINCT version FROM entries WHERE list_id = 'demo-black'");
    expect(versions.map((v) => v.version)).toEqual([2]);
  }, 90_000);
});
