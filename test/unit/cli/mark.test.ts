import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMark } from '../../../core/marks';
import { xinbiao } from '../../support/cli';

const TRUST = ['--trust', 'samples/trust/trust.jws', '--root', 'samples/keys/demo-root-2026.public.jwk.json', '--now', '2026-11-21T00:00:00+08:00'];
const GOOD = 'samples/marks/youpin.jws';
const run = xinbiao('mark');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xinbiao-mark-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('xinbiao mark', () => {
  it('verify: files and raw tokens, one line each, exit 0 when all are genuine', () => {
    const token = readFileSync(GOOD, 'utf8').trim();
    const r = run('verify', ...TRUST, '--url', 'http://127.0.0.1:8080/shops/youpin/', GOOD, token);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(r.lines.length);
    expect(r.lines.map((l) => [l.input === token ? 'token' : l.input, l.outcome])).toEqual([[GOOD, 'genuine'], ['token', 'genuine']]);
    expect(r.lines[0].issuer).toEqual({ id: 'demo-platform', name: '示例商城' });
  });

  it('verify: the counterfeit page and the bad samples give their named outcomes, exit 1', () => {
    const bad = ['expired', 'revoked-key', 'unknown-issuer', 'tampered', 'malformed'].map((n) => `samples/marks/bad/${n}.jws`);
    const r = run('verify', ...TRUST, '--url', 'http://127.0.0.1:8080/shops/fake-youpin/', GOOD, ...bad);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.outcome)).toEqual(['copied', 'copied', 'revoked-key', 'unknown-issuer', 'tampered', 'malformed']);
  });

  it('sign: signs a payload file (iat defaults to now) into a token that verifies', () => {
    const payload = decodeMark(readFileSync(GOOD, 'utf8').trim());
    if (!payload.ok) throw new Error(payload.problem);
    const { iat: _iat, ...rest } = payload.payload;
    const file = join(dir, 'payload.json');
    writeFileSync(file, JSON.stringify({ ...rest, bind: { origin: 'http://localhost:5173', path: '/s/1/' } }));
    const s = run('sign', '--key', 'samples/keys/demo-platform-2026.private.jwk.json', '--payload', file);
    expect(s.code, s.stderr).toBe(0);
    expect(s.lines[0]).toMatchObject({ payload: file, kid: 'demo-platform-2026' });
    const iat = (decodeMark(s.lines[0].token) as { payload: { iat: number } }).payload.iat;
    expect(Math.abs(iat - Date.now() / 1000)).toBeLessThan(120);
    const v = run('verify', '--trust', 'samples/trust/trust.jws', '--root', 'samples/keys/demo-root-2026.public.jwk.json', '--url', 'http://localhost:5173/s/1/x', s.lines[0].token);
    expect(v.lines[0].outcome).toBe('genuine');
  });

  it('sign: names the file and the field of a bad payload, exit 1', () => {
    const file = join(dir, 'payload.json');
    writeFileSync(file, JSON.stringify({ iss: 'demo-platform', exp: 1 }));
    const r = run('sign', '--key', 'samples/keys/demo-platform-2026.private.jwk.json', '--payload', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    // The first missing field (iat defaults to now), in each language's half of the line.
    expect(r.stderr.trim()).toBe(`xinbiao mark sign: 标识内容文件 ${file} 不合格式：sub：应为对象 / payload file ${file}: sub: expected object`);
    expect(run('sign', '--key', join(dir, 'nokey.json'), '--payload', file).stderr).toMatch(/cannot read key file .*nokey\.json: ENOENT/);
    // A key whose private part is another key's: one line naming it, not a crypto library's stack trace.
    const key = JSON.parse(readFileSync('samples/keys/demo-platform-2026.private.jwk.json', 'utf8'));
    const mixed = join(dir, 'mixed.private.jwk.json');
    writeFileSync(mixed, JSON.stringify({ ...key, x: JSON.parse(readFileSync('samples/keys/demo-root-2026.public.jwk.json', 'utf8')).x }));
    writeFileSync(file, Buffer.from(readFileSync('samples/marks/youpin.jws', 'utf8').trim().split('.')[1]!, 'base64url'));
    const r2 = run('sign', '--key', mixed, '--payload', file);
    expect([r2.code, r2.stderr.trim()]).toEqual([1, 'xinbiao mark sign: 密钥 demo-platform-2026 的私钥部分（d）与公钥（x）不匹配，签出的内容无法验证 / key demo-platform-2026: its private part (d) does not belong to its public part (x), so nothing it signs would verify']);
  });

  it('sign: a private key file with a typo is refused on one line that does not quote the key', () => {
    const key = readFileSync('samples/keys/demo-platform-2026.private.jwk.json', 'utf8').trim();
    const d = JSON.parse(key).d as string;
    const typo = join(dir, 'typo.private.jwk.json');
    // A comma too many before the closing brace, the file pretty-printed over lines as editors leave it.
    writeFileSync(typo, `${JSON.stringify(JSON.parse(key), null, 2).replace(/\n}$/, ',\n}')}\n`);
    const r = run('sign', '--key', typo, '--payload', join(dir, 'payload.json'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^xinbiao mark sign: 密钥文件 \S+ 不是 JSON（第 \d+ 个字符处） \/ key file \S+ is not JSON \(at character \d+\)$/);
    expect(r.stderr).not.toContain(d);
  });

  it('verify: a bad trust list or root is an input error naming the file (exit 1)', () => {
    const r = run('verify', '--trust', GOOD, '--root', 'samples/keys/demo-root-2026.public.jwk.json', '--url', 'http://127.0.0.1:8080/', GOOD);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/trust list samples\/marks\/youpin\.jws: the trust list is malformed/);
    expect(r.stdout).toBe('');
  });

  it('usage errors exit 2; --help exits 0', () => {
    expect(run().code).toBe(2);
    expect(run('verify', ...TRUST, GOOD).code).toBe(2);
    expect(run('verify', ...TRUST, '--url', 'relative/path', GOOD).code).toBe(2);
    expect(run('verify', ...TRUST, '--url', 'http://127.0.0.1:8080/').code).toBe(2);
    expect(run('sign', '--key', 'k').code).toBe(2);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/xinbiao mark sign/);
  });
});
