import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, test, type Page } from 'playwright/test';
import { loadContext } from '../../../cli/audit/context';
import { planRun } from '../../../cli/audit/plan';
import { parseCsv } from '../../../core/audit/csv';
import { serveStatic } from '../../../server/static';
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

test('report.pdf is a PDF with pages; report.html laid out for print shows the demo warning and the summary first', async ({ page }) => {
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

// pdf.js from node_modules, served on 127.0.0.1 with the PDF: the browser fetches nothing from outside.
const VIEWER = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">
<script type="module">
import * as pdfjs from '/pdfjs/build/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
window.pdfjsLib = pdfjs;
</script>`;

/** What pdf.js read and drew: the page count, each asked page's text, page 1 drawn on a canvas and its dark pixels. */
interface Rendered { numPages: number; texts: string[]; width: number; height: number; dark: number }

/** Opens `pdf` with pdf.js in the page, reads the text of `pages` and draws page 1 on a canvas (left in the page). */
async function renderPdf(page: Page, pdf: Buffer, pages: number[]): Promise<Rendered> {
  const pdfjsDir = join(ROOT, 'node_modules/pdfjs-dist');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(VIEWER);
    if (path === '/report.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    if (path.startsWith('/pdfjs/')) return serveStatic(pdfjsDir, path.slice('/pdfjs'.length), req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'pdfjsLib' in window);
    return await page.evaluate(async (asked) => {
      const lib = (window as unknown as { pdfjsLib: typeof import('pdfjs-dist') }).pdfjsLib;
      const doc = await lib.getDocument({ url: '/report.pdf', cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', wasmUrl: '/pdfjs/wasm/' }).promise;
      const texts: string[] = [];
      for (const n of asked) {
        const content = await (await doc.getPage(n)).getTextContent();
        texts.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
      }
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: 1.5 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      canvas.dataset.testid = 'pdf-page-1';
      document.body.append(canvas);
      await first.render({ canvas, viewport }).promise;
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      // Text is drawn dark; the report's coloured backgrounds are light, so they do not count.
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 100 && px[i + 1]! < 100 && px[i + 2]! < 100) dark++;
      return { numPages: doc.numPages, texts, width: canvas.width, height: canvas.height, dark };
    }, pages);
  } finally {
    await new Promise((ok) => server.close(ok));
  }
}

/** Text as pdf.js extracts it wraps where the printed line wraps: compare with all white space removed. */
const squash = (s: string) => s.replace(/\s+/g, '');

test('report.pdf rendered by pdf.js: page 1 shows the demo warning, the summary counts, the run line and its page number; page 2 repeats the run line', async ({ page }) => {
  const pdf = readFileSync(join(out, 'report.pdf'));
  const r = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).run;
  const got = await renderPdf(page, pdf, [1, 2]);
  const shot = await page.getByTestId('pdf-page-1').screenshot();
  await test.info().attach('report.pdf page 1', { body: shot, contentType: 'image/png' });

  const n = got.numPages;
  expect(n).toBe((await PDFDocument.load(pdf)).getPageCount());
  expect(n).toBeGreaterThanOrEqual(2);
  // A4 (210 × 297 mm, about 595 × 842 pt) at scale 1.5.
  expect(Math.abs(got.width / 1.5 - 595)).toBeLessThan(2);
  expect(Math.abs(got.height / 1.5 - 842)).toBeLessThan(2);
  // A page whose text is invisible (or not drawn) has next to no dark pixels; the summary page has tens of thousands.
  expect(got.dark).toBeGreaterThan(5_000);

  const [one, two] = got.texts.map(squash) as [string, string];
  expect(one).toContain(squash('信标审查报告 XinBiao audit report'));
  expect(one).toContain(squash('本报告使用了演示数据（信任列表、信用名单），不得作为执法依据。 This report used the DEMO trust list and credit lists: it is not evidence for enforcement.'));
  expect(one).toContain(squash('页面 Pages 5 · 加载失败 Failed 0 · 执行人 Operator 上海市监局 王检查'));
  // The five drawn pages, counted by hand from the fixtures as saved files (a mark on a file without a saved-from
  // address is "needs review", so a page that shows identity and credit only through its mark misses both):
  //   good-shop            pass 6, needs-review 1 (mark), n/a 3
  //   blacklisted          pass 6, violation 1 (risk-warning), n/a 3
  //   blacklisted-warned   pass 7, n/a 3
  //   mismatch             pass 3, needs-review 1 (mark), violation 3 (subject, identity, credit), n/a 3
  //   home-ok              pass 1 (query windows), n/a 9
  expect(one).toContain(squash('汇总 Summary 4 违规 Violation 2 待复核 Needs review 23 通过 Pass 21 不适用 N/A 0 错误 Error'));

  const runLine = `信标审查报告 XinBiao audit report · ${r.id} · 执行人 Operator 上海市监局 王检查 · 规则集 Rules ${r.ruleSet.version} · xinbiao ${r.tool.version} · ${r.startedAt} – ${r.finishedAt} · 使用演示数据 DEMO DATA`;
  expect(one).toContain(squash(runLine));
  expect(one).toContain(squash(`第 1 / ${n} 页 · Page 1 of ${n}`));
  expect(two).toContain(squash(runLine));
  expect(two).toContain(squash(`第 2 / ${n} 页 · Page 2 of ${n}`));
  expect(two).not.toContain(squash('第 1 /'));
});
