import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from 'playwright/test';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGES = 'test/fixtures/pages';
const files = readdirSync(join(ROOT, PAGES)).filter((f) => f.endsWith('.html')).sort();

let bundle = '';
const cli = new Map<string, unknown>();

test.beforeAll(async () => {
  // core/detect as the browser gets it: one IIFE exposing a global, no DOM globals of its own.
  const out = await build({
    stdin: {
      contents: "import { detect, detectionToJson } from './core/detect'; (globalThis as any).XinbiaoDetect = { detect, detectionToJson };",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
  const r = spawnSync('node', ['bin/xinbiao.js', 'detect', ...files.map((f) => `${PAGES}/${f}`)], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  for (const line of r.stdout.trim().split('\n')) {
    const { file, ...rest } = JSON.parse(line) as { file: string };
    cli.set(file, rest);
  }
});

test('every fixture page is covered', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
  expect(cli.size).toBe(files.length);
});

for (const file of files) {
  test(`Chromium finds what the CLI finds: ${file}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/pages/${file}`);
    if (file === 'hostile.html') {
      // The page's own patches are in force in the main world where detection runs.
      expect(await page.evaluate(() => { try { document.createTreeWalker(document.body).nextNode(); return 'intact'; } catch { return 'patched'; } })).toBe('patched');
    }
    await page.addScriptTag({ content: bundle });
    const found = await page.evaluate(() => {
      const api = (globalThis as unknown as { XinbiaoDetect: typeof import('../../../core/detect') }).XinbiaoDetect;
      return api.detectionToJson(api.detect(document));
    });
    const expected = cli.get(`${PAGES}/${file}`) as { subjects: unknown[] };
    expect(found).toEqual(expected);
    expect(errors).toEqual([]);
    if (file !== 'platform-home.html') expect(found.subjects.length).toBeGreaterThan(0);
  });
}
