import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xinbiao } from '../../support/cli';

const TRUST = ['--trust', 'samples/trust/trust.jws', '--root', 'samples/keys/demo-root-2026.public.jwk.json'];
const F = 'test/fixtures/sites/adapters';
const run = xinbiao('list');

async function copy(name: string) {
  const dir = await mkdtemp(join(tmpdir(), 'xinbiao-adapters-cli-'));
  await copyFile(join(F, name), join(dir, name));
  return join(dir, name);
}

describe('xinbiao list sign|verify with adapter data files', () => {
  it('verifies the adapter publisher\'s file, refuses the list key\'s (wrong-role) and the unsafe pattern (bad-adapters)', () => {
    const r = run('verify', ...TRUST, `${F}/jd-redesign.adapters.json`, `${F}/list-key.adapters.json`, `${F}/unsafe-pattern.adapters.json`);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: true, adapters: true, id: 'e2e-jd-redesign', version: 1, keyId: 'demo-adapters-2026', sites: ['jd'], signature: 'verified' });
    expect(r.lines[1]).toMatchObject({ ok: false, error: { code: 'wrong-role', zh: expect.stringContaining('站点适配数据只能由适配数据发布者（adapter-publisher）的密钥签署'), en: expect.stringContaining('adapter data is signed by adapter-publisher keys only') } });
    expect(r.lines[2]).toMatchObject({ ok: false, error: { code: 'bad-adapters', zh: expect.stringContaining('不得含反向引用') } });
    expect(r.stderr).toContain('list-key.adapters.json: 签名密钥不属于名单发布者');
    expect(r.stderr).toContain(' / the signing key is not a list publisher\'s, or may not sign this kind of file');
  });

  it('signs with the key the file names, byte for byte as the fixture, and refuses another key', async () => {
    const file = await copy('jd-redesign.adapters.json');
    const wrong = run('sign', '--key', 'samples/keys/demo-credit-office-2026.private.jwk.json', file);
    expect(wrong.code).toBe(1);
    expect(wrong.lines[0]).toMatchObject({ ok: false, error: { code: 'key-mismatch' } });
    const right = run('sign', '--key', 'samples/keys/demo-adapters-2026.private.jwk.json', file);
    expect(right.code).toBe(0);
    expect(right.lines[0]).toMatchObject({ ok: true, id: 'e2e-jd-redesign', sig: `${file}.sig` });
    expect(await readFile(`${file}.sig`, 'utf8')).toBe(await readFile(`${F}/jd-redesign.adapters.json.sig`, 'utf8'));
  });

  it('does not sign a file with a field the format does not have', async () => {
    const file = await copy('jd-redesign.adapters.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.sites[0].matches = ['*://*/*'];
    await writeFile(file, JSON.stringify(doc));
    const r = run('sign', '--key', 'samples/keys/demo-adapters-2026.private.jwk.json', file);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, error: { code: 'bad-adapters', en: expect.stringContaining('sites.0') } });
  });

  it('names a changed file digest-mismatch, and imports no adapter data into a database', async () => {
    const file = await copy('jd-redesign.adapters.json');
    await copyFile(`${F}/jd-redesign.adapters.json.sig`, `${file}.sig`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('shop-card-v2__title', 'shop-card-v2__tit1e'));
    const r = run('verify', ...TRUST, file);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    const imp = run('import', file);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toContain('adapter data is not imported into a database');
  });
});
