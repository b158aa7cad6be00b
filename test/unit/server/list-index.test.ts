import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listKeys } from '../../../core/trust';
import { verifyTrustList } from '../../../core/trust/verify';
import { writePack } from '../../../cli/commands/list-pack';
import type { PrivateJwk } from '../../../core/crypto';
import { loadListIndex } from '../../../server/list-index';

const SAMPLES = join(import.meta.dirname, '../../../samples');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');

async function keys() {
  const root = JSON.parse(await readFile(join(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), 'utf8'));
  const trust = await verifyTrustList((await readFile(join(SAMPLES, 'trust/trust.jws'), 'utf8')).trim(), root, NOW);
  if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
  return listKeys(trust.trust, () => NOW);
}

describe('loadListIndex', () => {
  it('reads a packed list as its NDJSON, and names a pack with a changed shard', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-lists-'));
    const key = JSON.parse(await readFile(join(SAMPLES, 'keys/demo-credit-office-2026.private.jwk.json'), 'utf8')) as PrivateJwk;
    for (const id of ['demo-black', 'demo-red']) await writePack(() => createReadStream(join(SAMPLES, `lists/${id}.ndjson`)), id, dir, key, { now: () => NOW });
    const shards = join(dir, 'demo-red.v1.name');
    const shard = join(shards, (await readdir(shards))[0]!);
    await writeFile(shard, `${await readFile(shard, 'utf8')} `);
    const index = await loadListIndex(dir, { keys: await keys(), now: NOW });
    expect(index.problems.map((p) => [p.file, p.code])).toEqual([['demo-red.pack.json', 'digest-mismatch']]);
    expect((await index.lists()).map((l) => [l.id, l.version, l.count])).toEqual([['demo-black', 1, 2]]);
    expect((await index.byUscc('91990000MA5G3R035Y')).map((m) => m.line.name)).toEqual(['深圳示例失信贸易有限公司']);
  });


  it('loads and verifies the sample lists and answers by USCC and normalised name', async () => {
    const index = await loadListIndex(join(SAMPLES, 'lists'), { keys: await keys(), now: NOW });
    expect(index.problems).toEqual([]);
    expect((await index.lists()).map((l) => l.id).sort()).toEqual(['demo-abnormal', 'demo-black', 'demo-credit-level', 'demo-red']);
    const black = await index.byUscc('91990000ma5g3r035y');
    expect(black.map((m) => m.list.id).sort()).toEqual(['demo-black', 'demo-credit-level']);
    expect(black.find((m) => m.list.id === 'demo-black')!.line).toMatchObject({ name: '深圳示例失信贸易有限公司' });
    expect((await index.byName('深圳示例失信贸易 有限公司')).map((m) => m.list.id).sort()).toEqual(['demo-black', 'demo-credit-level']);
    expect(await index.byUscc('91330106673959654P')).toEqual([]);
  });

  it('leaves out a tampered file, an unsigned one and an expired one, naming each problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-lists-'));
    for (const f of ['demo-red.ndjson', 'demo-red.ndjson.sig', 'demo-black.ndjson', 'demo-black.ndjson.sig', 'demo-abnormal.ndjson']) await copyFile(join(SAMPLES, 'lists', f), join(dir, f));
    const black = await readFile(join(dir, 'demo-black.ndjson'), 'utf8');
    await writeFile(join(dir, 'demo-black.ndjson'), black.replace('情节严重', '情节轻微'));
    const index = await loadListIndex(dir, { keys: await keys(), now: NOW });
    expect(index.problems.map((p) => [p.file, p.code]).sort()).toEqual([['demo-abnormal.ndjson', 'bad-signature-file'], ['demo-black.ndjson', 'digest-mismatch']]);
    expect((await index.lists()).map((l) => l.id)).toEqual(['demo-red']);
    const later = await loadListIndex(dir, { keys: await keys(), now: Date.parse('2037-02-01T00:00:00Z') });
    expect(later.problems.find((p) => p.file === 'demo-red.ndjson')?.code).toMatch(/expired|unknown-key/);
    expect(await later.lists()).toEqual([]);
  });
});
