import { copyFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { singleKey } from '../../../core/lists/checks';
import { openPack, verifyManifest } from '../../../core/lists/pack';
import { xinbiao } from '../../support/cli';

const S = 'samples';
const KEY = `${S}/keys/demo-credit-office-2026.private.jwk.json`;
const PUB = `${S}/keys/demo-credit-office-2026.public.jwk.json`;
const run = xinbiao('list');

describe('xinbiao list pack', () => {
  it('writes a signed manifest, filters and shards that answer the same lookups as the NDJSON', async () => {
    const out = await mkdtemp(join(tmpdir(), 'xinbiao-pack-'));
    const r = run('pack', '--key', KEY, '--out', out, `${S}/lists/demo-black.ndjson`);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatchObject({ ok: true, id: 'demo-black', version: 1, entries: 2, uscc: { keys: 2, shards: 1 } });
    expect((await readdir(out)).sort()).toEqual(['demo-black.pack.json', 'demo-black.pack.json.sig', 'demo-black.v1.name', 'demo-black.v1.name.digests', 'demo-black.v1.name.filter', 'demo-black.v1.uscc', 'demo-black.v1.uscc.digests', 'demo-black.v1.uscc.filter']);
    const pub = JSON.parse(await readFile(PUB, 'utf8'));
    const manifest = await verifyManifest(await readFile(join(out, 'demo-black.pack.json')), await readFile(join(out, 'demo-black.pack.json.sig')), singleKey(pub), Date.parse('2026-11-30T00:00:00Z'));
    const reader = await openPack(manifest, async (f) => new Uint8Array(await readFile(join(out, f))));
    expect(await reader.byUscc('91990000MA5G3R035Y')).toEqual([expect.objectContaining({ name: '深圳示例失信贸易有限公司', until: '2029-05-09' })]);
    expect(await reader.byName('深圳示例失信贸易有限公司')).toHaveLength(1);
    expect(await reader.byUscc('91330106673959654P')).toEqual([]);
  }, 60_000); // several CLI processes, each a Node start-up

  it('refuses a list that does not verify with the key, and exits 2 without --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-pack-'));
    const file = join(dir, 'demo-black.ndjson');
    await copyFile(`${S}/lists/demo-black.ndjson.sig`, `${file}.sig`);
    await writeFile(file, (await readFile(`${S}/lists/demo-black.ndjson`, 'utf8')).replace('情节严重', '情节轻微'));
    const r = run('pack', '--key', KEY, '--out', join(dir, 'out'), file);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    expect(r.stderr).toMatch(/文件内容与签名不符/);
    expect(run('pack', '--key', KEY, file).code).toBe(2);
  }, 60_000); // several CLI processes, each a Node start-up

  it('verify and import --database read the pack as they read the NDJSON', async () => {
    const out = await mkdtemp(join(tmpdir(), 'xinbiao-pack-'));
    expect(run('pack', '--key', KEY, '--out', out, `${S}/lists/demo-black.ndjson`).code).toBe(0);
    const manifest = join(out, 'demo-black.pack.json');
    const trust = ['--trust', `${S}/trust/trust.jws`, '--root', `${S}/keys/demo-root-2026.public.jwk.json`];
    const verified = run('verify', ...trust, manifest);
    expect(verified.code).toBe(0);
    expect(verified.lines[0]).toMatchObject({ ok: true, pack: true, id: 'demo-black', version: 1, entries: 2, signature: 'verified' });
    const db = join(out, 'db');
    const imported = run('import', ...trust, '--database', db, manifest);
    expect(imported.code).toBe(0);
    expect(imported.lines[0]).toMatchObject({ ok: true, outcome: 'imported', id: 'demo-black', version: 1, entries: 2 });
    expect(imported.stderr).toMatch(/已导入 2 条 \/ imported 2 entries/);
    // The NDJSON of that version is already in force.
    expect(run('import', ...trust, '--database', db, `${S}/lists/demo-black.ndjson`).lines[0]).toMatchObject({ ok: true, outcome: 'unchanged' });
    // Without a publisher key a pack cannot be checked.
    const keyless = run('import', manifest);
    expect(keyless.code).toBe(1);
    expect(keyless.lines[0]).toMatchObject({ ok: false, error: { code: 'unknown-key' } });
  }, 120_000); // several CLI processes, each a Node start-up
});
