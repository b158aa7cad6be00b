import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { expect, test } from 'playwright/test';
import { FIXTURE_PORT } from '../../../playwright.config';
import { extensionIdOf as extensionId, launchWithExtension } from '../../support/extension';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURE = `http://127.0.0.1:${FIXTURE_PORT}/audit/`;

function verify(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile('node', ['bin/xinbiao.js', 'audit', 'verify', ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

test.setTimeout(120_000);

test('audit mode exports an evidence folder with the run record that xinbiao audit verify accepts, and catches a changed byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xb-evidence-'));
  const context = await launchWithExtension(join(dir, 'profile'), undefined, { acceptDownloads: true });
  try {
    const target = await context.newPage();
    await target.goto(`${FIXTURE}blacklisted.html`);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${await extensionId(context)}/audit.html?url=${encodeURIComponent(`${FIXTURE}blacklisted.html`)}`);
    await panel.getByRole('button', { name: /审查此页面/ }).click();
    await expect(panel.getByTestId('status')).toContainText('审查完成', { timeout: 20_000 });
    await expect(panel.getByTestId('records').locator('tr')).toHaveCount(1);
    await panel.getByLabel(/执行人 Operator/).fill('王检查');
    const [zip] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: /导出证据包/ }).click()]);
    expect(zip.suggestedFilename()).toMatch(/^xinbiao-audit-evidence-.*\.zip$/);

    const folder = join(dir, 'evidence');
    const archive = await JSZip.loadAsync(readFileSync(await zip.path()));
    for (const [path, entry] of Object.entries(archive.files)) {
      if (entry.dir) continue;
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), await entry.async('uint8array'));
    }
    const run = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8'));
    expect(run.operator).toBe('王检查');
    expect(run.ruleSet.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(run.startedAt).toMatch(/\+08:00$/);
    expect(run.bases['licence-shown']).toContain('《电子商务法》第十五条');
    const records = JSON.parse(readFileSync(join(folder, 'records.json'), 'utf8')).records;
    expect(records).toHaveLength(1);

    const ok = await verify([folder]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, signature: 'unsigned', changed: [], added: [], missing: [] });
    // The extension holds no signing key (docs/audit.md): the reader is told, in both languages.
    expect(ok.stderr).toContain('未签名 UNSIGNED');
    expect(ok.stderr).toContain('proves nothing about who made the report');

    const page = `pages/${records[0].id}/page.html`;
    const bytes = readFileSync(join(folder, page));
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(join(folder, page), bytes);
    const bad = await verify([folder]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).changed).toEqual([page]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
