import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, test } from 'playwright/test';
import { loadContext } from '../../../cli/audit/context';
import { planRun } from '../../../cli/audit/plan';
import { parseCsv } from '../../../core/audit/csv';
import { CREDIT_DRAWN, CREDIT_POPULATION, CREDIT_WEIGHTS, populationList } from '../../support/credit-population';

const ROOT = resolve(import.meta.dirname, '../../..');
const KEYS = join(ROOT, 'samples/keys');

function xinbiao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile('node', ['bin/xinbiao.js', 'audit', ...args], { cwd: ROOT, maxBuffer: 64 << 20, timeout: 240_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const POPULATION = CREDIT_POPULATION;
const WEIGHTS = CREDIT_WEIGHTS;
const DRAWN = CREDIT_DRAWN;
const INSPECTORS = { inspectors: [{ id: 'SH-01', name: '王一' }, { id: 'SH-02', name: '李二' }, { id: 'SH-03' }], perListing: 2 };

let work: string;
let out: string;
let run: { code: number; stdout: string; stderr: string };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'xinbiao-evidence-'));
  out = join(work, 'report');
  writeFileSync(join(work, 'population.txt'), populationList());
  writeFileSync(join(work, 'weights.json'), JSON.stringify(WEIGHTS));
  writeFileSync(join(work, 'inspectors.json'), JSON.stringify(INSPECTORS));
  run = await xinbiao(['--out', out, '--quiet', '--list', join(work, 'population.txt'), '--weights', join(work, 'weights.json'),
    '--inspectors', join(work, 'inspectors.json'), '--seed', 'spot-2026-11', '--operator', '上海市监局 王检查',
    '--sign-key', join(KEYS, 'demo-credit-office-2026.private.jwk.json')]);
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the run record names tool, rules, trust list and lists with digests, operator, China times, population and the weighted draw', () => {
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const r = report.run;
  expect(r.operator).toBe('上海市监局 王检查');
  expect(r.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
  expect(r.finishedAt >= r.startedAt).toBe(true);
  expect(r.demo).toEqual({ trust: true, lists: true });
  expect(r.lists.map((l: { id: string }) => l.id).sort()).toEqual(['demo-abnormal', 'demo-black', 'demo-credit-level', 'demo-red']);
  for (const l of r.lists) expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(r.population.size).toBe(POPULATION.length);
  expect(Object.fromEntries(r.sample.byClass.map((c: { creditClass: string; drawn: number }) => [c.creditClass, c.drawn]))).toEqual(DRAWN);
  expect(report.pages).toHaveLength(5);
  const classes = report.pages.map((p: { creditClass: string }) => p.creditClass).sort();
  expect(classes).toEqual(['abnormal', 'black', 'black', 'no-record', 'red-top']);
  for (const p of report.pages) expect(p.inspectors).toHaveLength(2);
  const licence = report.pages[0].findings.find((f: { ruleId: string }) => f.ruleId === 'licence-shown');
  expect(licence.basis).toContain('《电子商务法》第十五条');
});

test('the selection, classes and assignment are re-derived from the recorded seed and population', async () => {
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const rows = parseCsv(readFileSync(join(out, 'population.csv'), 'utf8')).slice(1).filter((r) => r.length > 1);
  const population = rows.map(([, input, uscc]) => ({ input: input!, ...(uscc ? { uscc } : {}) }));
  const ctx = await loadContext();
  const again = await planRun(population, ctx.lists, { seedText: report.run.sample.seedText, weights: report.run.sample.weights, inspectors: INSPECTORS }, Date.now());
  expect(again.chosen.map((i) => population[i]!.input)).toEqual(report.pages.map((p: { input: string }) => p.input));
  expect(again.assigned).toEqual(report.pages.map((p: { inspectors: string[] }) => p.inspectors));
  expect(again.population.map((p) => p.creditClass)).toEqual(rows.map((r) => r[3]));
});

test('audit verify: an intact signed folder passes; one byte changed fails naming the file; the wrong key fails', async () => {
  const pub = join(KEYS, 'demo-credit-office-2026.public.jwk.json');
  const ok = await xinbiao(['verify', out, '--key', pub]);
  expect(ok.code, ok.stderr).toBe(0);
  expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, signature: 'valid', changed: [], added: [], missing: [] });

  const wrong = await xinbiao(['verify', out, '--key', join(KEYS, 'rogue-2026.public.jwk.json')]);
  expect(wrong.code).toBe(1);
  expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, signature: 'bad-signature' });
  expect(wrong.stderr).toContain('签名无效');

  const file = join(out, 'pages/002/page.html');
  const saved = join(work, 'page.html.orig');
  copyFileSync(file, saved);
  const bytes = readFileSync(file);
  const at = bytes.length - 2;
  bytes[at] = bytes[at]! ^ 1;
  writeFileSync(file, bytes);
  const changed = await xinbiao(['verify', out]);
  copyFileSync(saved, file);
  expect(changed.code).toBe(1);
  expect(JSON.parse(changed.stdout)).toMatchObject({ ok: false, changed: ['pages/002/page.html'], added: [], missing: [] });
  expect(changed.stderr).toContain('文件已改动 changed: pages/002/page.html');

  const usage = await xinbiao(['verify']);
  expect(usage.code).toBe(2);
});

test('report.pdf is a PDF with pages; the report\'s first printed page shows the demo warning and the summary', async ({ page }) => {
  const pdf = readFileSync(join(out, 'report.pdf'));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['report.pdf', 'report.html', 'report.json', 'report.csv', 'population.csv']));

  // The first page as printed: A4 at 96 dpi less the margins, print media.
  await page.setViewportSize({ width: 703, height: 986 });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.setContent(readFileSync(join(out, 'report.html'), 'utf8'));
  await expect(page.getByTestId('demo-data')).toBeInViewport();
  await expect(page.getByTestId('demo-data')).toContainText('DEMO');
  const cards = page.locator('#summary .card');
  await expect(cards.first()).toBeInViewport();
  const violations = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).summary.total.violation;
  await expect(page.locator('#summary .card[data-outcome="violation"] .n')).toHaveText(String(violations));
  const shot = await page.screenshot();
  expect(shot.length).toBeGreaterThan(10_000);
  await expect(page.locator('#weights tr[data-class="black"] .drawn')).toHaveText('2');
  await expect(page.locator('#assignment tr[data-inspector]')).toHaveCount(3);
  await expect(page.locator('section.site')).not.toHaveCount(0);
});
