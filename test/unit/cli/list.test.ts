import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xinbiao } from '../../support/cli';

const S = 'samples';
const TRUST = ['--trust', `${S}/trust/trust.jws`, '--root', `${S}/keys/demo-root-2026.public.jwk.json`];
const run = xinbiao('list');

async function work() {
  const dir = await mkdtemp(join(tmpdir(), 'xinbiao-list-cli-'));
  for (const f of ['demo-black.ndjson', 'demo-black.ndjson.sig']) await copyFile(join(S, 'lists', f), join(dir, f));
  return dir;
}

describe('xinbiao list', () => {
  it('verifies the sample lists against the signed trust list', () => {
    const r = run('verify', ...TRUST, `${S}/lists/demo-black.ndjson`, `${S}/lists/demo-credit-level.ndjson`);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.id, l.ok, l.entries, l.signature])).toEqual([['demo-black', true, 2, 'verified'], ['demo-credit-level', true, 3, 'verified']]);
  });

  it('refuses a list signed with a platform key (wrong-role), whatever publisher its header names', () => {
    const r = run('verify', ...TRUST, 'test/fixtures/sites/lists/platform-signed.ndjson');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, signature: 'verified', error: { code: 'wrong-role', zh: expect.stringContaining('签名密钥不属于名单发布者') } });
    expect(r.stderr).toContain('a platform key signs shop marks only');
    expect(r.stderr).toMatch(/: 签名密钥不属于名单发布者.* \/ the signing key is not a list publisher's/);
  });

  it('signs a file with a private key and verifies it with the bare public key; a change breaks it', async () => {
    const dir = await work();
    const file = join(dir, 'demo-black.ndjson');
    const signed = run('sign', '--key', `${S}/keys/demo-credit-office-2026.private.jwk.json`, file);
    expect(signed.code).toBe(0);
    expect(JSON.parse(await readFile(`${file}.sig`, 'utf8'))).toMatchObject({ keyId: 'demo-credit-office-2026', size: signed.lines[0].bytes });
    expect(run('verify', '--pub', `${S}/keys/demo-credit-office-2026.public.jwk.json`, file).code).toBe(0);
    await writeFile(file, (await readFile(file, 'utf8')).replace('情节严重', '情节轻微'));
    const bad = run('verify', '--pub', `${S}/keys/demo-credit-office-2026.public.jwk.json`, file);
    expect(bad.code).toBe(1);
    expect(bad.lines[0]).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    expect(bad.stderr).toContain(file);
    const wrongKey = run('verify', '--pub', `${S}/keys/rogue-2026.public.jwk.json`, `${S}/lists/demo-red.ndjson`);
    expect(wrongKey.lines[0].error.code).toBe('unknown-key');
  });

  it('import names the file and line of every bad line and exits 1; sign refuses such a file', async () => {
    const dir = await work();
    const file = join(dir, 'demo-black.ndjson');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, [lines[0], lines[1], '{"name":"缺字段"}', 'oops'].join('\n') + '\n');
    const r = run('import', file);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, entries: 1, badLines: 2, signature: 'digest-only', error: { code: 'digest-mismatch' } });
    expect(r.stderr).toContain(`${file}:3: reason:`);
    expect(r.stderr).toContain(`${file}:4: not JSON`);
    expect(run('sign', '--key', `${S}/keys/demo-credit-office-2026.private.jwk.json`, file).lines[0].error.code).toBe('bad-lines');
  });

  it('says a trust list is not valid as such, in both languages, not as an unknown signing key', () => {
    const wrongRoot = ['--trust', `${S}/trust/trust.jws`, '--root', `${S}/keys/demo-platform-2026.public.jwk.json`];
    for (const args of [['verify', ...wrongRoot], ['import', ...wrongRoot, '--database', join(tmpdir(), 'xinbiao-never-opened')]]) {
      const r = run(...args, `${S}/lists/demo-black.ndjson`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the trust list ${S}/trust/trust.jws is not valid`);
      expect(r.stderr).toContain('信任名单');
      expect(r.stderr).not.toContain('unknown or revoked');
    }
    const serve = xinbiao('serve')('--database', join(tmpdir(), 'xinbiao-never-opened'), ...wrongRoot);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain(`the trust list ${S}/trust/trust.jws is not valid`);
    expect(serve.stderr).not.toContain('unknown or revoked');
  });

  it('says why a file was not imported once in each language, the detail not repeated a third time', async () => {
    const r = run('import', ...TRUST, '--database', join(await mkdtemp(join(tmpdir(), 'xinbiao-list-db-')), 'db'), 'test/fixtures/sites/lists/platform-signed.ndjson');
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, error: { code: 'wrong-role' } });
    expect(r.stderr.split('demo-platform-2026, publisher demo-credit-office').length - 1).toBe(2);
  }, 120_000);

  it('exits 2 on usage errors and prints help', () => {
    expect(run().code).toBe(2);
    expect(run('frob', 'x').code).toBe(2);
    const noKeys = run('verify', `${S}/lists/demo-red.ndjson`);
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toMatch(/--pub/);
    expect(run('import', '--database', '/nonexistent', `${S}/lists/demo-red.ndjson`).code).toBe(2);
    expect(run('import', '--database', '/nonexistent', '--pub', `${S}/keys/demo-credit-office-2026.public.jwk.json`, `${S}/lists/demo-red.ndjson`).code).toBe(2);
    const help = spawnSync('node', ['bin/xinbiao.js', 'list', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/xinbiao list sign/);
  });
});
