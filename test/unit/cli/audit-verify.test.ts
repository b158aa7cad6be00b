import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealFolder } from '../../../cli/audit/seal';
import { describe as describeResult, verifyFolder } from '../../../cli/audit/verify';
import { generateKeyPair } from '../../../core/crypto';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinbiao-verify-'));
  mkdirSync(join(dir, 'pages/001'), { recursive: true });
  writeFileSync(join(dir, 'report.json'), '{"format":"xinbiao-audit-report/2"}\n');
  writeFileSync(join(dir, 'report.html'), '<!doctype html><h1>信标审查报告</h1>');
  writeFileSync(join(dir, 'pages/001/page.html'), '<html><body>统一社会信用代码：91990000MA5G3R035Y</body></html>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('audit verify', () => {
  it('an untouched folder is intact; its manifest lists every file but itself', async () => {
    const m = await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00');
    expect(m.files.map((f) => f.path)).toEqual(['pages/001/page.html', 'report.html', 'report.json']);
    const r = await verifyFolder(dir);
    expect(r).toMatchObject({ ok: true, changed: [], added: [], missing: [], signature: 'unsigned', files: 3 });
  });

  it('one byte changed fails and names the file; added and missing files are named too', async () => {
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00');
    const file = join(dir, 'pages/001/page.html');
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('9'.charCodeAt(0))] = '8'.charCodeAt(0);
    writeFileSync(file, bytes);
    writeFileSync(join(dir, 'extra.txt'), 'x');
    rmSync(join(dir, 'report.html'));
    const r = await verifyFolder(dir);
    expect(r.ok).toBe(false);
    expect(r.changed).toEqual(['pages/001/page.html']);
    expect(r.added).toEqual(['extra.txt']);
    expect(r.missing).toEqual(['report.html']);
    const lines = describeResult(r);
    expect(lines).toContain(`${dir}: 文件已改动 changed: pages/001/page.html`);
    expect(lines.at(-1)).toBe(`${dir}: 核验未通过 verification FAILED`);
  });

  it('a signed manifest verifies with its key, fails with another, and an edited manifest.json fails the signature', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair('inspector-2026');
    const other = await generateKeyPair('inspector-2026');
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00', privateJwk);
    expect(await verifyFolder(dir, publicJwk)).toMatchObject({ ok: true, signature: 'valid' });
    expect(await verifyFolder(dir, other.publicJwk)).toMatchObject({ ok: false, signature: 'bad-signature' });
    // Re-hashing a changed file into manifest.json does not help: the signature covers the manifest.
    writeFileSync(join(dir, 'report.json'), '{"format":"xinbiao-audit-report/2","forged":true}\n');
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00');
    expect(await verifyFolder(dir, publicJwk)).toMatchObject({ ok: false, signature: 'unsigned' });
  });

  it('a signed folder read without a key is intact but its signature unchecked', async () => {
    const { privateJwk } = await generateKeyPair('inspector-2026');
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00', privateJwk);
    const r = await verifyFolder(dir);
    expect(r).toMatchObject({ ok: true, signature: 'unchecked' });
    expect(describeResult(r)).toContain(`${dir}: 未检查签名（请用 --key 提供公钥） signature not checked (give --key)`);
  });

  it('an unsigned folder (as the extension exports) says so in both languages: intact without a key, failed with one', async () => {
    await sealFolder(dir, 'export-1', '2026-11-30T16:00:00.000+08:00');
    const loose = describeResult(await verifyFolder(dir));
    expect(loose).toHaveLength(2);
    expect(loose[0]).toMatch(new RegExp(`^${dir}: 未签名 UNSIGNED：没有 manifest\\.jws，.*不能证明报告由谁出具.* no manifest\\.jws: .*proves nothing about who made the report`));
    expect(loose[1]).toBe(`${dir}: 报告完整，3 个文件与清单一致 intact: 3 files match the manifest`);
    const { publicJwk } = await generateKeyPair('inspector-2026');
    const strict = await verifyFolder(dir, publicJwk);
    expect(strict).toMatchObject({ ok: false, signature: 'unsigned', changed: [], added: [], missing: [] });
    expect(describeResult(strict)).toEqual([loose[0], `${dir}: 核验未通过 verification FAILED`]);
  });

  it('a signature made for another manifest is a mismatch', async () => {
    const { privateJwk, publicJwk } = await generateKeyPair('inspector-2026');
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00', privateJwk);
    const jws = readFileSync(join(dir, 'manifest.jws'));
    writeFileSync(join(dir, 'report.json'), '{"format":"xinbiao-audit-report/2","forged":true}\n');
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00');
    writeFileSync(join(dir, 'manifest.jws'), jws);
    expect(await verifyFolder(dir, publicJwk)).toMatchObject({ ok: false, signature: 'mismatch', changed: [] });
  });

  it('a symbolic link added to a sealed folder is named as added, not passed over', async () => {
    await sealFolder(dir, 'run-1', '2026-11-30T16:00:00.000+08:00');
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-elsewhere.html`), '<h1>另一份报告</h1>');
    symlinkSync(join(dir, '..', `${dir.split('/').pop()}-elsewhere.html`), join(dir, 'pages/001/screenshot.html'));
    const r = await verifyFolder(dir);
    expect(r).toMatchObject({ ok: false, changed: [], added: ['pages/001/screenshot.html'], missing: [] });
    rmSync(join(dir, '..', `${dir.split('/').pop()}-elsewhere.html`));
  });

  it('a folder without manifest.json cannot be verified', async () => {
    const r = await verifyFolder(dir);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^manifest\.json: /);
  });
});
