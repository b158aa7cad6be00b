import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { expect, test } from 'playwright/test';
import { decodeMark } from '../../core/marks';
import { sampleKeyXs } from '../../scripts/release-trust';
import { FIXTURE_PORT } from '../../playwright.config';
import { xinbiao } from '../support/cli';

// npm run build:release, made in the test from a throwaway root and trust list written with the CLI: what it refuses,
// what its zips hold, and how its widget treats a page-supplied trust root.

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, '.output/release');
const SAMPLES = resolve(ROOT, 'samples');
const FIXTURES = `http://127.0.0.1:${FIXTURE_PORT}`;
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'xb-release-'));
const file = (n: string) => join(dir, n);
const SAMPLE_SECRETS = [...sampleKeyXs(SAMPLES), ...readdirSync(join(SAMPLES, 'keys')).flatMap((f) => {
  const d = (JSON.parse(readFileSync(join(SAMPLES, 'keys', f), 'utf8')) as { d?: string }).d;
  return d ? [d] : [];
})];

const buildRelease = (env: Record<string, string>) =>
  spawnSync('node', ['scripts/build.mjs', '--release'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XINBIAO_TRUST_ROOT: '', XINBIAO_TRUST_LIST: '', ...env } });

/** Keys and a signed trust list (one platform, with its own check page) made the way a root holder does. */
function makeTrust(name: string, platformPublic: string): string {
  const key = JSON.parse(readFileSync(platformPublic, 'utf8'));
  const now = Date.now();
  writeFileSync(file(`${name}.json`), JSON.stringify({
    format: 'xinbiao-trust/1', version: 1, issued: new Date(now - DAY).toISOString(), expires: new Date(now + 365 * DAY).toISOString(),
    issuers: [{
      id: 'prod-platform', name: '正式平台（测试）', kind: 'platform', origins: ['http://127.0.0.1:*'], revoked: [],
      keys: [{ ...key, from: new Date(now - DAY).toISOString(), until: new Date(now + 365 * DAY).toISOString() }],
      check: 'https://platform.example/xinbiao/check?uscc={uscc}',
    }],
  }));
  const signed = xinbiao('trust')('sign', '--key', file('prod-root.private.jwk.json'), '--in', file(`${name}.json`), '--out', file(`${name}.jws`));
  expect(signed.code, signed.stderr).toBe(0);
  return file(`${name}.jws`);
}

