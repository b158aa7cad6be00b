import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xinbiao } from '../../support/cli';

const ROOT_PRIV = 'samples/keys/demo-root-2026.private.jwk.json';
const ROOT_PUB = 'samples/keys/demo-root-2026.public.jwk.json';
const run = xinbiao('trust');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xinbiao-trust-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('xinbiao trust', () => {
  it('sign reproduces the sample trust list, and verify lists its issuers', () => {
    const out = join(dir, 'trust.jws');
    const s = run('sign', '--key', ROOT_PRIV, '--in', 'samples/trust/issuers.json', '--out', out);
    expect(s.code).toBe(0);
    expect(s.lines[0]).toMatchObject({ out, kid: 'demo-root-2026', version: 1, issuers: ['demo-platform', 'demo-credit-office', 'demo-select', 'demo-adapters'] });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('samples/trust/trust.jws', 'utf8'));
    const v = run('verify', '--root', ROOT_PUB, '--now', '2026-11-21T00:00:00Z', out);
    expect(v.code).toBe(0);
    expect(v.lines[0]).toMatchObject({ file: out, ok: true, version: 1 });
    expect(v.lines[0].issuers[0]).toMatchObject({ id: 'demo-platform', revoked: ['demo-platform-2025'] });
  });

  it('verify names the failure per file and exits 1', () => {
    const v = run('verify', '--root', 'samples/keys/demo-platform-2026.public.jwk.json', 'samples/trust/trust.jws', join(dir, 'missing.jws'));
    expect(v.code).toBe(1);
    expect(v.lines.map((l) => l.error)).toEqual(['wrong-root', 'unreadable']);
    expect(run('verify', '--root', ROOT_PUB, '--now', '2037-01-01T00:00:00Z', 'samples/trust/trust.jws').lines[0].error).toBe('expired');
  });

  it('sign reports which file is wrong and what is wrong (exit 1)', () => {
    const bad = join(dir, 'issuers.json');
    const issuers = JSON.parse(readFileSync('samples/trust/issuers.json', 'utf8'));
    issuers.issuers[0].origins = ['http://*.example.cn'];
    writeFileSync(bad, JSON.stringify(issuers));
    const r = run('sign', '--key', ROOT_PRIV, '--in', bad, '--out', join(dir, 'o.jws'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/issuers\.0\.origins\.0/);
    const pub = run('sign', '--key', ROOT_PUB, '--in', 'samples/trust/issuers.json', '--out', join(dir, 'o.jws'));
    expect(pub.code).toBe(1);
    expect(pub.stderr).toMatch(/not a private Ed25519 JWK/);
    writeFileSync(bad, '{oops');
    expect(run('sign', '--key', ROOT_PRIV, '--in', bad, '--out', join(dir, 'o.jws')).stderr).toMatch(/is not JSON/);
  });

  it('sign refuses what verifiers would refuse: a port above 65535, a duplicate kid, a list over 64 KiB', () => {
    const bad = join(dir, 'issuers.json');
    const sign = (edit: (t: { issuers: { origins: string[]; keys: { kid: string; x: string }[]; name: string }[] }) => void) => {
      const issuers = JSON.parse(readFileSync('samples/trust/issuers.json', 'utf8'));
      edit(issuers);
      writeFileSync(bad, JSON.stringify(issuers));
      return run('sign', '--key', ROOT_PRIV, '--in', bad, '--out', join(dir, 'o.jws'));
    };
    const port = sign((t) => { t.issuers[0]!.origins = ['https://mall.example.cn:65536']; });
    expect(port.code).toBe(1);
    expect(port.stderr.trim()).toBe(`xinbiao trust sign: 签发者文件 ${bad} 不合格式：issuers.0.origins.0：输入无效 / issuers file ${bad}: issuers.0.origins.0: Invalid input`);
    expect(sign((t) => { t.issuers[0]!.origins = ['https://mall.example.cn:65535']; }).code).toBe(0);
    const dup = sign((t) => { t.issuers[1]!.keys[0]!.kid = 'demo-platform-2026'; });
    expect(dup.code).toBe(1);
    expect(dup.stderr.trim()).toBe(`xinbiao trust sign: 签发者文件 ${bad} 不合格式：issuers.1.keys.0.kid：密钥 demo-platform-2026 出现了两次（验证方拒绝有歧义的密钥） / issuers file ${bad}: issuers.1.keys.0.kid: key id demo-platform-2026 appears twice (verifiers refuse an ambiguous key)`);
    const big = sign((t) => {
      for (let i = 0; i < 200; i++) t.issuers.push({ ...structuredClone(t.issuers[1]!), id: `office-${i}`, keys: [{ ...t.issuers[1]!.keys[0]!, kid: `office-${i}` }] } as never);
    });
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/验证方最多接受 65536 个.* \/ issuers file .*verifiers accept at most 65536/);
  });

  it('usage errors exit 2; --help exits 0', () => {
    expect(run().code).toBe(2);
    expect(run('frob').code).toBe(2);
    expect(run('sign', '--key', ROOT_PRIV).code).toBe(2);
    expect(run('verify', '--root', ROOT_PUB).code).toBe(2);
    expect(run('verify', '--root', ROOT_PUB, '--now', 'yesterday', 'x').code).toBe(2);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/xinbiao trust sign/);
  });
});
