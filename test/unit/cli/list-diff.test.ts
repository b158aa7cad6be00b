import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { singleKey } from '../../../core/lists/checks';
import { applyDelta } from '../../../core/lists/delta';
import { verifyTimestamp } from '../../../core/lists/timestamp';
import { importList } from '../../../core/lists/import';
import { idbLocalLists } from '../../../core/lists/local-lists';
import { applyPackDelta } from '../../../core/lists/pack-delta';
import { importPack } from '../../../core/lists/pack-import';
import { xinbiao } from '../../support/cli';
import { openStore, stream } from '../core/lists/support';

const S = 'samples';
const KEY = `${S}/keys/demo-credit-office-2026.private.jwk.json`;
const run = xinbiao('list');
const NOW = Date.parse('2026-11-30T00:00:00Z');

/** The sample black list as v1 and, signed, a v2 in which one entry's reason changed. */
async function twoEditions() {
  const dir = await mkdtemp(join(tmpdir(), 'xinbiao-diff-'));
  const v1 = join(dir, 'v1.ndjson'), v2 = join(dir, 'v2.ndjson');
  await copyFile(`${S}/lists/demo-black.ndjson`, v1);
  await copyFile(`${S}/lists/demo-black.ndjson.sig`, `${v1}.sig`);
  const text = await readFile(v1, 'utf8');
  await writeFile(v2, text.replace('"version":1', '"version":2').replace('销售假冒商品，情节严重', '销售假冒商品，情节特别严重'));
  expect(run('sign', '--key', KEY, v2).code).toBe(0);
  return { dir, v1, v2 };
}

describe('xinbiao list diff', () => {
  it('writes a signed delta between two signed versions that a subscriber applies', async () => {
    const { v1, v2 } = await twoEditions();
    const r = run('diff', '--key', KEY, '--now', '2026-11-29T00:00:00Z', v1, v2);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatchObject({ ok: true, id: 'demo-black', from: { version: 1 }, to: { version: 2, count: 2 }, operations: 2 });
    const delta = r.lines[0].delta as string;
    expect(delta).toBe(`${v2}.delta-1.ndjson`);

    const pub = JSON.parse(await readFile(`${S}/keys/demo-credit-office-2026.public.jwk.json`, 'utf8'));
    const opts = { keys: singleKey(pub), now: () => NOW };
    const store = await openStore();
    await importList(store, stream(new Uint8Array(await readFile(v1))), await readFile(`${v1}.sig`), opts);
    expect(await applyDelta(store, stream(new Uint8Array(await readFile(delta))), await readFile(`${delta}.sig`), opts)).toMatchObject({ outcome: 'applied', list: { version: 2 } });
    expect(await idbLocalLists(store).byUscc('91990000MA5G3R035Y')).toEqual([expect.objectContaining({ line: expect.objectContaining({ reason: '示例：销售假冒商品，情节特别严重' }) })]);
  }, 60_000); // several CLI processes, each a Node start-up

  it('with --pack writes the pack delta that a subscriber of the packed list applies over the v1 pack', async () => {
    const { dir, v1, v2 } = await twoEditions();
    const out = join(dir, 'packs');
    expect(run('pack', '--key', KEY, '--out', out, '--now', '2026-11-29T00:00:00Z', v1).code).toBe(0);
    const r = run('diff', '--key', KEY, '--pack', out, '--now', '2026-11-29T00:00:00Z', v1, v2);
    expect(r.code).toBe(0);
    const packDelta = r.lines[0].packDelta as { file: string; download: number };
    expect(packDelta.file).toBe(join(out, 'demo-black.pack.json.delta-1.json'));

    const pub = JSON.parse(await readFile(`${S}/keys/demo-credit-office-2026.public.jwk.json`, 'utf8'));
    const opts = { keys: singleKey(pub), now: () => NOW };
    const store = await openStore();
    const file = async (f: string) => new Uint8Array(await readFile(join(out, f)));
    const manifest = await file('demo-black.pack.json');
    await importPack(store, 'https://lists.example.cn/packs/demo-black.pack.json', manifest, await file('demo-black.pack.json.sig'), file, opts);
    expect(await applyPackDelta(store, await file('demo-black.pack.json.delta-1.json'), await file('demo-black.pack.json.delta-1.json.sig'), file, opts)).toMatchObject({ outcome: 'applied', list: { version: 2 } });
    const lists = idbLocalLists(store, { fetchShard: (url) => file(url.replace('https://lists.example.cn/packs/', '')) });
    expect((await lists.byUscc('91990000MA5G3R035Y')).map((m) => [m.list.version, (m.line as { reason?: string }).reason])).toEqual([[2, '示例：销售假冒商品，情节特别严重']]);
  }, 60_000);

  it('refuses versions that do not go forward, and a changed file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-diff-'));
    const v1 = join(dir, 'v1.ndjson');
    await copyFile(`${S}/lists/demo-black.ndjson`, v1);
    await copyFile(`${S}/lists/demo-black.ndjson.sig`, `${v1}.sig`);
    const same = run('diff', '--key', KEY, v1, v1);
    expect(same.code).toBe(1);
    expect(same.lines[0]).toMatchObject({ ok: false, error: { code: 'older-version' } });
    await writeFile(v1, (await readFile(v1, 'utf8')).replace('情节严重', '情节轻微'));
    expect(run('diff', '--key', KEY, v1, `${S}/lists/demo-black.ndjson`).lines[0]).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    expect(run('diff', '--key', KEY, v1).code).toBe(2);
  }, 60_000); // several CLI processes, each a Node start-up
});

describe('xinbiao list timestamp', () => {
  it('signs a short-lived timestamp naming the current edition, which verifies with the list key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-ts-'));
    const file = join(dir, 'demo-black.ndjson');
    await copyFile(`${S}/lists/demo-black.ndjson`, file);
    await copyFile(`${S}/lists/demo-black.ndjson.sig`, `${file}.sig`);
    const r = run('timestamp', '--key', KEY, '--hours', '4', '--pack', dir, '--now', '2026-11-30T00:00:00Z', file);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatchObject({ ok: true, id: 'demo-black', version: 1, issued: '2026-11-30T00:00:00.000Z', expires: '2026-11-30T04:00:00.000Z' });
    // The packed list's subscribers read the same signed timestamp next to its manifest.
    expect(await readFile(join(dir, 'demo-black.pack.json.timestamp.json'))).toEqual(await readFile(`${file}.timestamp.json`));
    const pub = JSON.parse(await readFile(`${S}/keys/demo-credit-office-2026.public.jwk.json`, 'utf8'));
    const ts = await verifyTimestamp(await readFile(`${file}.timestamp.json`), await readFile(`${file}.timestamp.json.sig`), singleKey(pub), Date.parse('2026-11-30T01:00:00Z'));
    expect(ts.sha256).toBe(JSON.parse(await readFile(`${file}.sig`, 'utf8')).sha256);
    await expect(verifyTimestamp(await readFile(`${file}.timestamp.json`), await readFile(`${file}.timestamp.json.sig`), singleKey(pub), Date.parse('2026-11-30T05:00:00Z'))).rejects.toMatchObject({ code: 'expired' });
    expect(run('timestamp', '--key', KEY, '--hours', '0', file).code).toBe(2);
  }, 60_000); // several CLI processes, each a Node start-up
});
