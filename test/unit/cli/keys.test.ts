import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xinbiao } from '../../support/cli';

const run = xinbiao('keys');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xinbiao-keys-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('xinbiao keys', () => {
  it('writes a private (0600) and a public JWK with the kid and prints one JSON line', () => {
    const out = join(dir, 'nested');
    const r = run('--kid', 'shop-2026', '--out', out);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const priv = JSON.parse(readFileSync(join(out, 'shop-2026.private.jwk.json'), 'utf8'));
    const pub = JSON.parse(readFileSync(join(out, 'shop-2026.public.jwk.json'), 'utf8'));
    expect(pub).toEqual({ kty: 'OKP', crv: 'Ed25519', x: priv.x, kid: 'shop-2026' });
    expect(priv.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.lines[0]).toMatchObject({ kid: 'shop-2026', x: pub.x });
    expect(statSync(join(out, 'shop-2026.private.jwk.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite an existing key and leaves it untouched (exit 1)', () => {
    writeFileSync(join(dir, 'k1.public.jwk.json'), 'old');
    const r = run('--kid', 'k1', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/k1\.public\.jwk\.json already exists/);
    expect(readFileSync(join(dir, 'k1.public.jwk.json'), 'utf8')).toBe('old');
    expect(() => statSync(join(dir, 'k1.private.jwk.json'))).toThrow();
    expect(r.stdout).toBe('');
  });

  it('usage errors exit 2: missing flags, a kid that is not a file name; --help exits 0', () => {
    expect(run('--out', dir).code).toBe(2);
    expect(run('--kid', 'a').code).toBe(2);
    const bad = run('--kid', '../evil', '--out', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kid/);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: xinbiao keys/);
  });
});
