// The files a campaign run pins at enqueue, a packed list's shards among them, and how a worker loads them back with
// no lists folder at all; stored names and bytes are hostile.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContext } from '../../../cli/audit/context';
import { contextFiles, pinRunFiles, pinnedContext } from '../../../cli/audit/queue/pinned';
import { migrateCampaigns } from '../../../cli/audit/queue/schema';
import { runListsOf } from '../../../cli/audit/queue/types';
import { openDatabase, type Database } from '../../../server/db/database';
import { freshPostgres } from '../../support/postgres';

const ROOT = resolve(import.meta.dirname, '../../..');
const BLACK = '91990000MA5G3R035Y';

let work: string;
let db: Database;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'xinbiao-pinned-'));
  db = await openDatabase(await freshPostgres('xinbiao_pinned'));
  await migrateCampaigns(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const newRun = async (run: number, lists: unknown) => {
  await db.query("INSERT INTO audit_campaigns (id) VALUES ('c') ON CONFLICT DO NOTHING");
  await db.query("INSERT INTO audit_runs (campaign, run, options, lists) VALUES ('c', $1, '{}', $2)", [run, JSON.stringify(lists)]);
};

describe('files pinned with a campaign run', () => {
  it('pins a packed list with every file it reads and loads it back once the folder is gone', async () => {
    const lists = join(work, 'lists');
    mkdirSync(lists);
    const pack = spawnSync('node', ['bin/xinbiao.js', 'list', 'pack', '--key', 'samples/keys/demo-credit-office-2026.private.jwk.json', '--out', lists, '--k', '1', 'samples/lists/demo-black.ndjson'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    for (const f of ['demo-red.ndjson', 'demo-red.ndjson.sig']) copyFileSync(join(ROOT, 'samples/lists', f), join(lists, f));
    const ctx = await loadContext({ lists });
    expect(ctx.listFiles.map((f) => f.file)).toEqual(['demo-black.pack.json', 'demo-red.ndjson']);

    const files = await contextFiles(ctx);
    const names = files.map((f) => `${f.role}:${f.name}`);
    expect(names.slice(0, 2)).toEqual(['trust:trust.jws', 'root:root.jwk.json']);
    expect(names).toEqual(expect.arrayContaining(['list:demo-black.pack.json', 'list:demo-black.pack.json.sig', 'list:demo-red.ndjson', 'list:demo-red.ndjson.sig']));
    // The pack's filters, digest tables and shards: files beside the manifest that the folder listing alone does not name.
    expect(names.filter((n) => n.startsWith('list:demo-black.v1.')).length).toBeGreaterThanOrEqual(3);

    await newRun(1, runListsOf(ctx));
    await db.transaction((tx) => pinRunFiles(tx, 'c', 1, files));
    rmSync(lists, { recursive: true });

    const pinned = await pinnedContext(db, 'c', 1, join(work, 'w1'));
    expect(pinned!.listFiles.map((f) => [f.id, f.sha256])).toEqual(ctx.listFiles.map((f) => [f.id, f.sha256]));
    expect(pinned!.refused).toEqual([]);
    expect((await pinned!.lists.byUscc(BLACK)).map((m) => m.list.id)).toEqual(['demo-black']);
    expect(await pinnedContext(db, 'c', 99, join(work, 'none'))).toBeUndefined();
  }, 60_000);

  it('refuses a stored name that leaves its folder, and a list set that differs from the run record', async () => {
    const ctx = await loadContext();
    const files = await contextFiles(ctx);
    await newRun(2, runListsOf(ctx));
    await db.transaction((tx) => pinRunFiles(tx, 'c', 2, [...files, { role: 'list', name: '../../escape.ndjson', bytes: new Uint8Array([1]) }]));
    await expect(pinnedContext(db, 'c', 2, join(work, 'w2'))).rejects.toThrow('固定文件名无效 / invalid pinned file name');

    // The record names four lists; only three are pinned.
    await newRun(3, runListsOf(ctx));
    await db.transaction((tx) => pinRunFiles(tx, 'c', 3, files.filter((f) => !f.name.startsWith('demo-red'))));
    await expect(pinnedContext(db, 'c', 3, join(work, 'w3'))).rejects.toThrow('固定的名单与运行记录不符 / the pinned lists do not match the run record');
  }, 60_000);

  it('refuses absolute names, names with control characters and bytes that no longer have their digest, in both languages', async () => {
    const ctx = await loadContext();
    const files = await contextFiles(ctx);
    const bad = async (run: number, extra: { role: 'trust' | 'root' | 'list'; name: string }) => {
      await newRun(run, runListsOf(ctx));
      await db.transaction((tx) => pinRunFiles(tx, 'c', run, [...files, { ...extra, bytes: new Uint8Array([run]) }]));
      return pinnedContext(db, 'c', run, join(work, `w${run}`)).then(() => undefined, (e: Error) => e.message);
    };
    expect(await bad(4, { role: 'list', name: join(work, 'abs.ndjson') })).toMatch(/^固定文件名无效 \/ invalid pinned file name: /);
    expect(await bad(5, { role: 'trust', name: 'sub/trust.jws' })).toMatch(/^固定文件名无效 \/ invalid pinned file name: /);
    // A NUL cannot even be stored: PostgreSQL's text refuses it.
    await expect(bad(6, { role: 'list', name: 'x\u0000.ndjson' })).rejects.toThrow(/0x00/);
    expect(await bad(7, { role: 'list', name: 'x\n.ndjson' })).toMatch(/^固定文件名无效 \/ invalid pinned file name: /);

    // A file the enqueuer did not use (it would be refused on loading) slipped in beside the lists the record names.
    expect(await bad(9, { role: 'list', name: 'extra.ndjson' })).toMatch(/^固定的名单与运行记录不符 \/ the pinned lists do not match the run record/);

    // The stored bytes of a list changed under its digest (the last test: every run pins the same content once).
    await newRun(8, runListsOf(ctx));
    await db.transaction((tx) => pinRunFiles(tx, 'c', 8, files));
    await db.query("UPDATE audit_files SET bytes = $1 WHERE sha256 = (SELECT sha256 FROM audit_run_files WHERE campaign = 'c' AND run = 8 AND name = 'demo-red.ndjson')", [Buffer.from('tampered\n')]);
    await expect(pinnedContext(db, 'c', 8, join(work, 'w8'))).rejects.toThrow('固定文件 demo-red.ndjson 与其摘要不符 / the pinned file demo-red.ndjson does not match its digest');
  }, 60_000);
});