let trustJws = '';
test.describe.serial('release build', () => {
  test.beforeAll(() => {
    for (const kid of ['prod-root', 'prod-platform']) expect(xinbiao('keys')('--kid', kid, '--out', dir).code).toBe(0);
    trustJws = makeTrust('trust', file('prod-platform.public.jwk.json'));
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('refuses, in both languages, without a root and list, with a sample root, or with a sample issuer key', () => {
    const none = buildRelease({});
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('未设置 XINBIAO_TRUST_ROOT');
    expect(none.stderr).toContain('XINBIAO_TRUST_LIST (the production trust list, trust.jws) is not set');

    const sampleRoot = buildRelease({ XINBIAO_TRUST_ROOT: join(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), XINBIAO_TRUST_LIST: join(SAMPLES, 'trust/trust.jws') });
    expect(sampleRoot.status).not.toBe(0);
    expect(sampleRoot.stderr).toContain('根公钥 demo-root-2026 是示例密钥');
    expect(sampleRoot.stderr).toContain('the root key demo-root-2026 is a sample key');

    const sampleIssuer = buildRelease({
      XINBIAO_TRUST_ROOT: file('prod-root.public.jwk.json'),
      XINBIAO_TRUST_LIST: makeTrust('sample-issuer', join(SAMPLES, 'keys/demo-platform-2026.public.jwk.json')),
    });
    expect(sampleIssuer.status).not.toBe(0);
    expect(sampleIssuer.stderr).toContain("issuer prod-platform's key demo-platform-2026 is a sample key");
    expect(sampleIssuer.stderr).toContain('签发者 prod-platform 的密钥 demo-platform-2026 是示例密钥');
  });

  test('builds both browsers, store zips and sources without any sample key, sample list, localhost or test path', async () => {
    test.setTimeout(300_000);
    const built = buildRelease({ XINBIAO_TRUST_ROOT: file('prod-root.public.jwk.json'), XINBIAO_TRUST_LIST: trustJws });
    expect(built.status, built.stderr).toBe(0);
    const root = JSON.parse(readFileSync(file('prod-root.public.jwk.json'), 'utf8'));

    for (const browser of ['chrome', 'firefox']) {
      expect(existsSync(join(OUT, `${browser}-mv3/manifest.json`))).toBe(true);
      const zip = await JSZip.loadAsync(readFileSync(join(OUT, `xinbiao-0.1.0-${browser}.zip`)));
      const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(manifest.name).toBe('信标 XinBiao');
      const patterns: string[] = [...manifest.host_permissions, ...manifest.content_scripts.flatMap((c: { matches: string[]; exclude_matches?: string[] }) => [...c.matches, ...(c.exclude_matches ?? [])])];
      expect(patterns.filter((p) => /localhost|127\.0\.0\.1/.test(p))).toEqual([]);
      expect(patterns.length).toBeGreaterThan(0);
      expect(names.filter((n) => /(^|\/)(samples?|test|tests|fixtures)\//.test(n) || n.endsWith('.ndjson'))).toEqual([]);
      expect(JSON.parse(await zip.file('trust/root.public.jwk.json')!.async('string'))).toEqual({ kty: 'OKP', crv: 'Ed25519', x: root.x, kid: 'prod-root' });
      expect((await zip.file('trust/trust.jws')!.async('string')).trim()).toBe(readFileSync(trustJws, 'utf8').trim());
      for (const n of names) {
        const text = await zip.file(n)!.async('string');
        expect(SAMPLE_SECRETS.filter((s) => text.includes(s)), n).toEqual([]);
        expect(/demo-(black|red|abnormal|credit-level|credit-office|platform|root)/.test(text), n).toBe(false);
      }
    }

    const sources = await JSZip.loadAsync(readFileSync(join(OUT, 'xinbiao-0.1.0-sources.zip')));
    const sourceNames = Object.keys(sources.files).filter((n) => !sources.files[n]!.dir);
    expect(sourceNames).toContain('wxt.config.ts');
    expect(sourceNames.filter((n) => /^(samples|test|bench|dist|\.output)\//.test(n))).toEqual([]);
    for (const n of sourceNames) {
      const text = await sources.file(n)!.async('string');
      expect(SAMPLE_SECRETS.filter((s) => text.includes(s)), n).toEqual([]);
    }

    const widget = readdirSync(resolve(ROOT, 'dist/widget-release')).filter((f) => /\.m?js$/.test(f)).map((f) => readFileSync(resolve(ROOT, 'dist/widget-release', f), 'utf8')).join('\n');
    expect(widget).toContain(root.x);
    expect(SAMPLE_SECRETS.filter((s) => widget.includes(s))).toEqual([]);
  });

  test('the release widget trusts its compiled-in root only: a page-supplied root is ignored, the card links to the issuer\'s check', async ({ page }) => {
    const youpin = decodeMark(readFileSync(join(SAMPLES, 'marks/youpin.jws'), 'utf8').trim());
    if (!youpin.ok) throw new Error(youpin.problem);
    writeFileSync(file('payload.json'), JSON.stringify({ ...youpin.payload, iss: 'prod-platform', bind: { origin: FIXTURES, path: '/release/' } }));
    const signed = xinbiao('mark')('sign', '--key', file('prod-platform.private.jwk.json'), '--payload', file('payload.json'));
    expect(signed.code, signed.stderr).toBe(0);
    const token = signed.lines[0].token as string;
    const rogue = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/sites/marks.json'), 'utf8')).rogue as string;
    const trust = readFileSync(trustJws, 'utf8');
    await page.route('**/release/*.html', (route) => {
      const own = route.request().url().endsWith('/own.html');
      // own.html: the platform's trust list, no root given. forged.html: the page's own root and list (attack-root).
      const attrs = own
        ? `token="${token}" trust="/release/trust.jws"`
        : `token="${rogue}" trust="/sites/jd/attack-root.trust.jws" trust-root="/sites/jd/attack-root.root.jwk.json"`;
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><script src="/dist/widget-release/xinbiao.js"></script><xinbiao-mark ${attrs}></xinbiao-mark></html>` });
    });
    await page.route('**/release/trust.jws', (route) => route.fulfill({ contentType: 'application/jose', body: trust }));

    await page.goto(`${FIXTURES}/release/own.html`);
    const mark = page.locator('xinbiao-mark');
    await expect(mark).toHaveAttribute('data-outcome', 'genuine');
    await mark.locator('button').first().click();
    await expect(mark.locator('a[href="https://platform.example/xinbiao/check?uscc=91990000MA2H7Q013E"]')).toContainText('在签发平台核验此标识: 正式平台（测试）');

    // The attack page whose demo widget said "genuine" (test/e2e/extension/attacks.spec.ts): the release widget does not.
    await page.goto(`${FIXTURES}/release/forged.html`);
    await expect(page.locator('xinbiao-mark')).toHaveAttribute('data-outcome', 'unknown-issuer');
  });
});
