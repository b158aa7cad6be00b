import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test } from 'playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../support/chromium';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/audit');
const BASE = 'http://127.0.0.1:4173/audit/';
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')).pages as Record<string, Record<string, string>>;
const fixtures = readdirSync(FIX).filter((f) => f.endsWith('.html')).sort();

function xinbiao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile('node', ['bin/xinbiao.js', 'audit', ...args], { cwd: ROOT, maxBuffer: 64 << 20, timeout: 240_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let out: string;
let run: { code: number; stdout: string; stderr: string };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  out = mkdtempSync(join(tmpdir(), 'xinbiao-audit-'));
  run = await xinbiao(['--out', out, '--retries', '0', '--timeout', '15000', ...fixtures.map((f) => BASE + f), `${BASE}gone.html`, join(FIX, 'no-such-page.html')]);
});
test.afterAll(() => rmSync(out, { recursive: true, force: true }));

test('the fixture set gives exactly the expected findings', () => {
  expect(run.stderr).toContain('failed');
  const pages = lines(run.stdout);
  expect(pages).toHaveLength(fixtures.length + 2);
  for (const file of fixtures) {
    const p = pages.find((x) => x.url === BASE + file);
    expect(p, file).toBeDefined();
    expect(p.status, file).toBe('ok');
    const got = Object.fromEntries(p.findings.map((f: { ruleId: string; outcome: string }) => [f.ruleId, f.outcome]));
    expect(p.findings, file).toHaveLength(Object.keys(expected[file]!).length);
    expect(got, file).toEqual(expected[file]);
  }
});

test('pages that fail to load are reported, not dropped, and the exit code says so', () => {
  expect(run.code).toBe(1);
  const failed = lines(run.stdout).filter((p) => p.status === 'error');
  expect(failed.map((p) => p.input).sort()).toEqual([`${BASE}gone.html`, join(FIX, 'no-such-page.html')].sort());
  for (const p of failed) expect(p.findings).toMatchObject([{ ruleId: 'page-load', outcome: 'error' }]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(report.summary.failedPages).toBe(2);
  expect(report.pages).toHaveLength(fixtures.length + 2);
  const csv = readFileSync(join(out, 'report.csv'), 'utf8');
  expect(csv).toContain('page-load,error');
});

test('every audited page keeps its evidence: screenshot, HTML with its SHA-256, facts, URL and time', () => {
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  for (const p of report.pages.filter((x: { status: string }) => x.status === 'ok')) {
    const png = readFileSync(join(out, p.evidence.screenshot));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const html = readFileSync(join(out, p.evidence.html));
    expect(createHash('sha256').update(html).digest('hex')).toBe(p.evidence.htmlSha256);
    const facts = JSON.parse(readFileSync(join(out, p.evidence.facts), 'utf8'));
    expect(facts.url).toBe(p.url);
    expect(Date.parse(facts.time)).toBeGreaterThan(0);
    expect(facts.input.facts.viewport.height).toBeGreaterThan(0);
  }
});

test('the HTML report opens and shows the summary, the charts and the findings', async ({ page }) => {
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
  await expect(page.getByRole('heading', { name: /信标审查报告/ })).toBeVisible();
  const summary = page.locator('#summary');
  // The expected violations of the fixture pages, counted by hand in expected.json; failed pages add none.
  const violations = Object.values(expected).flatMap((rules) => Object.values(rules)).filter((o) => o === 'violation').length;
  await expect(summary.locator('.card[data-outcome="violation"] .n')).toHaveText(String(violations));
  await expect(summary.locator('.card[data-outcome="error"] .n')).toHaveText('2');
  await expect(summary.locator('svg')).toHaveCount(2);
  await expect(page.locator('section.page')).toHaveCount(fixtures.length + 2);
  const buried = page.locator('section.page', { hasText: `${BASE}buried-licence.html` });
  await expect(buried.locator('tr.o-violation')).toContainText('营业执照信息显著展示');
  await expect(buried.locator('img.shot')).toBeVisible();
  await expect(page.locator('section.page[data-status="error"]')).toHaveCount(2);
  const shot = await page.screenshot({ fullPage: false });
  expect(shot.length).toBeGreaterThan(5_000);
});

test('--browser-ws runs the same audit on a remote browser, --sample picks reproducibly', async () => {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  const dir = mkdtempSync(join(tmpdir(), 'xinbiao-audit-ws-'));
  try {
    const inputs = fixtures.map((f) => BASE + f);
    const a = await xinbiao(['--out', dir, '--quiet', '--browser-ws', server.wsEndpoint(), '--sample', '3', '--seed', 'spot-check', ...inputs]);
    expect(a.code).toBe(0);
    const pa = lines(a.stdout);
    expect(pa).toHaveLength(3);
    for (const p of pa) {
      const file = p.url.slice(BASE.length);
      expect(Object.fromEntries(p.findings.map((f: { ruleId: string; outcome: string }) => [f.ruleId, f.outcome]))).toEqual(expected[file]);
    }
    const b = await xinbiao(['--out', dir, '--quiet', '--browser-ws', server.wsEndpoint(), '--sample', '3', '--seed', 'spot-check', ...inputs]);
    // Pages print as they finish; the sample itself is the same set.
    expect(lines(b.stdout).map((p) => p.url).sort()).toEqual(pa.map((p) => p.url).sort());
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
